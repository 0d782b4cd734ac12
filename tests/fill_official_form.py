"""Test fixture: the SEC's official blank Form 3 with values typed into it, as counsel's draft.pdf.

    pdf_bytes = fill_form3(blank_path, Form3Values())

Every position is found on the blank itself with pdfplumber, not guessed: a header value stands on
the line just above its caption ("(Last)", "(Street)", "(City)") or just below its box's label; a
checkbox "X" sits on the blank drawn left of its option ("Director", "Form filed by One Reporting
Person"); table values go into the empty ruled rows of Table I (page 1, then page 2) and Table II
(page 3); footnotes below "Explanation of Responses:"; the signature and its date on the two lines
above their captions. Footnote markers are drawn small and raised after the value, as a word
processor's superscript. The values are drawn with reportlab on an overlay page that pypdf merges
onto the blank page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

VALUE_FONT = ("Helvetica", 8)
MARK_FONT = ("Helvetica", 9)
NOTE_FONT = ("Helvetica", 7)
MARKER_SIZE = 5
MARKER_RISE = 3.5
TABLE_I_KEYS = ("title", "amount", "di", "nature")
TABLE_II_KEYS = ("title", "exercisable", "expiration", "under_title", "under_amount", "price", "di", "nature")


@dataclass
class Row:
    """One table row: column key -> printed text, and column key -> footnote numbers ("1", "2")."""

    cells: dict[str, str]
    notes: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Form3Values:
    """What counsel types into the form; every field is printed text, as it appears on paper."""

    name: str = "Doe Jane Q"
    street: str = "100 Main Street, Suite 400"
    city: str = "San Francisco"
    state: str = "CA"
    zip_code: str = "94105"
    event_date: str = "03/01/2024"
    issuer: str = "Acme Robotics International Holdings, Inc."
    ticker: str = "ACME"
    issuer_cik: str = ""  # not on the printed form; typed after the ticker when given
    director: bool = True
    ten_percent: bool = False
    officer: bool = True
    other: bool = False
    officer_title: str = "Chief Executive Officer"
    other_text: str = ""
    amendment_date: str = ""
    one_person: bool = True
    table1: list[Row] = field(default_factory=lambda: [
        Row({"title": "Common Stock", "amount": "125,000", "di": "D"}, {"amount": ["1"]}),
        Row({"title": "Common Stock", "amount": "40,000", "di": "I", "nature": "By Doe Family Trust"},
            {"nature": ["2"]}),
        Row({"title": "Series A Preferred Stock", "amount": "5,000", "di": "D"}),
    ])
    table2: list[Row] = field(default_factory=lambda: [
        Row({"title": "Stock Option (right to buy)", "exercisable": "03/01/2025", "expiration": "02/28/2034",
             "under_title": "Common Stock", "under_amount": "60,000", "price": "$12.50", "di": "D"},
            {"exercisable": ["3"]}),
    ])
    footnotes: dict[str, str] = field(default_factory=lambda: {
        "1": "Includes 25,000 restricted stock units that vest on March 1, 2025.",
        "2": "Held by the Doe Family Trust, of which the reporting person is trustee.",
        "3": "The option vests in four equal annual installments beginning on the first anniversary "
             "of the grant date.",
    })
    signature: str = "/s/ Jane Q. Doe"
    signature_date: str = "03/05/2024"


# -- where things go on the blank ------------------------------------------------------------------
def _find(page, phrase: str) -> dict:
    """The first place the phrase is printed on the page (x0, top, x1, bottom)."""
    hits = page.search(phrase, regex=False)
    if not hits:
        raise LookupError(f"{phrase!r} is not on page {page.page_number} of the blank form")
    return hits[0]


def _baseline(word: dict) -> float:
    """The baseline of a printed label, close enough to type a value on the same line."""
    return word["bottom"] - 0.22 * (word["bottom"] - word["top"])


def _blank_left_of(page, label: dict) -> float:
    """The middle of the fill-in line drawn just left of a checkbox option, or a place near it."""
    for edge in page.horizontal_edges:
        if label["x0"] - 12 < edge["x1"] <= label["x0"] and label["top"] - 2 < edge["top"] < label["bottom"] + 4:
            return (edge["x0"] + edge["x1"]) / 2
    return label["x0"] - 9


def _rule_above(page, caption: dict) -> dict:
    """The signature or date line drawn just above a caption on the signature page."""
    centre = (caption["x0"] + caption["x1"]) / 2
    for edge in page.horizontal_edges:
        if edge["x0"] <= centre <= edge["x1"] and caption["top"] - 15 < edge["top"] < caption["top"]:
            return edge
    raise LookupError(f"no line above {caption['text']!r} on the blank form")


def _empty_rows(page) -> list[list[tuple]]:
    """The ruled rows of the page's table that are empty on the blank: the rows to fill in."""
    table = max(page.find_tables(), key=lambda t: (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1]))
    rows = []
    for row, texts in zip(table.rows, table.extract()):
        cells = [cell for cell in row.cells if cell is not None]
        if all(not (text or "").strip() for text in texts):
            rows.append(cells)
    return rows


