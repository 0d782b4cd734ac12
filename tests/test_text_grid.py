"""Layout text read as positioned words by the printed-form reader (the grid source): what the grid
makes of a text, and pdftotext -layout of real filings printed as the SEC's rendition, read back
through the whole product."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from form16lint.readers.extracted_text import read_extracted_text
from form16lint.readers.text_grid import CHAR_WIDTH, LINE_PITCH, grid_pages


def test_words_stand_at_their_column_and_line_and_form_feeds_part_pages():
    text = "Name   ACME CORP [ACME]\n\n  Common Stock    1,000 (1)\fpage two\n"
    pages = grid_pages(text)
    assert len(pages) == 2
    first, rules = pages[0]
    assert rules == []  # text draws no rules
    assert [w.text for w in first[0].words] == ["Name", "ACME", "CORP", "[ACME]"]
    acme = first[0].words[1]
    assert (acme.x0, acme.x1) == (7 * CHAR_WIDTH, 11 * CHAR_WIDTH)
    assert (acme.line, acme.column) == (1, 8)
    stock = first[1].words[0]
    assert stock.top == 2 * LINE_PITCH and stock.line == 3 and stock.column == 3
    second = pages[1][0]
    assert second[0].text == "page two" and second[0].words[0].page == 2 and second[0].words[0].line == 3


def test_markers_alone_on_a_line_are_raised_over_the_line_below():
    lines = grid_pages("Class B       (2)          01/15/2021\n                   (3)\nStock Option  $0.01\n")[0][0]
    assert [line.text for line in lines] == ["Class B (2) 01/15/2021", "Stock Option $0.01 (3)"]
    raised = lines[1].words[3]
    assert raised.text == "(3)" and raised.size < lines[1].words[0].size


def test_a_tab_advances_to_the_next_stop():
    word = grid_pages("1.\tName\n")[0][0][0].words[1]
    assert word.x0 == 8 * CHAR_WIDTH


@pytest.mark.parametrize("style", ["ruled-glyph-super", "unruled-bracket-cell", "ruled-drawn-unicode",
                                   "unruled-glyph-super-norepeat"])
@pytest.mark.parametrize("built", ["form4", "form3"])
def test_pdftotext_layout_of_a_printed_filing_reads_as_its_pdf(style, built, tmp_path):
    """A filing printed in each of our renderer's styles, its pdftotext -layout (paged layout text)
    read by the grid: the values the PDF reader reads from the PDF itself."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed (Debian package: poppler-utils)")
    from render_pdf import render_pdf
    from test_pdf_roundtrip import BUILT, _filing

    filing = _filing(BUILT[built].encode())
    pdf = tmp_path / "filing.pdf"
    pdf.write_bytes(render_pdf(filing, style))
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode()
    assert "\f" in text
    from form16lint.readers.pdf import read_pdf

    from_text = read_extracted_text("filing.txt", text)
    from_pdf = read_pdf("filing.pdf", pdf.read_bytes())
    assert from_text.format == "text" and from_text.filing.read_from == "text"
    assert _values(from_text.filing) == _values(from_pdf.filing)


def _values(filing) -> dict:
    return {
        "issuer": (filing.issuer.name, filing.issuer.trading_symbol),
        "period": str(filing.period_of_report.value),
        "owners": [owner.name for owner in filing.reporting_owners],
        "table1": [(str(row.security_title.value), str(row.shares_owned_following.value))
                   for row in [*filing.non_derivative_transactions, *filing.non_derivative_holdings]],
        "table2": [(str(row.security_title.value), str(row.underlying_shares.value))
                   for row in [*filing.derivative_transactions, *filing.derivative_holdings]],
        "footnotes": [note.id for note in filing.footnotes],
        "signatures": [(s.name, str(s.date.value)) for s in filing.signatures],
    }


def test_a_relationship_option_not_found_leaves_the_box_unjudged(tmp_path, plugins):
    """A real EDGAR rendition's pdftotext -layout prints box 5's wrapped "Officer (give title
    below)" caption with its lines out of order, so the caption is not found. Its box cannot then
    be told unchecked: one E001 names the option, and no R001 says no relationship is checked."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed (Debian package: poppler-utils)")
    from form16lint.engine import lint
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings
    from render_pdf import render_pdf
    from test_pdf_roundtrip import BUILT, _filing

    pdf = tmp_path / "filing.pdf"
    pdf.write_bytes(render_pdf(_filing(BUILT["form4"].encode()), "ruled-glyph-super"))
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode()
    assert "(give" in text
    path = tmp_path / "filing.txt"
    path.write_text(text.replace("(give", "     ", 1), encoding="utf-8")
    findings = lint([str(path)], plugins, Settings(), RunOptions()).findings
    assert not [f for f in findings if f.code == "R001"]
    assert [f for f in findings if f.code == "E001" and "Officer (give title below)" in f.message]
