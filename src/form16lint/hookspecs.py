"""The hooks a form16lint plugin may implement.

Every hook is called with keyword arguments, so an implementation may accept fewer arguments than
the spec names and keep working as specs grow. Built-in readers, reporters and the built-in rule
pack are plugins registered exactly like a third-party pack, which is found through the
``form16lint`` entry-point group::

    [project.entry-points.form16lint]
    mypack = "mypack.rules"

and implements any of these hooks, marked with :data:`hookimpl`.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("form16lint")
hookimpl = pluggy.HookimplMarker("form16lint")


@hookspec
def form16lint_filing_rules():
    """Return the rules this pack runs over one filing at a time.

    Each is an instance of :class:`form16lint.rule.FilingRule`.
    """


@hookspec
def form16lint_collection_rules():
    """Return the rules this pack runs over all the filings checked together.

    Each is an instance of :class:`form16lint.rule.CollectionRule`.
    """


@hookspec(firstresult=True)
def form16lint_read_document(path, data):
    """Read one input file into a :class:`form16lint.model.Document`.

    ``data`` holds the file's bytes. Return None when the content is not this reader's format: the
    first reader to return a Document claims the file. Choose by content, never by file name, and
    import heavy libraries only once the content is known to be yours.
    """


@hookspec
def form16lint_output_formats():
    """Return a mapping of output format name to a reporter.

    A reporter is a callable ``reporter(result, stream)`` that writes a
    :class:`form16lint.engine.LintResult` to the text stream.
    """
