"""What a reader of the printed form could not read is in the model (``Filing.unread``): one E001
names each region, and no rule reports on what was not seen; fields the printed form does not carry
give no finding; the canonical JSON keeps all of it, so ``extract`` then ``check`` agrees."""

from __future__ import annotations

from filings import d_tx, nd_tx, ownership_xml
from form16lint.canonical import to_json
from form16lint.engine import filing_findings, split_rules
from form16lint.model import Document, Location, Value, within
from form16lint.readers import unsure_field
from form16lint.readers.canonical_json import read_canonical_json
from form16lint.readers.edgar_xml import read_ownership_xml
from form16lint.rule import RunOptions
from form16lint.settings import Settings

# Table II holds the only transaction, and footnote F1 is referenced only from there.
XML = ownership_xml(
    d_transactions=[d_tx(notes={"exercisable": ["F1"]}, exercisable=None)],
    footnotes={"F1": "The option vests in four equal annual installments beginning 2025-03-01."})


def _findings(document, plugins):
    filing_rules, _ = split_rules(plugins.all_rules(), Settings())
    return filing_findings(document, filing_rules, RunOptions())


def _codes(findings) -> list[str]:
    return sorted(f.code for f in findings if f.severity.name in ("WARNING", "ERROR"))


def _as_printed(xml: str) -> Document:
    """The filing as a reader of its PDF would give it: no CIKs, no equity-swap flag, no form type."""
    document = read_ownership_xml("filing.xml", xml.encode())
    document.format = "pdf"
    filing = document.filing
    filing.read_from = "pdf"
    filing.issuer.cik = None
    for owner in filing.reporting_owners:
        owner.cik = None
    for _, row in filing.transactions():
        row.form_type = None
        row.equity_swap_involved.value = None
    document.locations.clear()
    return document


def test_the_filing_as_printed_gives_the_codes_of_its_xml(plugins):
    xml_codes = _codes(_findings(read_ownership_xml("filing.xml", XML.encode()), plugins))
    assert _codes(_findings(_as_printed(XML), plugins)) == xml_codes  # no S002 for the CIKs


def test_table_ii_not_read_gives_one_e001_and_no_finding_on_what_was_not_seen(plugins):
    document = _as_printed(XML)
    document.filing.derivative_transactions.clear()  # the reader could not place Table II's columns
    unsure_field(document, "/derivativeTransactions", "its column labels were not found", Location(page=1, box="Table II"),
                 field="Table II", covers=("/derivativeHoldings",))
    unsure_field(document, "/derivativeTransactions", "its column labels were not found", Location(page=1, box="Table II"),
                 field="Table II", covers=("/derivativeHoldings",))  # said twice, reported once
    findings = _findings(document, plugins)
    # without the region, S005 (no transactions, no holdings) and N002 (F1 never referenced) fire
    assert _codes(findings) == ["E001"]
    [e001] = findings
    assert e001.message.startswith("Table II could not be read with confidence on page 1 (Table II): its column "
                                   "labels were not found")
    assert (e001.pointer, e001.page) == ("/derivativeTransactions", 1)


def test_a_signature_not_found_is_no_s002(plugins):
    document = _as_printed(XML)
    document.filing.signatures.clear()
    assert "S002" in _codes(_findings(document, plugins))
    unsure_field(document, "/signatures", "no name stands above its caption", Location(page=2, box="the signature"),
                 field="the signature")
    assert _codes(_findings(document, plugins)) == ["E001"]


def test_extract_then_check_gives_the_findings_of_the_pdf(plugins):
    document = _as_printed(XML)
    document.filing.derivative_transactions.clear()
    unsure_field(document, "/derivativeTransactions", "its column labels were not found", Location(page=1, box="Table II"),
                 field="Table II", covers=("/derivativeHoldings",))
    from_json = read_canonical_json("filing.json", to_json(document.filing).encode())
    assert from_json.filing == document.filing
    assert not [f for f in from_json.reader_findings if f.code == "S001"]  # the schema knows readFrom, unread
    assert ([(f.code, f.message) for f in _findings(from_json, plugins)]
            == [(f.code, f.message) for f in _findings(document, plugins)])


