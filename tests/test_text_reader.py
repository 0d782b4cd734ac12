"""The extracted-text reader: both seed filings read in full, and clean and noisy Forms 3, 4, 5."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from extracted_texts import FORM3, FORM4, FORM5, mangle
from form16lint.engine import read_document

FORM5_SEED = "000_3fc8a5ca8c364909.txt"
FORM4_SEED = "003_3e622c2d1d9abf8c.txt"


@pytest.fixture
def read(tmp_path, plugins):
    def run(text, name="filing.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return read_document(plugins, str(path))

    return run


@pytest.fixture
def seed(shared, plugins):
    return lambda name: read_document(plugins, str(shared("seeds", name)))


def e001(document) -> dict[str, str]:
    return {f.pointer: f.message for f in document.reader_findings if f.code == "E001"}


# -- the seeds ---------------------------------------------------------------------------------------
def test_form5_seed_reads_fully(seed):
    document = seed(FORM5_SEED)
    filing = document.filing
    assert document.format == "text"
    assert filing.document_type == "5"
    assert (filing.issuer.name, filing.issuer.trading_symbol) == ("SONUS NETWORKS INC", "SONS")
    owner = filing.reporting_owners[0]
    assert owner.name == "HLUCHYJ MICHAEL"  # box 1 shows only "HLUCH": completed from the text
    assert (owner.address.city, owner.address.state) == ("WESTFORD", "MA")
    assert owner.relationship.is_officer.value is True
    assert owner.relationship.is_director.value is False
    assert owner.relationship.officer_title == "Vice President and CTO"
    assert filing.period_of_report.value == date(2003, 12, 31)
    assert filing.joint_filing.value is False
    rows = filing.non_derivative_transactions
    assert [r.shares.value for r in rows] == [Decimal(10350), Decimal(50000), Decimal(50000)]
    assert [r.shares_owned_following.value for r in rows] == [Decimal(4051557), Decimal(4001557), Decimal(3951557)]
    assert [r.transaction_date.value for r in rows] == [date(2003, 6, 12), date(2003, 8, 15), date(2003, 9, 3)]
    for row in rows:
        assert (row.security_title.value, row.code, row.acquired_disposed.value) == ("Common Stock", "G", "D")
        assert row.price_per_share.footnotes == ["F1"] and row.price_per_share.value is None
        assert row.direct_or_indirect.value == "D"
    assert rows[2].shares_owned_following.footnotes == ["F2", "F3"]
    assert not rows[0].shares_owned_following.footnotes
    assert [n.id for n in filing.footnotes] == ["F1", "F2", "F3"]
    assert filing.footnotes[0].text.startswith("Mr. Michael Hluchyj gifted these shares")
    assert filing.footnotes[2].text.endswith("will not be reported in this filing or in future filings.")
    assert filing.signatures[0].name == "Charles J. Gray, Attorney-infact for Mr. Michael Hluchyj"
    assert filing.signatures[0].date.value == date(2004, 2, 12)
    assert filing.remarks is None
    # what extraction cut short is said, with the field and the page
    unsure = e001(document)
    assert set(unsure) == {"/reportingOwners/0/address/street1", "/reportingOwners/0/address/zipCode"}
    assert "')1886'" in unsure["/reportingOwners/0/address/zipCode"]
    assert all("page 1" in message for message in unsure.values())
    assert all(f.severity.name == "WARNING" for f in document.reader_findings)
    assert document.locate("/nonDerivativeTransactions/2/sharesOwnedFollowing").line == 25


def test_form4_seed_reads_fully(seed):
    document = seed(FORM4_SEED)
    filing = document.filing
    assert filing.document_type == "4"
    assert (filing.issuer.name, filing.issuer.trading_symbol) == ("SONUS NETWORKS INC", "SONSE")
    owner = filing.reporting_owners[0]
    assert owner.name == "NOTINI ALBERT A"
    assert (owner.address.street1, owner.address.street2) == ("C/O SONUS NETWORKS, INC.", "250 APOLLO DRIVE")
    assert (owner.address.city, owner.address.state, owner.address.zip_code) == ("CHELMSFORD", "MA", "01824")
    assert owner.relationship.is_officer.value is True
    assert owner.relationship.officer_title == "President & COO"
    assert filing.period_of_report.value == date(2004, 4, 6)
    assert filing.joint_filing.value is False
    assert filing.date_of_original_submission.value is None
    assert not filing.non_derivative_transactions and not filing.non_derivative_holdings
    (row,) = filing.derivative_transactions
    assert row.security_title.value == "Employee Stock Option (right to buy)"
    assert row.conversion_or_exercise_price.value == Decimal("3.99")
    assert row.transaction_date.value == date(2004, 4, 6)
    assert (row.code, row.acquired_disposed.value, row.shares.value) == ("A", "A", Decimal(2450000))
    assert row.exercise_date.value is None and row.exercise_date.footnotes == ["F1"]
    assert row.expiration_date.value == date(2014, 4, 6)
    assert (row.underlying_title.value, row.underlying_shares.value) == ("Common Stock", Decimal(2450000))
    assert row.price_per_share.value == Decimal(0)
    assert row.shares_owned_following.value == Decimal(2450000)
    assert row.direct_or_indirect.value == "D"
    assert not row.shares.footnotes  # the "(1)" stands in the date-exercisable cell, not beside the amount
    (note,) = filing.footnotes
    assert note.id == "F1" and note.text.startswith("The option will vest as to 25% of the shares on 04/06/2005.")
    assert filing.signatures[0].name == "/s/ Charles J. Gray, Attorney-infact for Mr. Bert Notini"
    assert filing.signatures[0].date.value == date(2004, 4, 29)
    assert e001(document) == {}
    assert document.locate("/derivativeTransactions/0/expirationDate").line == 39


# -- texts written here --------------------------------------------------------------------------------
def test_clean_form4(read):
    document = read(FORM4)
    filing = document.filing
    assert (filing.document_type, filing.issuer.trading_symbol) == ("4", "ACME")
    owner = filing.reporting_owners[0]
    assert owner.name == "DOE JANE Q"
    assert (owner.address.street1, owner.address.street2, owner.address.zip_code) == ("100 MAIN STREET", "SUITE 5", "62701")
    assert owner.relationship.is_director.value and owner.relationship.is_officer.value
    assert owner.relationship.officer_title == "Chief Financial Officer"
    sale, purchase = filing.non_derivative_transactions
    assert sale.price_per_share.value == Decimal("12.50") and sale.price_per_share.footnotes == ["F1"]
    assert (sale.code, sale.acquired_disposed.value, sale.shares_owned_following.value) == ("S", "D", Decimal(9000))
    assert purchase.deemed_execution_date.value == date(2024, 3, 2)
    assert (purchase.direct_or_indirect.value, purchase.nature_of_ownership.value) == ("I", "By Trust")
    assert purchase.nature_of_ownership.footnotes == ["F2"]  # a Unicode superscript marker
    (option,) = filing.derivative_transactions
    assert option.acquired_disposed.value == "D"  # the amount stands in the (D) column
    assert option.exercise_date.footnotes == ["F3"] and option.expiration_date.value == date(2030, 3, 1)
    assert filing.footnotes[1].text == "Held by the Doe Family Trust, of which the reporting person is a trustee."
    assert filing.remarks == "Exhibit 24 - Power of Attorney"
    assert (filing.signatures[0].name, filing.signatures[0].date.value) == ("/s/ Jane Q. Doe", date(2024, 3, 4))
    assert e001(document) == {}
    assert document.locate("/issuer/tradingSymbol").line == 5


def test_clean_form5(read):
    document = read(FORM5)
    filing = document.filing
    assert (filing.document_type, filing.period_of_report.value) == ("5", date(2022, 12, 31))
    assert filing.joint_filing.value is True
    relationship = filing.reporting_owners[0].relationship
    assert relationship.is_ten_percent_owner.value and relationship.is_other.value
    assert relationship.other_text == "Member of a 13(d) group"
    (gift,) = filing.non_derivative_transactions
    assert (gift.code, gift.shares.value, gift.price_per_share.footnotes) == ("G", Decimal(2000), ["F1"])
    (holding,) = filing.non_derivative_holdings
    assert (holding.shares_owned_following.value, holding.nature_of_ownership.value) == (Decimal(1000), "By IRA")
    assert e001(document) == {}


def test_clean_form3(read):
    document = read(FORM3)
    filing = document.filing
    assert (filing.document_type, filing.period_of_report.value) == ("3", date(2023, 6, 15))
    assert filing.issuer.name == "GAMMA BIO INC"
    assert [h.shares_owned_following.value for h in filing.non_derivative_holdings] == [Decimal(25000), Decimal(1200)]
    (option,) = filing.derivative_holdings
    assert option.exercise_date.footnotes == ["F1"] and option.expiration_date.value == date(2033, 6, 15)
    assert (option.underlying_shares.value, option.conversion_or_exercise_price.value) == (Decimal(10000), Decimal("4.25"))
    assert e001(document) == {}


@pytest.mark.parametrize("text", [FORM3, FORM4, FORM5], ids=["form3", "form4", "form5"])
def test_label_noise_changes_nothing(read, text):
    noisy = mangle(text)
    assert noisy != text
    assert read(noisy, "noisy.txt").filing == read(text).filing


def test_amendment_date_makes_an_amendment(read):
    text = FORM4.replace("(Street)\t\t4. If Amendment, Date of Original Filed (Month/Day/Year)",
                         "(Street)\t\t4. If Amendment, Date of Original Filed (Month/Day/Year) 03/03/2024")
    filing = read(text).filing
    assert (filing.document_type, filing.date_of_original_submission.value) == ("4/A", date(2024, 3, 3))


def test_unreadable_field_is_e001(read):
    document = read(FORM4.replace("ACME WIDGETS CORP [ACME]", "ACME WIDGETS CORP"))
    unsure = e001(document)
    assert "/issuer/tradingSymbol" in unsure and "page 1" in unsure["/issuer/tradingSymbol"]
    assert document.filing.reporting_owners[0].name == "DOE JANE Q"  # the rest is still read


@pytest.mark.parametrize("content", [
    b'<?xml version="1.0"?><ownershipDocument><remarks>Table I - Non-Derivative; Name and Address of '
    b'Reporting Person</remarks></ownershipDocument>',
    b'{"documentType": "4", "remarks": "Table I - Non-Derivative Name and Address of Reporting Person"}',
    b"just some notes about a Table I - Non-Derivative",
])
def test_never_claims_other_formats(content):
    from form16lint.readers.text_plugin import form16lint_read_document

    assert form16lint_read_document(path="x", data=content) is None


def test_a_security_title_wrapped_onto_the_next_line_is_joined(read):
    from extracted_texts import FORM4

    text = FORM4.replace("Stock Option (right to buy)\t", "Employee Stock Option\t", 1).replace(
        "Common Stock\t1,000\t$0\t4,000\tD\n", "Common Stock\t1,000\t$0\t4,000\tD\n(right to buy)\n", 1)
    text = text.replace("Common Stock\t03/01/2024\t\tS", "Class A Common\t03/01/2024\t\tS", 1).replace(
        "$12.50(1)\t9,000\tD\n", "$12.50(1)\t9,000\tD\nStock\n", 1)
    filing = read(text).filing
    assert filing.derivative_transactions[0].security_title.value == "Employee Stock Option (right to buy)"
    assert [row.security_title.value for row in filing.non_derivative_transactions] == [
        "Class A Common Stock", "Common Stock"]
