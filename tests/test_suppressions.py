"""Suppressions need a reason; suppressed findings stay in the reports, marked; F002 reports the
ones that do nothing."""

import json

from filings import nd_tx, ownership_xml
from form16lint.canonical import to_json
from form16lint.cli import main
from form16lint.engine import read_document
from form16lint.reporters.json_report import write_json

BROKEN = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30"), nd_tx(after="800")])  # S003 on row 1's date
ROW = "<nonDerivativeTransaction>"


def before_first_row(comment: str) -> str:
    return BROKEN.replace(ROW, f"\n{comment}\n{ROW}", 1)


def found(result, code):
    return [f for f in result.findings if f.code == code]


def test_xml_comment_with_reason_suppresses_the_element_it_precedes(lint_text):
    result = lint_text(before_first_row("<!-- form16lint: ignore S003 reason: corrected in the 4/A of 2023-03-02 -->"))
    (s003,) = found(result, "S003")
    assert s003.suppressed and s003.suppression_reason == "corrected in the 4/A of 2023-03-02"
    assert not result.failed(s003.severity) and found(result, "F002") == []


def test_comment_covers_only_the_next_element(lint_text):
    xml = BROKEN.replace(ROW, "<!-- form16lint: ignore S003 reason: ok -->\n" + ROW, 2).replace(
        "<!-- form16lint: ignore S003 reason: ok -->\n" + ROW, ROW, 1)  # before the second row only
    result = lint_text(xml)
    assert [f.suppressed for f in found(result, "S003")] == [False]
    (f002,) = found(result, "F002")
    assert "matched no finding" in f002.message and f002.pointer == "/nonDerivativeTransactions/1"


def test_comment_without_reason_is_not_honoured_and_reported(lint_text):
    xml = before_first_row("<!-- form16lint: ignore S003 -->")
    result = lint_text(xml)
    assert [f.suppressed for f in found(result, "S003")] == [False]
    (f002,) = found(result, "F002")
    comment_line = xml.splitlines().index("<!-- form16lint: ignore S003 -->") + 1
    assert f002.line == comment_line and "gives no reason" in f002.message and str(f002.severity) == "warning"


def test_comment_before_the_root_covers_the_document(lint_text):
    xml = BROKEN.replace("<ownershipDocument>", "<!-- form16lint: ignore S003 reason: test data -->\n"
                                                "<ownershipDocument>", 1)
    assert [f.suppressed for f in found(lint_text(xml), "S003")] == [True]


def test_suppressed_findings_stay_in_json_marked(lint_text, capsys):
    import io

    result = lint_text(before_first_row("<!-- form16lint: ignore S003 reason: reviewed -->"))
    stream = io.StringIO()
    write_json(result, stream)
    (entry,) = [f for f in json.loads(stream.getvalue())["findings"] if f["code"] == "S003"]
    assert entry["suppressed"] is True and entry["suppression_reason"] == "reviewed"


def _canonical(tmp_path, plugins, suppressions) -> str:
    source = tmp_path / "source.xml"
    source.write_text(BROKEN)
    data = json.loads(to_json(read_document(plugins, str(source)).filing))
    data["suppressions"] = suppressions
    return json.dumps(data, indent=2)


def test_canonical_json_suppressions_key(lint_text, tmp_path, plugins):
    text = _canonical(tmp_path, plugins, [
        {"code": "S003", "pointer": "/nonDerivativeTransactions/0/transactionDate", "reason": "reviewed"},
        {"code": "S007", "pointer": "/nonDerivativeTransactions/0", "reason": "stale"},
    ])
    result = lint_text(text, name="filing.json")
    s003 = [f for f in found(result, "S003") if f.pointer.startswith("/nonDerivativeTransactions/0/transactionDate")]
    assert s003 and all(f.suppressed for f in s003)
    (f002,) = found(result, "F002")
    assert "S007" in f002.message and f002.line is not None


def test_sidecar_for_any_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "filings").mkdir()
    (tmp_path / "filings" / "a.xml").write_text(BROKEN)
    sidecar = tmp_path / ".form16lint-ignore.toml"
    sidecar.write_text('[[ignore]]\nfile = "filings/*.xml"\ncode = "S003"\nreason = "legacy filing"\n')
    assert main(["check", "--format", "json", "filings"]) == 0
    (entry,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "S003"]
    assert entry["suppressed"] and entry["suppression_reason"] == "legacy filing"
    sidecar.write_text('[[ignore]]\nfile = "filings/*.xml"\ncode = "S003"\n')
    assert main(["check", "--format", "concise", "filings"]) == 1
    out = capsys.readouterr().out
    assert ".form16lint-ignore.toml: F002 [warning]" in out and "gives no reason" in out
    sidecar.write_text('[[ignore]]\nfile = "filings/*.xml"\ncode = "S3"\nreason = "x"\n')
    assert main(["check", "filings"]) == 2
    assert "'code'" in capsys.readouterr().err


def test_unused_suppression_not_judged_for_unselected_codes(lint_text):
    result = lint_text(before_first_row("<!-- form16lint: ignore S007 reason: x -->"), select=["S003", "F"])
    assert found(result, "F002") == []
