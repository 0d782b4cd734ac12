"""--write-baseline records today's findings; --baseline reports only new ones and lists gone ones."""

import json

from filings import nd_tx, ownership_xml
from form16lint.cli import main

OLD = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")])
CLEAN = ownership_xml(nd_transactions=[nd_tx()])


def test_baseline_round_trip(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.xml").write_text(OLD)
    (tmp_path / "fixed.xml").write_text(OLD.replace("DOE JANE", "ROE RICHARD").replace("0001000001", "0001000002"))
    assert main(["check", "--select", "S", "--write-baseline", "baseline.json", "old.xml", "fixed.xml"]) == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text())["findings"]
    assert [(e["path"], e["code"]) for e in recorded] == [("fixed.xml", "S003"), ("old.xml", "S003")]
    capsys.readouterr()

    # lines move in old.xml, fixed.xml is corrected, new.xml brings a new finding
    (tmp_path / "old.xml").write_text(OLD.replace("<ownershipDocument>", "<ownershipDocument>\n\n\n", 1))
    (tmp_path / "fixed.xml").write_text(CLEAN)
    (tmp_path / "new.xml").write_text(ownership_xml(nd_transactions=[nd_tx(ad="B", shares="50", after="950")]))
    assert main(["check", "--select", "S", "--format", "concise", "--baseline", "baseline.json", "old.xml", "fixed.xml",
                 "new.xml"]) == 1
    captured = capsys.readouterr()
    lines = [line for line in captured.out.splitlines() if " [" in line]
    assert len(lines) == 1 and lines[0].startswith("new.xml:")
    assert "baseline entry no longer occurs: fixed.xml: S003" in captured.err
    assert "old.xml" not in captured.err


def test_bad_baseline_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.xml").write_text(CLEAN)
    (tmp_path / "b.json").write_text("[]")
    assert main(["check", "--baseline", "b.json", "a.xml"]) == 2
    assert "not a form16lint baseline" in capsys.readouterr().err
