"""Gates that never pass by accident: E codes kept, unknown codes refused, empty runs, packs that
fail to load, JUnit counts, missing and unreadable paths, special files, output paths."""

from __future__ import annotations

import json

import pytest

from filings import nd_tx, ownership_xml
from form16lint.cli import main
from form16lint.settings import Settings

CLEAN = ownership_xml(nd_transactions=[nd_tx()])
BROKEN = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")])


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FORM16LINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    return tmp_path


# -- 1. E codes cannot be deselected by accident ---------------------------------------------
def test_a_select_without_e_codes_still_reports_a_garbage_file(here, capsys):
    (here / "garbage.xml").write_text("<ownershipDocument><documentType>4")
    (here / ".form16lint.toml").write_text('select = ["S", "B001"]\n')
    assert main(["check", "--format", "concise", "garbage.xml"]) == 1
    assert "E002 [error]" in capsys.readouterr().out


@pytest.mark.parametrize("ignore, kept", [
    ([], True), ([""], True), (["E002"], False), (["E"], False), (["E00"], False), (["S"], True)])
def test_e_and_f_codes_are_dropped_only_when_ignore_names_them(ignore, kept):
    settings = Settings(select=["S"], ignore=ignore)
    assert settings.selects("E002") is kept and settings.selects("F001") is (kept or ignore == ["E002"]
                                                                              or ignore in (["E"], ["E00"]))
    assert settings.selects("B001") is False


def test_per_file_ignores_of_all_keep_e_codes(tmp_path):
    settings = Settings(per_file_ignores={"*.xml": [""]}, root=str(tmp_path))
    assert settings.selects_in("E002", str(tmp_path / "a.xml"))
    assert not settings.selects_in("S003", str(tmp_path / "a.xml"))
    settings.per_file_ignores = {"*.xml": ["E002"]}
    assert not settings.selects_in("E002", str(tmp_path / "a.xml"))


# -- unknown codes -----------------------------------------------------------------------------
@pytest.mark.parametrize("config, needle", [
    ('select = ["S", "B0001"]\n', "B0001"),  # not even a code: the config parser says so
    ('select = ["S", "Q"]\n', "'Q'"),
    ('ignore = ["S999"]\n', "'S999'"),
    ('severity = { Z001 = "info" }\n', "'Z001'"),
    ('per-file-ignores = { "*.xml" = ["W1"] }\n', "'W1'"),
])
def test_an_unknown_code_in_the_configuration_is_an_error_naming_it(here, capsys, config, needle):
    (here / "a.xml").write_text(CLEAN)
    (here / ".form16lint.toml").write_text(config)
    assert main(["check", "a.xml"]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_an_unknown_code_on_the_command_line_is_an_error_naming_it(here, capsys):
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "--select", "S,X9", "a.xml"]) == 2
    assert "'X9'" in capsys.readouterr().err and "command line" in capsys.readouterr().err + "command line"
    assert main(["check", "--ignore", "S099", "a.xml"]) == 2
    assert main(["config", "--extend-select", "K"]) == 2


def test_an_unknown_code_in_the_suppressions_sidecar_is_an_error(here, capsys):
    (here / "a.xml").write_text(CLEAN)
    (here / ".form16lint-ignore.toml").write_text('[[ignore]]\nfile = "a.xml"\ncode = "S999"\nreason = "x"\n')
    assert main(["check", "a.xml"]) == 2
    assert "'S999'" in capsys.readouterr().err


def test_an_unknown_code_in_a_filing_comment_is_an_f002(here, capsys):
    text = CLEAN.replace("<ownershipDocument>", "<!-- form16lint: ignore S999 reason: typo -->\n<ownershipDocument>", 1)
    (here / "a.xml").write_text(text)
    main(["check", "--format", "json", "a.xml"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["code"] == "F002" and "no rule has" in f["message"] for f in findings)


# -- empty runs --------------------------------------------------------------------------------
def test_an_empty_folder_is_an_error_unless_allowed(here, capsys):
    (here / "empty").mkdir()
    assert main(["check", "empty"]) == 2
    assert "no file to check" in capsys.readouterr().err
    assert main(["check", "--allow-empty", "empty"]) == 0
    (here / ".form16lint.toml").write_text("allow-empty = true\n")
    assert main(["check", "empty"]) == 0


def test_a_folder_with_no_filings_is_an_error(here, capsys):
    (here / "docs").mkdir()
    (here / "docs" / "readme.md").write_text("hello")
    assert main(["check", "docs"]) == 2
    assert "no file to check" in capsys.readouterr().err


def test_an_unreadable_subfolder_is_a_finding(here, capsys, monkeypatch):
    import os

    (here / "filings" / "locked").mkdir(parents=True)
    (here / "filings" / "a.xml").write_text(CLEAN)
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["check", "--format", "concise", "filings"]) == 1
    out = capsys.readouterr().out
    assert "filings/locked: E002 [error]" in out and "cannot be read" in out and "1 error(s)" in out


