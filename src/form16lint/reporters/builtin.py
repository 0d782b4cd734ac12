"""The built-in output formats, registered as one plugin. A format's module is imported when a run
writes that format, not before: a run that writes the rich report never loads the HTML or SARIF
writers."""

from __future__ import annotations

import importlib

from form16lint.hookspecs import hookimpl

# format name: (module, function); each function is called as ``write(result, stream, settings)``
FORMATS = {
    "rich": ("form16lint.reporters.rich_report", "write_rich"),
    "concise": ("form16lint.reporters.concise", "write_concise"),
    "json": ("form16lint.reporters.json_report", "write_json"),
    "sarif": ("form16lint.reporters.sarif", "write_sarif"),
    "github": ("form16lint.reporters.github", "write_github"),
    "junit": ("form16lint.reporters.junit", "write_junit"),
    "html": ("form16lint.reporters.html", "write_html"),
}


class DeferredReporter:
    """A reporter whose module is imported when it is first used: called, or asked for one of the
    writer's own attributes (``needs_documents``), which read through to the writer."""

    def __init__(self, module: str, function: str):
        self.module = module
        self.function = function

    def writer(self):
        return getattr(importlib.import_module(self.module), self.function)

    def __call__(self, result, stream, settings=None) -> None:
        self.writer()(result, stream, settings)

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("module", "function"):
            raise AttributeError(name)
        return getattr(self.writer(), name)

    def __repr__(self) -> str:
        return f"<reporter {self.module}.{self.function}>"


@hookimpl
def form16lint_output_formats():
    return {name: DeferredReporter(module, function) for name, (module, function) in FORMATS.items()}
