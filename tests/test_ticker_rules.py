"""T001-T005: the ticker's form, its Nasdaq qualifier, the user's issuer map, tickers across filings, CIKs."""

import json

import pytest

from batch import lint_files
from filings import d_tx, nd_tx, owner, ownership_xml

from form16lint.cli import main
from form16lint.rule import RunOptions

SONUS = dict(issuer_cik="0001105472", issuer_name="SONUS NETWORKS INC")
MAP = {"AAPL": {"320193"}, "MSFT": {"789019"}, "SONS": {"1105472"}, "BRK-B": {"1067983"}}


def filing(ticker="AAPL", **kwargs):
    return ownership_xml(ticker=ticker, nd_transactions=[nd_tx()], **kwargs)


@pytest.mark.parametrize("code", ["T001", "T002", "T003", "T005"])
def test_silent_on_clean_filing(codes_for, code):
    assert codes_for(filing(), code, options=RunOptions(issuer_map=MAP)) == []


@pytest.mark.parametrize("ticker", ["AAPL", "BRK.A", "BF-B", "MFAC.U", "NONE", "N/A", "aapl", "GOOGL",
                                    "LEN, LEN.B", "WSO; WSOB", "GOOGL and GOOG"])
def test_t001_accepts_symbols(codes_for, ticker):
    assert codes_for(filing(ticker), "T001") == []


@pytest.mark.parametrize("ticker", ["AAPL1", "APPLEINC", "AAPL COMMON", "$AAPL", "LEN, LEN1"])
def test_t001_rejects_malformed(codes_for, ticker):
    found = codes_for(filing(ticker), "T001")
    assert [f.pointer for f in found] == ["/issuer/tradingSymbol"]
    assert repr(ticker) in found[0].message and "1-5 letters" in found[0].message


def test_t002_names_qualifier_and_base_symbol(codes_for):
    found = codes_for(filing("SONSE", **SONUS), "T002")
    assert [f.pointer for f in found] == ["/issuer/tradingSymbol"]
    assert str(found[0].severity) == "info"
    message = found[0].message
    assert "SONSE is the base symbol SONS with Nasdaq's fifth-letter qualifier E" in message
    assert "delinquent in its SEC filings" in message
    bankrupt = codes_for(filing("ABCDQ"), "T002")
    assert "qualifier Q" in bankrupt[0].message and "bankruptcy" in bankrupt[0].message
    assert codes_for(filing("SONS", **SONUS), "T002") == []


def test_t003_ticker_of_another_issuer(codes_for):
    found = codes_for(filing("MSFT"), "T003", options=RunOptions(issuer_map=MAP))
    assert [f.pointer for f in found] == ["/issuer/tradingSymbol"]
    message = found[0].message
    assert "MSFT belongs to CIK 789019" in message and "Apple Inc. (CIK 320193)" in message
    assert "the map lists AAPL for CIK 320193" in message


def test_t003_base_symbol_and_class_separator_match(codes_for):
    options = RunOptions(issuer_map=MAP)
    assert codes_for(filing("SONSE", **SONUS), "T003", options=options) == []
    assert codes_for(filing("BRK.B", issuer_cik="0001067983"), "T003", options=options) == []
    # neither the ticker nor the CIK in the map: nothing to compare
    assert codes_for(filing("ZZZZ", issuer_cik="0000000001"), "T003", options=options) == []
    assert codes_for(filing("MSFT"), "T003") == []  # no map given
    # several listed classes: one of them is the issuer's
    assert codes_for(filing("BRK.A, BRK.B", issuer_cik="0001067983"), "T003", options=options) == []


def test_t003_from_the_command_line(tmp_path, capsys):
    (tmp_path / "company_tickers.json").write_text(json.dumps({
        "0": {"cik_str": 789019, "ticker": "MSFT", "title": "MICROSOFT CORP"},
        "1": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}}))
    (tmp_path / "form4.xml").write_text(filing("MSFT"))
    code = main(["check", str(tmp_path / "form4.xml"), "--select", "T003", "--format", "json",
                 "--issuer-map", str(tmp_path / "company_tickers.json")])
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in report["findings"]] == ["T003"]
    assert "MSFT belongs to CIK 789019" in report["findings"][0]["message"]
    assert code == 0  # a warning does not fail the default gate
    (tmp_path / "form4.xml").write_text(filing("AAPL"))
    main(["check", str(tmp_path / "form4.xml"), "--select", "T003", "--format", "json",
          "--issuer-map", str(tmp_path / "company_tickers.json")])
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_t004_one_issuer_two_tickers(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {
        "form5.xml": ownership_xml(document_type="5", ticker="SONS", period="2003-12-31",
                                   nd_transactions=[nd_tx(code="G", date="2003-06-01", form_type="5")],
                                   **SONUS),
        "form4.xml": filing("SONSE", issuer_cik="1105472", issuer_name="Sonus Networks, Inc."),
        "other.xml": filing("AAPL")}, ["T004"])
    assert sorted(f.path.rsplit("/", 1)[-1] for f in found) == ["form4.xml", "form5.xml"]
    assert all(f.pointer == "/issuer/tradingSymbol" for f in found)
    message = found[0].message
    assert "appears with 2 tickers" in message and "SONS in " in message and "SONSE in " in message
    assert "form4.xml" in message and "form5.xml" in message


