"""The EDGAR XML, submission and canonical JSON readers: what they read, where, and what they refuse."""

from datetime import date, datetime
from decimal import Decimal

from form16lint.canonical import from_data, loads, to_json
from form16lint.engine import read_document
from filings import d_tx, nd_tx, ownership_xml


def read(plugins, tmp_path, text, name="filing.xml"):
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return read_document(plugins, str(path))


def test_reads_every_field_with_footnotes_and_types(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx(price=None, notes={"price": ["F1"], "after": ["F2"]})],
                        d_transactions=[d_tx()], footnotes={"F1": "Gift.", "F2": "Includes ESPP shares."},
                        aff10b5one="true")
    document = read(plugins, tmp_path, xml)
    filing = document.filing
    assert document.format == "edgar-xml" and document.reader_findings == []
    assert filing.document_type == "4" and filing.period_of_report.value == date(2024, 3, 1)
    assert filing.aff10b5_one.value is True
    row = filing.non_derivative_transactions[0]
    assert row.shares.value == Decimal("100") and row.price_per_share.value is None
    assert row.price_per_share.footnotes == ["F1"] and row.shares_owned_following.footnotes == ["F2"]
    option = filing.derivative_transactions[0]
    assert option.expiration_date.value == date(2034, 3, 1) and option.underlying_shares.value == Decimal("4000")
    assert [n.id for n in filing.footnotes] == ["F1", "F2"]
    assert filing.signatures[0].date.value == date(2024, 3, 4)


def test_every_value_has_line_and_column(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx(), nd_tx()])
    document = read(plugins, tmp_path, xml)
    lines = xml.splitlines()
    for pointer in ("/nonDerivativeTransactions/1/sharesOwnedFollowing", "/issuer/tradingSymbol", "/periodOfReport"):
        location = document.locate(pointer)
        assert location.line and location.column
        assert lines[location.line - 1][location.column - 1] == "<"
    first = document.locate("/nonDerivativeTransactions/0/shares")
    second = document.locate("/nonDerivativeTransactions/1/shares")
    assert second.line > first.line


def test_columns_on_a_single_line_document(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx(), nd_tx()]).replace("\n", "")
    document = read(plugins, tmp_path, xml)
    first = document.locate("/nonDerivativeTransactions/0/shares")
    second = document.locate("/nonDerivativeTransactions/1/shares")
    assert first.line == second.line == 1 and second.column > first.column


def test_true_false_and_malformed_values_are_kept(plugins, tmp_path):
    document = read(plugins, tmp_path, ownership_xml(nd_transactions=[nd_tx(date="2024-13-01", swap="false")]))
    row = document.filing.non_derivative_transactions[0]
    assert row.transaction_date.value is None and row.transaction_date.raw == "2024-13-01"
    assert row.equity_swap_involved.value is False


def test_not_well_formed_names_the_line(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx()]).replace("</transactionDate>", "</transactionDat", 1)
    finding, = read(plugins, tmp_path, xml).reader_findings
    assert finding.code == "E002" and "not well-formed at line" in finding.message and finding.line


def test_billion_laughs_is_refused_at_once(plugins, tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
            + ']><ownershipDocument><remarks>&lol9;</remarks></ownershipDocument>')
    document = read(plugins, tmp_path, bomb)
    assert document.filing is None and document.reader_findings[0].code == "E002"
    assert "entities" in document.reader_findings[0].message


def test_external_entity_is_never_read(plugins, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<ownershipDocument><remarks>&x;</remarks></ownershipDocument>")
    document = read(plugins, tmp_path, xxe)
    assert document.filing is None and document.reader_findings[0].code == "E002"
    assert "TOP SECRET" not in document.reader_findings[0].message


def test_other_xml_is_skipped_and_other_files_are_e002(plugins, tmp_path):
    skipped, = read(plugins, tmp_path, "<html><body/></html>", "a.xml").reader_findings
    assert skipped.code == "E003" and "not a filing" in skipped.message
    assert "empty" in read(plugins, tmp_path, "", "b.xml").reader_findings[0].message
    assert read(plugins, tmp_path, b"\x00\x01binary", "c.pdf").reader_findings[0].code == "E002"


def test_submission_text_carries_edgar_dates(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx()])
    text = ("<SEC-DOCUMENT>0000320193-24-000001.txt : 20240305\n<SEC-HEADER>\n"
            "<ACCEPTANCE-DATETIME>20240305183057\nACCESSION NUMBER:\t\t0000320193-24-000001\n"
            "FILED AS OF DATE:\t\t20240305\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n"
            + xml + "</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    document = read(plugins, tmp_path, text, "submission.txt")
    metadata = document.filing.metadata
    assert document.format == "edgar-submission"
    assert metadata.accession_number == "0000320193-24-000001"
    assert metadata.filing_date == date(2024, 3, 5)
    assert metadata.acceptance_datetime == datetime(2024, 3, 5, 18, 30, 57)
    # positions are those of the whole file
    line = document.locate("/issuer/tradingSymbol").line
    assert "issuerTradingSymbol" in text.splitlines()[line - 1]


def test_canonical_json_round_trip_is_equal(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx(shares="100.5000", price=None, notes={"price": ["F1"]})],
                        d_transactions=[d_tx()], footnotes={"F1": "Gift."})
    filing = read(plugins, tmp_path, xml).filing
    text = to_json(filing)
    assert '"value": 100.5000' in text  # exact decimals, not float approximations
    assert from_data(loads(text)) == filing
    back = read(plugins, tmp_path, text, "filing.json")
    assert back.format == "json" and back.reader_findings == [] and back.filing == filing


def test_json_schema_violation_is_s001_with_pointer_and_line(plugins, tmp_path):
    text = ('{\n  "$schema": "https://form16lint.dev/schemas/filing.schema.json",\n  "documentType": "4",\n'
            '  "periodOfReport": {"value": "04/06/2004"},\n  "issuer": {"cik": 320193}\n}\n')
    document = read(plugins, tmp_path, text, "filing.json")
    found = {f.pointer: f for f in document.reader_findings}
    assert set(found) == {"/periodOfReport/value", "/issuer/cik"}
    assert all(f.code == "S001" for f in found.values())
    assert found["/issuer/cik"].line == 5


def test_broken_json_is_e002(plugins, tmp_path):
    finding, = read(plugins, tmp_path, '{"documentType": "4",', "filing.json").reader_findings
    assert finding.code == "E002" and "line 1" in finding.message


def test_a_footnote_is_located_at_its_own_tag_not_at_a_reference_to_it(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"]})],
                        footnotes={"F1": "Weighted average price."}).replace("\n", "")
    location = read(plugins, tmp_path, xml).locate("/footnotes/0")
    assert location.line == 1 and xml[location.column - 1:].startswith('<footnote id="F1"')


def test_utf16_text_is_e002_saying_to_save_it_as_utf8(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx()])
    finding, = read(plugins, tmp_path, xml.encode("utf-16")).reader_findings
    assert finding.code == "E002" and "UTF-16" in finding.message and "UTF-8" in finding.message


def test_utf8_with_a_byte_order_mark_is_read(plugins, tmp_path):
    xml = ownership_xml(nd_transactions=[nd_tx()])
    document = read(plugins, tmp_path, b"\xef\xbb\xbf" + xml.encode())
    assert document.reader_findings == [] and document.filing.document_type == "4"
