"""Layout text as positioned words: the grid source of the printed-form reader.

Layout-preserving extractors (poppler's ``pdftotext -layout``, pdfplumber's
``extract_text(layout=True)``) print each character near where the PDF printed it: a form feed
ends a page, each line is a row of the page, and spaces fill the gaps. This module turns such text
into the page lines of positioned words that the PDF reader's form logic reads
(:mod:`form16lint.readers.pdf`), so that one reader knows the form whatever gave its words:

* a word is a run of characters between spaces, as a PDF's words are; its x is its character
  column times a character's width, its width its length, its top the line's number times the
  line pitch, and every word has the same font size (text keeps none);
* a tab stands for a gap: it advances to the next tab stop (every 8 columns), as terminals do;
* a line made only of footnote markers ("(1)", "(2)(3)") directly above a line of text holds
  markers raised over it (superscripts printed a line higher): they are given a smaller size and
  set just above that line, where the reader takes a raised marker into the line it is raised
  over;
* the lines keep their number in the text (``Word.line``), so that what is read is located by
  line and column too.

Text has no rules, so its tables are read as a PDF's unruled tables: rows split by a blank line
or by a figure standing again in a column the row already fills.
"""

from __future__ import annotations

import re
import unicodedata

from form16lint.model import Location
from form16lint.readers.pdf import Line, Word, is_page_furniture
from form16lint.readers.printed_form import MARKERS

CHAR_WIDTH = 3.0  # points a character column stands for (pdftotext -layout sets a Letter page's width in about 200 columns)
LINE_PITCH = 10.0  # points from one line's top to the next: a line as tall as its words
FONT_SIZE = 10.0  # every word's size: text keeps no sizes
RAISED_SIZE = 7.0  # a marker raised above its line
_WORD = re.compile(r"\S+")
_PAGE_NUMBER = re.compile(r"^page\d+of\d+$")


def grid_pages(text: str) -> list[tuple[list[Line], list]]:
    """The pages of layout text as (lines of positioned words, rules): form feeds part the pages,
    and text has no rules. Line numbers count from 1 over the whole text."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    pages = []
    number = 0
    for page_number, page in enumerate(text.split("\f"), 1):
        rows = page.split("\n")
        words_of_rows = [_row_words(row.expandtabs(8), index, number + index + 1, page_number)
                         for index, row in enumerate(rows)]
        _raise_markers(words_of_rows)
        height = max(len(rows), 66) * LINE_PITCH
        # each row of the text is a line of the page (as the PDF reader's group_lines would make it)
        lines = [line for index, words in enumerate(words_of_rows) if words
                 for line in (Line(words, page_number, index * LINE_PITCH, index * LINE_PITCH + FONT_SIZE),)
                 if not _PAGE_NUMBER.match(line.compact) and not is_page_furniture(line, height)]
        pages.append((lines, []))
        number += len(rows) - 1
    while len(pages) > 1 and not pages[-1][0]:
        pages.pop()  # the form feed after the last page
    return pages


def _row_words(row: str, index: int, line_number: int, page: int) -> list[Word]:
    if not row or row.isspace():
        return []
    top = index * LINE_PITCH
    bottom = top + FONT_SIZE
    words = []
    for match in _WORD.finditer(row):
        start, end = match.span()
        words.append(Word(match.group(), start * CHAR_WIDTH, end * CHAR_WIDTH, top, bottom, FONT_SIZE, page,
                          line_number, start + 1))
    return words


def _raise_markers(rows: list[list[Word]]) -> None:
    """Markers alone on a line right above a line of text are raised over it: smaller, and set just
    above it, so the reader joins them to it."""
    for index, words in enumerate(rows[:-1]):
        below = rows[index + 1]
        if words and below and all(MARKERS.fullmatch(w.text) for w in words):
            top = below[0].top - RAISED_SIZE / 2
            for word in words:
                word.top, word.bottom, word.size = top, top + RAISED_SIZE, RAISED_SIZE
            below.extend(words)
            below.sort(key=lambda w: w.x0)
            rows[index] = []


def read_layout_text(path: str, text: str, fmt: str = "text"):
    """The filing layout text prints, read by the printed-form reader; None when the text's first
    page holds no form title and box 1 or Table I (then it is no layout of the form)."""
    from form16lint.readers.pdf import _PdfReader, compact
    from form16lint.readers.printed_form import form_of_title

    pages = grid_pages(text)
    if not pages or not pages[0][0]:
        return None
    title = compact(" ".join(line.text for line in pages[0][0]))
    form = form_of_title(title)
    if form is None or not ("tablei" in title or "nameandaddressofreportingperson" in title):
        return None
    document = _PdfReader(path, form, pages, fmt).read()
    document.filing.read_from = fmt
    _unmarked_boxes(document, pages[0][0])
    return document


def _unmarked_boxes(document, first_page: list[Line]) -> None:
    """A form whose check boxes the PDF drew (a cross of strokes, a filled square) loses them in
    text: when the first page holds no mark at all ("X", "[X]", a box glyph), a relationship that
    reads unchecked was not seen, and says so, rather than be taken for none checked."""
    from form16lint.readers import unsure_field
    from form16lint.readers.pdf import is_mark

    if any(is_mark(w.text) for line in first_page for w in line.words):
        return
    for index, owner in enumerate(document.filing.reporting_owners):
        if not owner.relationship.any_checked:
            pointer = f"/reportingOwners/{index}/relationship"
            where = document.locations.get(pointer)
            unsure_field(document, pointer, "the text carries no check marks (the PDF drew them), so whether "
                         "a box is checked cannot be seen", where or Location(page=1), signed_page=1)
