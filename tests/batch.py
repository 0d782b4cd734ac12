"""Lint several filings written by a test together, as the rules across filings need."""

from __future__ import annotations

from form16lint.engine import lint
from form16lint.rule import RunOptions
from form16lint.settings import Settings


def lint_files(tmp_path, plugins, files: dict[str, str], select: list[str], options=None):
    """Write each {name: text} into tmp_path, lint them in one run, return the findings."""
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    settings = Settings()
    settings.select = select
    return lint(paths, plugins, settings, options or RunOptions()).findings
