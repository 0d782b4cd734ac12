"""The hooks a form16lint plugin may implement, with the types they take and return.

Every hook is called with keyword arguments, so an implementation may accept fewer arguments than
the spec names and keep working as specs grow. Built-in readers, reporters and the built-in rule
pack are plugins registered exactly like a third-party pack, which is found through the
``form16lint`` entry-point group::

    [project.entry-points.form16lint]
    mypack = "mypack.rules"

and implements any of these hooks, marked with :data:`hookimpl`. A pack may set ``__version__``
on its module; for a pack installed from a distribution, the distribution's version is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

import pluggy

if TYPE_CHECKING:
    from form16lint.engine import LintResult
    from form16lint.model import Document
    from form16lint.pack_options import PackOption
    from form16lint.rule import CollectionRule, FilingRule
    from form16lint.settings import Settings

hookspec = pluggy.HookspecMarker("form16lint")
hookimpl = pluggy.HookimplMarker("form16lint")


class Reporter(Protocol):
    """What :func:`form16lint_output_formats` maps a format name to. The command calls it as
    ``reporter(result, stream, settings)``, and with these three arguments only."""

    def __call__(self, result: "LintResult", stream: TextIO, settings: "Settings") -> None:
        """Write ``result`` to the text ``stream``; ``settings`` are the run's (colour, the
        configuration) for a reporter that needs them."""


@hookspec
def form16lint_filing_rules() -> "Sequence[FilingRule]":
    """Return the rules this pack runs over one filing at a time.

    Each is an instance of :class:`form16lint.rule.FilingRule` with a code no other pack (nor
    the core) declares: the registry refuses a pack that takes a code already taken.
    """


@hookspec
def form16lint_collection_rules() -> "Sequence[CollectionRule]":
    """Return the rules this pack runs over all the filings checked together.

    Each is an instance of :class:`form16lint.rule.CollectionRule`.
    """


@hookspec(firstresult=True)
def form16lint_read_document(path: str, data: bytes) -> "Document | None":
    """Read one input file into a :class:`form16lint.model.Document`.

    ``data`` holds the file's bytes. Return None when the content is not this reader's format: the
    first reader to return a Document claims the file. Choose by content, never by file name, and
    import heavy libraries only once the content is known to be yours.
    """


@hookspec
def form16lint_output_formats() -> "Mapping[str, Reporter]":
    """Return a mapping of output format name to a :class:`Reporter`:
    ``reporter(result, stream, settings)`` writes a :class:`form16lint.engine.LintResult` to the
    text stream.
    """


@hookspec
def form16lint_pack_options() -> "Sequence[PackOption]":
    """Return the configuration keys this pack reads, as :class:`form16lint.pack_options.PackOption`.

    The user sets them in the pack's own table of the configuration (``[tool.form16lint.packs.NAME]``
    in pyproject.toml, ``[packs.NAME]`` in ``.form16lint.toml``, NAME being the pack's entry-point
    name); the configuration checks them (an unknown key or a value of the wrong type stops the run
    with exit status 2) and rules read them with ``options.pack(self.pack)``.
    """
