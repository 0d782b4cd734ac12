"""Configuration keys a pack declares for itself.

A pack returns :class:`PackOption` declarations from the ``form16lint_pack_options`` hook. The
user sets them in the pack's table of the configuration::

    # pyproject.toml                       # .form16lint.toml
    [tool.form16lint.packs.mypack]         [packs.mypack]
    large-sale = 250000                    large-sale = 250000

:func:`resolve_pack_options` checks every table against the declarations of the loaded packs (an
unknown pack or key, or a value of the wrong type, is a usage error naming the file, the pack and
the key) and gives each pack its values with the defaults filled in; rules read them as
``options.pack(self.pack)["large-sale"]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from form16lint.errors import UsageError

if TYPE_CHECKING:
    from form16lint.plugins import Plugins

KINDS = {"text": str, "integer": int, "number": (int, float), "boolean": bool, "list": list}


@dataclass(frozen=True)
class PackOption:
    """One configuration key of a pack: its name, what it means, its default and its kind
    (``text``, ``integer``, ``number``, ``boolean`` or ``list`` of strings)."""

    key: str
    help: str
    default: object = None
    kind: str = "text"

    def check(self, value):
        """The value if it is of this option's kind, else ValueError saying what was expected."""
        expected = KINDS[self.kind]
        wrong_bool = isinstance(value, bool) and self.kind in ("integer", "number")
        if not isinstance(value, expected) or wrong_bool:
            raise ValueError(f"expected {'a' if self.kind != 'integer' else 'an'} {self.kind}, got {value!r}")
        if self.kind == "list" and not all(isinstance(item, str) for item in value):
            raise ValueError(f"expected a list of strings, got {value!r}")
        return value


def declared_options(plugins: "Plugins") -> dict[str, dict[str, PackOption]]:
    """Pack name -> its declared options by key, for the loaded packs that declare any."""
    declared: dict[str, dict[str, PackOption]] = {}
    for impl in plugins.hook.form16lint_pack_options.get_hookimpls():
        options = impl.function() or ()
        declared[impl.plugin_name] = {option.key: option for option in options}
    return declared


def resolve_pack_options(plugins: "Plugins", tables: dict[str, dict], where: str | None = None) -> dict[str, dict]:
    """Pack name -> its option values (defaults, then what ``tables`` set), checking ``tables``
    (pack name -> the keys the configuration at ``where`` gives it)."""
    declared = declared_options(plugins)
    source = where or "the configuration"
    resolved = {pack: {key: option.default for key, option in options.items()}
                for pack, options in declared.items()}
    for pack, table in tables.items():
        if pack not in declared:
            packs = ", ".join(sorted(declared)) or "none"
            raise UsageError(f"{source}: the table packs.{pack} is for a pack that is not loaded or declares no "
                             f"options (packs with options: {packs})")
        for key, value in table.items():
            option = declared[pack].get(key)
            if option is None:
                raise UsageError(f"{source}: unknown key {key!r} for pack {pack!r} "
                                 f"(its keys: {', '.join(declared[pack]) or 'none'})")
            try:
                resolved[pack][key] = option.check(value)
            except ValueError as error:
                raise UsageError(f"{source}: bad value for {key!r} of pack {pack!r}: {error}") from None
    return resolved
