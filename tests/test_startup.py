"""A one-file check fit for a hook: the plain rich report is written without rich, and a check
of one file imports none of the heavy packages it does not need."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from pathlib import Path

import pytest

from form16lint.engine import lint
from form16lint.reporters import rich_report
from form16lint.rule import RunOptions
from form16lint.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _paths(shared=None) -> list[str]:
    paths = sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file())
    if shared is not None:
        paths += sorted(str(p) for p in shared("corpus", "edgar-more").iterdir() if p.suffix in (".txt", ".xml"))
    return paths


@pytest.mark.parametrize("corpus", [False, True])
def test_the_plain_report_is_what_rich_writes(plugins, shared, corpus, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    result = lint(_paths(shared if corpus else None), plugins, Settings(), RunOptions())
    plain, with_rich = io.StringIO(), io.StringIO()
    rich_report.write_rich(result, plain, Settings())
    rich_report._write_with_rich(result, with_rich, Settings())
    assert rich_report._plain_lines(result) is not None
    assert plain.getvalue() == with_rich.getvalue()


def test_tabs_and_control_codes_as_rich_writes_them(plugins, tmp_path, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    from filings import ownership_xml

    path = tmp_path / "odd\tname.xml"
    path.write_text(ownership_xml(issuer_name="TAB\tAND\rRETURN INC"))
    result = lint([str(path)], plugins, Settings(), RunOptions())
    plain, with_rich = io.StringIO(), io.StringIO()
    rich_report.write_rich(result, plain, Settings())
    rich_report._write_with_rich(result, with_rich, Settings())
    assert plain.getvalue() == with_rich.getvalue()


HEAVY = ("rich", "jsonschema", "pdfplumber", "dask", "holidays", "pyarrow", "tarfile", "zipfile")


def _loaded_after(script: str, *args: str) -> tuple[str, set[str]]:
    report = f"; print(status, sorted(name for name in {HEAVY!r} if name in sys.modules), file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", script + report, *args], capture_output=True, text=True)
    status, _, names = done.stderr.strip().splitlines()[-1].partition(" ")
    return status, set(ast.literal_eval(names))


def test_a_one_file_check_imports_no_heavy_package():
    # An interpreter may load some of these before any of our code runs (a .pth file of the
    # environment importing certifi pulls in zipfile): only what the check adds counts.
    _, at_start = _loaded_after("import sys; status = 0")
    status, after_check = _loaded_after("import sys; from form16lint.cli import main; status = main(['check', sys.argv[1]])",
                                        str(EXAMPLES / "seed-form4-sonus-notini.xml"))
    assert status == "0"
    assert after_check - at_start == set()


def test_progress_bar_only_on_a_terminal_and_after_a_second(monkeypatch):
    from form16lint import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet = progress.RunProgress(10, stream=io.StringIO())
    quiet(5)
    assert not quiet.enabled and quiet._bar is None
    early = progress.RunProgress(10, stream=Terminal())
    early(1)
    assert early.enabled and early._bar is None and "rich.progress" not in sys.modules or early._bar is None
    monkeypatch.setattr(progress, "DELAY", 0.0)
    late = progress.RunProgress(10, stream=Terminal())
    late(3)
    assert late._bar is not None
    late.close()
    assert late._bar is None
