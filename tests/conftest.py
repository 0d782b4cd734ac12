"""Shared fixtures: lint a filing written by a test, and find ../shared when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from form16lint.engine import lint
from form16lint.plugins import load_plugins
from form16lint.rule import RunOptions
from form16lint.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def plugins():
    return load_plugins(autoload=False)


@pytest.fixture
def lint_text(tmp_path, plugins):
    """lint_text(text, name="filing.xml", options=None, select=None) -> LintResult."""

    def run(text, name="filing.xml", options=None, select=None, settings=None):
        path = tmp_path / name
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        settings = settings or Settings()
        if select:
            settings.select = select
        return lint([str(path)], plugins, settings, options or RunOptions())

    return run


@pytest.fixture
def codes_for(lint_text):
    """codes_for(text, code) -> the findings of that code (a list), linting only that code."""

    def run(text, code, **kwargs):
        result = lint_text(text, select=[code], **kwargs)
        return [f for f in result.findings if f.code == code]

    return run


def shared_path(*parts) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared test material sits beside the project only in its own workspace")
    return path


@pytest.fixture
def shared():
    return shared_path