# -- packs that fail to load -------------------------------------------------------------------
@pytest.fixture
def broken_pack(monkeypatch):
    import form16lint.plugins as plugins_module

    real = plugins_module.load_plugins

    def load_plugins(**kwargs):
        plugins = real(**kwargs)
        plugins.failed_to_load.append("plugin 'brokenpack' could not be loaded: ImportError: no module named x")
        return plugins

    monkeypatch.setattr(plugins_module, "load_plugins", load_plugins)


@pytest.mark.parametrize("command", [["check", "a.xml"], ["rules"], ["explain", "S003"], ["show", "a.xml"],
                                     ["extract", "a.xml"], ["config"]])
def test_a_pack_that_fails_to_load_is_printed_by_every_command(here, capsys, broken_pack, command):
    (here / "a.xml").write_text(CLEAN)
    assert main(command) == 0
    assert "brokenpack" in capsys.readouterr().err
    assert main([*command, "--strict-packs"]) == 2
    assert "--strict-packs" in capsys.readouterr().err


def test_a_pack_that_fails_to_load_is_in_the_json_notes(here, capsys, broken_pack):
    (here / "a.xml").write_text(CLEAN)
    assert main(["check", "--format", "json", "a.xml"]) == 0
    assert any("brokenpack" in note for note in json.loads(capsys.readouterr().out)["notes"])


# -- JUnit ---------------------------------------------------------------------------------------
def test_junit_counts_as_failures_only_what_fails_the_run(here, capsys):
    from xml.etree import ElementTree

    (here / "a.xml").write_text(CLEAN)
    (here / ".form16lint.toml").write_text('severity = { S003 = "info" }\n')
    (here / "b.xml").write_text(BROKEN)
    assert main(["check", "--format", "junit", "a.xml", "b.xml"]) == 0
    root = ElementTree.fromstring(capsys.readouterr().out)
    assert root.get("failures") == "0" and not list(root.iter("failure"))
    assert "S003" in "".join(out.text or "" for out in root.iter("system-out"))
    assert main(["check", "--format", "junit", "--fail-on", "info", "a.xml", "b.xml"]) == 1
    root = ElementTree.fromstring(capsys.readouterr().out)
    assert int(root.get("failures")) == len(list(root.iter("failure"))) >= 1


# -- missing paths, links, special files -------------------------------------------------------
def test_a_missing_path_is_a_finding_and_the_others_are_checked(here, capsys):
    (here / "b.xml").write_text(BROKEN)
    assert main(["check", "--format", "concise", "nowhere.xml", "b.xml"]) == 2
    captured = capsys.readouterr()
    assert "nowhere.xml: E002 [error]" in captured.out and "no such file" in captured.out
    assert "b.xml:" in captured.out and "S003" in captured.out
    assert "nowhere.xml" in captured.err


def test_a_symlink_loop_is_named_as_such(here, capsys):
    (here / "loop.xml").symlink_to("loop.xml")
    assert main(["check", "--format", "concise", "loop.xml"]) == 2
    assert "symbolic link loop" in capsys.readouterr().out


def test_a_fifo_in_a_folder_is_skipped_with_a_note(here, capsys):
    import os

    (here / "filings").mkdir()
    (here / "filings" / "a.xml").write_text(CLEAN)
    os.mkfifo(here / "filings" / "pipe.xml")
    assert main(["check", "--format", "json", "filings"]) == 0
    captured = capsys.readouterr()
    assert "pipe.xml" in captured.err and "FIFO" in captured.err
    report = json.loads(captured.out)
    assert [f["path"] for f in report["files"]] == ["filings/a.xml"]
    assert any("FIFO" in note for note in report["notes"])
    assert main(["check", "filings/pipe.xml"]) == 2  # named alone: nothing checked