# -- drawing ---------------------------------------------------------------------------------------
class _Overlay:
    """Text drawn in pdfplumber's coordinates (top-down) on pages of the blank's size."""

    def __init__(self, pages: int, width: float, height: float):
        from reportlab.pdfgen import canvas

        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=(width, height))
        self.height = height
        self.ops: list[list[tuple]] = [[] for _ in range(pages)]

    def text(self, page: int, x: float, baseline: float, text: str, notes=(), font=VALUE_FONT) -> None:
        self.ops[page].append((x, baseline, text, tuple(notes), font))

    def render(self) -> bytes:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        c = self.canvas
        for ops in self.ops:
            for x, baseline, text, notes, (font, size) in ops:
                y = self.height - baseline
                c.setFont(font, size)
                c.drawString(x, y, text)
                if notes:
                    c.setFont(font, MARKER_SIZE)
                    c.drawString(x + stringWidth(text, font, size) + 0.3, y + MARKER_RISE,
                                 "".join(f"({n})" for n in notes))
            c.showPage()
        c.save()
        return self.buffer.getvalue()


def fill_form3(blank: Path, values: Form3Values) -> bytes:
    """The blank official Form 3 with the values typed in: the bytes of a four-page PDF."""
    import pdfplumber
    from pypdf import PdfReader, PdfWriter

    with pdfplumber.open(blank) as pdf:
        pages = pdf.pages
        overlay = _Overlay(len(pages), pages[0].width, pages[0].height)
        _fill_header(pages[0], overlay, values)
        slots = [(0, cells) for cells in _empty_rows(pages[0])] + [(1, cells) for cells in _empty_rows(pages[1])]
        _fill_rows(overlay, slots, TABLE_I_KEYS, values.table1)
        _fill_rows(overlay, [(2, cells) for cells in _empty_rows(pages[2])], TABLE_II_KEYS, values.table2)
        _fill_notes(pages[2], overlay, values)
        _fill_signature(pages[3], overlay, values)
    stamp = PdfReader(io.BytesIO(overlay.render()))
    writer = PdfWriter(clone_from=blank)
    for page, layer in zip(writer.pages, stamp.pages):
        page.merge_page(layer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _fill_header(page, overlay: _Overlay, v: Form3Values) -> None:
    def above(caption: str, text: str, x: float | None = None) -> None:
        word = _find(page, caption)
        overlay.text(0, word["x0"] if x is None else x, word["top"] - 6, text)

    def below(label: str, text: str, gap: float = 12) -> None:
        word = _find(page, label)
        overlay.text(0, word["x0"], word["bottom"] + gap, text)

    def mark(option: str, checked: bool) -> None:
        if checked:
            label = _find(page, option)
            overlay.text(0, _blank_left_of(page, label) - 3, _baseline(label), "X", font=MARK_FONT)

    name_x = _find(page, "(Last)")["x0"]
    above("(Last)", v.name, name_x)
    above("(Street)", v.street, name_x)
    above("(City)", v.city)
    above("(State)", v.state)
    above("(Zip)", v.zip_code)
    below("(Month/Day/Year)", v.event_date, gap=20)
    issuer = _find(page, "Issuer Name and Ticker")
    text = f"{v.issuer} [{v.ticker}]" if v.ticker else v.issuer
    overlay.text(0, issuer["x0"], issuer["bottom"] + 18, f"{text}  CIK {v.issuer_cik}" if v.issuer_cik else text)
    mark("Director", v.director)
    mark("10% Owner", v.ten_percent)
    mark("Officer", v.officer)
    mark("Other (specify", v.other)
    mark("Form filed by One", v.one_person)
    mark("Form filed by More", not v.one_person)
    title = v.officer_title if v.officer else v.other_text if v.other else ""
    if title:
        caption = _find(page, "title below)")
        overlay.text(0, caption["x0"], caption["bottom"] + 16, title)
    if v.amendment_date:
        below("Filed (Month/Day/Year)", v.amendment_date)


def _fill_rows(overlay: _Overlay, slots, keys, rows: list[Row]) -> None:
    if len(rows) > len(slots):
        raise ValueError(f"{len(rows)} rows do not fit the form's {len(slots)} empty rows")
    for (page, cells), row in zip(slots, rows):
        for key, (x0, top, _x1, _bottom) in zip(keys, cells):
            text = row.cells.get(key, "")
            if text or row.notes.get(key):
                overlay.text(page, x0 + 3, top + 13, text, row.notes.get(key, ()))


def _fill_notes(page, overlay: _Overlay, v: Form3Values) -> None:
    """Each footnote from the left of the heading, wrapped at the page's right margin."""
    from reportlab.lib.utils import simpleSplit

    heading = _find(page, "Explanation of Responses")
    width = page.width - 2 * heading["x0"]
    baseline = heading["bottom"] + 9
    for number, text in v.footnotes.items():
        for line in simpleSplit(f"{number}. {text}", NOTE_FONT[0], NOTE_FONT[1], width) or [""]:
            overlay.text(2, heading["x0"], baseline, line, font=NOTE_FONT)
            baseline += 9


def _fill_signature(page, overlay: _Overlay, v: Form3Values) -> None:
    name_rule = _rule_above(page, _find(page, "Signature of Reporting Person"))
    date_rule = _rule_above(page, _find(page, "Date"))
    overlay.text(3, name_rule["x0"] + 4, name_rule["top"] - 3, v.signature)
    overlay.text(3, date_rule["x0"] + 4, date_rule["top"] - 3, v.signature_date)
