"""Forms 3, 4 and 5 printed to PDF, read with pdfplumber (imported only when a PDF arrives).

Each page is parsed once: its words (with their font size) and its horizontal rules. Words are
normalised with Unicode NFKC, so superscript markers such as "⁽²⁾" read "(2)". Then:

* the form type comes from the statement title ("STATEMENT OF CHANGES ..."), checked against the
  large "FORM n" heading;
* each header box is found by its label ("Issuer Name and Ticker or Trading Symbol", "Date of
  Earliest Transaction", ...) and read from the region between it and the labels around it;
* a checkbox is checked when a mark (☒ ☑ ✓ ■, "X", "[X]") stands just left of its option;
* the tables' columns are placed by their numbered labels ("1.", "2A.", ...) and sub-labels
  ("Code", "V", "Amount", "(A) or (D)", "Price", ...), and every word goes to the column holding
  its centre, so ruled and unruled tables read alike; rows are split by horizontal rules or by a
  wider gap than a wrapped line leaves; a table running onto the next page keeps its columns,
  whether the header is repeated there or not;
* a footnote marker is a word made only of "(n)" groups, whether small and raised, a Unicode
  superscript or a bare "(1)" in a cell, or "(n)" groups glued to the end of a value;
* footnotes run from "Explanation of Responses" to the signature; the signature is the line above
  "Signature of Reporting Person", its date under "Date".

The SEC's own paper Form 3 reads the same way; what sets it apart is handled where it arises: table
titles after "FORM 3 (continued)", Table I's Nature column printed "3." like the one before it, the
OMB notice under a ruled table's last rule, "Page n of m" lines, and the signature's date typed
anywhere on the line drawn above "Date".

Every value read is located by page and box ("Table I, row 2, column 5"). A field that cannot be
read with confidence is an E001 warning; an encrypted, image-only or non-filing PDF, or a blank
form, is an E002 error.
"""

from __future__ import annotations

import bisect
import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import partial

from form16lint.lazy_regex import LazyRegex
from form16lint.model import (
    Address,
    DerivativeHolding,
    DerivativeTransaction,
    Document,
    Filing,
    Footnote,
    Issuer,
    Location,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Relationship,
    ReportingOwner,
    Signature,
    Value,
    camel_case,
)
from form16lint.readers import unreadable, unsure_field
from form16lint.readers.printed_form import (BOX_LABELS, COLUMN_LABEL_WORDS, FILING_OPTIONS, MARKERS,
                                             RELATIONSHIP_OPTIONS, TABLE_COLUMNS, TOP_CHECKBOXES,
                                             footnote_id, footnote_ids, form_of_title, is_table_subtitle, label_key,
                                             split_issuer, squash)
from form16lint.values import date_value, decimal_value, text_value

FORMAT = "pdf"


