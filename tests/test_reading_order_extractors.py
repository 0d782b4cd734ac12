"""Text in reading order from the extractors that keep no layout (poppler's pdftotext without
-layout, pypdf, PyMuPDF, pdfminer.six): the filings of the PDF round trip drawn by our renderer,
extracted, read back and compared with the XML on every field the printed form shows, and linted:
what is not read with confidence is an E001, never a false alarm."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from form16lint.engine import lint
from form16lint.readers.extracted_text import read_extracted_text
from form16lint.rule import RunOptions
from form16lint.settings import Settings
from render_pdf import printed_view, render_pdf
from test_pdf_roundtrip import BUILT, _filing, _norm


def _pdf_path(pdf: bytes, tmp_path):
    path = tmp_path / "filing.pdf"
    path.write_bytes(pdf)
    return path


def plain_pdftotext(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed (Debian package: poppler-utils)")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(_pdf_path(pdf, tmp_path)), "-"], capture_output=True,
                          check=True).stdout.decode()


def pypdf_text(pdf: bytes, tmp_path) -> str:
    pypdf = pytest.importorskip("pypdf")
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(_pdf_path(pdf, tmp_path))).pages)


def pymupdf_text(pdf: bytes, tmp_path) -> str:
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(str(_pdf_path(pdf, tmp_path))) as document:
        return "".join(page.get_text() for page in document)


def pdfminer_text(pdf: bytes, tmp_path) -> str:
    high_level = pytest.importorskip("pdfminer.high_level")
    return high_level.extract_text(str(_pdf_path(pdf, tmp_path)))


EXTRACTORS = {"pdftotext": plain_pdftotext, "pypdf": pypdf_text, "pymupdf": pymupdf_text, "pdfminer": pdfminer_text}
NAMES = ("form4", "form3", "form5-amendment", "joint", "long")
STYLES = ("ruled-glyph-super", "unruled-bracket-cell")
# measured on these renderings; each floor a little under what the extractor gives
FLOORS = {"pdftotext": 0.78, "pypdf": 0.97, "pymupdf": 0.97, "pdfminer": 0.25}
# C003 and C004 turn on the transaction form type, which the printed form does not carry.
_NOT_ON_PAPER = {"C003", "C004"}


def _codes(plugins, path) -> set[str]:
    result = lint([str(path)], plugins, Settings(), RunOptions())
    return {f.code for f in result.findings if str(f.severity) in ("warning", "error") and f.code != "E001"}


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_reading_order_text_reads_the_printed_form(extractor, tmp_path, plugins, capsys):
    agreed = total = 0
    alarms = []
    for name in NAMES:
        xml = tmp_path / f"{name}.xml"
        xml.write_text(BUILT[name])
        filing = _filing(BUILT[name].encode())
        expected_codes = _codes(plugins, xml) - _NOT_ON_PAPER
        for style in STYLES:
            text = EXTRACTORS[extractor](render_pdf(filing, style), tmp_path)
            expected = printed_view(filing)
            got = printed_view(read_extracted_text("filing.txt", text).filing)
            agreed += sum(_norm(expected.get(key)) == _norm(got.get(key)) for key in expected)
            total += len(expected)
            path = tmp_path / f"{name}-{style}.txt"
            path.write_text(text, encoding="utf-8")
            extra = _codes(plugins, path) - _NOT_ON_PAPER - expected_codes
            if extra:
                alarms.append(f"{name} {style}: {sorted(extra)}")
    with capsys.disabled():
        print(f"\n{extractor} (reading order): {agreed}/{total} printed fields = {agreed / total:.1%}")
    assert not alarms, alarms
    assert agreed / total >= FLOORS[extractor]


def test_a_browser_footer_inside_box_1_is_no_address(tmp_path, plugins):
    """A page of the SEC rendition printed by a browser may end inside a box 1 (a real rendition
    of a joint Form 3 does, in an owner's box printed below the tables): the footer's address and page count
    and the next page's date and title fall between "(Street)" and the city, and were once read as
    the city (a false S006 "city is 44 characters long")."""
    filing = _filing(BUILT["joint"].encode())
    text = plain_pdftotext(render_pdf(filing, "ruled-glyph-super"), tmp_path)
    furniture = "\nfile:///home/counsel/Downloads/form3.html\n\n2/4\n\n12/3/26, 3:08 PM\n\nSEC FORM 3\n"
    at = text.index("(Street)") + len("(Street)")
    path = tmp_path / "joint-footer.txt"
    path.write_text(text[:at] + "\n" + furniture + text[at:], encoding="utf-8")
    result = lint([str(path)], plugins, Settings(), RunOptions())
    assert not [f for f in result.findings if "file:///" in f.message], [f.message for f in result.findings]
    assert not [f for f in result.findings if f.code == "S006"]
