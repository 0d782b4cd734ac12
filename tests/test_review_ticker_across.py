"""Fixes from review: the issuer map indexed once, duplicates found in linear time, fields named with
their boxes, and the T, S, R and X messages that name the field, the figures and the fix."""

import json
import pickle

from filings import nd_tx, ownership_xml

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
    from form16lint.model import Document, Filing
    from form16lint_rules import across_filings

    read = []
    content = across_filings._content
    monkeypatch.setattr(across_filings, "_content", lambda document: read.append(document.path) or content(document))
    # eight filings with one outline (form, issuer, owners, row counts) and different remarks, then a copy
    documents = [Document(path=f"{index}.json", format="json", filing=Filing(document_type="4", remarks=str(index)))
                 for index in range(8)]
    documents.append(Document(path="copy.json", format="json", filing=Filing(document_type="4", remarks="3")))
    found = across_filings.duplicates(documents)
    assert [(document.path, first.path, reason) for document, first, reason in found] == [
        ("copy.json", "3.json", "the same content")]
    assert sorted(read) == sorted(document.path for document in documents)  # once each, not once per pair
    alone = [Document(path="alone.json", format="json", filing=Filing(document_type="5"))]
    read.clear()
    assert across_filings.duplicates(documents[:2] + alone) == [] and "alone.json" not in read
