"""Each case of the README's exit-status section, one test each."""

from __future__ import annotations

import pytest

from filings import nd_tx, ownership_xml
from form16lint.cli import main

CLEAN = ownership_xml(nd_transactions=[nd_tx()])
BROKEN = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")])  # S003, an error
LATE = ownership_xml(nd_transactions=[nd_tx(date="2024-01-02")])  # D005, a warning


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FORM16LINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    return tmp_path


# -- 0 -------------------------------------------------------------------------------------------
def test_0_when_no_finding_reaches_fail_on(here):
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "a.xml"]) == 0


def test_0_with_warnings_below_fail_on_and_1_when_fail_on_names_them(here):
    (here / "late.xml").write_text(LATE)
    assert main(["check", "--select", "D005", "late.xml"]) == 0
    assert main(["check", "--select", "D005", "--fail-on", "warning", "late.xml"]) == 1


def test_0_for_files_skipped_as_no_filing(here):
    (here / "notes.txt").write_text("Ask the CFO about the grant.\n")
    assert main(["check", "notes.txt"]) == 0
    assert main(["check", "--fail-on", "info", "notes.txt"]) == 1


def test_0_when_the_finding_is_suppressed_or_in_the_baseline(here):
    (here / "b.xml").write_text(BROKEN)
    assert main(["check", "--write-baseline", "known.json", "b.xml"]) == 0  # once written
    assert main(["check", "--baseline", "known.json", "b.xml"]) == 0
    (here / ".form16lint-ignore.toml").write_text('[[ignore]]\nfile = "b.xml"\ncode = "S003"\nreason = "ok"\n')
    assert main(["check", "b.xml"]) == 0


def test_0_for_an_empty_run_only_when_allowed_or_all_excluded(here):
    (here / "empty").mkdir()
    assert main(["check", "--allow-empty", "empty"]) == 0
    (here / "a.xml").write_text(BROKEN)
    (here / ".form16lint.toml").write_text('exclude = ["a.xml"]\n')
    assert main(["check", "a.xml"]) == 0


# -- 1 -------------------------------------------------------------------------------------------
def test_1_for_a_rule_error(here):
    (here / "b.xml").write_text(BROKEN)
    assert main(["check", "b.xml"]) == 1


def test_1_for_a_file_that_cannot_be_read_whatever_select_says(here):
    (here / "garbage.xml").write_text("<ownershipDocument><documentType>4")
    assert main(["check", "--select", "S,B001", "garbage.xml"]) == 1
    assert main(["check", "--select", "S", "--ignore", "E002", "garbage.xml"]) == 0  # named: dropped


def test_1_for_a_file_over_a_limit(here):
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "--max-file-size", "0.001", "a.xml"]) == 1


def test_1_for_a_folder_inside_that_cannot_be_listed(here, monkeypatch):
    import os

    (here / "filings" / "locked").mkdir(parents=True)
    (here / "filings" / "a.xml").write_text(CLEAN)
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(
        PermissionError(13, "Permission denied", str(path))) if str(path).endswith("locked") else real(path))
    assert main(["check", "filings"]) == 1


def test_1_for_a_rule_that_crashed(here, monkeypatch):
    import form16lint.plugins as plugins_module
    from form16lint.hookspecs import hookimpl
    from form16lint.rule import FilingRule

    class Crash(FilingRule):
        code, name = "Z999", "crash"

        def check(self, filing, context):
            raise RuntimeError("boom")

    class Pack:
        @hookimpl
        def form16lint_filing_rules(self):
            return [Crash()]

    real = plugins_module.load_plugins
    monkeypatch.setattr(plugins_module, "load_plugins", lambda **kw: real(extra=(Pack(),), **kw))
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "a.xml"]) == 1


# -- 2 -------------------------------------------------------------------------------------------
def test_2_for_a_bad_option(here):
    (here / "a.xml").write_text(CLEAN)
    with pytest.raises(SystemExit) as raised:
        main(["check", "--fail-on", "sometimes", "a.xml"])
    assert raised.value.code == 2


@pytest.mark.parametrize("arguments, config", [
    (["--select", "S999"], None),
    ([], "unknown-key = 1\n"),
    ([], 'fail-on = "never"\n'),
    ([], 'severity = { Q123 = "info" }\n'),
])
def test_2_for_a_bad_configuration_or_an_unknown_code(here, arguments, config):
    (here / "a.xml").write_text(CLEAN)
    if config:
        (here / ".form16lint.toml").write_text(config)
    assert main(["check", *arguments, "a.xml"]) == 2


def test_2_for_a_missing_path_after_the_others_are_checked(here, capsys):
    (here / "b.xml").write_text(BROKEN)
    assert main(["check", "--format", "concise", "b.xml", "missing.xml"]) == 2
    assert "S003" in capsys.readouterr().out


def test_2_for_a_symlink_loop(here):
    (here / "loop.xml").symlink_to("loop.xml")
    assert main(["check", "loop.xml"]) == 2


def test_2_for_a_run_that_found_no_file(here):
    (here / "empty").mkdir()
    assert main(["check", "empty"]) == 2


def test_2_for_a_pack_that_failed_to_load_with_strict_packs(here, monkeypatch):
    import form16lint.plugins as plugins_module

    real = plugins_module.load_plugins

    def broken(**kwargs):
        plugins = real(**kwargs)
        plugins.failed_to_load.append("plugin 'x' could not be loaded: ImportError")
        return plugins

    monkeypatch.setattr(plugins_module, "load_plugins", broken)
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "a.xml"]) == 0
    assert main(["check", "--strict-packs", "a.xml"]) == 2


@pytest.mark.parametrize("output", ["a.xml", "folder", "no-such-folder/report.txt"])
def test_2_for_an_output_path_that_is_an_input_a_folder_or_unwritable(here, output):
    (here / "a.xml").write_text(CLEAN)
    (here / "folder").mkdir()
    assert main(["check", "a.xml", "-o", output]) == 2
    assert (here / "a.xml").read_text() == CLEAN


def test_2_for_an_internal_error(here, monkeypatch, capsys):
    import form16lint.engine as engine

    monkeypatch.setattr(engine, "lint", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug")))
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "a.xml"]) == 2
    assert "internal error" in capsys.readouterr().err


def test_other_commands(here):
    (here / "notes.txt").write_text("hello\n")
    assert main(["rules"]) == 0
    assert main(["explain", "S003"]) == 0
    assert main(["explain", "Q999"]) == 2
    assert main(["show", "notes.txt"]) == 1
    assert main(["extract", "notes.txt"]) == 1
