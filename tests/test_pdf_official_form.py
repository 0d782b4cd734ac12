"""The SEC's official Form 3 (the Word-made blank in shared/reference) filled in as counsel would
type it: every value typed must read back, each located by page and box, and the rules must point
at the box of a defect."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from fill_official_form import Form3Values, Row, fill_form3
from form16lint.readers.pdf import read_pdf

BLANK = ("reference", "sec-form3-blank-official.pdf")

AMENDED = Form3Values(
    name="Roe Richard", street="1 Harbor Plaza", city="Boston", state="MA", zip_code="02110",
    issuer="Blue Harbor Bancorp", ticker="BHB", issuer_cik="0001098765", director=False, ten_percent=True, officer=False, other=True,
    other_text="Member of a 13(d) group", amendment_date="03/12/2024", one_person=False,
    table1=[Row({"title": "Common Stock", "amount": "2,400,000", "di": "I", "nature": "By Harbor Fund LP"},
                {"nature": ["1"]})],
    table2=[Row({"title": "Warrants", "expiration": "06/30/2029", "under_title": "Common Stock",
                 "under_amount": "300,000", "price": "$4.00", "di": "I", "nature": "By Harbor Fund LP"},
                {"exercisable": ["2"], "nature": ["1"]})],  # a bare marker where the date would be
    footnotes={"1": "Held by Harbor Fund LP; the reporting person disclaims beneficial ownership except "
                    "to the extent of his pecuniary interest.",
               "2": "The warrants are exercisable immediately."},
    signature="/s/ Richard Roe", signature_date="03/12/2024")
FILLED = {"typical": Form3Values(), "amendment-joint-other": AMENDED}


def _fill(shared, values: Form3Values) -> bytes:
    return fill_form3(shared(*BLANK), values)


# -- what was typed and what was read, side by side -----------------------------------------------
def _day(text: str):
    return datetime.strptime(text, "%m/%d/%Y").date() if text else None


def _number(text: str):
    return Decimal(text.replace("$", "").replace(",", "")) if text else None


def _notes(row: Row, key: str) -> tuple:
    return tuple(f"F{n}" for n in row.notes.get(key, ()))


def typed_view(v: Form3Values) -> dict:
    view = {
        "documentType": "3/A" if v.amendment_date else "3",
        "owner/name": v.name, "owner/street": v.street, "owner/city": v.city, "owner/state": v.state,
        "owner/zip": v.zip_code, "periodOfReport": _day(v.event_date), "issuer/name": v.issuer,
        "issuer/ticker": v.ticker, "issuer/cik": v.issuer_cik or None, "director": v.director, "tenPercentOwner": v.ten_percent,
        "officer": v.officer, "other": v.other, "officerTitle": v.officer_title if v.officer else None,
        "otherText": v.other_text if v.other else None,
        "dateOfOriginalSubmission": _day(v.amendment_date), "jointFiling": not v.one_person,
        "signature/name": v.signature, "signature/date": _day(v.signature_date),
        "footnotes": tuple((f"F{n}", text) for n, text in v.footnotes.items()),
    }
    for i, row in enumerate(v.table1):
        c = row.cells
        view[f"I/{i}"] = ((c["title"], _notes(row, "title")), (_number(c["amount"]), _notes(row, "amount")),
                          c["di"], (c.get("nature") or None, _notes(row, "nature")))
    for i, row in enumerate(v.table2):
        c = row.cells
        view[f"II/{i}"] = tuple((convert(c.get(key, "")), _notes(row, key)) for key, convert in (
            ("title", str), ("exercisable", _day), ("expiration", _day), ("under_title", str),
            ("under_amount", _number), ("price", _number), ("di", str), ("nature", lambda t: t or None)))
    return view


def _v(value):
    return value.value if value.value is not None else value.raw


def read_view(filing) -> dict:
    [owner] = filing.reporting_owners
    rel, address = owner.relationship, owner.address
    [signature] = filing.signatures
    view = {
        "documentType": filing.document_type, "owner/name": owner.name, "owner/street": address.street1,
        "owner/city": address.city, "owner/state": address.state, "owner/zip": address.zip_code,
        "periodOfReport": _v(filing.period_of_report), "issuer/name": filing.issuer.name,
        "issuer/ticker": filing.issuer.trading_symbol, "issuer/cik": filing.issuer.cik, "director": rel.is_director.value,
        "tenPercentOwner": rel.is_ten_percent_owner.value, "officer": rel.is_officer.value,
        "other": rel.is_other.value, "officerTitle": rel.officer_title, "otherText": rel.other_text,
        "dateOfOriginalSubmission": _v(filing.date_of_original_submission),
        "jointFiling": filing.joint_filing.value, "signature/name": signature.name,
        "signature/date": _v(signature.date),
        "footnotes": tuple((note.id, note.text) for note in filing.footnotes),
    }
    for i, row in enumerate(filing.non_derivative_holdings):
        view[f"I/{i}"] = ((_v(row.security_title), tuple(row.security_title.footnotes)),
                          (_v(row.shares_owned_following), tuple(row.shares_owned_following.footnotes)),
                          _v(row.direct_or_indirect),
                          (_v(row.nature_of_ownership), tuple(row.nature_of_ownership.footnotes)))
    for i, row in enumerate(filing.derivative_holdings):
        view[f"II/{i}"] = tuple((_v(value), tuple(value.footnotes)) for value in (
            row.security_title, row.exercise_date, row.expiration_date, row.underlying_title,
            row.underlying_shares, row.conversion_or_exercise_price, row.direct_or_indirect,
            row.nature_of_ownership))
    return view


# -- the tests ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(FILLED))
def test_a_filled_official_form3_reads_back_every_field(shared, name):
    values = FILLED[name]
    document = read_pdf("draft.pdf", _fill(shared, values))
    assert document.filing is not None, [f.message for f in document.reader_findings]
    assert not document.reader_findings, [f.message for f in document.reader_findings]
    typed, read = typed_view(values), read_view(document.filing)
    wrong = [f"{key}: typed {typed.get(key)!r}, read {read.get(key)!r}"
             for key in sorted(set(typed) | set(read)) if typed.get(key) != read.get(key)]
    assert not wrong, wrong


def test_each_value_is_located_by_page_and_box(shared):
    document = read_pdf("draft.pdf", _fill(shared, Form3Values()))

    def where(pointer):
        location = document.locate(pointer)
        return location.page, location.box

    assert where("/issuer/tradingSymbol") == (1, "box 3 (Issuer Name and Ticker or Trading Symbol)")
    assert where("/periodOfReport") == (1, "box 2 (Date of Event Requiring Statement)")
    assert where("/reportingOwners/0/address/city") == (1, "box 1 (Name and Address of Reporting Person)")
    assert where("/reportingOwners/0/relationship/officerTitle") == (
        1, "box 4 (Relationship of Reporting Person(s) to Issuer)")
    assert where("/dateOfOriginalSubmission") == (1, "box 5 (If Amendment, Date of Original Filed)")
    assert where("/jointFiling") == (1, "box 6 (Individual or Joint/Group Filing)")
    assert where("/nonDerivativeHoldings/1/natureOfOwnership") == (1, "Table I, row 2, column 4")
    # the third row is typed into Table I's continuation on page 2
    assert where("/nonDerivativeHoldings/2/sharesOwnedFollowing") == (2, "Table I, row 3, column 2")
    assert where("/derivativeHoldings/0/expirationDate") == (3, "Table II, row 1, column 2 (Expira)")
    assert where("/footnotes/2") == (3, "Explanation of Responses")
    assert where("/signatures/0/date") == (4, "the signature")


def test_a_clean_official_form3_has_no_errors(shared, lint_text):
    result = lint_text(_fill(shared, Form3Values()), name="draft.pdf")
    assert result.documents[0].format == "pdf"
    assert not [f for f in result.findings if str(f.severity) == "error"], result.findings


def test_an_indirect_holding_without_its_nature_is_found_in_its_box(shared, codes_for):
    values = Form3Values()
    values.table1[1] = Row({"title": "Common Stock", "amount": "40,000", "di": "I"})
    values.footnotes.pop("2")
    [finding] = codes_for(_fill(shared, values), "S007", name="draft.pdf")
    assert (finding.page, finding.box) == (1, "Table I, row 2, column 4")
    assert finding.pointer == "/nonDerivativeHoldings/1/natureOfOwnership"


def test_a_date_that_is_not_a_date_is_found_in_box_2(shared, codes_for):
    [finding] = codes_for(_fill(shared, replace(Form3Values(), event_date="02/30/2024")), "S003",
                          name="draft.pdf")
    assert (finding.page, finding.box) == (1, "box 2 (Date of Event Requiring Statement)")
    assert "02/30/2024" in finding.message


def test_a_date_box_that_took_in_other_words_is_e001_not_s003(shared, lint_text):
    """A date of figures that is no day is the draft's (S003); a date with words beside it is the
    box taking in its neighbour's text, a misreading: one E001 names the box, and no S003."""
    result = lint_text(_fill(shared, replace(Form3Values(), event_date="02/03/2024 MAIN")), name="draft.pdf")
    codes = {f.code for f in result.findings}
    assert "S003" not in codes
    [unread] = [f for f in result.findings if f.code == "E001" and f.pointer == "/periodOfReport"]
    assert unread.box == "box 2 (Date of Event Requiring Statement)" and "MAIN" in unread.message


def test_an_issuer_without_its_ticker_is_e001_not_a_guess(shared):
    document = read_pdf("draft.pdf", _fill(shared, replace(Form3Values(), ticker="")))
    [finding] = document.reader_findings
    assert (finding.code, finding.page) == ("E001", 1)
    assert finding.box == "box 3 (Issuer Name and Ticker or Trading Symbol)"
    assert document.filing.issuer.trading_symbol is None


def test_counsel_checking_a_draft_pdf_sees_page_box_field_figures_and_rule(shared, tmp_path, capsys):
    import json

    from form16lint.cli import main

    draft = tmp_path / "draft.pdf"
    draft.write_bytes(_fill(shared, replace(Form3Values(), event_date="02/30/2024")))
    assert main(["check", str(draft), "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "S003" in out and "page 1, box 2 (Date of Event Requiring Statement)" in out
    assert "box 2, date of event requiring statement" in out and "02/30/2024" in out
    assert main(["check", str(draft), "--format", "json"]) == 1
    [finding] = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "S003"]
    assert (finding["page"], finding["box"]) == (1, "box 2 (Date of Event Requiring Statement)")
