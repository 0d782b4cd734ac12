"""Fixes from review: the issuer map indexed once, duplicates found in linear time, fields named with
their boxes, and the T, S, R and X messages that name the field, the figures and the fix."""

import json
import pickle
import re

import pytest
from batch import lint_files
from filings import nd_holding, nd_tx, owner, ownership_xml

from form16lint.fieldnames import box, describe
from form16lint.issuer_map import IssuerMap, load_issuer_map
from form16lint.rule import RunOptions


def test_issuer_map_is_normalised_and_indexed_by_cik_when_read(tmp_path):
    (tmp_path / "company_tickers.json").write_text(json.dumps({
        "0": {"cik_str": 1067983, "ticker": "brk-b", "title": "BERKSHIRE HATHAWAY INC"},
        "1": {"cik_str": 1067983, "ticker": "BRK.A", "title": "BERKSHIRE HATHAWAY INC"},
        "2": {"cik_str": "0000320193", "ticker": " AAPL ", "title": "Apple Inc."}}))
    mapping = load_issuer_map(str(tmp_path / "company_tickers.json"))
    assert mapping == {"BRK.B": {"1067983"}, "BRK.A": {"1067983"}, "AAPL": {"320193"}}
    assert mapping.tickers_of("1067983") == {"BRK.A", "BRK.B"}
    assert mapping.tickers_of("789019") == set()
    copied = pickle.loads(pickle.dumps(mapping))  # parallel workers receive the run's options pickled
    assert copied == mapping and copied.tickers_of("320193") == {"AAPL"}


def test_a_plain_mapping_given_through_the_api_is_indexed_too(codes_for):
    mapping = {"AAPL": {"320193"}, "MSFT": {"789019"}, "BRK-B": {"1067983"}}
    indexed = IssuerMap.of(mapping)
    assert indexed.tickers_of("1067983") == {"BRK.B"}
    assert IssuerMap.of(indexed) is indexed  # read once, not again for every filing
    xml = ownership_xml(ticker="MSFT", nd_transactions=[nd_tx()])
    found = codes_for(xml, "T003", options=RunOptions(issuer_map=mapping))
    assert "the map lists AAPL for CIK 320193" in found[0].message


def test_x002_reads_each_filing_content_once(monkeypatch):
    """The content digest is made once per filing, where it is read (its summary); X002 then
    compares digests among filings that share an outline."""
    from form16lint.model import Document, Filing
    from form16lint_rules import across_filings

    read = []
    content = across_filings._content
    monkeypatch.setattr(across_filings, "_content", lambda filing: read.append(filing.remarks) or content(filing))
    # eight filings with one outline (form, issuer, owners, row counts) and different remarks, then a copy
    documents = [Document(path=f"{index}.json", format="json", filing=Filing(document_type="4", remarks=str(index)))
                 for index in range(8)]
    documents.append(Document(path="copy.json", format="json", filing=Filing(document_type="4", remarks="3")))
    summaries = [across_filings.summarize_filing(document) for document in documents]
    found = across_filings.duplicates(summaries)
    assert [(document.path, first.path, reason) for document, first, reason in found] == [
        ("copy.json", "3.json", "the same content")]
    assert sorted(read) == sorted(document.filing.remarks for document in documents)  # once each
    alone = across_filings.summarize_filing(Document(path="alone.json", format="json", filing=Filing(document_type="5")))
    assert across_filings.duplicates(summaries[:2] + [alone]) == []


@pytest.mark.parametrize("pointer, form, words", [
    ("/issuer/name", "4", "box 2, issuer name"),
    ("/issuer/name", "3/A", "box 3, issuer name"),
    ("/issuer/tradingSymbol", "5", "box 2, ticker or trading symbol"),
    ("/issuer/tradingSymbol", None, "ticker or trading symbol"),
    ("/issuer/cik", "4", "issuer CIK"),  # EDGAR's, not printed in a box
    ("/reportingOwners/0/relationship", None, "reporting person 1, relationship to issuer"),
    ("/reportingOwners/0/relationship", "10", "reporting person 1, relationship to issuer"),
])
def test_issuer_fields_and_relationship_named_with_their_box(pointer, form, words):
    assert describe(pointer, form) == words


def test_box_of_a_form_that_does_not_number_it_is_named_in_words():
    assert box("relationship", "3") == "box 4"
    assert box("relationship", "10") == "the relationship box"
    assert box("issuer") == "the issuer box"