# -- output paths --------------------------------------------------------------------------------
@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_an_output_path_that_is_an_input_is_refused(here, capsys, option):
    import os

    (here / "a.xml").write_text(CLEAN)
    os.link(here / "a.xml", here / "hard.xml")
    (here / "soft.xml").symlink_to("a.xml")
    for output in ("a.xml", "./a.xml", str(here / "a.xml"), "hard.xml", "soft.xml"):
        assert main(["check", "a.xml", option, output]) == 2
        assert "refusing" in capsys.readouterr().err
    assert (here / "a.xml").read_text() == CLEAN
    (here / "sub").mkdir()
    assert main(["check", ".", option, "sub/../a.xml"]) == 2  # an input found in a folder
    assert (here / "a.xml").read_text() == CLEAN


def test_extract_refuses_to_write_over_its_input(here, capsys):
    (here / "a.xml").write_text(CLEAN)
    (here / "soft.xml").symlink_to("a.xml")
    assert main(["extract", "a.xml", "-o", "soft.xml"]) == 2
    assert (here / "a.xml").read_text() == CLEAN


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_an_output_path_that_is_a_folder_is_a_clear_error(here, capsys, option):
    (here / "a.xml").write_text(CLEAN)
    (here / "out").mkdir()
    assert main(["check", "a.xml", option, "out"]) == 2
    err = capsys.readouterr().err
    assert "out" in err and "is a folder" in err and ".tmp" not in err and "internal error" not in err


def test_an_output_folder_without_permission_is_a_clear_error(here, capsys, monkeypatch):
    import os

    (here / "a.xml").write_text(CLEAN)
    (here / "ro").mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path).endswith("ro") else
                        real_access(path, mode, **kw))
    assert main(["check", "a.xml", "-o", "ro/report.txt"]) == 2
    err = capsys.readouterr().err
    assert "ro/report.txt" in err and "permission" in err


# -- messages --------------------------------------------------------------------------------
def test_messages_are_one_line_and_quote_a_bounded_excerpt(here, capsys):
    price = "9" * 5000
    text = ownership_xml(nd_transactions=[nd_tx(price=price)])
    (here / "a.xml").write_text(text)
    (here / "nul.xml").write_bytes(CLEAN.replace("<remarks>", "<remarks>a\x00b").encode()
                                   if "<remarks>" in CLEAN else CLEAN.encode().replace(b"</ownershipDocument>",
                                                                                     b"\x00</ownershipDocument>"))
    main(["check", "--format", "concise", "a.xml", "nul.xml"])
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) < 1200 for line in lines)
    assert all(line.startswith(("a.xml", "nul.xml")) or "error(s)" in line for line in lines)
    assert any("nul.xml" in line and "E002" in line for line in lines)


# -- 2. only filings are judged ------------------------------------------------------------------
ORDINARY = {
    "notes.txt": "Ask the CFO about the March grant.\n",
    "package.json": '{"name": "site", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}}\n',
    "requirements.txt": "requests==2.31.0\nlxml>=5\n",
    "data.json": '[{"quarter": 1}, {"quarter": 2}]\n',
    "page.html.txt": "<!doctype html><html><head><title>Home</title></head><body>Hi</body></html>\n",
    "catalog.xml": '<?xml version="1.0"?><catalog><book id="1"/></catalog>\n',
}


