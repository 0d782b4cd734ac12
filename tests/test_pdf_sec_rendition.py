"""The SEC's own rendition of a filing printed by a browser, as anyone saves it from EDGAR: every
printed value reads back, and the PDF gives the codes its XML gives (E001 apart).

The page is the zoo's replica of the rendition, printed by headless Chromium with and without the
browser's header and footer; the tests skip, saying so, where Chromium is absent. The smaller tests
below pin each layout fact the reader relies on, without Chromium."""

from __future__ import annotations

import io

import pytest

from filings import d_tx, nd_holding, nd_tx, owner, ownership_xml
from form16lint.readers.edgar_xml import read_ownership_xml
from form16lint.readers.pdf import (Line, Word, _fills_again, drop_label, is_page_furniture, place_columns,
                                    read_checkboxes, read_pdf, _TABLE_I)
from form16lint.readers.printed_form import RELATIONSHIP_OPTIONS
from zoo.chromium import chromium_binary, print_html
from zoo.sec_rendition import render_html
from zoo.truth import compare, printed_values, read_values

# An amended Form 4 with what the rendition makes hard: two owners (the second printed below the
# tables), an officer title, the 10b5-1 box, a Table II title over three lines beside values centred
# on it, markers everywhere, long footnotes, remarks and two signatures.
FORM4A = ownership_xml(
    document_type="4/A", original="2024-03-05", aff10b5one=1,
    owners=[owner(officer=1, title="Chief Technology Officer"),
            owner(cik="0001000002", name="DOE FAMILY TRUST", officer=0, ten_percent=1, street="2 ELM ST",
                  city="SAN MATEO", state="CA", zip_code="94402")],
    nd_transactions=[nd_tx(code="S", shares="1200", price="10.25", after="8800", notes={"price": ["F1"]}),
                     nd_tx(code="M", shares="4000", ad="A", price=None, after="12800",
                           notes={"price": ["F2"], "after": ["F1", "F3"]})],
    nd_holdings=[nd_holding(di="I", nature="By Doe Family Trust, U/A dated 1/1/2010", notes={"nature": ["F3"]})],
    d_transactions=[d_tx(title="Employee Stock Option (right to buy)", code="M", ad="D", shares="4000",
                         exercisable=None, notes={"exercisable": ["F2"]})],
    footnotes={"F1": "The price reported is a weighted average price. These shares were sold in multiple "
                     "transactions at prices ranging from $10.00 to $10.50, inclusive. The reporting person "
                     "undertakes to provide full information regarding the number of shares sold at each price.",
               "F2": "The option vests in four equal annual installments beginning 2025-03-01.",
               "F3": "Held by the Doe Family Trust, of which the reporting person is trustee."},
    remarks="Exhibit 24 - Power of Attorney",
    signatures=(("/s/ Jane Doe, by Richard Roe, Attorney-in-Fact", "2024-03-06"), ("/s/ Doe Family Trust", "2024-03-06")))