def test_t004_by_name_and_silent_when_tickers_agree(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {
        "a.xml": filing("SONS", issuer_cik=None, issuer_name="Sonus Networks Inc"),
        "b.xml": filing("sons", issuer_cik=None, issuer_name="SONUS NETWORKS, INC.")}, ["T004"])
    assert found == []
    found = lint_files(tmp_path, plugins, {
        "a.xml": filing("SONS", issuer_cik=None, issuer_name="Sonus Networks Inc"),
        "b.xml": filing("SONX", issuer_cik=None, issuer_name="SONUS NETWORKS, INC.")}, ["T004"])
    assert len(found) == 2
    found = lint_files(tmp_path, plugins, {  # renamed with its symbol: each filing gives the name of its day
        "a.xml": filing("RTPZ", issuer_cik="0001828105", issuer_name="Reinvent Technology Partners Z"),
        "b.xml": filing("HIPO", issuer_cik="0001828105", issuer_name="Hippo Holdings Inc.")}, ["T004"])
    assert found == []
    found = lint_files(tmp_path, plugins, {  # a box listing the classes agrees with one of them
        "a.xml": filing("LEN, LEN.B", issuer_cik="0000920760", issuer_name="LENNAR CORP"),
        "b.xml": filing("LEN", issuer_cik="0000920760", issuer_name="LENNAR CORP")}, ["T004"])
    assert found == []


def test_t005_cik_not_digits(codes_for):
    xml = ownership_xml(issuer_cik="320193A", owners=[owner(cik="00012345678901")], nd_transactions=[nd_tx()])
    found = {f.pointer: f.message for f in codes_for(xml, "T005")}
    assert set(found) == {"/issuer/cik", "/reportingOwners/0/cik"}
    assert "'320193A' is not a CIK: a CIK is 1 to 10 digits" in found["/issuer/cik"]


def test_sonus_pair_gives_t002_and_t004_and_no_error(tmp_path, plugins):
    """The two filings the project started from, written as EDGAR XML: a Form 5 (three gifts) under
    SONS and a Form 4 (an option grant) under SONSE."""
    gift = dict(code="G", price=None, form_type="5", notes={"price": ["F1"]})
    form5 = ownership_xml(
        document_type="5", schema="X0202", period="2003-12-31", ticker="SONS",
        owners=[owner(name="HLUCHYJ MICHAEL", title="Vice President and CTO")],
        nd_transactions=[nd_tx(date="2003-06-12", shares="10350", after="4051557", **gift),
                         nd_tx(date="2003-08-15", shares="50000", after="4001557", **gift),
                         nd_tx(date="2003-09-03", shares="50000", after="3951557",
                               **{**gift, "notes": {"price": ["F1"], "after": ["F2", "F3"]}})],
        footnotes={"F1": "Gift.", "F2": "Includes shares held in the 401(k) plan.",
                   "F3": "Excludes shares held by the reporting person's spouse."},
        signatures=(("/s/ Michael Hluchyj", "2004-02-12"),), **SONUS)
    form4 = ownership_xml(
        schema="X0202", period="2004-04-06", ticker="SONSE",
        owners=[owner(cik="0001000002", name="NOTINI ALBERT A", title="President & COO")],
        d_transactions=[d_tx(exercise_price="3.99", date="2004-04-06", shares="2450000", exercisable=None,
                             expiration="2014-04-06", under_shares="2450000", after="2450000",
                             notes={"exercisable": ["F1"]})],
        footnotes={"F1": "25% of the shares vest on 04/06/2005, the remaining shares in equal monthly "
                         "installments over the following thirty-six months."},
        signatures=(("/s/ Albert A. Notini", "2004-04-29"),), **SONUS)
    found = lint_files(tmp_path, plugins, {"form5.xml": form5, "form4.xml": form4}, ["N", "R", "T", "X"])
    assert [f for f in found if str(f.severity) == "error"] == []
    by_code = {}
    for finding in found:
        by_code.setdefault(finding.code, []).append(finding.path.rsplit("/", 1)[-1])
    assert by_code == {"T002": ["form4.xml"], "T004": ["form4.xml", "form5.xml"]}
