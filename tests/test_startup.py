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


HEAVY = ("rich", "jsonschema", "pdfplumber", "dask", "holidays", "pyarrow", "tarfile", "zipfile", "shutil",
         # the readers and writers an XML file checked in the rich format does not use
         "form16lint.readers.pdf", "form16lint.readers.extracted_text", "form16lint.canonical",
         "form16lint.reporters.html", "form16lint.reporters.sarif", "form16lint.reporters.junit")


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


def test_a_lazy_regex_compiles_on_first_use_and_matches_as_re_does():
    import re

    from form16lint.lazy_regex import LazyRegex

    lazy = LazyRegex(r"(?P<word>[a-z]+) (\d+)", re.IGNORECASE)
    assert lazy._compiled is None and lazy.pattern == r"(?P<word>[a-z]+) (\d+)"
    eager = re.compile(lazy.pattern, re.IGNORECASE)
    text = "Vests 25 on Day 30"
    assert lazy.search(text).groups() == eager.search(text).groups()
    assert lazy._compiled is not None
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub(r"\2", text) == eager.sub(r"\2", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.groupindex == eager.groupindex and lazy.groups == 2
    assert lazy.search(text, 6).span() == eager.search(text, 6).span()


def test_a_check_of_a_filing_without_vesting_text_compiles_no_vesting_clause():
    script = ("import sys; from form16lint.cli import main; status = main(['check', sys.argv[1]]); "
              "from form16lint.rulekit.vesting import CLAUSES; "
              "print(status, sum(pattern._compiled is not None for pattern, _ in CLAUSES), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, str(EXAMPLES / "clean-form4.xml")],
                          capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "0 0"


def test_the_command_pauses_the_collector_while_it_starts_and_resumes_it_after():
    script = ("import gc, sys; from form16lint.startup import main; "
              "sys.argv = ['form16lint', 'check', sys.argv[1]]; status = main(); "
              "print(status, gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, str(EXAMPLES / "clean-form4.xml")], capture_output=True, text=True)
    # start-up's objects were frozen out of the collector's passes, and the collector runs again
    assert done.stderr.strip().splitlines()[-1] == "0 True True"


def test_calling_the_command_from_code_leaves_the_collector_alone():
    import gc

    from form16lint.cli import main

    assert main(["check", str(EXAMPLES / "clean-form4.xml")]) == 0
    assert gc.isenabled()