def test_ordinary_files_named_explicitly_are_skipped_at_info_level(here, capsys):
    for name, text in ORDINARY.items():
        (here / name).write_text(text)
    assert main(["check", "--format", "json", *ORDINARY]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert sorted(f["path"] for f in findings) == sorted(ORDINARY)
    assert {(f["code"], f["severity"]) for f in findings} == {("E003", "info")}


def test_form16lint_own_reports_and_baselines_are_never_read_as_filings(here, capsys):
    (here / "filings").mkdir()
    (here / "filings" / "a.xml").write_text(BROKEN)
    for fmt in ("json", "sarif", "junit", "concise", "rich"):
        main(["check", "--format", fmt, "-o", f"report-{fmt}.{'xml' if fmt == 'junit' else 'txt'}", "filings"])
    main(["check", "--write-baseline", "baseline.json", "filings"])
    capsys.readouterr()
    reports = [p.name for p in here.iterdir() if p.is_file() and p.name != ".form16lint.toml"]
    assert main(["check", "--format", "json", *reports]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["code"] for f in findings} == {"E003"}
    assert all("form16lint's own" in f["message"] for f in findings)


@pytest.mark.parametrize("name, text", [
    ("broken.xml", "<ownershipDocument><documentType>4"),
    ("other-root.xml", "<filing><issuerCik>0000320193</issuerCik></filing>"),
    ("unmarked.json", '{"documentType": "4", "issuer": {"cik": "0000320193"}}'),
    ("broken.json", '{"documentType": "4",'),
    ("garbage.xml", b"\x89\x00\x13\xff\xfe binary"),
    ("fake.pdf", "this is not a PDF"),
    ("form.txt", "FORM 4\nTable I - Non-Derivative Securities Acquired\n"),
])
def test_a_file_that_looks_like_a_filing_but_is_broken_stays_e002(here, capsys, name, text):
    (here / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    assert main(["check", "--format", "json", name]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["code"] for f in findings] == ["E002"]


def test_the_canonical_json_reader_claims_only_json_with_the_schema_marker():
    from form16lint.readers.canonical_json import form16lint_read_document as read_json

    assert read_json(path="a.json", data=b'{"documentType": "4"}') is None
    assert read_json(path="a.json", data=b'{"tool": {"name": "form16lint"}, "documentType": "4"}') is None
    marked = b'{"$schema": "https://form16lint.dev/schemas/filing.schema.json", "documentType": "4"}'
    assert read_json(path="a.json", data=marked).filing.document_type == "4"


def test_the_hook_files_pattern_leaves_out_files_that_are_never_filings():
    import re
    from pathlib import Path

    import yaml

    hook, = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    files = re.compile(hook["files"])
    for name in ("filings/a.xml", "2024/form4.txt", "b.JSON", "scan.pdf", "x/extracted.txt"):
        assert files.search(name), name
    for name in ("package.json", "web/package-lock.json", "requirements.txt", "requirements-dev.txt",
                 "form16lint-baseline.json", "results.sarif.json", "pom.xml", ".vscode/settings.json",
                 "node_modules/a/b.json", "notes.md", "image.png"):
        assert not files.search(name), name


def test_a_report_inside_a_checked_folder_can_be_written_again(here, capsys):
    (here / "a.xml").write_text(CLEAN)
    for option, name in (("-o", "report.json"), ("--write-baseline", "baseline.json")):
        arguments = ["check", "--format", "json", ".", option, name]
        main(arguments)
        assert main(arguments) in (0, 1)  # found in the folder, but form16lint's own: written again
        assert "refusing" not in capsys.readouterr().err
        assert main(["check", "a.xml", name, option, name]) == 2  # named as an input: refused
        assert "refusing" in capsys.readouterr().err


def test_jobs_workers_keep_the_time_limit(tmp_path, plugins):
    import time as clock

    from form16lint.engine import lint
    from form16lint.hookspecs import hookimpl
    from form16lint.limits import ReadLimits
    from form16lint.plugins import load_plugins
    from form16lint.rule import FilingRule, RunOptions

    class Slow(FilingRule):
        code, name = "Z903", "slow"

        def check(self, filing, context):
            clock.sleep(60)
            yield from ()

    class Pack:
        @hookimpl
        def form16lint_filing_rules(self):
            return [Slow()]

    for name in ("a.xml", "b.xml"):
        (tmp_path / name).write_text(CLEAN)
    settings = Settings(jobs=2)
    started = clock.monotonic()
    result = lint([str(tmp_path / "a.xml"), str(tmp_path / "b.xml")], load_plugins(autoload=False, extra=(Pack(),)),
                  settings, RunOptions(limits=ReadLimits(time_limit=1)))
    assert clock.monotonic() - started < 30
    assert [f.code for f in result.findings if f.code == "E002"] == ["E002", "E002"]
    assert all("time limit" in f.message for f in result.findings if f.code == "E002")
