"""The extracted-text reader on what the common extractors make of a printed form: the filings of
the PDF round trip drawn by our renderer, run through poppler's pdftotext (with and without
-layout) and pdfplumber (with and without layout=True), read back and compared with the XML on
every field the printed form shows, and linted for false alarms."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from form16lint.engine import lint
from form16lint.readers.extracted_text import read_extracted_text
from form16lint.rule import RunOptions
from form16lint.settings import Settings
from render_pdf import printed_view, render_pdf
from test_pdf_roundtrip import BUILT, _filing, _norm


def pdftotext(pdf: bytes, tmp_path, *options) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed (Debian package: poppler-utils)")
    path = tmp_path / "filing.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode()


def plumber(pdf: bytes, tmp_path, layout: bool) -> str:
    import pdfplumber

    path = tmp_path / "filing.pdf"
    path.write_bytes(pdf)
    with pdfplumber.open(path) as document:
        return "\n".join(page.extract_text(layout=layout) or "" for page in document.pages)


EXTRACTORS = {
    "pdftotext-layout": lambda pdf, tmp: pdftotext(pdf, tmp, "-layout"),
    "pdfplumber-layout": lambda pdf, tmp: plumber(pdf, tmp, True),
}


def _misses(filing, text: str) -> list[str]:
    expected = printed_view(filing)
    got = printed_view(read_extracted_text("filing.txt", text).filing)
    return [f"{key}: {expected.get(key)!r} != {got.get(key)!r}" for key in sorted(set(expected) | set(got))
            if _norm(expected.get(key)) != _norm(got.get(key))]


# Form 5's flags "Form 3 holdings reported" and "Form 4 transactions reported" are judged (S005)
# against the rows' transaction form types, which the printed form does not carry.
_ON_FORM_TYPES = ("/form3HoldingsReported", "/form4TransactionsReported")


def _codes(plugins, path) -> list[str]:
    result = lint([str(path)], plugins, Settings(), RunOptions())
    return sorted({f.code for f in result.findings if str(f.severity) in ("warning", "error") and f.code != "E001"
                   and f.pointer not in _ON_FORM_TYPES})


# pdftotext -layout keeps each character where the form prints it: every field comes back.
@pytest.mark.parametrize("style", ["ruled-glyph-super", "unruled-bracket-cell"])
@pytest.mark.parametrize("name", ["form4", "form3", "form5-amendment", "joint"])
def test_pdftotext_layout_reads_every_printed_field(name, style, tmp_path):
    filing = _filing(BUILT[name].encode())
    assert _misses(filing, EXTRACTORS["pdftotext-layout"](render_pdf(filing, style), tmp_path)) == []


def test_pdfplumber_layout_reads_nearly_every_printed_field(tmp_path, capsys):
    """pdfplumber's layout=True squeezes columns together: a wrapped cell's words may come back in
    another order. Nearly every field comes back."""
    agreed = total = 0
    misses = []
    for name in ("form4", "form3", "form5-amendment", "joint"):
        for style in ("ruled-glyph-super", "unruled-bracket-cell"):
            filing = _filing(BUILT[name].encode())
            wrong = _misses(filing, EXTRACTORS["pdfplumber-layout"](render_pdf(filing, style), tmp_path))
            count = len(printed_view(filing))
            agreed, total = agreed + count - len(wrong), total + count
            misses += wrong
    with capsys.disabled():
        print(f"\npdfplumber layout=True: {agreed}/{total} fields = {agreed / total:.1%}")
    assert agreed / total >= 0.97, misses


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_a_table_over_two_pages_reads_every_row(extractor, tmp_path):
    filing = _filing(BUILT["long"].encode())
    text = EXTRACTORS[extractor](render_pdf(filing, "unruled-glyph-super-norepeat"), tmp_path)
    document = read_extracted_text("filing.txt", text)
    assert len(document.filing.non_derivative_transactions) == 30
    assert _misses(filing, text) == []


# C003 and C004 turn on the transaction form type, which the printed form does not carry.
_NOT_ON_PAPER = {"C003", "C004"}


def test_no_false_alarm_on_layout_text(tmp_path, plugins):
    """The warnings and errors of the text are those of its XML (E001 apart)."""
    for name in ("form4", "form3", "form5-amendment", "joint"):
        xml = tmp_path / f"{name}.xml"
        xml.write_text(BUILT[name])
        text = tmp_path / f"{name}.txt"
        text.write_text(EXTRACTORS["pdftotext-layout"](render_pdf(_filing(BUILT[name].encode()), "ruled-drawn-unicode"),
                                                       tmp_path))
        assert set(_codes(plugins, text)) - _NOT_ON_PAPER == set(_codes(plugins, xml)) - _NOT_ON_PAPER, name


def test_a_row_read_in_part_is_an_e001_not_an_s009(tmp_path, plugins):
    """A price cell lost by extraction is named as not read, not reported as missing from the form."""
    filing = _filing(BUILT["form4"].encode())
    text = EXTRACTORS["pdftotext-layout"](render_pdf(filing, "unruled-bracket-cell"), tmp_path)
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if "$10.25" in line)
    lines[row] = re.sub(r"\$10\.25\s*\(1\)|\$10\.25", lambda m: " " * len(m.group()), lines[row])
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lines))
    result = lint([str(path)], plugins, Settings(), RunOptions())
    codes = {f.code for f in result.findings}
    assert "S009" not in codes
    [e001] = [f for f in result.findings if f.code == "E001" and "pricePerShare" in (f.pointer or "")]
    assert "price" in e001.message.lower()
