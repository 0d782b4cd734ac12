"""The PDF and extracted-text readers: what a code review found wrong, each case read as counsel
would meet it."""

from __future__ import annotations

import pytest

from extracted_texts import FORM4


def _findings(result, *codes):
    return {(f.code, f.pointer): f for f in result.findings if f.code in codes}


# -- a date that is not a real date is kept for S003, not dropped -----------------------------------
@pytest.mark.parametrize("pointer, old, new", [
    ("/periodOfReport", "100 MAIN STREET\t\t03/01/2024", "100 MAIN STREET\t\t13/45/2024"),
    ("/signatures/0/date", "/s/ Jane Q. Doe\t03/04/2024", "/s/ Jane Q. Doe\t13/45/2024"),
    ("/dateOfOriginalSubmission", "Original Filed (Month/Day/Year)",
     "Original Filed (Month/Day/Year) 13/45/2024"),
])
def test_text_date_that_is_not_a_real_date_is_s003_not_missing(lint_text, pointer, old, new):
    assert old in FORM4
    result = lint_text(FORM4.replace(old, new), name="filing.txt")
    found = _findings(result, "S002", "S003")
    assert ("S003", pointer) in found, sorted(found)
    assert "'13/45/2024'" in found[("S003", pointer)].message
    assert ("S002", pointer) not in found


# -- PDF: Table II's amount is located in the sub-column it stands in ---------------------------------
def _pdf_of(xml: str) -> bytes:
    from form16lint.readers.edgar_xml import read_ownership_xml
    from render_pdf import render_pdf

    return render_pdf(read_ownership_xml("filing.xml", xml.encode()).filing)


def test_pdf_table2_amount_is_located_in_the_column_it_was_read_from():
    from filings import d_tx, ownership_xml
    from form16lint.readers.pdf import read_pdf

    pdf = _pdf_of(ownership_xml(d_transactions=[d_tx(code="A", ad="A"), d_tx(code="M", ad="D", price="0")]))
    document = read_pdf("f.pdf", pdf)
    acquired, disposed = document.filing.derivative_transactions
    assert (acquired.acquired_disposed.value, disposed.acquired_disposed.value) == ("A", "D")
    assert document.locate("/derivativeTransactions/0/shares").box == "Table II, row 1, column 5"  # its first sub-column, (A)
    assert document.locate("/derivativeTransactions/1/shares").box == "Table II, row 2, column 5 (D)"
    assert document.locate("/derivativeTransactions/1/acquiredDisposed").box == "Table II, row 2, column 5 (D)"
    assert document.locate("/derivativeTransactions/0/code").box == "Table II, row 1, column 4"


# -- E001 says the field in the form's words, where, and what to do -------------------------------------
def test_unsure_field_names_the_field_as_the_filings_form_numbers_it_and_the_fix():
    from form16lint.model import Document, Filing, Location
    from form16lint.readers import unsure_field

    pdf = Document(path="f.pdf", format="pdf", filing=Filing(document_type="3"))
    text = Document(path="f.txt", format="text", filing=Filing(document_type="3"))
    unsure_field(pdf, "/periodOfReport", "the box is empty", Location(page=1, box="box 2 (Date)"))
    unsure_field(text, "/periodOfReport", "the box is empty", Location(line=12, column=3))
    (on_pdf,), (on_text,) = ([f.message for f in d.reader_findings] for d in (pdf, text))
    assert on_pdf.startswith("box 2, date of event requiring statement could not be read with confidence "
                             "on page 1 (box 2 (Date)): the box is empty; check it on page 1 of the signed form")
    assert "EDGAR XML" in on_pdf
    assert "at line 12: the box is empty" in on_text and "on page" not in on_text


def _official_form4_pdf() -> bytes:
    from filings import d_tx, ownership_xml

    return _pdf_of(ownership_xml(d_transactions=[d_tx()]))


