"""The command line: exit codes, output formats, rules and explain, extract."""

import json
from pathlib import Path

import pytest

from form16lint.cli import main
from filings import nd_tx, ownership_xml

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def files(tmp_path):
    clean = tmp_path / "clean.xml"
    clean.write_text(ownership_xml(nd_transactions=[nd_tx()]))
    broken = tmp_path / "broken.xml"
    broken.write_text(ownership_xml(document_type="4/A", nd_transactions=[nd_tx()]))
    return clean, broken


def test_exit_codes(files, capsys):
    clean, broken = files
    assert main(["check", str(clean)]) == 0
    assert main(["check", str(broken)]) == 1
    assert main(["check", str(broken), "--ignore", "S002"]) == 0
    assert main(["check", str(clean), "--fail-on", "info"]) == 0
    assert main(["check", "no-such-file.xml"]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(clean), "--filing-date", "04/08/2004"])
    assert exit_info.value.code == 2
    assert main(["check", str(clean), "--format", "nope"]) == 2


def test_json_output_shape(files, capsys):
    clean, broken = files
    main(["check", str(clean.parent), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"tool", "files", "findings", "summary", "notes"}
    assert report["tool"]["name"] == "form16lint"
    assert set(report["files"][0]) == {"path", "format", "form", "issuer", "ticker", "owners", "period"}
    finding = report["findings"][0]
    assert set(finding) >= {"code", "severity", "message", "path", "pointer", "line", "column", "page",
                            "fingerprint", "suppressed"}  # the contract; additions are allowed
    assert finding["code"] == "S002" and finding["pointer"] == "/dateOfOriginalSubmission"
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}


def test_rich_output_groups_by_file_without_colour_when_piped(files, capsys, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    clean, broken = files
    main(["check", str(clean), str(broken)])
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "Form 4/A · Apple Inc. [AAPL] · DOE JANE · period 2024-03-01" in out
    assert "error   S002" in out and "box 4, date of original filing" in out
    assert "1 error, 0 warnings, 0 info in 2 files" in out


def test_concise_output(files, capsys):
    clean, broken = files
    main(["check", str(broken), "--format", "concise"])
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith(f"{broken}:") and ": S002 [error] " in line


def test_rules_and_explain(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "S002" in out and "form16lint_rules" in out
    assert main(["explain", "s002"]) == 0
    out = capsys.readouterr().out
    assert "What it checks" in out and "Failing example" in out
    assert main(["explain", "Q123"]) == 2


def test_extract_writes_json_and_never_overwrites_input(files, tmp_path, capsys):
    clean, _ = files
    out = tmp_path / "out.json"
    assert main(["extract", str(clean), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["documentType"] == "4"
    before = clean.read_text()
    assert main(["extract", str(clean), "-o", str(clean)]) == 2
    assert clean.read_text() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".form16lint-")] == []


def test_examples_have_no_errors(capsys):
    assert main(["check", str(EXAMPLES), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["files"]) >= 7 and report["summary"]["error"] == 0


def test_every_rule_is_documented():
    from form16lint.plugins import load_plugins

    for rule in load_plugins(autoload=False).all_rules():
        doc = rule.documentation()
        for section in ("## What it checks", "## Why it matters", "## Failing example", "## Passing example"):
            assert section in doc, f"{rule.code} lacks {section}"
        assert rule.name and rule.name == rule.name.lower() and " " not in rule.name


def test_readme_lists_every_rule():
    from form16lint.plugins import load_plugins

    readme = (EXAMPLES.parent / "README.md").read_text()
    for rule in load_plugins(autoload=False).all_rules():
        assert f"| {rule.code} | {rule.severity} | {rule.summary()} |" in readme, rule.code


def test_heading_of_a_filing_whose_owner_has_no_name_or_cik_says_so():
    from form16lint.model import Document, Filing, ReportingOwner
    from form16lint.reporters.rich_report import heading

    document = Document(path="draft.txt", format="text", filing=Filing(reporting_owners=[ReportingOwner()]))
    assert "owner ?" in heading(document) and "None" not in heading(document)


def test_select_all_and_bad_codes_read_as_in_the_configuration_file(files, capsys):
    _, broken = files
    assert main(["check", str(broken), "--select", "ALL", "--format", "json"]) == 1
    assert any(f["code"] == "S002" for f in json.loads(capsys.readouterr().out)["findings"])
    with pytest.raises(SystemExit) as stopped:
        main(["check", str(broken), "--select", "S0001"])
    assert stopped.value.code == 2 and "S0001" in capsys.readouterr().err
