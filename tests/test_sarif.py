"""--format sarif: valid SARIF 2.1.0 with what code scanning reads, stable across moved lines."""

import io
import json

import pytest

from filings import nd_tx, ownership_xml
from form16lint.cli import main
from form16lint.engine import lint
from form16lint.findings import Finding, Severity
from form16lint.reporters.sarif import sarif_log
from form16lint.rule import RunOptions
from form16lint.settings import Settings

BROKEN = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30", ad="B")])


@pytest.fixture(scope="module")
def sarif_validator():
    from pathlib import Path

    import jsonschema

    from conftest import shared_path

    schema = json.loads(Path(shared_path("reference", "sarif-schema-2.1.0.json")).read_text())
    return jsonschema.Draft4Validator(schema)


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_broken_filing_is_valid_sarif_with_what_code_scanning_reads(lint_text, sarif_validator, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    log = sarif_log(lint_text(BROKEN))
    assert_valid(sarif_validator, log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "form16lint" and driver["version"] and driver["informationUri"].startswith("https://")
    s003 = next(rule for rule in driver["rules"] if rule["id"] == "S003")
    assert s003["name"] and s003["name"] == s003["name"].lower()
    assert s003["shortDescription"]["text"].startswith("A value is malformed")
    assert "## Why it matters" in s003["help"]["markdown"] and s003["help"]["text"]
    assert s003["defaultConfiguration"]["level"] == "error" and "helpUri" not in s003  # no page to point at
    results = [r for r in run["results"] if r["ruleId"] == "S003"]
    assert len(results) == 2
    first = results[0]
    assert first["level"] == "error" and "2023-02-30" in first["message"]["text"]
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "filing.xml"  # relative to the root (here the working folder)
    assert physical["region"]["startLine"] > 1 and physical["region"]["startColumn"] >= 1
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].startswith("/nonDerivativeTransactions/0/")
    assert first["partialFingerprints"]["primaryLocationLineHash"]
    assert driver["rules"][first["ruleIndex"]]["id"] == "S003"


def test_uri_is_relative_to_the_git_toplevel(lint_text, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    log = sarif_log(lint_text(BROKEN))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "filing.xml"  # lint_text writes into tmp_path, the toplevel


def test_fingerprints_survive_moved_lines(lint_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def prints(text):
        results = sarif_log(lint_text(text))["runs"][0]["results"]
        return ([r["partialFingerprints"]["primaryLocationLineHash"] for r in results],
                [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results])

    before, lines_before = prints(BROKEN)
    moved = BROKEN.replace("<ownershipDocument>", "<ownershipDocument>\n\n\n\n", 1)
    after, lines_after = prints(moved)
    assert lines_after == [line + 4 for line in lines_before]
    assert after == before


def test_pdf_finding_and_suppressed_finding(lint_text, sarif_validator, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    result = lint_text(BROKEN)
    result.findings.append(Finding(code="B001", severity=Severity.WARNING, message="balance", path="form.pdf",
                                   pointer="/nonDerivativeTransactions/2/sharesOwnedFollowing", page=2, box="Table I",
                                   rule="balance-mismatch", fingerprint="abc"))
    result.findings[0].suppressed = True
    result.findings[0].suppression_reason = "reviewed with counsel"
    log = sarif_log(result)
    assert_valid(sarif_validator, log)
    results = log["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                           "justification": "reviewed with counsel"}]
    pdf = results[-1]
    assert pdf["properties"]["page"] == 2 and pdf["level"] == "warning"
    assert pdf["locations"][0]["logicalLocations"][0]["name"] == (
        "Table I transaction row 3, amount owned following the transaction (column 5)")
    assert any(rule["id"] == "B001" for rule in log["runs"][0]["tool"]["driver"]["rules"])  # not loaded: a stand-in


def test_output_file_is_written_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "filing.xml").write_text(BROKEN)
    assert main(["check", "--format", "sarif", "-o", "report.sarif", "filing.xml"]) == 1
    assert json.loads((tmp_path / "report.sarif").read_text())["version"] == "2.1.0"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".form16lint-")] == []
    assert (tmp_path / "report.sarif").stat().st_mode & 0o044  # readable by others, as the umask allows


def test_corpus_is_valid_sarif(shared, plugins, sarif_validator):
    from form16lint.discovery import discover

    files, _ = discover([str(shared("corpus", "edgar-xml"))])
    result = lint(files, plugins, Settings(), RunOptions())
    log = sarif_log(result)
    assert_valid(sarif_validator, log)
    assert len(log["runs"][0]["results"]) == len(result.findings)
    stream = io.StringIO()
    from form16lint.reporters.sarif import write_sarif

    write_sarif(result, stream)
    assert json.loads(stream.getvalue()) == log


def test_a_pack_rule_may_point_code_scanning_at_its_own_page():
    from form16lint.reporters.sarif import rule_descriptor
    from form16lint.rule import FilingRule

    class Documented(FilingRule):
        """A rule of a third-party pack."""

        code, name, severity = "Z001", "documented", Severity.WARNING
        help_uri = "https://example.org/rules/z001"

    assert rule_descriptor(Documented())["helpUri"] == "https://example.org/rules/z001"