def test_pdf_missing_header_label_is_named_in_the_forms_words(monkeypatch):
    from form16lint.readers import pdf

    found = pdf.find_caption
    monkeypatch.setattr(pdf, "find_caption", lambda lines, key, after=None: None
                        if key.startswith("relationshipofreporting") else found(lines, key, after))
    document = pdf.read_pdf("f.pdf", _official_form4_pdf())
    [finding] = [f for f in document.reader_findings if f.pointer == "/reportingOwners/0/relationship"]
    # (box 2 then runs on into box 5, so the ticker is unsure as well)
    assert finding.message.startswith("reporting person 1, relationship (box 5) could not be read")
    assert "'relation'" not in finding.message


def test_pdf_missing_column_label_points_at_the_table_and_prints_its_label_once(monkeypatch):
    from form16lint.readers import pdf

    place = pdf.place_columns

    def without_d(header, spec):
        columns, missing = place(header, spec)
        if "disposed" in {c.key for c in columns}:
            return [c for c in columns if c.key != "disposed"], missing + [pdf.column_name("5", "(D)")]
        return columns, missing

    monkeypatch.setattr(pdf, "place_columns", without_d)
    document = pdf.read_pdf("f.pdf", _official_form4_pdf())
    [finding] = [f for f in document.reader_findings if f.code == "E001"]
    assert finding.pointer == "/derivativeTransactions"
    assert finding.message.startswith("Table II could not be read with confidence on page 1 (Table II): the "
                                      "labels of its columns 5 (D) were not found")


def test_pdf_sub_column_labels_print_once_in_brackets():
    from form16lint.readers.pdf import column_name

    assert [column_name("5", "(D)"), column_name("4", "Price"), column_name("3", "")] == ["5 (D)", "4 (Price)", "3"]


# -- text findings are located by line, not on a page the text does not keep ------------------------------
def test_text_findings_carry_their_line_and_no_page(lint_text):
    from form16lint.reporters.rich_report import where

    result = lint_text(FORM4.replace("100 MAIN STREET\t\t03/01/2024", "100 MAIN STREET\t\t13/45/2024"),
                       name="filing.txt")
    [finding] = [f for f in result.findings if f.code == "S003"]
    assert (finding.line, finding.page) == (9, None)
    assert where(finding).startswith("line 9:")


def test_text_e001_says_the_line_and_the_page_of_the_signed_form(lint_text):
    result = lint_text(FORM4.replace("ACME WIDGETS CORP [ACME]", "ACME WIDGETS CORP"), name="filing.txt")
    finding = next(f for f in result.findings if (f.code, f.pointer) == ("E001", "/issuer/tradingSymbol"))
    assert finding.page is None and finding.line == 5
    assert "could not be read with confidence at line 5:" in finding.message
    assert "on page 1 of the signed form" in finding.message  # the header boxes are on page 1


# -- E002 on a PDF says what is wrong with it and what to do instead -------------------------------------
def _pdf_saying(*texts, encrypt=None) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=encrypt)
    for index, text in enumerate(texts):
        page.drawString(50, 700 - 20 * index, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _e002(data: bytes) -> str:
    from form16lint.readers.pdf import read_pdf

    [finding] = read_pdf("f.pdf", data).reader_findings
    assert finding.code == "E002"
    return finding.message


def test_pdf_e002_tells_the_title_found_from_the_boxes_found():
    title_only = _e002(_pdf_saying("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"))
    boxes_only = _e002(_pdf_saying("1. Name and Address of Reporting Person"))
    neither = _e002(_pdf_saying("Minutes of the board meeting"))
    assert "is not a Form 3, 4 or 5" in title_only and "has the title of Form 4 but neither box 1" in title_only
    assert "has the form's boxes but no statement title" in boxes_only
    assert "has neither the statement title nor the form's header boxes" in neither
    assert all("EDGAR XML" in message for message in (title_only, boxes_only, neither))


def test_pdf_e002_says_what_to_do():
    from reportlab.lib import pdfencrypt

    locked = _e002(_pdf_saying("FORM 4", encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0)))
    assert "password" not in locked and "encrypted; save an unencrypted copy" in locked
    assert "print it to a new PDF or supply the EDGAR XML" in _e002(b"%PDF-1.4\n1 0 obj <<>> broken")
    blank = _e002(_pdf_saying())
    assert "no text on its first page (the text may be drawn as outlines or scanned); print it again" in blank


