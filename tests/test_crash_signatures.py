"""One regression test for each crash and hang that fuzzing found (issue 11): no F001, no reader
failure, and a bounded time for each."""

from __future__ import annotations

import json
import time

import pytest

from filings import d_tx, nd_tx, ownership_xml
from form16lint.canonical import to_json
from form16lint.engine import check_file, read_document, split_rules
from form16lint.limits import ReadLimits
from form16lint.rule import RunOptions
from form16lint.settings import Settings

OPTIONS = RunOptions(limits=ReadLimits(time_limit=60))


@pytest.fixture(scope="module")
def rules(plugins):
    return split_rules(plugins.all_rules(), Settings())[0]


@pytest.fixture
def check(plugins, rules, tmp_path):
    def run(data, name):
        path = tmp_path / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        started = time.process_time()  # CPU time: what the file costs, whatever else the machine runs
        document, findings = check_file(plugins, str(path), rules, OPTIONS)
        codes = [f.code for f in findings]
        assert "F001" not in codes, [f.message for f in findings if f.code == "F001"]
        assert not any("reader failed" in f.message or "time limit" in f.message for f in findings), codes
        return findings, time.process_time() - started

    return run


@pytest.fixture(scope="module")
def canonical(plugins, tmp_path_factory):
    """The canonical JSON of a filing with both tables, as a dict."""
    path = tmp_path_factory.mktemp("canonical") / "f.xml"
    path.write_text(ownership_xml(nd_transactions=[nd_tx()], d_transactions=[d_tx()],
                                  footnotes={"F1": "Vests in four equal annual installments."}))
    return json.loads(to_json(read_document(plugins, str(path)).filing))


def _with(data: dict, table: str, field: str, value_text: str) -> str:
    """The JSON text of ``data`` with ``table``'s first row's ``field`` value written as ``value_text``."""
    data = json.loads(json.dumps(data))
    data[table][0][field] = {"value": "@@"}
    return json.dumps(data, indent=1).replace('"@@"', value_text)


def test_d005_on_a_date_in_year_9999(check):
    """OverflowError in the business-day calendar (the fix is business_days.OutsideCalendar)."""
    xml = ownership_xml(nd_transactions=[nd_tx(date="9999-12-30")], period="9999-12-30")
    check(xml, "late.xml")


def test_b003_on_an_empty_derivative_amount(check, canonical):
    findings, _ = check(_with(canonical, "derivativeTransactions", "shares", '""'), "empty.json")
    assert "S003" in [f.code for f in findings]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", '"NaN"', '"Infinity"'])
@pytest.mark.parametrize("table, field", [
    ("nonDerivativeTransactions", "shares"), ("nonDerivativeTransactions", "sharesOwnedFollowing"),
    ("nonDerivativeTransactions", "pricePerShare"), ("derivativeTransactions", "conversionOrExercisePrice"),
    ("derivativeTransactions", "shares"), ("derivativeTransactions", "underlyingShares")])
def test_s006_b001_and_v_rules_on_nan_or_infinity(check, canonical, constant, table, field):
    findings, _ = check(_with(canonical, table, field, constant), "nan.json")
    assert "S003" in [f.code for f in findings]


def test_an_empty_string_amount(check, canonical):
    findings, _ = check(_with(canonical, "nonDerivativeTransactions", "shares", '""'), "empty.json")
    assert "S003" in [f.code for f in findings]


def test_100000_deep_nesting_in_json(check):
    depth = 100_000
    text = ('{"$schema": "https://form16lint.dev/schemas/filing.schema.json", "documentType": "4", "remarks": '
            + "[" * depth + "]" * depth + "}")
    findings, _ = check(text, "deep.json")
    assert [f.code for f in findings] == ["E002"] and "nested too deeply" in findings[0].message


def test_a_5000_digit_number_in_json(check, canonical):
    findings, seconds = check(_with(canonical, "nonDerivativeTransactions", "pricePerShare", "9" * 5000), "big.json")
    assert "S003" in [f.code for f in findings] and seconds < 10


def test_a_truncated_extracted_text(check):
    from extracted_texts import FORM3, FORM4, FORM5

    for text in (FORM3, FORM4, FORM5):
        for cut in range(0, len(text), 23):
            check(text[:cut] or "x", "cut.txt")
    check(FORM4[:546], "cut.txt")  # the cut that raised IndexError


def test_an_exponent_of_1e999999_in_json(check, canonical):
    findings, seconds = check(_with(canonical, "nonDerivativeTransactions", "shares", "1E+999999"), "exp.json")
    assert "S003" in [f.code for f in findings] and seconds < 10


def test_a_submission_with_20000_unclosed_tags(check):
    xml = ownership_xml(nd_transactions=[nd_tx()])
    text = ("<SEC-DOCUMENT>0000320193-24-000001.txt : 20240305\n<SEC-HEADER>\nACCESSION NUMBER:\t0000320193-24-000001\n"
            "</SEC-HEADER>\n" + "<XML>\n" * 20000 + xml + "\n</SEC-DOCUMENT>\n")
    findings, seconds = check(text, "unclosed.txt")
    assert [f.code for f in findings] == ["E002"] and seconds < 10
    closed = text.replace(xml, xml + "\n</XML>")
    findings, seconds = check(closed, "closed.txt")
    assert seconds < 10


def test_a_minified_4000_row_xml(check):
    xml = ownership_xml(nd_transactions=[nd_tx(date="2024-02-30") for _ in range(4000)]).replace("\n", "")
    findings, seconds = check(xml, "minified.xml")
    assert seconds < 10
    s003 = [f for f in findings if f.code == "S003"]
    assert len(s003) == 4000 and len({f.column for f in s003}) == 4000  # each row's own column


def test_20000_footnotes(check):
    notes = {f"F{i}": f"Note {i}." for i in range(1, 20001)}
    findings, seconds = check(ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"]})], footnotes=notes),
                              "notes.xml")
    assert "S006" in [f.code for f in findings] and seconds < 10


def test_a_100000_character_line_of_extracted_text(check):
    from extracted_texts import FORM4

    _, seconds = check(FORM4 + "\n" + "x" * 100_000 + "\n", "long.txt")
    assert seconds < 10


def test_30000_rows_of_extracted_text(check):
    from extracted_texts import FORM4

    row = next(line for line in FORM4.splitlines() if line.startswith("Common Stock\t"))
    _, seconds = check(FORM4 + ("\n" + row) * 30000, "rows.txt")
    assert seconds < 10


def test_over_edgar_limits_s006_comes_in_well_under_a_second(check):
    xml = ownership_xml(nd_transactions=[nd_tx() for _ in range(31)], footnotes={f"F{i}": "x" for i in range(1, 101)})
    check(xml, "warm.xml")  # first use of the rules' lazy imports
    findings, seconds = check(xml, "limits.xml")
    assert [f for f in findings if f.code == "S006"] and seconds < 1
