"""Setting up the plugin manager: add the hook specs, register the built-ins, load entry points.

Built-in readers, reporters and the built-in rule pack are registered by module name, the same
call a third-party pack goes through; third-party packs come from the ``form16lint`` entry-point
group unless ``FORM16LINT_DISABLE_PLUGIN_AUTOLOAD`` is set. A pack that fails to load is reported
and skipped: one broken pack never stops the others.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field

import pluggy

from form16lint import __version__, hookspecs
from form16lint.core_codes import CORE_PACK
from form16lint.registry import Registry, build_registry

ENTRY_POINT_GROUP = "form16lint"
AUTOLOAD_OFF = "FORM16LINT_DISABLE_PLUGIN_AUTOLOAD"

BUILTIN_PLUGINS = (
    "form16lint.readers.edgar_xml",
    "form16lint.readers.edgar_submission",
    "form16lint.readers.canonical_json",
    "form16lint.readers.pdf_plugin",
    "form16lint.readers.text_plugin",
    "form16lint.reporters.builtin",
    "form16lint_rules",
)


@dataclass
class Plugins:
    """The plugin manager of one run, with the plugins that failed to load and their versions."""

    manager: pluggy.PluginManager
    failed_to_load: list[str] = field(default_factory=list)  # plugins whose import or registration failed
    versions: dict[str, str] = field(default_factory=dict)  # plugin name -> its version
    _registry: Registry | None = field(default=None, repr=False)

    @property
    def hook(self):
        return self.manager.hook

    @property
    def registry(self) -> Registry:
        """The codes of this run and who owns each (built once, on first use). A pack refused
        for a code another already has is unregistered and its note joins ``load_errors``."""
        if self._registry is None:
            self._registry = build_registry(self._pack_rules())
            for name in self._registry.refused:
                if self.manager.has_plugin(name):
                    self.manager.unregister(name=name)
        return self._registry

    @property
    def load_errors(self) -> list[str]:
        """Every plugin that failed to load and every pack the registry refused, in words."""
        return self.failed_to_load + list(self.registry.refused.values())

    def filing_rules(self):
        return self.registry.filing_rules()

    def collection_rules(self):
        return self.registry.collection_rules()

    def all_rules(self):
        """Every code with its documentation, the core's included, by code."""
        return self.registry.rules()

    def packs(self) -> list[tuple[str, str]]:
        """(name, version) of the core and of every pack that gives rules, in registration order."""
        names = dict.fromkeys(rule.pack for rule in self.registry.owners.values())
        return [(name, __version__ if name == CORE_PACK else self.versions.get(name, "unknown")) for name in names]

    def output_formats(self) -> dict:
        formats: dict = {}
        for provided in reversed(self.hook.form16lint_output_formats()):
            formats.update(provided or {})
        return formats

    def _pack_rules(self) -> list:
        """(plugin name, its rules or the exception its hooks raised), in registration order."""
        impls = {}
        for caller in (self.hook.form16lint_filing_rules, self.hook.form16lint_collection_rules):
            for impl in caller.get_hookimpls():
                impls.setdefault(impl.plugin_name, []).append(impl)
        found = []
        for name in self.manager.list_name_plugin():
            name = name[0]
            if name not in impls:
                continue
            try:
                rules = [rule for impl in impls[name] for rule in impl.function() or ()]
            except Exception as error:  # a broken pack is refused, never fatal
                rules = error
            found.append((name, rules))
        return found


def load_plugins(*, autoload: bool | None = None, extra: tuple = (), blocked: tuple = (),
                 disabled: tuple = ()) -> Plugins:
    """The plugin manager for one run. ``extra`` are further plugin objects or module names
    (tests use it to add a pack); ``blocked`` names plugins not to register; ``disabled`` names
    packs the user switched off (``--disable-pack``, ``disable-packs``): a name that is no
    plugin's is a :class:`~form16lint.errors.UsageError`, so that a misspelt name never leaves
    a pack running."""
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    for name in tuple(blocked) + tuple(disabled):
        manager.set_blocked(name)
    candidates = list(BUILTIN_PLUGINS)
    for name in BUILTIN_PLUGINS:
        _register(plugins, name, lambda name=name: importlib.import_module(name), __version__)
    if autoload is None:
        autoload = not os.environ.get(AUTOLOAD_OFF)
    if autoload:
        from form16lint.entry_points import entry_points

        for name, load, version in entry_points(ENTRY_POINT_GROUP):
            candidates.append(name)
            _register(plugins, name, load, version)
    for plugin in extra:
        if isinstance(plugin, str):
            candidates.append(plugin)
            _register(plugins, plugin, lambda plugin=plugin: importlib.import_module(plugin))
        else:
            name = getattr(plugin, "__name__", None) or repr(plugin)
            candidates.append(name)
            _register(plugins, name, lambda plugin=plugin: plugin)
    unknown = [name for name in disabled if name not in candidates]
    if unknown:
        from form16lint.errors import UsageError

        packs = [name for name in candidates if name == "form16lint_rules" or name not in BUILTIN_PLUGINS]
        raise UsageError(f"no pack is named {', '.join(map(repr, unknown))} (packs: {', '.join(packs)})")
    return plugins


def _register(plugins: Plugins, name: str, load, version: str | None = None) -> None:
    manager = plugins.manager
    if manager.is_blocked(name) or manager.has_plugin(name):
        return
    try:
        plugin = load()
        manager.register(plugin, name=name)
        manager.check_pending()
    except Exception as error:  # a broken pack is reported, never fatal
        if manager.get_plugin(name) is not None:
            manager.unregister(name=name)
        plugins.failed_to_load.append(f"plugin {name!r} could not be loaded: {type(error).__name__}: {error}")
        return
    plugins.versions[name] = version or str(getattr(plugin, "__version__", "") or "unknown")