# -- what both readers know of the printed form -----------------------------------------------------------
def test_printed_form_pieces_both_readers_share():
    from form16lint.readers.printed_form import footnote_ids, form_of_title, marked_before, split_issuer

    assert [form_of_title(t) for t in ("annualstatementofchangesinbeneficialownership",
                                       "statementofchangesinbeneficialownership", "minutes")] == ["5", "4", None]
    assert footnote_ids("(2)(13)(104)") == ["F2", "F13", "F104"]
    assert [marked_before(t) for t in ("☒", "[x]", "X ", "x]", "☐", "Director")] == [True, True, True, True,
                                                                                    False, False]
    assert split_issuer("Apple Inc. (CIK 0000320193) [AAPL]") == ("Apple Inc.", "AAPL", "0000320193")
    assert split_issuer("Apple Inc.") == ("Apple Inc.", None, None)
    assert split_issuer("Apple Inc. [ ]") == ("Apple Inc.", "", None)


def test_text_reader_reads_a_cik_written_into_box_2(read_text):
    filing = read_text(FORM4.replace("ACME WIDGETS CORP [ACME]", "ACME WIDGETS CORP CIK 0000123456 [ACME]")).filing
    assert (filing.issuer.name, filing.issuer.trading_symbol, filing.issuer.cik) == (
        "ACME WIDGETS CORP", "ACME", "0000123456")


@pytest.fixture
def read_text(tmp_path, plugins):
    from form16lint.engine import read_document

    def run(text):
        path = tmp_path / "filing.txt"
        path.write_text(text, encoding="utf-8")
        return read_document(plugins, str(path))

    return run


# -- the hot path: a file the text reader is offered is sniffed, not read whole ------------------------------
def test_text_reader_decides_on_the_first_64_kib():
    from form16lint.readers.extracted_text import _claims

    assert not _claims(b"x" * 70000 + FORM4.encode())  # the phrases of a form stand at its top
    for pad in ("", "a"):  # a character cut at the 64 KiB mark does not make the file unreadable
        assert _claims((FORM4 + pad + "é" * 40000).encode())


def test_pdf_handle_is_closed_when_the_first_page_cannot_be_parsed(monkeypatch):
    import pdfplumber

    from form16lint.readers import pdf

    closed = []
    close = pdfplumber.PDF.close
    monkeypatch.setattr(pdfplumber.PDF, "close", lambda self: closed.append(self) or close(self))

    def broken(page, number):
        raise ValueError("damaged content stream")

    monkeypatch.setattr(pdf, "_page_lines", broken)
    [finding] = pdf.read_pdf("f.pdf", _pdf_saying("FORM 4")).reader_findings
    assert finding.code == "E002" and "damaged content stream" in finding.message
    assert closed


def test_pdf_a_column_number_printed_twice_is_the_next_column():
    from form16lint.readers.pdf import _FORM3_I, Line, Word, place_columns

    words = [Word(text, x, x + 8, 10, 16, 6, 1) for text, x in (("1.", 10), ("2.", 100), ("3.", 200), ("3.", 300))]
    columns, missing = place_columns([Line(words, 1, 10, 16)], _FORM3_I)
    assert [(c.key, c.number) for c in columns] == [("title", "1"), ("following", "2"), ("di", "3"), ("nature", "4")]
    assert missing == []


def test_text_e001_reasons_name_a_form3_box_as_form3_numbers_it(tmp_path, plugins):
    from extracted_texts import FORM3
    from form16lint.engine import read_document

    path = tmp_path / "form3.txt"
    path.write_text(FORM3.replace("GAMMA BIO INC [GMMA]", "GAMMA BIO INC"), encoding="utf-8")
    reasons = [f.message for f in read_document(plugins, str(path)).reader_findings if f.code == "E001"]
    assert reasons and all("box 2 label" not in message for message in reasons)
    assert any("follows the box 3 label" in message for message in reasons)
