"""Findings as data: a message template and its arguments; fingerprints made of the code, the
pointer and the identifying arguments, never the wording, nor how the file was named."""

import json
import os
import types
from datetime import date
from decimal import Decimal

import pytest

from filings import nd_tx, ownership_xml
from form16lint.baseline import write_baseline
from form16lint.cli import main
from form16lint.engine import lint
from form16lint.findings import Severity, Violation, legacy_fingerprints
from form16lint.hookspecs import hookimpl
from form16lint.plugins import load_plugins
from form16lint.reporters.sarif import sarif_log
from form16lint.rule import FilingRule, RunOptions
from form16lint.settings import Settings
from test_sarif import assert_valid, sarif_validator  # noqa: F401 - the fixture

FILING = ownership_xml(nd_transactions=[nd_tx(shares="900", after="100")])


def pack_saying(template):
    class Sold(FilingRule):
        """Sales, said with a template.

        ## What it checks
        Test rule.
        """

        code, name, severity = "Z701", "sold", Severity.INFO

        def check(self, filing, context):
            for pointer, row in filing.transactions():
                yield Violation(pointer + "/shares", template,
                                arguments={"field": "the amount", "shares": row.shares.value,
                                           "day": row.transaction_date.value})

    module = types.ModuleType("template_pack")
    module.form16lint_filing_rules = hookimpl(lambda: [Sold()])
    return module


def findings(tmp_path, template, paths=("f.xml",)):
    plugins = load_plugins(autoload=False, extra=(pack_saying(template),))
    return lint(list(paths), plugins, Settings(select=["Z701"]), RunOptions()).findings


def test_a_violation_renders_its_template_and_keeps_the_arguments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.xml").write_text(FILING)
    finding, = findings(tmp_path, "{field} is {shares:,f} shares sold on {day}")
    assert finding.message == "the amount is 900 shares sold on 2024-03-01"
    assert finding.template == "{field} is {shares:,f} shares sold on {day}"
    assert finding.arguments == {"field": "the amount", "shares": Decimal("900"), "day": date(2024, 3, 1)}
    assert finding.identity == {"shares": Decimal("900"), "day": date(2024, 3, 1)}  # "field" is wording


def test_rewording_a_message_keeps_its_fingerprint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.xml").write_text(FILING)
    before, = findings(tmp_path, "{field}: {shares} sold on {day}")
    after, = findings(tmp_path, "on {day} the filer sold {shares:,f} shares ({field})")
    assert before.message != after.message and before.fingerprint == after.fingerprint
    (tmp_path / "f.xml").write_text(FILING.replace("<value>900</value>", "<value>901</value>"))
    changed, = findings(tmp_path, "{field}: {shares} sold on {day}")
    assert changed.fingerprint != before.fingerprint  # another figure is another problem


@pytest.mark.parametrize("repository", [True, False])
def test_the_same_finding_has_one_fingerprint_however_its_file_is_named(tmp_path, monkeypatch, repository):
    project = tmp_path / "project"
    (project / "filings").mkdir(parents=True)
    if repository:
        (project / ".git").mkdir()
    (project / "filings" / "x.xml").write_text(ownership_xml(nd_transactions=[nd_tx(date="2023-02-30", di="I")]))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    prints = set()
    for folder, name in ((project / "filings", "x.xml"), (project / "filings", "./x.xml"),
                         (elsewhere, str(project / "filings" / "x.xml")), (project, "filings/x.xml")):
        monkeypatch.chdir(folder)
        result = lint([name], load_plugins(autoload=False), Settings(select=["S", "B", "D"]),
                      RunOptions()).findings
        assert len(result) >= 2
        prints.add(tuple(f.fingerprint for f in result))
    assert len(prints) == 1


def test_json_and_sarif_carry_the_arguments(tmp_path, monkeypatch, sarif_validator):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.xml").write_text(FILING)
    plugins = load_plugins(autoload=False, extra=(pack_saying("{field}: {shares:,f} on {day}"),))
    result = lint(["f.xml"], plugins, Settings(select=["Z701"]), RunOptions())
    log = sarif_log(result)
    assert_valid(sarif_validator, log)
    assert log["runs"][0]["results"][0]["properties"]["arguments"] == {
        "field": "the amount", "shares": 900, "day": "2024-03-01"}
    import io

    from form16lint.reporters.json_report import write_json

    stream = io.StringIO()
    write_json(result, stream, Settings())
    finding, = json.loads(stream.getvalue())["findings"]
    assert finding["arguments"] == {"field": "the amount", "shares": 900, "day": "2024-03-01"}


def test_a_baseline_written_by_the_first_fingerprint_scheme_still_matches(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.xml").write_text(ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")]))
    result = lint(["old.xml"], load_plugins(autoload=False), Settings(select=["S"]), RunOptions())
    assert result.findings
    prints = legacy_fingerprints(result.findings, path_key=lambda path: path)
    (tmp_path / "v1.json").write_text(json.dumps({"form16lint-baseline": 1, "findings": [
        {"fingerprint": key, "code": f.code, "path": f.path, "message": f.message}
        for f, key in zip(result.findings, prints)]}))
    assert main(["check", "--select", "S", "--format", "json", "--baseline", "v1.json", "old.xml"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["findings"] == []
    assert "version 1" in captured.err and "no longer occurs" not in captured.err
    write_baseline("v2.json", result.findings)
    entries = json.loads((tmp_path / "v2.json").read_text())
    assert entries["form16lint-baseline"] == 2 and all("pointer" in e for e in entries["findings"])
    assert main(["check", "--select", "S", "--format", "json", "--baseline", "v2.json", "old.xml"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_templates_write_figures_money_and_dates_as_the_rules_always_have():
    from form16lint.findings import render
    from form16lint.rulekit.amounts import figure, money

    for amount in (Decimal("4051557"), Decimal("1250.50"), Decimal("1E+3"), Decimal("-12.5")):
        assert render("{x:figure}", {"x": amount}) == figure(amount)
    assert render("{x:money}", {"x": Decimal("1005.600")}) == money(Decimal("1005.600")) == "$1,005.600"
    assert render("{d:%m/%d/%Y}, {d}", {"d": date(2024, 3, 1)}) == "03/01/2024, 2024-03-01"
    assert render("{code!r} {{literal}}", {"code": "K"}) == "'K' {literal}"
    assert render("no {arguments}", {}) == "no {arguments}"  # a plain message is left as it is


def test_the_built_in_rules_give_their_facts_as_arguments_not_in_f_strings():
    """A message built with an f-string carries its facts only as words; the built-in pack gives
    every message with a variable part as a template and its arguments."""
    import ast
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "rules"
    formatted = []
    for path in sorted(rules.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Violation" and len(node.args) > 1:
                if isinstance(node.args[1], ast.JoinedStr):
                    formatted.append(f"{path.name}:{node.lineno}")
    assert not formatted, formatted


def test_a_built_in_finding_carries_its_figures_as_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.xml").write_text(ownership_xml(nd_transactions=[nd_tx(shares="50000", after="4001557"),
                                                                   nd_tx(shares="50000", after="3961557")]))
    finding, = lint(["f.xml"], load_plugins(autoload=False), Settings(select=["B001"]), RunOptions()).findings
    assert finding.arguments["reported"] == Decimal("3961557") and finding.arguments["expected"] == Decimal("3951557")
    assert "reported 3,961,557; expected 3,951,557" in finding.message
    assert set(finding.identity) == {"reported", "expected", "previous", "shares", "direction"}