needs_chromium = pytest.mark.skipif(chromium_binary() is None,
                                    reason="Chromium is absent (Debian package: chromium); the SEC rendition is "
                                           "printed with it")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{header_footer: PDF bytes} of the rendition of FORM4A."""
    filing = read_ownership_xml("form4a.xml", FORM4A.encode()).filing
    html = render_html(filing)
    out = {}
    for header_footer in (True, False):
        target = tmp_path_factory.mktemp("print") / "form4a.pdf"
        print_html(html, target, header_footer=header_footer, name="Archives/edgar/data/1/form4a.html")
        out[header_footer] = target.read_bytes()
    return out


@needs_chromium
@pytest.mark.parametrize("header_footer", [True, False], ids=["with-header-footer", "without"])
def test_every_printed_value_reads_back(printed, header_footer):
    truth = printed_values(read_ownership_xml("form4a.xml", FORM4A.encode()).filing)
    document = read_pdf("form4a.pdf", printed[header_footer])
    matched, wrong, extra = compare(truth, read_values(document.filing))
    print(f"SEC rendition ({'with' if header_footer else 'without'} header/footer): {len(matched)}/{len(truth)}")
    assert not wrong and not extra, (wrong, extra, [f.message for f in document.reader_findings])
    assert not document.reader_findings


@needs_chromium
def test_the_pdf_gives_the_codes_of_its_xml(printed, lint_text):
    def codes(result):
        return sorted({f.code for f in result.findings if f.severity.name in ("WARNING", "ERROR")})

    assert codes(lint_text(printed[True], name="form4a.pdf")) == codes(lint_text(FORM4A, name="form4a.xml"))


# -- the layout facts, one by one -------------------------------------------------------------------
def _word(text, x0, top, size=6.3, page=1) -> Word:
    return Word(text, x0, x0 + 0.5 * size * len(text), top, top + size, size, page)


def _line(*words: Word) -> Line:
    return Line(list(words), words[0].page, min(w.top for w in words), max(w.bottom for w in words))


def test_browser_header_and_footer_lines_are_page_furniture():
    header = _line(_word("12/3/26,", 24, 16, 8), _word("3:07", 60, 16, 8), _word("PM", 80, 16, 8),
                   _word("SEC", 330, 16, 8), _word("FORM", 349, 16, 8), _word("4", 375, 16, 8))
    footer = _line(_word("https://www.sec.gov/Archives/edgar/data/1/x.xml", 24, 768, 8), _word("1/3", 575, 768, 8))
    alone = _line(_word("2/3", 575, 768, 8))
    row = _line(_word("Common", 37, 760, 8), _word("Stock", 69, 760, 8), _word("1/3", 300, 760, 8))
    assert all(is_page_furniture(line, 792) for line in (header, footer, alone))
    assert not is_page_furniture(row, 792)
    assert not is_page_furniture(_line(_word("12/3/26,", 24, 400, 8), _word("3:07", 60, 400, 8)), 792)


def test_white_backgrounds_behind_values_are_no_table_rules():
    from reportlab.pdfgen import canvas

    from form16lint.readers.pdf import _horizontal_rules

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(612, 792))
    page.setFillColorRGB(1, 1, 1)
    page.rect(40, 500, 120, 30, stroke=0, fill=1)  # a value's white background
    page.setFillColorRGB(0.33, 0.33, 0.33)
    page.rect(40, 480, 300, 0.6, stroke=0, fill=1)  # a border drawn as a thin bar
    page.setFillColorRGB(0, 0, 0)
    page.drawString(45, 510, "Stock options")
    page.showPage()
    page.save()
    import pdfplumber

    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        rules = [rule for rule in _horizontal_rules(pdf.pages[0]) if len(rule) == 3]
    assert [round(792 - top - 0.6) for top, _, _ in rules] == [480]


def test_a_mark_centred_on_a_two_line_caption_checks_it():
    # "X" level with neither line of "Officer (give title / below)", but between them
    words = [_word("Director", 444, 190), _word("10%", 522, 190), _word("Owner", 536, 190),
             _word("Officer", 444, 201.6), _word("(give", 464, 201.6), _word("title", 480, 201.6),
             _word("Other", 522, 201.6), _word("(specify", 539, 201.6),
             _word("below)", 444, 208.2), _word("below)", 522, 208.2), _word("X", 428, 205.5, 8.2)]
    marks = [w for w in words if w.text == "X"]
    assert read_checkboxes(words, RELATIONSHIP_OPTIONS, 2, marks) == {
        "is_director": False, "is_ten_percent_owner": False, "is_officer": True, "is_other": False}


def test_a_wrapped_box_4_label_is_no_date():
    # "4. If Amendment, Date of Original Filed (Month/Day/" + "Year)": the tail is the label's, so the
    # box is empty and the Form 4 stays a Form 4
    label = _word("4.", 227, 260)
    words = [label, _word("If", 234, 260), _word("Amendment,", 239, 260), _word("Date", 277, 260),
             _word("of", 292, 260), _word("Original", 299, 260), _word("Filed", 323, 260),
             _word("(Month/Day/", 338, 260), _word("Year)", 227, 267)]
    content, taken = drop_label(words, label, "If Amendment, Date of Original Filed (Month/Day/Year)")
    assert content == [] and len(taken) == len(words)
    dated = words + [_word("03/05/2024", 227, 276, 8.2)]
    assert [w.text for w in drop_label(dated, label, "If Amendment, Date of Original Filed (Month/Day/Year)")[0]] \
        == ["03/05/2024"]


def test_an_unruled_row_whose_title_takes_two_lines_ends_where_the_next_fills_its_code_again():
    header = [_line(*[_word(text, x, 100) for text, x in (("1.", 37), ("2.", 198), ("2A.", 251), ("3.", 304),
                                                           ("4.", 344), ("5.", 441), ("6.", 498), ("7.", 544))]),
              _line(_word("Code", 304, 110), _word("V", 329, 110), _word("Amount", 344, 110), _word("(A)", 387, 110),
                    _word("Price", 411, 110))]
    columns, missing = place_columns(header, _TABLE_I)
    assert not missing
    first = [_line(_word("Class", 37, 130), _word("A", 60, 130), _word("03/01/2024", 198, 130), _word("M", 304, 130),
                   _word("100", 344, 130)),
             _line(_word("Common", 37, 137))]
    wrapped_title = _line(_word("Stock", 37, 144))
    next_row = _line(_word("Class", 37, 144), _word("03/01/2024", 198, 144), _word("S", 304, 144))
    assert not _fills_again(first, wrapped_title, columns)
    assert _fills_again(first, next_row, columns)
