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