def test_fields_the_printed_form_does_not_carry_are_hidden_only_on_printed_input():
    document = _as_printed(XML)
    filing = document.filing
    assert filing.hides("/issuer/cik") and filing.hides("/derivativeTransactions/0/equitySwapInvolved")
    assert filing.hides("/reportingOwners/1/cik") and not filing.hides("/reportingOwners/1/name")
    filing.read_from = None
    assert not filing.hides("/issuer/cik")


def test_within_matches_a_step_for_a_star():
    assert within("/derivativeTransactions/3/formType", "/derivativeTransactions/*/formType")
    assert within("/derivativeTransactions/3", "/derivativeTransactions")
    assert not within("/derivativeTransactionsX", "/derivativeTransactions")
    assert within("/anything", "") and not within("", "/footnotes")


def test_a_judgement_resting_on_a_field_not_printed_is_not_made_on_the_printed_form(plugins):
    """Form 5's 'Form 4 transactions reported' is judged against the rows' transaction form types:
    the XML that has no row of form type 4 gives S005 there; the printed form, which has no form
    type, does not (Violation.reads)."""
    xml = ownership_xml(document_type="5", period="2024-12-31", form4_transactions=1,
                        nd_transactions=[nd_tx(form_type="5", code="G")])
    flagged = [f for f in _findings(read_ownership_xml("filing.xml", xml.encode()), plugins)
               if f.pointer == "/form4TransactionsReported"]
    assert [f.code for f in flagged] == ["S005"]
    assert not [f for f in _findings(_as_printed(xml), plugins) if f.pointer == "/form4TransactionsReported"]


def test_the_printed_street_is_judged_whole(plugins):
    """Box 1 prints the street as lines, not where street 1 ends: a reader's split of a long first
    line is no S006, a street longer than two lines of 40 is."""
    document = _as_printed(ownership_xml())
    address = document.filing.reporting_owners[0].address
    address.street1, address.street2 = "C/O MITHRIL", "CAPITAL MANAGEMENT LLC 111 CONGRESS AVENUE, SUITE 500"
    assert "S006" not in _codes(_findings(document, plugins))
    address.street2 = "CAPITAL MANAGEMENT LLC 111 CONGRESS AVENUE, SUITE 500, BUILDING 7, FLOOR 12, WEST WING"
    [too_long] = [f for f in _findings(document, plugins) if f.code == "S006"]
    assert too_long.pointer == "/reportingOwners/0/address/street1"


def test_a_value_holding_the_forms_words_is_unread_and_the_reasons_are_not(plugins):
    """A name that ran over into the next box's label is unread (one E001, no S006); the reasons of
    the regions already unread quote the form and are no value."""
    from form16lint.readers import doubt_form_words

    document = _as_printed(ownership_xml())
    document.filing.reporting_owners[0].name = "PORTER R RODERICK (Check all applicable) Director X 10% Owner"
    unsure_field(document, "/periodOfReport", "'(Month/Day/Year)' is not a real date", Location(page=1))
    doubt_form_words(document)
    regions = sorted(p for region in document.filing.unread for p in region.pointers)
    assert regions == ["/periodOfReport", "/reportingOwners/0/name"]
    assert not [f for f in _findings(document, plugins) if f.pointer == "/reportingOwners/0/name" and f.code != "E001"]


def test_an_officer_title_holding_a_date_is_unread(plugins):
    """pdfplumber's text of a real EDGAR rendition runs box 1's street and box 3's date into box 5's
    officer title ('C/O 374 WATER INC. 04/30/2025 Technology'): unread (one E001), no S006 on its
    length; a title without a date is kept as read."""
    from form16lint.readers import doubt_form_words

    document = _as_printed(ownership_xml())
    relationship = document.filing.reporting_owners[0].relationship
    relationship.is_officer, relationship.officer_title = Value(True), "C/O 374 WATER INC. 04/30/2025 Technology"
    doubt_form_words(document)
    assert [p for region in document.filing.unread for p in region.pointers] == [
        "/reportingOwners/0/relationship/officerTitle"]
    assert "S006" not in _codes(_findings(document, plugins))
    clean = _as_printed(ownership_xml())
    clean.filing.reporting_owners[0].relationship.officer_title = "Chief Technology Officer"
    doubt_form_words(clean)
    assert clean.filing.unread == []