def test_s002_and_s005_name_the_issuer_and_original_date_boxes_of_the_form(lint_text):
    xml = ownership_xml(document_type="3", ticker="", period="2024-03-01", original="2024-03-05", nd_transactions=[])
    findings = lint_text(xml, select=["S002", "S005"]).findings
    messages = {f.pointer: f.message for f in findings}
    assert messages["/issuer/tradingSymbol"].startswith("box 3, ticker or trading symbol is missing; write NONE")
    assert messages["/dateOfOriginalSubmission"].startswith("box 5, date of original filing (amendments) is "
                                                            "filled in, but Form 3 is not an amendment")


def test_t003_on_a_form3_points_to_box_3(codes_for):
    xml = ownership_xml(document_type="3", ticker="MSFT", nd_holdings=[nd_holding()])
    found = codes_for(xml, "T003", options=RunOptions(issuer_map={"MSFT": {"789019"}, "AAPL": {"320193"}}))
    assert "Check box 3, ticker or trading symbol" in found[0].message and "box 2" not in found[0].message


def test_s002_missing_relationship_on_a_form3_points_to_box_4(codes_for):
    xml = re.sub(r"<reportingOwnerRelationship>.*</reportingOwnerRelationship>", "",
                 ownership_xml(document_type="3", nd_holdings=[nd_holding()]))
    found = [f for f in codes_for(xml, "S002") if f.pointer == "/reportingOwners/0/relationship"]
    assert found[0].message.startswith("reporting person 1, relationship (box 4) is not given")
    assert "box 5" not in found[0].message


def test_x001_names_the_column_of_the_later_filing_form(tmp_path, plugins):
    def form5(period, after):
        return ownership_xml(document_type="5", period=period, signatures=(("/s/ Jane Doe", period),),
                             nd_transactions=[nd_tx(date=period, code="G", after=after, form_type="5")])

    found = lint_files(tmp_path, plugins, {"fy2023.xml": form5("2023-12-31", "900"),
                                           "fy2024.xml": form5("2024-12-31", "700")}, ["X001"])
    assert found[0].message.startswith("Table I transaction row 1, amount owned at the end of the issuer's "
                                       "fiscal year (column 5) is 700")


def test_relationship_any_given_tells_unchecked_boxes_from_absent_ones():
    from form16lint.model import Relationship, Value

    assert not Relationship().any_given
    unchecked = Relationship(is_director=Value(value=False), is_officer=Value(value=False))
    assert unchecked.any_given and not unchecked.any_checked


def test_t001_and_t002_say_where_and_what_to_write(codes_for):
    malformed = codes_for(ownership_xml(ticker="AAPL1", nd_transactions=[nd_tx()]), "T001")
    assert malformed[0].message.startswith("box 2, ticker or trading symbol 'AAPL1' is not a trading symbol")
    qualified = codes_for(ownership_xml(document_type="3", ticker="SONSE", nd_holdings=[nd_holding()]), "T002")
    assert qualified[0].message == (
        "box 3, ticker or trading symbol SONSE is the base symbol SONS with Nasdaq's fifth-letter qualifier E (the "
        "issuer was delinquent in its SEC filings). Keep SONSE if the issuer traded under it on the filing date; "
        "otherwise write SONS")


def test_s002_amendment_without_original_date_says_what_to_give(codes_for):
    xml = ownership_xml(document_type="4/A", nd_transactions=[nd_tx()])
    found = [f for f in codes_for(xml, "S002") if f.pointer == "/dateOfOriginalSubmission"]
    assert found[0].message == ("this is an amendment (Form 4/A) but box 4, date of original filing (amendments) "
                                "is empty; give the date the original Form 4 was filed")


def test_r001_ends_with_the_fix(codes_for):
    xml = ownership_xml(owners=[owner(officer=0)], nd_transactions=[nd_tx()])
    assert codes_for(xml, "R001")[0].message.endswith("; check each box that applies")


def test_x002_names_the_repeated_filing_and_the_fix(tmp_path, plugins):
    xml = ownership_xml(nd_transactions=[nd_tx()])
    found = lint_files(tmp_path, plugins, {"a.xml": xml, "b.xml": xml}, ["X002"])
    assert found[0].message == (
        f"this is the same filing as {tmp_path / 'a.xml'} (the same content): Form 4 of Apple Inc. (CIK 320193), "
        "period 2024-03-01. Remove one copy from the batch; if this was meant to be a different filing, the wrong "
        "file was saved")


def test_x001_reads_the_ownership_form_whatever_its_case(tmp_path, plugins):
    def sale(period, after):
        return ownership_xml(period=period, signatures=(("/s/ Jane Doe", period),),
                             nd_transactions=[nd_tx(date=period, after=after, di="d")])

    found = lint_files(tmp_path, plugins, {"march.xml": sale("2024-03-01", "900"),
                                           "april.xml": sale("2024-04-02", "700")}, ["X001"])
    assert "is 700 Common Stock held directly" in found[0].message