# -- words and lines ---------------------------------------------------------------------------
@dataclass(slots=True)
class Word:
    """A word of a page as pdfplumber gives it: its text, box and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    line: int | None = None  # where text gives the word (layout text): its line and column
    column: int | None = None

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    """The words of a page that stand on one line, left to right."""

    words: list[Word]
    page: int
    top: float = 0.0
    bottom: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def compact(self) -> str:
        return compact(self.text)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)


@functools.lru_cache(maxsize=8192)  # a line's text is compacted each time a part of the form is sought
def compact(text: str) -> str:
    """Text with whitespace and hyphen breaks removed, for matching labels broken anywhere."""
    return re.sub(r"[\s\-‐‑–—]+", "", text).lower()


_TABLE_HEADING = LazyRegex(r"^(?:form[345](?:/a)?\(continued\))?table(i{1,2})(?!i)")


def table_heading(line: Line) -> str | None:
    """"I" or "II" when the line is a table's title ("Table I — ...", the official form's
    "FORM 3 (continued) Table II — ..."), else None."""
    match = _TABLE_HEADING.match(line.compact)
    return match[1].upper() if match else None


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Lines of text, top to bottom; small raised markers join the line they are raised above."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        line = lines[-1] if lines else None
        if line is not None and word.middle <= line.bottom and word.top >= line.top - 1:
            line.words.append(word)
            line.bottom = max(line.bottom, word.bottom)
        else:
            lines.append(Line([word], page, word.top, word.bottom))
    merged: list[Line] = []
    for index, line in enumerate(lines):
        below = lines[index + 1] if index + 1 < len(lines) else None
        if (below is not None and all(MARKERS.fullmatch(w.text) for w in line.words)
                and line.size < below.size and below.top - line.top < below.size):
            below.words.extend(line.words)
            continue
        merged.append(line)
    for line in merged:
        line.words.sort(key=lambda w: w.x0)
    return merged


_FIGURE = LazyRegex(r"^\$?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\(\d{1,3}\))*$")
_WRAPPING = {"title", "nature", "under_title"}  # the columns whose text wraps; a figure or a code does not


def _column_of(word: Word, columns: list[Column]) -> Column | None:
    found = None
    for column in columns:
        if word.center >= column.start:
            found = column
    return found


def _marker_column(marker: Word, column: Column, placed: list[tuple[Word, Column | None]]) -> Column:
    """The column a footnote marker belongs to: the value's just before it when the two overflow a
    narrow cell ("$980.457 (3)" running past the next column's start), else the one it stands in.
    A marker set where a cell's text begins is that cell's own."""
    if abs(marker.x0 - column.start - 1.5) <= 1:
        return column
    before = max(((word, where) for word, where in placed if word is not marker and where is not None
                  and word.x1 <= marker.x0 + 0.5), key=lambda found: found[0].x1, default=None)
    if before is not None and before[1] is not column and (
            marker.x0 - before[0].x1 <= 0.6 * max(marker.size, before[0].size)):
        return before[1]
    return column


def _fills_again(row: list[Line], line: Line, columns: list[Column]) -> bool:
    """Whether the line puts a figure, date or code in a column the row already has one in: then it
    is the next row, however close it follows (an unruled table whose titles take two lines)."""
    filled = {column.key for ln in row for w in ln.words if not MARKERS.fullmatch(w.text)
              and (column := _column_of(w, columns)) is not None and column.key not in _WRAPPING}
    return any(column.key in filled for w in line.words if not MARKERS.fullmatch(w.text)
               and (column := _column_of(w, columns)) is not None)


def _centred_tail(row: list[Line], columns: list[Column]) -> list[Line]:
    """The lines ending a row that are the next row's, taken off it. Where cells are centred on
    their row and nothing rules the rows (the SEC rendition as layout text), a wrapped cell's first
    lines stand above the row's line of figures and its last ones below: a row that opens with
    lines of wrapped text alone ends with as many, and any more are the next row's opening."""
    def wrapped_only(line: Line) -> bool:
        return all(MARKERS.fullmatch(w.text) or ((column := _column_of(w, columns)) is not None
                                                 and column.key in _WRAPPING) for w in line.words)

    lead = next((i for i, line in enumerate(row) if not wrapped_only(line)), len(row))
    trail = next((i for i, line in enumerate(reversed(row)) if not wrapped_only(line)), len(row))
    extra = trail - lead
    if lead == 0 or lead == len(row) or extra <= 0:
        return []
    moved = row[-extra:]
    del row[-extra:]
    return moved


def _reading_order(words: list[Word]) -> list[Word]:
    """A cell's words line by line: the lines of a row mix cells whose text is set at different
    heights (a wrapped title beside a value centred on it), so a cell is read as lines of its own."""
    if len(words) < 2:
        return words
    pages = sorted({w.page for w in words})
    return [word for page in pages for line in group_lines([w for w in words if w.page == page], page)
            for word in line.words]


# -- footnote markers and values ---------------------------------------------------------------
_TRAILING = LazyRegex(f"(?:{MARKERS.pattern})$")


def split_markers(words: list[Word]) -> tuple[str, list[str]]:
    """A cell's text and the footnote ids its markers reference."""
    kept: list[tuple[Word, str]] = []
    notes: list[str] = []
    for word in words:
        text = word.text
        if MARKERS.fullmatch(text):
            notes.extend(footnote_ids(text))
            continue
        trailing = _TRAILING.search(text)
        if trailing and trailing.start() > 0:
            notes.extend(footnote_ids(trailing.group()))
            text = text[: trailing.start()]
        kept.append((word, text))
    return _joined(kept).strip(), notes


def join_words(words) -> str:
    """Words in reading order as one text: a space between them, none after a hyphen a line ends with."""
    return _joined([(word, word.text) for word in words])


def _joined(words: list[tuple[Word, str]]) -> str:
    out: list[str] = []
    previous: tuple[Word, str] | None = None
    for word, text in words:
        if previous is not None:
            before, before_text = previous
            if not _wraps_at_hyphen(before_text, word.top > before.middle or word.page != before.page):
                out.append(" ")
        out.append(text)
        previous = (word, text)
    return "".join(out)


def _wraps_at_hyphen(text: str, line_ends: bool) -> bool:
    """Whether a word ending a line with a hyphen ("attorney-", "12-") was broken there, so that the
    next line's first word goes on it without a space ("attorney-in-fact")."""
    return line_ends and len(text) > 1 and text[-1] in "-‐" and text[-2].isalnum()


def join_lines(texts) -> str:
    """Lines of text as one: a space between them, none after a hyphen a line ends with."""
    out = ""
    for text in texts:
        if not text:
            continue
        last = out.rsplit(" ", 1)[-1] if out else ""
        out = out + text if not out or _wraps_at_hyphen(last, True) else f"{out} {text}"
    return out


# -- the tables' columns ---------------------------------------------------------------------------
_TABLE_I, _TABLE_II = TABLE_COLUMNS["4", "I"], TABLE_COLUMNS["4", "II"]
_FORM3_I, _FORM3_II = TABLE_COLUMNS["3", "I"], TABLE_COLUMNS["3", "II"]
_VOCAB = set(re.findall(r"[a-z]+", COLUMN_LABEL_WORDS.lower()))
_NUMBER = LazyRegex(r"^(\d{1,2}A?)\.(.*)$", re.IGNORECASE)


def column_name(number: str, label: str) -> str:
    """"5 (D)", "4 (Price)" or "3": a column's printed number with its sub-column's label."""
    if not label:
        return number
    return f"{number} {label}" if label.startswith("(") else f"{number} ({label})"


def is_header_line(line: Line) -> bool:
    """A line made only of the tables' label words and column numbers (1-11)."""
    tokens = re.findall(r"[a-z]+|\d+", line.text.lower())
    return bool(tokens) and all(_label_word(t) or (t.isdigit() and len(t) <= 2 and int(t) <= 11) for t in tokens)


def _label_word(token: str) -> bool:
    """A word of the tables' labels, or two of them run together (layout text glues the words of
    neighbouring columns: "TransactionSecurities")."""
    return token in _VOCAB or any(token[:i] in _VOCAB and token[i:] in _VOCAB for i in range(2, len(token) - 1))


@dataclass
class Column:
    """A table column found in a header: its key, where it starts, its printed number and label."""

    key: str
    start: float
    number: str
    label: str


def numbered_labels(header: list[Line]) -> list[tuple[str, Word]]:
    """(printed column number, the word that prints it) for each numbered label, in reading order."""
    return [(match[1].upper(), word) for line in header for word in line.words
            if (match := _NUMBER.match(word.text))]


def place_columns(header: list[Line], spec: dict) -> tuple[list[Column], list[str]]:
    """Columns ordered by x from the header's numbered labels and sub-labels; missing numbers.
    A number printed twice stands for the next column not yet found: the official Form 3 numbers
    Table I's last column "3." like the one before it."""
    words = [w for line in header for w in line.words]
    numbers = list(spec)
    starts: dict[str, Word] = {}
    for number, word in numbered_labels(header):
        if number in starts:
            number = next((n for n in numbers[numbers.index(number) + 1:] if n not in starts), None)
        if number in spec and number not in starts:
            starts[number] = word
    missing = [n for n in spec if n not in starts]
    ordered = sorted(starts.items(), key=lambda item: item[1].x0)
    columns: list[Column] = []
    for index, (number, word) in enumerate(ordered):
        start = word.x0 - 1.5
        end = ordered[index + 1][1].x0 - 1.5 if index + 1 < len(ordered) else 1e9
        for key, sub in spec[number]:
            if not sub:
                columns.append(Column(key, start, number, ""))
                continue
            found = [w for w in words if start <= w.x0 < end and w.text.lower().startswith(sub.lower())
                     and w.top > word.bottom]
            if found:
                best = max(found, key=lambda w: w.top)
                columns.append(Column(key, best.x0 - 1.5, number, best.text.rstrip("-‐")))
            else:
                missing.append(column_name(number, sub))
    columns.sort(key=lambda c: c.start)
    return columns, missing


# -- the reader ----------------------------------------------------------------------------------
def read_pdf(path: str, data: bytes) -> Document:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfminer raises its own types for encryption and damage
        return unreadable(path, FORMAT, _parse_failure(error))
    with pdf:
        try:
            pages = list(pdf.pages)
            first = _page_lines(pages[0], 1) if pages else ([], [])
        except Exception as error:
            return unreadable(path, FORMAT, _parse_failure(error))
        if not first[0]:
            if any(page.images for page in pages[:3]):
                return unreadable(path, FORMAT, "the PDF is image-only (a scan with no text layer); "
                                  "run OCR first or supply the EDGAR XML", page=1)
            return unreadable(path, FORMAT, "the PDF has no text on its first page (the text may be drawn as "
                              "outlines or scanned); print it again with selectable text, run OCR, or supply "
                              "the EDGAR XML", page=1)
        title = compact(" ".join(line.text for line in first[0]))
        form = form_of_title(title)
        boxes = "tablei" in title or "nameandaddressofreportingperson" in title
        if form is None or not boxes:
            return unreadable(path, FORMAT, _not_a_form(form, boxes), page=1)
        page_lines = [first] + [_page_lines(page, number) for number, page in enumerate(pages[1:], 2)]
    reader = _PdfReader(path, form, page_lines)
    document = reader.read()
    filing = document.filing
    # the header boxes and the signature say whether anything was filled in; stray text of a blank
    # form's footer may still fall into the tables' columns
    if not (filing.issuer.name or filing.period_of_report.present
            or any(owner.name for owner in filing.reporting_owners)
            or any(s.name or s.date.present for s in filing.signatures)):
        return unreadable(path, FORMAT, f"the PDF is a blank Form {form}: a form with no data filled in "
                          "(no reporting person, issuer, date or signature)", page=1)
    return document


_PAGE_NUMBER = LazyRegex(r"^page\d+of\d+$")  # "Page 3 of 4", printed under the official form's pages


def _parse_failure(error: Exception) -> str:
    causes = [error, *getattr(error, "args", ()), error.__cause__, error.__context__]
    names = " ".join(f"{type(c).__name__} {c}" for c in causes if c is not None).lower()
    if "password" in names or "encrypt" in names:
        return "the PDF is encrypted; save an unencrypted copy or supply the filing's EDGAR XML"
    return (f"the PDF cannot be parsed ({type(error).__name__}: {error}); print it to a new PDF or supply "
            "the EDGAR XML")


def _not_a_form(form: str | None, boxes: bool) -> str:
    """Why a first page with text is not read as a Form 3, 4 or 5: what of the form it lacks."""
    if form is None and not boxes:
        lacks = "neither the statement title nor the form's header boxes"
    elif form is None:
        lacks = ("the form's boxes but no statement title (\"Initial Statement of Beneficial Ownership\", "
                 "\"Statement of Changes in Beneficial Ownership\" or \"Annual Statement of Changes\")")
    else:
        lacks = (f"the title of Form {form} but neither box 1 (\"Name and Address of Reporting Person\") nor "
                 "Table I")
    return f"the PDF is not a Form 3, 4 or 5: its first page has {lacks}; if it is one, supply the EDGAR XML"


def _page_lines(page, number: int) -> tuple[list[Line], list[tuple[float, float, float]]]:
    # in the order the text is drawn: a label or value overflowing its cell onto the next one's
    # stays a word of its own instead of interleaving letter by letter with it
    raw = page.extract_words(extra_attrs=["size"], x_tolerance=1.5, y_tolerance=2, use_text_flow=True,
                             return_chars=True)
    words = [Word(unicodedata.normalize("NFKC", text), x0, x1, w["top"], w["bottom"], round(w["size"], 1), number)
             for w in raw for text, x0, x1 in _overlaps_apart(w)]
    words += _drawn_crosses(page, number)
    lines = [line for line in map(partial(_without_page_label, height=page.height), group_lines(words, number))
             if line.words and not _PAGE_NUMBER.match(line.compact) and not is_page_furniture(line, page.height)]
    return lines, _horizontal_rules(page)


_FIGURE_OR_BRACKET = frozenset("0123456789()[]$")


def _overlaps_apart(word: dict) -> list[tuple[str, float, float]]:
    """(text, x0, x1) of each piece of an extracted word that is two values drawn one over the end of
    the other: a value overflowing a narrow cell runs into the next cell's value with no space
    ("06/14/202006/14/2029", "17,879,695I", a marker "(3)" over the figure after it). Where a
    character begins well inside the one before it, and one of the two is a figure or a bracket,
    a new word begins; letters kerned together ("AV") are not split."""
    chars = word["chars"]
    if len(chars) < 2:
        return [(word["text"], word["x0"], word["x1"])]
    pieces, start = [], 0
    overlap = 0.1 * (word.get("size") or 7)
    for index in range(1, len(chars)):
        before, char = chars[index - 1], chars[index]
        if before["x1"] - char["x0"] > overlap and (before["text"] in _FIGURE_OR_BRACKET
                                                    or char["text"] in _FIGURE_OR_BRACKET):
            pieces.append(chars[start:index])
            start = index
    if not pieces:
        return [(word["text"], word["x0"], word["x1"])]
    pieces.append(chars[start:])
    return [("".join(c["text"] for c in piece), piece[0]["x0"], max(c["x1"] for c in piece)) for piece in pieces]


def _without_page_label(line: Line, height: float) -> Line:
    """The line without a "Page 3 of 4" it ends with in the page's foot (the official form prints it
    level with the last footnote line)."""
    if line.top < 0.8 * height or len(line.words) < 5:
        return line
    if _PAGE_NUMBER.match(compact(" ".join(w.text for w in line.words[-4:]))):
        return Line(line.words[:-4], line.page, line.top, line.bottom)
    return line


def _drawn_crosses(page, number: int) -> list[Word]:
    """A checkbox's mark drawn as a cross (two short diagonal strokes), as an "X" word where it stands."""
    crosses: dict[tuple, Word] = {}
    for stroke in page.lines:
        width, height = stroke["x1"] - stroke["x0"], stroke["bottom"] - stroke["top"]
        if 2 < width < 12 and 2 < height < 12:
            key = (round(stroke["x0"]), round(stroke["top"]))
            crosses.setdefault(key, Word("X", stroke["x0"], stroke["x1"], stroke["top"], stroke["bottom"],
                                         round(height, 1), number))
    return list(crosses.values())


def _horizontal_rules(page) -> list[tuple]:
    """(top, x0, x1) of each horizontal rule drawn on the page: a line, a thin filled bar (how
    browsers draw table borders) or the top and bottom of a stroked box; and (top, x0, x1, bottom)
    of each vertical one. A filled box of some height
    is a background (the SEC rendition puts a white one behind every value), not a rule; a small
    square is a checkbox."""
    rules = []
    for line in page.lines:
        if abs(line["bottom"] - line["top"]) < 1 and line["x1"] - line["x0"] > 8:
            rules.append((line["top"], line["x0"], line["x1"]))
        elif abs(line["x1"] - line["x0"]) < 1 and line["bottom"] - line["top"] > 5:
            rules.append((line["top"], line["x0"], line["x0"], line["bottom"]))
    for rect in page.rects:
        if rect["x1"] - rect["x0"] <= 2.5 and rect["bottom"] - rect["top"] > 5 and _visible(
                rect.get("non_stroking_color") if rect.get("fill") else rect.get("stroking_color")):
            rules.append((rect["top"], rect["x0"], rect["x1"], rect["bottom"]))  # a vertical rule
        if rect["x1"] - rect["x0"] <= 8:
            continue
        if rect["bottom"] - rect["top"] <= 2.5:
            if _visible(rect.get("non_stroking_color")) or rect.get("stroke"):
                rules.append((rect["top"], rect["x0"], rect["x1"]))
        elif rect.get("stroke") and _visible(rect.get("stroking_color")):
            rules.extend(((rect["top"], rect["x0"], rect["x1"]), (rect["bottom"], rect["x0"], rect["x1"])))
    return rules


def _visible(color) -> bool:
    """Whether a colour shows on white paper (a white fill does not)."""
    if color is None:
        return True
    values = color if isinstance(color, (tuple, list)) else (color,)
    numbers = [v for v in values if isinstance(v, (int, float))]
    if len(numbers) == 4:  # CMYK: white is no ink at all
        return any(v > 0.05 for v in numbers)
    return not numbers or min(numbers) < 0.95


_BROWSER_DATE = LazyRegex(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_URL = LazyRegex(r"^(?:file|https?|about|blob):", re.IGNORECASE)
_PAGE_COUNT = LazyRegex(r"^\d{1,3}\s*/\s*\d{1,3}$")
_PAGE_LABEL = LazyRegex(r"^(?:page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])$", re.IGNORECASE)


def is_page_furniture(line: Line, height: float) -> bool:
    """A line printed in the page's margin, not part of the form: a browser's date and time with the
    page's title at the top, the page's address and "1/3" at the bottom; "Page 2", "- 2 -"."""
    if not (line.bottom < 40 or line.top > height - 40):
        return False
    text = line.text
    last = line.words[-1].text
    return bool(_BROWSER_DATE.match(text) or _URL.match(text) or _PAGE_LABEL.match(text) or (_PAGE_COUNT.match(last) and (
        len(line.words) == 1 or _URL.match(line.words[0].text))))


# -- labels and checkboxes -------------------------------------------------------------------------
def _text(words) -> str:
    return join_words(_reading_order(list(words)))


def find_caption(lines: list[Line], key: str, after: Word | None = None) -> Word | None:
    """The word where a label or caption begins whose squashed first words are ``key``, stepping
    back over its number ("2." or "2.Issuer"); None when no line holds it."""
    for line in lines:
        for word in caption_starts(line, key):
            if after is None or (word.top, word.x0) > (after.top, after.x0):
                return word
    return None


def caption_starts(line: Line, key: str) -> list[Word]:
    """Every word of the line where a caption with squashed first words ``key`` begins, its printed
    number ("2." alone or glued, "2.Issuer") taken as its start and left out of the match."""
    parts = _caption_parts(tuple(w.text for w in line.words))
    starts = []
    for index in range(len(parts)):
        part = parts[index]
        if not part or not (key.startswith(part) or part.startswith(key)):
            continue  # the caption cannot begin here (most words, checked at once)
        text = ""
        for part in parts[index:]:
            text += part
            if len(text) >= len(key):
                break
        if text.startswith(key):
            before = index - 1
            glued_or_alone = before >= 0 and _NUMBER.match(line.words[before].text) and not parts[before]
            starts.append(line.words[before] if glued_or_alone else line.words[index])
    return starts


@functools.lru_cache(maxsize=4096)  # each line is searched for every label
def _caption_parts(texts: tuple[str, ...]) -> list[str]:
    """Each word squashed, a printed number ("2." or "2.Issuer") left out."""
    return [squash(number[2]) if (number := _NUMBER.match(text)) else squash(text) for text in texts]


def drop_label(words: list[Word], label: Word, text: str) -> tuple[list[Word], list[Word]]:
    """A box's words split into its content and its label's words, wherever the label wrapped:
    a word of the label's size, near its top, whose letters come next in what is left of the label."""
    rest = squash(text)
    number = _NUMBER.match(label.text)
    content, taken = [], []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        part = squash(word.text)
        if word is label and number:
            part = squash(number[2])
        near = word.top < label.top + 4.5 * (label.bottom - label.top) and abs(word.size - label.size) < 0.6
        if word is label or (near and part and part in rest) or (near and word.text == "*" and taken):
            if part and part in rest:
                at = rest.index(part)
                rest = rest[:at] + rest[at + len(part):]
            taken.append(word)
        else:
            content.append(word)
    return content, taken


_MARK = LazyRegex(r"^\[?\s*[Xx☒☑✓✔■]\s*\]?$")
_EMPTY_BOX = LazyRegex(r"^(?:☐|□|\[\s*\]|\[|\])$")  # "[ ]" may come as two words


def is_mark(text: str) -> bool:
    """A checkbox's mark: "X", "[X]", ☒ ☑ ✓ ■, or an empty box (☐, "[ ]", "[" and "]")."""
    return bool(_MARK.match(text) or _EMPTY_BOX.match(text))


def caption_words(region: list[Word], options, words: int) -> list[Word]:
    """The words of the options' captions in a region, wrapped lines included."""
    out = []
    for _, (start, extent) in _captions(region, options, words).items():
        out.extend(extent)
    return out


def _captions(region: list[Word], options, words: int) -> dict:
    """option name -> (the word its caption begins with, all the caption's words)."""
    text = [w for w in region if not is_mark(w.text)]  # a mark's size must not join a caption's two lines
    lines = group_lines(text, text[0].page) if text else []
    found = {}
    for name, caption in options:
        start = find_caption(lines, label_key(caption, words))
        if start is None:
            continue
        # a caption's wrapped line may begin a little left of its first (text centres nothing)
        wrap_left = 2 * (start.bottom - start.top)
        inside, taken = drop_label([w for w in region if (w.x0 >= start.x0 - 1 or w.top > start.middle and
                                                          w.x0 >= start.x0 - wrap_left) and start.top - 1 <= w.top
                                    < start.top + 4.5 * (start.bottom - start.top)], start, caption)
        found[name] = (start, taken)
    # a caption's words stand from its first word on, not past where another option begins
    starts = [start for start, _ in found.values()]
    for name, (start, taken) in found.items():
        found[name] = (start, [w for w in taken if w is start or not any(
            other.x0 > start.x0 + 1 and other.x0 <= w.x0 + 1 and abs(other.top - start.top) <= 1
            for other in starts)])  # past an option beginning beside this one, words are that one's
    return found


def read_checkboxes(region: list[Word], options, words: int, marks: list[Word], located: bool = False) -> dict:
    """option name -> whether its box is checked (with ``located``: and the caption's first word),
    for each option whose caption is in the region: checked when a check mark stands left of the
    caption, level with any of its lines (a mark is centred on a caption wrapped over two lines)."""
    captions = _captions(region, options, words)
    spans = {}
    for name, (start, taken) in captions.items():
        top = min(w.top for w in taken)
        bottom = max(w.bottom for w in taken)
        spans[name] = (start, top, bottom)
    owners: dict[str, Word] = {}
    for mark in marks:
        best, distance = None, 1e9
        for name, (start, top, bottom) in spans.items():
            gap = start.x0 - mark.x1
            if -1 <= gap <= 30 and top - 2 <= mark.middle <= bottom + 2 and gap < distance:
                best, distance = name, gap
        if best is not None and (best not in owners or _MARK.match(mark.text)):
            owners[best] = mark
    out = {}
    for name, (start, _, _) in spans.items():
        mark = owners.get(name)
        checked = bool(mark is not None and _MARK.match(mark.text))
        out[name] = (checked, start) if located else checked
    return out


def _run_anchors(words: list[Word]) -> dict[int, float]:
    """id of each word -> where the run of text it belongs to stands: the centre of the run's first
    word, a run being words set a space apart on one baseline. A value typed longer than its box runs on
    over the box beside it (the official form's box 1 street over box 2) and stays its own box's."""
    anchors: dict[int, float] = {}
    for line in group_lines(list(words), words[0].page) if words else []:
        anchor, before = None, None
        for word in line.words:
            if (before is None or word.x0 - before.x1 > 0.65 * max(word.size, before.size) or word.x0 < before.x0
                    or abs(word.bottom - before.bottom) > 0.3 * max(word.size, before.size)):
                anchor = word.center
            anchors[id(word)] = anchor
            before = word
    return anchors


def _fields_of(lines: list[Line]) -> list[list[Line]]:
    """A box's lines grouped by the field each prints: a line set closer under the one before it than
    separate lines are (at the font's own leading, under 1.4 times its height) is that line's text
    wrapped; the SEC rendition sets box 1's street lines 1.55 heights apart and wraps them at 1.25."""
    fields: list[list[Line]] = []
    for line in lines:
        if fields:
            before = fields[-1][-1]
            height = min(w.bottom - w.top for w in before.words)
            # text keeps no leading to tell a wrapped line from the next field's: its lines stay apart
            if line.top - before.top < 1.4 * height and line.words[0].line is None:
                fields[-1].append(line)
                continue
        fields.append([line])
    return fields


class _PdfReader:
    def __init__(self, path: str, form: str, page_lines, fmt: str = FORMAT):
        self.document = Document(path=path, format=fmt, filing=Filing())
        self.filing = self.document.filing
        self.form = form
        self.pages = [lines for lines, _ in page_lines]
        self.rules = [[rule for rule in rules if len(rule) == 3] for _, rules in page_lines]
        self.verticals = [[rule for rule in rules if len(rule) == 4] for _, rules in page_lines]
        self.stream = [line for lines in self.pages for line in lines]

    # -- bookkeeping --------------------------------------------------------------------------
    def locate(self, pointer: str, page: int, box: str) -> None:
        self.document.locations[pointer] = Location(page=page, box=box)

    def unsure(self, pointer: str, problem: str, page: int, box: str, field: str | None = None) -> None:
        """Record a region not read with confidence (one E001; no rule reports on it)."""
        unsure_field(self.document, pointer, problem, Location(page=page, box=box), field=field,
                     covers=_COVERS.get(pointer, ()))

    # -- the whole -----------------------------------------------------------------------------
    def read(self) -> Document:
        self.locate("", 1, "the form")
        self.read_form_type()
        sections = self.sections()
        self.read_header(sections["table1"])
        self.read_tables(sections)
        self.read_notes(sections)
        self.read_more_owners(sections)
        self.read_owners(sections)
        self.doubt_malformed_dates()
        return self.document

    def doubt_malformed_dates(self) -> None:
        """A date of the header boxes or a signature that holds more than a date's figures was not read
        with confidence: the box took in its neighbour's words ("08/05/2020 MONROE STREET"), or a name
        printed over the date interleaved with it ("O1r0t/i1z0/2025"). A date of figures alone that
        is no real day ("02/30/2024") was read as typed: S003 reports it."""
        f = self.filing
        dates = [("/periodOfReport", f.period_of_report), ("/dateOfOriginalSubmission", f.date_of_original_submission)]
        dates += [(f"/signatures/{i}/date", s.date) for i, s in enumerate(f.signatures)]
        for pointer, value in dates:
            if value.malformed and not _DATE_FIGURES.fullmatch(value.raw.strip()):
                where = self.document.locations.get(pointer)
                self.unsure(pointer, f"{value.raw!r} is not a real date", where.page if where else 1,
                            where.box if where else "the form")

    def read_form_type(self) -> None:
        amended = False
        for line in self.pages[0][:12]:
            match = re.search(r"\bFORM\s*([345])(\s*/\s*A)?\b", line.text, re.IGNORECASE)
            if match and line.size >= 10:
                amended = bool(match[2])
                if match[1] != self.form:
                    self.unsure("/documentType", f"the heading says Form {match[1]} but the title is that of "
                                f"Form {self.form}; read as Form {self.form}", line.page, "the form heading")
                break
        self.filing.document_type = self.form + ("/A" if amended else "")
        self.locate("/documentType", 1, "the form heading")

    def sections(self) -> dict:
        """Indexes into the line stream where each part of the form begins."""
        marks = {"table1": None, "table2": None, "notes": None, "remarks": None, "owners": None,
                 "reminder": None}
        signatures, more_owners = [], []
        for index, line in enumerate(self.stream):
            text = line.compact
            heading = table_heading(line)
            if heading == "I" and marks["table1"] is None:
                marks["table1"] = index
            elif heading == "II" and marks["table2"] is None:
                marks["table2"] = index
            elif text.startswith("explanationofresponses") and marks["notes"] is None:
                marks["notes"] = index
            elif text.startswith("remarks:") and marks["remarks"] is None:
                marks["remarks"] = index
            elif _SIGNATURE_KEY in squash(line.text):
                signatures.append(index)
            elif (marks["table1"] is not None and index > marks["table1"]
                  and caption_starts(line, _OWNER_KEY)):
                more_owners.append(index)
            elif text.startswith("reportingowners") and marks["owners"] is None:
                marks["owners"] = index
            elif text.startswith("reminder:") and marks["reminder"] is None:
                marks["reminder"] = index
        marks["signatures"] = signatures
        marks["more_owners"] = more_owners
        return marks

    # -- header boxes ----------------------------------------------------------------------------
    def read_header(self, table1: int | None) -> None:
        end = self.stream[table1].top if table1 is not None and self.stream[table1].page == 1 else 1e9
        lines = [ln for ln in self.pages[0] if ln.top < end - 1]
        words = [w for ln in lines for w in ln.words]
        labels: dict[str, tuple[Word, str]] = {}
        for name, texts in BOX_LABELS.items():
            for text in texts:
                found = find_caption(lines, label_key(text))
                if found is not None:
                    labels[name] = (found, text)
                    break
        f = self.filing
        for name, pointer in (("owner", "/reportingOwners/0"), ("issuer", "/issuer"),
                              ("period", "/periodOfReport"), ("relation", "/reportingOwners/0/relationship"),
                              ("joint", "/jointFiling")):
            if name not in labels:
                self.unsure(pointer, "its label was not found above the tables", 1, "the header")
        marks = [w for w in words if is_mark(w.text)]
        self._read_top_checkboxes(lines, marks)
        regions = {name: self._region(name, labels, words, end) for name in labels}

        if "issuer" in regions:
            box, region = regions["issuer"]
            text, _ = split_markers(region)
            name, ticker, cik = split_issuer(text)
            f.issuer = Issuer(name=name, trading_symbol=ticker or None, cik=cik)
            if name and ticker is None:
                self.unsure("/issuer/tradingSymbol", f"no [TICKER] follows the issuer name ({name!r})", 1, box)
            for key in ("", "/name", "/tradingSymbol", "/cik"):
                self.locate("/issuer" + key, 1, box)
        if "period" in regions:
            box, region = regions["period"]
            text, notes = split_markers(region)
            f.period_of_report = date_value(text or None, notes)
            self.locate("/periodOfReport", 1, box)
        if "amend" in regions:
            box, region = regions["amend"]
            text, notes = split_markers(region)
            f.date_of_original_submission = date_value(text or None, notes)
            self.locate("/dateOfOriginalSubmission", 1, box)
            if f.date_of_original_submission.value is not None and not f.document_type.endswith("/A"):
                f.document_type += "/A"
        owner = None
        if "owner" in regions:
            owner = self._read_owner_box(*regions["owner"])
        if "relation" in regions:
            owner = owner or ReportingOwner()
            owner.relationship = self._read_relationship(*regions["relation"], marks)
        if owner is not None and (owner.name or owner.relationship.any_checked):
            f.reporting_owners.append(owner)
        if "joint" in regions:
            box, region = regions["joint"]
            found = read_checkboxes(region, FILING_OPTIONS, 4, marks)
            if found.get("single") or found.get("joint"):
                f.joint_filing = Value(bool(found.get("joint")))
            self.locate("/jointFiling", 1, box)

    def _region(self, name, labels, words, end) -> tuple[str, list[Word]]:
        """The words of one header box, its label left out: below its label, left of the box beside
        it, above the box below it."""
        label, text = labels[name]
        left = label.x0 - 2
        others = [(word.x0 - 2, word.top) for n, (word, _) in labels.items() if n != name]
        bottom = min((top for x, top in others if abs(x - left) < 20 and top > label.top + 1), default=end)
        # a box to the right bounds this one only if it begins beside it, not under the box below
        # (the official form's box 3 runs over boxes 4 and 5)
        right = min((x for x, top in others if x > left + 20 and top < bottom - 0.5), default=1e9)
        anchors = _run_anchors(words)
        inside = [w for w in words if left <= anchors[id(w)] < right and w.top >= label.top - 1
                  and w.middle < bottom - 0.5]
        # the label as this form prints it: of the labels that begin alike, the one that takes most words
        key = label_key(text)
        content = min((drop_label(inside, label, variant)[0] for variant in BOX_LABELS[name] if label_key(variant) == key),
                      key=len)
        return self._box_name(label, text), _reading_order(content)

    @staticmethod
    def _box_name(label: Word, text: str) -> str:
        """"box 2 (Date of Event Requiring Statement)": the box's printed number and its label's words,
        without the closing "(Month/Day/Year)" or "(Check all applicable)"."""
        words = re.sub(r"\s*\([^()]*\)$", "", text).rstrip("*")
        number = _NUMBER.match(label.text)
        return f"box {number[1]} ({words})" if number else words

    def _read_top_checkboxes(self, lines, marks) -> None:
        f = self.filing
        region = [w for ln in lines for w in ln.words]
        for name, (checked, word) in read_checkboxes(region, TOP_CHECKBOXES, 5, marks, located=True).items():
            setattr(f, name, Value(checked))
            self.locate(f"/{camel_case(name)}", 1, "the checkbox above the header boxes")

    def _read_owner_box(self, box, region: list[Word], pointer: str = "/reportingOwners/0",
                        page: int = 1) -> ReportingOwner:
        owner = ReportingOwner()
        captions: dict[str, Word] = {}
        for word in region:
            caption = word.text.lower()
            if caption in ("(last)", "(first)", "(middle)", "(street)", "(city)", "(state)", "(zip)"):
                captions.setdefault(caption, word)
        last, street, city = captions.get("(last)"), captions.get("(street)"), captions.get("(city)")
        caption_words = set(map(id, captions.values()))
        values = [w for w in region if id(w) not in caption_words]

        def between(upper: Word | None, lower: Word | None) -> list[Line]:
            top = upper.bottom - 1 if upper is not None else -1e9
            bottom = lower.top + 1 if lower is not None else 1e9
            return group_lines([w for w in values if top <= w.middle < bottom], page)

        names = between(None, last) if last is not None else group_lines(values, page)[:1]
        owner.name = join_lines(ln.text for ln in names) or None
        address = Address()
        if last is not None and street is not None:
            streets = [join_lines(ln.text for ln in field) for field in _fields_of(between(last, street))]
            address.street1 = streets[0] if streets else None
            address.street2 = " ".join(streets[1:]) or None
        if city is not None and street is not None:
            place = [w for ln in between(street, city) for w in ln.words]
            state_x, zip_x = captions.get("(state)"), captions.get("(zip)")
            parts: dict[str, list[Word]] = {"city": [], "state": [], "zip": []}
            for word in place:
                if zip_x is not None and word.center >= zip_x.x0 - 2:
                    parts["zip"].append(word)
                elif state_x is not None and word.center >= state_x.x0 - 2:
                    parts["state"].append(word)
                else:
                    parts["city"].append(word)
            if not parts["state"] and len(parts["city"]) > 1 and _STATE_CODE.match(parts["city"][-1].text):
                # the state printed short of its caption (layout text squeezes the line): "REDMOND WA"
                parts["state"].append(parts["city"].pop())
            text = {key: join_words(_reading_order(found)) or None for key, found in parts.items()}
            address.city, address.state, address.zip_code = text["city"], text["state"], text["zip"]
        owner.address = address
        for key in ("name", "address", "address/street1", "address/street2", "address/city",
                    "address/state", "address/zipCode"):
            self.locate(f"{pointer}/{key}", page, box)
        self.locate(pointer, page, box)
        return owner

    def _read_relationship(self, box, region: list[Word], marks, pointer: str = "/reportingOwners/0",
                           page: int = 1) -> Relationship:
        rel = Relationship()
        found = read_checkboxes(region, RELATIONSHIP_OPTIONS, 2, marks, located=True)
        for name, (checked, _) in found.items():
            setattr(rel, name, Value(checked))
        missing = [caption for name, caption in RELATIONSHIP_OPTIONS if name not in found]
        if missing and found:
            # an option whose caption is not found cannot be told unchecked (layout text may print a
            # wrapped caption's lines out of order): the relationship is not judged
            self.unsure(f"{pointer}/relationship", f"the option {missing[0]!r} was not found in the box", page, box)
        captions = {id(w) for w in caption_words(region, RELATIONSHIP_OPTIONS, 2)}
        rest = [w for w in region if id(w) not in captions and not is_mark(w.text)]
        officer = found.get("is_officer", (False, None))
        other = found.get("is_other", (False, None))
        split = other[1].x0 - 2 if other[1] is not None else 0
        if officer[0] and other[0] and any(w.center < split for w in rest) and any(w.center >= split for w in rest):
            # both, each description under its own option
            rel.officer_title = _text(w for w in rest if w.center < split) or None
            rel.other_text = _text(w for w in rest if w.center >= split) or None
        elif officer[0] and other[0]:
            # both, one description under the other
            lines = [line.text for line in group_lines(rest, rest[0].page)] if rest else []
            rel.officer_title = lines[0] if lines else None
            rel.other_text = join_lines(lines[1:]) or None
        elif officer[0]:
            rel.officer_title = _text(rest) or None
        elif other[0]:
            rel.other_text = _text(rest) or None
        for key in ("isDirector", "isOfficer", "isTenPercentOwner", "isOther", "officerTitle", "otherText"):
            self.locate(f"{pointer}/relationship/{key}", page, box)
        self.locate(f"{pointer}/relationship", page, box)
        return rel

    # -- tables --------------------------------------------------------------------------------
    def read_tables(self, sections) -> None:
        after = [i for i in (sections["table2"], sections["notes"], sections["remarks"], sections["owners"],
                             sections["reminder"], *sections["signatures"], *sections["more_owners"])
                 if i is not None]
        specs = {table: TABLE_COLUMNS[self.form, table] for table in ("I", "II")}
        for table, start in (("I", sections["table1"]), ("II", sections["table2"])):
            if start is None:
                continue
            stop = min((i for i in after if i > start), default=len(self.stream))
            rows = self._table_rows(table, specs[table], start, stop)
            self._store_rows(table, rows)

    def _table_rows(self, table: str, spec: dict, start: int, stop: int) -> list:
        """[(page, printed row number, {key: (text, notes)}, {key: column label})]"""
        header: list[Line] = []
        columns: list[Column] | None = None
        in_header = True
        rows: list[list[Line]] = []
        row_columns: list[list[Column] | None] = []  # the columns each row is read with
        previous: Line | None = None
        header_bottom: dict[int, float] = {}  # page -> where the table's header ends on it
        for line in self.stream[start + 1:stop]:
            if table_heading(line) == table:
                in_header, header = True, []
                continue
            if in_header and not header and is_table_subtitle(line.text):
                continue
            if in_header and is_header_line(line):
                header.append(line)
                header_bottom[line.page] = line.bottom
                continue
            if header:
                placed, missing = place_columns(header, spec)
                if missing:
                    self.unsure(_TABLE_POINTERS[table], f"the labels of its columns {', '.join(missing)} were "
                                "not found", line.page, f"Table {table}", field=f"Table {table}")
                if placed:
                    columns = placed
                header = []
            in_header = False
            title_end = columns[1].start if columns and len(columns) > 1 else 0.0
            if self._below_ruled_table(line, header_bottom.get(line.page, 0.0)):
                continue
            same = previous is not None and self._same_row(previous, line, header_bottom.get(line.page), title_end)
            if same and not (columns and _fills_again(rows[-1], line, columns)):
                rows[-1].append(line)
            else:
                rows.append((_centred_tail(rows[-1], columns) if same and columns else []) + [line])
                row_columns.append(columns)  # a header repeated on a page may stand elsewhere (text)
            previous = line
        if columns is None:
            if rows:
                self.unsure(_TABLE_POINTERS[table], "its column labels were not found, so its rows were not read",
                            rows[0][0].page, f"Table {table}", field=f"Table {table}")
            return []
        labels = {c.key: column_name(c.number, c.label) for c in columns}
        found: list[tuple[int, dict[str, list[Word]]]] = []
        for lines, row_placed in zip(rows, row_columns):
            cells: dict[str, list[Word]] = {}
            placed = row_placed or columns
            starts = [c.start for c in placed]
            for line in lines:
                assigned: list[tuple[Word, Column | None]] = []
                for word in line.words:
                    index = bisect.bisect_right(starts, word.center) - 1
                    column = placed[index] if index >= 0 else None
                    after = placed[index + 1] if 0 <= index < len(placed) - 1 else None
                    if column is not None and column.key in _WRAPPING and after is not None and (
                            after.key not in _WRAPPING and _FIGURE.match(word.text) and word.x1 >= after.start - 6):
                        # a figure set flush right against the column after the text's (layout text
                        # centres nothing): "Common 83,334" is the title, then the amount
                        column = after
                    assigned.append((word, column))
                for word, column in assigned:
                    if column is not None and MARKERS.fullmatch(word.text):
                        column = _marker_column(word, column, assigned)
                    if column is not None:
                        cells.setdefault(column.key, []).append(word)
            page = lines[0].page
            if found and found[-1][0] < page and not cells.get("title"):
                # a row the browser broke over the page: its cells go on at the top of the next one
                for key, words in cells.items():
                    found[-1][1].setdefault(key, []).extend(words)
                continue
            found.append((page, cells))
        return [(page, number, {k: split_markers(_reading_order(v)) for k, v in cells.items()}, labels)
                for number, (page, cells) in enumerate(found, 1)]

    def _below_ruled_table(self, line: Line, header_bottom: float) -> bool:
        """True for text under the last rule drawn below a table's header: the page's footer
        (the official form prints its OMB notice there), not a row."""
        rules = [top for top, _x0, _x1 in self.rules[line.page - 1] if top > header_bottom]
        if not rules or line.top <= max(rules):
            return False
        # a row the page broke: the table's column rules go on below its last rule to the foot
        last = max(rules)
        return not any(top <= last + 2 and bottom > line.top for top, _x0, _x1, bottom in self.verticals[line.page - 1])

    def _same_row(self, previous: Line, line: Line, header_bottom: float | None = None,
                  title_end: float = 0.0) -> bool:
        """Whether a line continues the row of the line before it. In a table ruled between its rows
        only a rule ends a row; elsewhere a wider gap than a wrapped line leaves does."""
        if line.page != previous.page:
            return False
        rules = self.rules[line.page - 1]
        for top, _x0, _x1 in rules:
            if previous.bottom - 1 < top < line.top + 1:
                return False
        if (header_bottom is not None and sum(header_bottom < top < previous.top for top, _, _ in rules) >= 2
                and not any(w.center < title_end for w in line.words)):
            return True  # ruled between rows: no rule, and no new security title, is no new row
        from statistics import median  # only a PDF needs it: not imported on every run

        size = median(w.size for w in line.words)
        # a wrapped line follows closely; a line of a row set at different heights (cells centred
        # on a wrapped title) starts where the previous one ends
        return line.top - previous.top <= 1.6 * size or line.top - previous.bottom < 0.25 * size

    def _store_rows(self, table: str, rows) -> None:
        f = self.filing
        for page, number, cells, labels in rows:
            is_transaction = self.form != "3" and any(any(cells.get(k, ())) for k in (
                "date", "code", "shares", "acquired", "disposed", "deemed"))
            # Table II prints the amount in column (A) or (D): the side it stands in says which
            side = "disposed" if any(cells.get("disposed", ())) else "acquired"
            fields, where = {}, {}
            for key, label in labels.items():
                if key not in _CELL_FIELDS or key in _TRANSACTION_KEYS and not is_transaction \
                        or key in ("acquired", "disposed") and key != side:
                    continue
                field, read = _CELL_FIELDS[key]
                text, notes = cells.get(key, ("", []))
                if text.startswith("$") and key in _IN_DOLLARS:
                    field = _IN_DOLLARS[key]
                fields[field] = read(text, notes)
                where[camel_case(field)] = label
            if is_transaction:
                code, fields["coding_footnotes"] = cells.get("code", ("", []))
                fields["code"] = code or None
                fields["timeliness"] = Value("E") if cells.get("v", ("",))[0].upper() == "V" else Value()
                where.update(code=labels.get("code"), timeliness=labels.get("v"))
                if table == "II":
                    fields["acquired_disposed"] = Value("D" if side == "disposed" else "A")
                    where["acquiredDisposed"] = labels.get(side)
            if table == "I":
                cls, rows_out, name = ((NonDerivativeTransaction, f.non_derivative_transactions,
                                        "nonDerivativeTransactions") if is_transaction else
                                       (NonDerivativeHolding, f.non_derivative_holdings, "nonDerivativeHoldings"))
            else:
                cls, rows_out, name = ((DerivativeTransaction, f.derivative_transactions,
                                        "derivativeTransactions") if is_transaction else
                                       (DerivativeHolding, f.derivative_holdings, "derivativeHoldings"))
            row = cls(**fields)
            pointer = f"/{name}/{len(rows_out)}"
            rows_out.append(row)
            self.locate(pointer, page, f"Table {table}, row {number}")
            for key, label in where.items():
                if label:
                    self.locate(f"{pointer}/{key}", page, f"Table {table}, row {number}, column {label}")
            for pointer_field, value in fields.items():
                if isinstance(value, Value) and value.malformed:
                    camel = camel_case(pointer_field)
                    self.unsure(f"{pointer}/{camel}", f"{camel} ({value.raw!r}) is not "
                                f"{'a real date' if pointer_field.endswith('date') else 'a number'}",
                                page, f"Table {table}, row {number}")
            ownership = fields.get("direct_or_indirect")
            if isinstance(ownership, Value) and ownership.value and str(ownership.value).upper() not in ("D", "I"):
                # more than the column's one letter stands in it: the row took text not its own
                self.unsure(f"{pointer}/directOrIndirect", f"the ownership form reads {ownership.value!r}, "
                            "not D or I", page, f"Table {table}, row {number}")

    # -- footnotes, remarks, signatures -------------------------------------------------------
    def read_notes(self, sections) -> None:
        f = self.filing
        used = self.read_signatures(sections["signatures"])
        self.stream = [_without(line, used) for line in self.stream]
        ends = [i for i in (sections["owners"], sections["reminder"], *sections["signatures"],
                            sections["remarks"]) if i is not None]
        start = sections["notes"]
        if start is not None:
            stop = min([i for i in ends if i > start] + [len(self.stream)])
            lines = [ln for ln in self.stream[start + 1:stop] if ln.words]
            left = min((ln.words[0].x0 for ln in lines), default=0)
            for line in lines:
                match = re.match(r"^\(?(\d{1,3})[.)]$", line.words[0].text)
                if match and line.words[0].x0 <= left + 3:
                    self.locate(f"/footnotes/{len(f.footnotes)}", line.page, "Explanation of Responses")
                    f.footnotes.append(Footnote(id=footnote_id(match[1]), text=" ".join(w.text for w in line.words[1:])))
                elif f.footnotes:
                    f.footnotes[-1].text = join_lines((f.footnotes[-1].text, line.text)).strip()
        start = sections["remarks"]
        if start is not None:
            stop = min([i for i in ends if i > start] + [len(self.stream)])
            lines = [ln for ln in self.stream[start:stop] if ln.words]
            text = join_lines(ln.text for ln in lines)
            f.remarks = re.sub(r"^remarks:\s*", "", text, flags=re.IGNORECASE) or None
            self.locate("/remarks", self.stream[start].page, "Remarks")

    def read_signatures(self, captions: list[int]) -> set[int]:
        """Each signature over its caption "** Signature of Reporting Person", its date over "Date"; a
        name may wrap over lines, and several signatures may stand over one caption. The ids of the
        words read are returned, so that no footnote or remark takes them."""
        f = self.filing
        used: set[int] = set()
        for index in captions:
            caption = self.stream[index]
            start = next(iter(caption_starts(caption, _SIGNATURE_KEY)), None)
            if start is None:
                continue
            stars = [w for w in caption.words if w.x1 <= start.x0 + 0.5 and start.x0 - w.x1 < 6 and not squash(w.text)]
            left = min([start.x0] + [w.x0 for w in stars]) - 3
            height = start.bottom - start.top
            date_word = next((w for ln in self.pages[caption.page - 1] if abs(ln.top - caption.top) <= 2 * height
                              for w in ln.words if w.text.lower() == "date" and w.x0 > start.x0), None)
            cut = self._date_cut(caption, date_word)
            block: list[Word] = []
            previous: Line | None = None
            for line in reversed(self.stream[:index]):
                # the signature may end the page before the one its caption heads
                if line.page != (previous.page if previous is not None else caption.page) and not (
                        previous is None and line.page == caption.page - 1 and self.stream[index - 1] is line):
                    break
                inside = [w for w in line.words if w.center >= left and id(w) not in used]
                if not inside or any(w.center < left - 10 for w in line.words) or _SIGNATURE_KEY in squash(line.text):
                    break
                if previous is None and line.page == caption.page and caption.top - line.bottom >= 20:
                    break
                if previous is not None and previous.top - line.bottom > 0.8 * line.size:
                    break
                block.extend(inside)
                previous = line
            used.update(id(w) for w in block)
            used.update(id(w) for w in caption.words if w.center >= left)
            named_words = [w for w in block if w.center < cut]
            dated = [w for w in block if w.center >= cut]
            if not dated and date_word is not None:
                # a date printed short of the "Date" caption (layout text squeezes the line) still
                # ends its line, right of the name
                dated = [w for w in named_words if _SIGNED_DATE.match(w.text) and not any(
                    o.x0 > w.x0 and abs(o.top - w.top) < 1 for o in named_words)]
                named_words = [w for w in named_words if w not in dated]
            for date in [w for w in dated if _SIGNED_DATE.match(w.text)]:
                # a name's words run up to the date on its line (layout text squeezes the line)
                strays = [w for w in dated if abs(w.top - date.top) < 1 and w.x1 <= date.x0]
                named_words += strays
                dated = [w for w in dated if w not in strays]
            if any(_SIGNED_DATE.match(w.text) for w in dated):
                # the dates are figures: the lines beside them without one are the names' (wrapped
                # past where the dates begin)
                spill = [w for line in group_lines(dated, caption.page) if not any(
                    _SIGNED_DATE.match(x.text) for x in line.words) for w in line.words]
                named_words += spill
                dated = [w for w in dated if w not in spill]
            # a long name wraps past where the date begins: only a date's words are the date's
            named_words += [w for w in dated if not is_date_word(w.text)]
            dated = [w for w in dated if is_date_word(w.text)]
            names = group_lines(named_words, caption.page)
            dates = group_lines(dated, caption.page)
            signatures = [(Signature(), line) for line in dates] or [(Signature(), None)]
            named: dict[int, list[Line]] = {}
            for line in names:
                nearest = min(range(len(signatures)), key=lambda i: abs(signatures[i][1].middle - line.middle)
                              if signatures[i][1] is not None else 0)
                named.setdefault(nearest, []).append(line)
            for number, (signature, date_line) in enumerate(signatures):
                name, _ = split_markers([w for ln in named.get(number, []) for w in ln.words])
                signature.name = name or None
                if date_line is not None:
                    when, notes = split_markers(date_line.words)
                    signature.date = date_value(when or None, notes)
                pointer = f"/signatures/{len(f.signatures)}"
                f.signatures.append(signature)
                for key in ("", "/name", "/date"):
                    self.locate(pointer + key, caption.page, "the signature")
        return used

    def _date_cut(self, caption: Line, date_word: Word | None) -> float:
        """Where the signature's date begins: over the line drawn above the "Date" caption when the
        form draws one (the official form does, a word processor's date sits anywhere on it), else
        just left of the caption."""
        if date_word is None:
            return 1e9
        for top, x0, x1 in self.rules[caption.page - 1]:
            if x0 <= date_word.center <= x1 and caption.top - 15 < top < caption.top:
                return min(x0 - 2, date_word.x0 - 5)
        return date_word.x0 - 5

    def read_more_owners(self, sections) -> None:
        """The reporting owners after the first as the SEC rendition prints them below the tables: box 1
        again for each, with the relationship box beside it."""
        starts = sections["more_owners"]
        ends = [i for i in (sections["notes"], sections["remarks"], sections["owners"], sections["reminder"],
                            *sections["signatures"], *starts) if i is not None]
        for start in starts:
            stop = min([i for i in ends if i > start] + [len(self.stream)])
            page = self.stream[start].page
            # a block the page breaks goes on on the next page: its words are placed below the first page's
            words = [w if w.page == page else Word(w.text, w.x0, w.x1, w.top + _PAGE_SHIFT * (w.page - page),
                                                   w.bottom + _PAGE_SHIFT * (w.page - page), w.size, page)
                     for ln in self.stream[start:stop] for w in ln.words]
            lines = group_lines(words, page)
            marks = [w for w in words if is_mark(w.text)]
            labels = {}
            for name in ("owner", "relation"):
                for text in BOX_LABELS[name]:
                    found = find_caption(lines, label_key(text))
                    if found is not None:
                        labels[name] = (found, text)
                        break
            pointer = f"/reportingOwners/{len(self.filing.reporting_owners)}"
            if "owner" not in labels:
                continue
            end = lines[-1].bottom + 1
            owner = self._read_owner_box(*self._region("owner", labels, words, end), pointer=pointer, page=page)
            if "relation" in labels:
                owner.relationship = self._read_relationship(*self._region("relation", labels, words, end), marks,
                                                             pointer=pointer, page=page)
            else:
                self.unsure(pointer + "/relationship", "its label was not found beside the owner's name", page,
                            "Reporting Owners")
            self.filing.reporting_owners.append(owner)

    def read_owners(self, sections) -> None:
        """The list of reporting owners a joint filing carries after the tables."""
        start = sections["owners"]
        if start is None:
            return
        stop = min([i for i in (sections["reminder"],) if i is not None and i > start] + [len(self.stream)])
        lines = self.stream[start + 1:stop]
        if not lines:
            return
        head = lines[0]
        xs = {}
        for word in head.words:
            key = word.text.lower().rstrip(":")
            if key in ("director", "10%", "officer", "other") and key not in xs:
                xs[key] = word.x0 - 2
        if len(xs) < 4:
            self.unsure("/reportingOwners", "its Director, 10% Owner, Officer and Other columns were not found",
                        head.page, "Reporting Owners", field="the list of reporting owners")
            return
        blocks: list[list[Line]] = []
        previous = None
        for line in lines[1:]:
            if previous is not None and self._same_row(previous, line):
                blocks[-1].append(line)
            else:
                blocks.append([line])
            previous = line
        owners = []
        for block in blocks:
            name_lines = [" ".join(w.text for w in ln.words if w.center < xs["director"]) for ln in block]
            name_lines = [t for t in name_lines if t]
            cells = {key: " ".join(w.text for ln in block for w in ln.words
                                   if x <= w.center < min([v for v in xs.values() if v > x] + [1e9]))
                     for key, x in xs.items()}
            owner = ReportingOwner(name=name_lines[0] if name_lines else None)
            rest = name_lines[1:]
            place = None
            if rest and ("," in rest[-1] or re.search(r"\d{3,}", rest[-1].split()[-1])):
                place = rest.pop()
            owner.address.street1 = rest[0] if rest else None
            owner.address.street2 = " ".join(rest[1:]) or None
            if place:
                city, _, tail = place.rpartition(",")
                if not _:
                    city, tail = "", place
                parts = tail.split()
                owner.address.city = city.strip() or None
                owner.address.state = parts[0] if len(parts) >= 2 else None
                owner.address.zip_code = parts[-1] if parts else None
            rel = owner.relationship
            rel.is_director = Value(cells["director"].upper() == "X")
            rel.is_ten_percent_owner = Value(cells["10%"].upper() == "X")
            rel.is_officer = Value(bool(cells["officer"]))
            rel.officer_title = cells["officer"] if cells["officer"].upper() != "X" and cells["officer"] else None
            rel.is_other = Value(bool(cells["other"]))
            rel.other_text = cells["other"] if cells["other"].upper() != "X" and cells["other"] else None
            owners.append((block[0].page, owner))
        f = self.filing
        for index, (page, owner) in enumerate(owners):
            if index == 0 and f.reporting_owners:
                continue  # box 1 has the first owner, with city, state and zip told apart
            pointer = f"/reportingOwners/{len(f.reporting_owners)}"
            f.reporting_owners.append(owner)
            self.locate(pointer, page, f"Reporting Owners, owner {index + 1}")


_DATE_FIGURES = LazyRegex(r"[\d/.\-]+")  # a date as typed, real or not: figures and separators
_SIGNATURE_KEY = "signatureofreporting"
_SIGNED_DATE = LazyRegex(r"^\d{1,2}/\d{1,2}/\d{2,4}$")
_STATE_CODE = LazyRegex(r"^(?:[A-Z]{2}|[A-Z][0-9])$")  # a US state, or EDGAR's code for a place abroad
# a word of a signature's date: "02/10/2022", "2022-02-10", "10,", "2022", a marker, or a month's name
_DATE_WORD = LazyRegex(r"^(?:\d{1,4}(?:[/.\-]\d{1,2}[/.\-]\d{1,4})?,?)?(?:\(\d{1,3}\))*$")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def is_date_word(text: str) -> bool:
    if text and _DATE_WORD.match(text):
        return True
    name = text.rstrip(".,").lower()
    return len(name) >= 3 and any(month.startswith(name) for month in _MONTHS)

_OWNER_KEY = label_key(BOX_LABELS["owner"][0])
_PAGE_SHIFT = 10000.0  # below any page: where a block's words on its next page are placed  # the caption under a signature, its last word wrapped or not


def _without(line: Line, used: set[int]) -> Line:
    """The line without the words read elsewhere (a signature beside the remarks)."""
    if not any(id(w) in used for w in line.words):
        return line
    words = [w for w in line.words if id(w) not in used]
    return Line(words, line.page, line.top, line.bottom)


# column key -> (the row's field, how its cell is read); the spec of every table, a row taking the
# fields its kind has
_AMOUNT = partial(decimal_value, allow_grouping=True)
_CELL_FIELDS = {
    "title": ("security_title", text_value), "date": ("transaction_date", date_value),
    "deemed": ("deemed_execution_date", date_value), "shares": ("shares", _AMOUNT),
    "acquired": ("shares", _AMOUNT), "disposed": ("shares", _AMOUNT),
    "ad": ("acquired_disposed", text_value), "price": ("price_per_share", _AMOUNT),
    "following": ("shares_owned_following", _AMOUNT), "di": ("direct_or_indirect", text_value),
    "nature": ("nature_of_ownership", text_value), "exercise_price": ("conversion_or_exercise_price", _AMOUNT),
    "exercisable": ("exercise_date", date_value), "expiration": ("expiration_date", date_value),
    "under_title": ("underlying_title", text_value), "under_shares": ("underlying_shares", _AMOUNT),
}
_IN_DOLLARS = {"following": "value_owned_following", "under_shares": "underlying_value"}  # "$1,000"
_TABLE_POINTERS = {"I": "/nonDerivativeTransactions", "II": "/derivativeTransactions"}
_COVERS = {"/nonDerivativeTransactions": ("/nonDerivativeHoldings",),
           "/derivativeTransactions": ("/derivativeHoldings",)}  # a table is its transactions and holdings
_TRANSACTION_KEYS = {"date", "deemed", "shares", "acquired", "disposed", "ad", "price"}
