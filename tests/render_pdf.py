"""Our own renderer for tests: a filing model drawn as a PDF that looks like the SEC form.

    pdf_bytes = render_pdf(filing, STYLES["ruled-glyph-super"])

It draws the title block, the numbered header boxes 1-6 with the relationship and filing
checkboxes, Table I and Table II with their numbered columns and sub-columns, footnote markers,
"Explanation of Responses:", remarks, the signature and its date, and for joint filings the list of
reporting owners. The styles vary what a PDF reader meets in the wild: ruled or unruled tables,
checkboxes as glyphs, as "[X]" or as drawn squares, footnote markers as small raised text, as
Unicode superscripts or as "(1)" in the cell, and a long Table I running over two pages with or
without its header repeated.

:func:`printed_view` projects a filing onto what the printed form shows (no CIKs, no equity-swap
flag, no transaction form type): the round-trip test compares two filings through it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = landscape(letter)
MARGIN = 24
WIDTH = PAGE_W - 2 * MARGIN
PAD = 2.5
VALUE_SIZE = 6.5
LABEL_SIZE = 5.2
MARKER_SIZE = 4.2


@dataclass(frozen=True)
class Style:
    ruled: bool = True
    checkbox: str = "glyph"  # "glyph" (☒/☐), "bracket" ([X]/[ ]) or "drawn" (a square with an X)
    marker: str = "super"  # "super" (small raised), "unicode" (⁽¹⁾) or "cell" ("(1)" at value size)
    repeat_header: bool = True  # repeat the table title and header on a continuation page


STYLES = {
    "ruled-glyph-super": Style(),
    "unruled-bracket-cell": Style(ruled=False, checkbox="bracket", marker="cell"),
    "ruled-drawn-unicode": Style(checkbox="drawn", marker="unicode"),
    "unruled-glyph-super-norepeat": Style(ruled=False, repeat_header=False),
}

_FONT = None


def _unicode_font() -> str:
    """A TrueType font with the ballot-box glyphs and superscripts, found on reportlab's font path."""
    global _FONT
    if _FONT is None:
        try:
            pdfmetrics.registerFont(TTFont("FormSans", "DejaVuSans.ttf"))
            _FONT = "FormSans"
        except Exception:  # no DejaVu: the glyph styles fall back to Helvetica and brackets
            _FONT = ""
    return _FONT


def glyphs_available() -> bool:
    return bool(_unicode_font())


# -- how values are printed ----------------------------------------------------------------------
def fmt_date(value) -> str:
    return value.strftime("%m/%d/%Y") if value is not None else ""


def fmt_amount(value: Decimal | None) -> str:
    return f"{value:,}" if value is not None else ""


def fmt_price(value: Decimal | None) -> str:
    return f"${value:,}" if value is not None else ""


def marker_text(note_id: str) -> str:
    """F1 is printed (1)."""
    return note_id[1:] if note_id[:1] == "F" and note_id[1:].isdigit() else note_id


# -- the columns of the tables -------------------------------------------------------------------
# (number, label, [(sub-label, width, field key)]); a column without sub-columns has one entry
# with an empty sub-label. The last width of a table is stretched to the page.
TABLE_I = [
    ("1.", "Title of Security (Instr. 3)", [("", 128, "title")]),
    ("2.", "Transaction Date (Month/Day/Year)", [("", 54, "date")]),
    ("2A.", "Deemed Execution Date, if any (Month/Day/Year)", [("", 60, "deemed")]),
    ("3.", "Transaction Code (Instr. 8)", [("Code", 28, "code"), ("V", 16, "v")]),
    ("4.", "Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)",
     [("Amount", 70, "shares"), ("(A) or (D)", 30, "ad"), ("Price", 60, "price")]),
    ("5.", "Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)",
     [("", 92, "following")]),
    ("6.", "Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", [("", 62, "di")]),
    ("7.", "Nature of Indirect Beneficial Ownership (Instr. 4)", [("", 0, "nature")]),
]
TABLE_II = [
    ("1.", "Title of Derivative Security (Instr. 3)", [("", 70, "title")]),
    ("2.", "Conversion or Exercise Price of Derivative Security", [("", 42, "exercise_price")]),
    ("3.", "Transaction Date (Month/Day/Year)", [("", 56, "date")]),
    ("3A.", "Deemed Execution Date, if any (Month/Day/Year)", [("", 56, "deemed")]),
    ("4.", "Transaction Code (Instr. 8)", [("Code", 22, "code"), ("V", 12, "v")]),
    ("5.", "Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)",
     [("(A)", 44, "acquired"), ("(D)", 44, "disposed")]),
    ("6.", "Date Exercisable and Expiration Date (Month/Day/Year)",
     [("Date Exercisable", 56, "exercisable"), ("Expiration Date", 56, "expiration")]),
    ("7.", "Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)",
     [("Title", 56, "under_title"), ("Amount or Number of Shares", 46, "under_shares")]),
    ("8.", "Price of Derivative Security (Instr. 5)", [("", 42, "price")]),
    ("9.", "Number of derivative Securities Beneficially Owned Following Reported Transaction(s) "
     "(Instr. 4)", [("", 56, "following")]),
    ("10.", "Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", [("", 40, "di")]),
    ("11.", "Nature of Indirect Beneficial Ownership (Instr. 4)", [("", 0, "nature")]),
]
FORM3_TABLE_I = [
    ("1.", "Title of Security (Instr. 4)", [("", 250, "title")]),
    ("2.", "Amount of Securities Beneficially Owned (Instr. 4)", [("", 150, "following")]),
    ("3.", "Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", [("", 120, "di")]),
    ("4.", "Nature of Indirect Beneficial Ownership (Instr. 5)", [("", 0, "nature")]),
]
FORM3_TABLE_II = [
    ("1.", "Title of Derivative Security (Instr. 4)", [("", 150, "title")]),
    ("2.", "Date Exercisable and Expiration Date (Month/Day/Year)",
     [("Date Exercisable", 70, "exercisable"), ("Expiration Date", 70, "expiration")]),
    ("3.", "Title and Amount of Securities Underlying Derivative Security (Instr. 4)",
     [("Title", 120, "under_title"), ("Amount or Number of Shares", 80, "under_shares")]),
    ("4.", "Conversion or Exercise Price of Derivative Security", [("", 70, "exercise_price")]),
    ("5.", "Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", [("", 70, "di")]),
    ("6.", "Nature of Indirect Beneficial Ownership (Instr. 5)", [("", 0, "nature")]),
]
TITLE_I = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"
TITLE_II = ("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned "
            "(e.g., puts, calls, warrants, options, convertible securities)")
FORM3_TITLE_I = "Table I - Non-Derivative Securities Beneficially Owned"
FORM3_TITLE_II = ("Table II - Derivative Securities Beneficially Owned "
                  "(e.g., puts, calls, warrants, options, convertible securities)")
STATEMENTS = {
    "3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
    "4": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
}


def _cells(row, derivative: bool) -> dict:
    """field key -> (text, footnote ids) for one row."""
    def v(value, show=str):
        return (show(value.value) if value.value is not None else (value.raw or ""), list(value.footnotes))

    cells = {
        "title": v(row.security_title), "following": v(row.shares_owned_following, fmt_amount),
        "di": v(row.direct_or_indirect), "nature": v(row.nature_of_ownership),
    }
    if not row.shares_owned_following.value and row.value_owned_following.value is not None:
        cells["following"] = v(row.value_owned_following, fmt_price)
    if hasattr(row, "transaction_date"):
        cells["date"] = v(row.transaction_date, fmt_date)
        cells["deemed"] = v(row.deemed_execution_date, fmt_date)
        cells["code"] = (row.code or "", list(row.coding_footnotes))
        cells["v"] = ("V" if (row.timeliness.value or "").upper() == "E" else "", [])
        cells["price"] = v(row.price_per_share, fmt_price)
        if derivative:
            side = "disposed" if (row.acquired_disposed.value or "").upper() == "D" else "acquired"
            cells[side] = v(row.shares, fmt_amount)
            cells[side][1].extend(n for n in row.acquired_disposed.footnotes if n not in cells[side][1])
        else:
            cells["shares"] = v(row.shares, fmt_amount)
            cells["ad"] = v(row.acquired_disposed)
    if derivative:
        cells["exercise_price"] = v(row.conversion_or_exercise_price, fmt_price)
        cells["exercisable"] = v(row.exercise_date, fmt_date)
        cells["expiration"] = v(row.expiration_date, fmt_date)
        cells["under_title"] = v(row.underlying_title)
        cells["under_shares"] = v(row.underlying_shares, fmt_amount)
        if row.underlying_shares.value is None and row.underlying_value.value is not None:
            cells["under_shares"] = v(row.underlying_value, fmt_price)
    return cells


class _Renderer:
    def __init__(self, filing, style: Style):
        self.filing = filing
        self.style = style
        self.form = filing.base_form or "4"
        self.buffer = io.BytesIO()
        self.pdf = canvas.Canvas(self.buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.y = PAGE_H - MARGIN
        self.font = _unicode_font() or "Helvetica"
        if style.checkbox == "glyph" and not _unicode_font():
            self.style = Style(ruled=style.ruled, checkbox="bracket", marker=style.marker,
                               repeat_header=style.repeat_header)

    # -- primitives --------------------------------------------------------------------------
    def text(self, x, y, text, size=VALUE_SIZE, bold=False):
        font = "Helvetica-Bold" if bold else self.font
        self.pdf.setFont(font, size)
        self.pdf.drawString(x, y, text)
        return x + pdfmetrics.stringWidth(text, font, size)

    def valued(self, x, y, text, notes, size=VALUE_SIZE):
        """A value followed by its footnote markers, in the style's manner."""
        end = self.text(x, y, text, size) if text else x
        if not notes:
            return
        marks = "".join(f"({marker_text(n)})" for n in notes)
        if self.style.marker == "super":
            self.text(end + 0.5, y + size * 0.45, marks, MARKER_SIZE)
        elif self.style.marker == "unicode" and _unicode_font():
            sup = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
            self.text(end + 0.5, y, marks.translate(sup), size)
        else:
            self.text(end + (2 if text else 0), y, marks, size)

    def checkbox(self, x, y, checked: bool, label: str, size=VALUE_SIZE) -> float:
        kind = self.style.checkbox
        if kind == "glyph":
            x = self.text(x, y, "☒" if checked else "☐", size + 1)
        elif kind == "bracket":
            x = self.text(x, y, "[X]" if checked else "[ ]", size)
        else:
            self.pdf.setLineWidth(0.5)
            self.pdf.rect(x, y - 1, size, size)
            if checked:
                self.text(x + 1.2, y, "X", size - 1)
            x += size
        return self.text(x + 3, y, label, size)

    def rule(self, x0, y0, x1, y1):
        self.pdf.setLineWidth(0.5)
        self.pdf.line(x0, y0, x1, y1)

    def box(self, x, top, w, h, always=False):
        if self.style.ruled or always:
            self.pdf.setLineWidth(0.5)
            self.pdf.rect(x, top - h, w, h)

    def wrapped(self, x, top, width, text, size) -> float:
        """Draw text wrapped to width from a top edge; return the y under the last line."""
        y = top
        for line in simpleSplit(text, self.font, size, width) or [""]:
            y -= size * 1.2
            self.text(x, y + size * 0.25, line, size)
        return y

    def new_page(self):
        self.pdf.showPage()
        self.y = PAGE_H - MARGIN

    def need(self, height):
        if self.y - height < MARGIN:
            self.new_page()
            return True
        return False

    # -- the form ----------------------------------------------------------------------------
    def render(self) -> bytes:
        self.title_block()
        self.header_boxes()
        if self.form == "3":
            self.table(FORM3_TITLE_I, FORM3_TABLE_I, [(r, False) for r in self.filing.non_derivative_holdings])
            self.table(FORM3_TITLE_II, FORM3_TABLE_II, [(r, True) for r in self.filing.derivative_holdings])
        else:
            nd = self.filing.non_derivative_transactions + self.filing.non_derivative_holdings
            d = self.filing.derivative_transactions + self.filing.derivative_holdings
            self.table(TITLE_I, TABLE_I, [(r, False) for r in nd])
            self.table(TITLE_II, TABLE_II, [(r, True) for r in d])
        self.footnotes()
        self.signatures()
        self.owners()
        self.pdf.showPage()
        self.pdf.save()
        return self.buffer.getvalue()

    def title_block(self):
        f = self.filing
        top = self.y
        self.text(MARGIN, top - 18, f"FORM {self.form}", 16, bold=True)
        center = MARGIN + 250
        self.text(center, top - 8, "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", 7, bold=True)
        self.text(center + 60, top - 16, "Washington, D.C. 20549", 6.5)
        self.text(center, top - 28, STATEMENTS[self.form], 8, bold=True)
        self.text(center - 20, top - 37, "Filed pursuant to Section 16(a) of the Securities Exchange Act of "
                  "1934 or Section 30(h) of the Investment Company Act of 1940", 5.5)
        self.box(PAGE_W - MARGIN - 120, top, 120, 34, always=True)
        self.text(PAGE_W - MARGIN - 116, top - 9, "OMB APPROVAL", 6, bold=True)
        self.text(PAGE_W - MARGIN - 116, top - 18, f"OMB Number: 3235-{ {'3': '0104', '4': '0287', '5': '0362'}[self.form]}", 5.5)
        self.text(PAGE_W - MARGIN - 116, top - 27, "Estimated average burden hours per response: 0.5", 5)
        y = top - 48
        if self.form in ("4", "5"):
            self.checkbox(MARGIN, y, bool(f.not_subject_to_section16.value),
                          "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
                          "may continue. See Instruction 1(b).", 5.5)
            y -= 9
        if self.form == "4":
            self.checkbox(MARGIN, y, bool(f.aff10b5_one.value),
                          "Check this box to indicate that a transaction was made pursuant to a contract, "
                          "instruction or written plan that is intended to satisfy Rule 10b5-1(c).", 5.5)
            y -= 9
        if self.form == "5":
            self.checkbox(MARGIN, y, bool(f.form3_holdings_reported.value), "Form 3 Holdings Reported.", 5.5)
            y -= 9
            self.checkbox(MARGIN, y, bool(f.form4_transactions_reported.value),
                          "Form 4 Transactions Reported.", 5.5)
            y -= 9
        self.y = y - 4

    def header_boxes(self):
        f = self.filing
        owner = f.reporting_owners[0] if f.reporting_owners else None
        top = self.y
        height = 120
        a_w, b_w = 250, 250
        c_w = WIDTH - a_w - b_w
        xa, xb, xc = MARGIN, MARGIN + a_w, MARGIN + a_w + b_w
        numbers = {"3": ("2.", "3.", "4.", "5."), "4": ("2.", "3.", "5.", "4."), "5": ("2.", "3.", "5.", "4.")}
        issuer_no, date_no, rel_no, amend_no = numbers[self.form]
        if self.form == "3":
            issuer_no, date_no = "3.", "2."
        # box 1
        self.box(xa, top, a_w, height)
        y = self.wrapped(xa + PAD, top, a_w - 2 * PAD, "1. Name and Address of Reporting Person*", LABEL_SIZE)
        if owner:
            self.text(xa + PAD, y - 10, owner.name or "")
            self.text(xa + PAD, y - 18, "(Last) (First) (Middle)", LABEL_SIZE)
            addr = owner.address
            self.text(xa + PAD, y - 32, addr.street1 or "")
            self.text(xa + PAD, y - 42, addr.street2 or "")
            self.text(xa + PAD, y - 50, "(Street)", LABEL_SIZE)
            for offset, part, caption in ((0, addr.city, "(City)"), (110, addr.state, "(State)"),
                                          (170, addr.zip_code, "(Zip)")):
                self.text(xa + PAD + offset, y - 64, part or "")
                self.text(xa + PAD + offset, y - 72, caption, LABEL_SIZE)
        # column B: issuer, date, amendment
        h1, h2 = 36, 40
        self.box(xb, top, b_w, h1)
        y = self.wrapped(xb + PAD, top, b_w - 2 * PAD, f"{issuer_no} Issuer Name and Ticker or Trading Symbol",
                         LABEL_SIZE)
        issuer = f"{f.issuer.name or ''} [{f.issuer.trading_symbol or ''}]"
        self.text(xb + PAD, y - 10, issuer)
        date_label = {
            "3": "Date of Event Requiring Statement (Month/Day/Year)",
            "4": "Date of Earliest Transaction (Month/Day/Year)",
            "5": "Statement for Issuer's Fiscal Year Ended (Month/Day/Year)",
        }[self.form]
        self.box(xb, top - h1, b_w, h2)
        y = self.wrapped(xb + PAD, top - h1, b_w - 2 * PAD, f"{date_no} {date_label}", LABEL_SIZE)
        self.valued(xb + PAD, y - 10, fmt_date(f.period_of_report.value) or (f.period_of_report.raw or ""),
                    f.period_of_report.footnotes)
        self.box(xb, top - h1 - h2, b_w, height - h1 - h2)
        y = self.wrapped(xb + PAD, top - h1 - h2, b_w - 2 * PAD,
                         f"{amend_no} If Amendment, Date of Original Filed (Month/Day/Year)", LABEL_SIZE)
        self.text(xb + PAD, y - 10, fmt_date(f.date_of_original_submission.value))
        # column C: relationship, individual or joint
        rel_h = 68
        self.box(xc, top, c_w, rel_h)
        y = self.wrapped(xc + PAD, top, c_w - 2 * PAD,
                         f"{rel_no} Relationship of Reporting Person(s) to Issuer (Check all applicable)",
                         LABEL_SIZE)
        rel = owner.relationship if owner else None
        mark = (lambda value: bool(value.value)) if rel else (lambda value: False)
        self.checkbox(xc + PAD, y - 10, rel is not None and mark(rel.is_director), "Director")
        self.checkbox(xc + PAD + 110, y - 10, rel is not None and mark(rel.is_ten_percent_owner), "10% Owner")
        self.checkbox(xc + PAD, y - 20, rel is not None and mark(rel.is_officer), "Officer (give title below)")
        self.checkbox(xc + PAD + 110, y - 20, rel is not None and mark(rel.is_other), "Other (specify below)")
        lines = []
        if rel and rel.officer_title:
            lines.append(rel.officer_title)
        if rel and rel.other_text:
            lines.append(rel.other_text)
        for index, line in enumerate(lines):
            self.text(xc + PAD + 20, y - 32 - 9 * index, line)
        self.box(xc, top - rel_h, c_w, height - rel_h)
        y = self.wrapped(xc + PAD, top - rel_h, c_w - 2 * PAD,
                         "6. Individual or Joint/Group Filing (Check Applicable Line)", LABEL_SIZE)
        joint = len(f.reporting_owners) > 1 or bool(f.joint_filing.value)
        self.checkbox(xc + PAD, y - 10, not joint, "Form filed by One Reporting Person")
        self.checkbox(xc + PAD, y - 20, joint, "Form filed by More than One Reporting Person")
        self.y = top - height - 8

    def _layout(self, columns):
        """[(number, label, x, width, [(sub-label, x, width, key)])], widths stretched to the page."""
        fixed = sum(w for _, _, subs in columns for _, w, _ in subs)
        x = MARGIN
        out = []
        for number, label, subs in columns:
            placed = []
            for sub, w, key in subs:
                w = w or WIDTH - fixed
                placed.append((sub, x, w, key))
                x += w
            out.append((number, label, placed[0][1], sum(p[2] for p in placed), placed))
        return out

    def table_header(self, title, layout):
        self.need(80)
        self.text(MARGIN + 150, self.y - 9, title, 7, bold=True)
        top = self.y - 13
        bottoms = []
        has_subs = any(sub for *_, placed in layout for sub, *_ in placed)
        for number, label, x, w, placed in layout:
            bottoms.append(self.wrapped(x + PAD, top, w - 2 * PAD, f"{number} {label}", LABEL_SIZE))
        label_bottom = min(bottoms) - 2
        bottom = label_bottom
        if has_subs:
            sub_bottoms = [label_bottom]
            for *_, placed in layout:
                for sub, x, w, _key in placed:
                    if sub:
                        sub_bottoms.append(self.wrapped(x + PAD, label_bottom, w - 2 * PAD, sub, LABEL_SIZE))
            bottom = min(sub_bottoms) - 2
        if self.style.ruled:
            for number, label, x, w, placed in layout:
                self.box(x, top, w, top - bottom)
                if len(placed) > 1:
                    for sub, sx, sw, _key in placed:
                        self.box(sx, label_bottom, sw, label_bottom - bottom)
        self.y = bottom

    def table(self, title, columns, rows):
        layout = self._layout(columns)
        self.table_header(title, layout)
        cells_layout = [p for *_, placed in layout for p in placed]
        for row, derivative in rows:
            cells = _cells(row, derivative)
            wrapped = {key: simpleSplit(cells.get(key, ("", []))[0], self.font, VALUE_SIZE, w - 2 * PAD - 8)
                       for _sub, _x, w, key in cells_layout}
            lines = max(1, *(len(v) for v in wrapped.values()))
            height = lines * VALUE_SIZE * 1.25 + 6
            if self.need(height):
                if self.style.repeat_header:
                    self.table_header(title + " (continued)", layout)
            top = self.y
            for _sub, x, w, key in cells_layout:
                text, notes = cells.get(key, ("", []))
                parts = wrapped[key] or [""]
                y = top - 3
                for index, part in enumerate(parts):
                    y -= VALUE_SIZE * 1.25
                    last = index == len(parts) - 1
                    self.valued(x + PAD, y + 1.5, part, notes if last else [])
                if self.style.ruled:
                    self.box(x, top, w, height)
            self.y = top - height
        self.y -= 8

    def footnotes(self):
        f = self.filing
        self.need(30)
        self.text(MARGIN, self.y - 9, "Explanation of Responses:", 7, bold=True)
        self.y -= 12
        for note in f.footnotes:
            lines = simpleSplit(note.text or "", self.font, VALUE_SIZE, WIDTH - 20) or [""]
            for index, line in enumerate(lines):
                self.need(10)
                self.y -= VALUE_SIZE * 1.3
                if index == 0:
                    self.text(MARGIN, self.y, f"{marker_text(note.id)}.")
                self.text(MARGIN + 14, self.y, line)
        if f.remarks:
            self.need(20)
            self.y -= 12
            self.text(MARGIN, self.y, "Remarks:", 7, bold=True)
            for line in simpleSplit(f.remarks, self.font, VALUE_SIZE, WIDTH - 20):
                self.need(10)
                self.y -= VALUE_SIZE * 1.3
                self.text(MARGIN + 14, self.y, line)
        self.y -= 10

    def signatures(self):
        x_date = MARGIN + 420
        for signature in self.filing.signatures or []:
            self.need(26)
            self.y -= 10
            self.text(MARGIN + 200, self.y, signature.name or "")
            self.valued(x_date, self.y, fmt_date(signature.date.value) or (signature.date.raw or ""),
                        signature.date.footnotes)
            self.y -= 8
            self.text(MARGIN + 200, self.y, "** Signature of Reporting Person", LABEL_SIZE)
            self.text(x_date, self.y, "Date", LABEL_SIZE)
        self.y -= 6
        self.need(12)
        self.y -= 8
        self.text(MARGIN, self.y, "Reminder: Report on a separate line for each class of securities "
                  "beneficially owned directly or indirectly.", LABEL_SIZE)

    def owners(self):
        """Joint filings list every reporting owner with his relationships, as EDGAR's rendition does."""
        owners = self.filing.reporting_owners
        if len(owners) < 2:
            return
        self.need(40)
        self.y -= 14
        self.text(MARGIN, self.y, "Reporting Owners", 7, bold=True)
        xs = [MARGIN, MARGIN + 300, MARGIN + 360, MARGIN + 420, MARGIN + 560]
        self.y -= 10
        for x, label in zip(xs, ("Reporting Owner Name / Address", "Director", "10% Owner", "Officer", "Other")):
            self.text(x + PAD, self.y, label, LABEL_SIZE)
        for owner in owners:
            addr = owner.address
            lines = [owner.name or "", addr.street1 or "", addr.street2 or "",
                     " ".join(p for p in (addr.city and addr.city + ",", addr.state, addr.zip_code) if p)]
            lines = [line for line in lines if line]
            self.need(len(lines) * 9 + 6)
            top = self.y - 3
            rel = owner.relationship
            cells = ["X" if rel.is_director.value else "", "X" if rel.is_ten_percent_owner.value else "",
                     rel.officer_title or ("X" if rel.is_officer.value else ""),
                     rel.other_text or ("X" if rel.is_other.value else "")]
            y = top
            for line in lines:
                y -= 9
                self.text(xs[0] + PAD, y, line)
            for x, cell in zip(xs[1:], cells):
                self.text(x + PAD, top - 9, cell)
            self.y = y - 4
            if self.style.ruled:
                self.rule(MARGIN, self.y, PAGE_W - MARGIN, self.y)


def render_pdf(filing, style: Style | str = "ruled-glyph-super") -> bytes:
    """The PDF bytes of the filing drawn as the form, in the given style."""
    if isinstance(style, str):
        style = STYLES[style]
    return _Renderer(filing, style).render()


# -- what the printed form shows ---------------------------------------------------------------
def _v(value, kind=None):
    shown = value.value if value.value is not None else value.raw
    if isinstance(shown, str):
        shown = " ".join(shown.split()) or None
    return shown, tuple(value.footnotes)


def printed_view(filing) -> dict:
    """field name -> value, for every field the printed form shows."""
    view: dict = {}
    base = filing.base_form
    amended = filing.is_amendment or filing.date_of_original_submission.value is not None
    view["form"] = (base or "") + ("/A" if amended else "")
    view["periodOfReport"] = _v(filing.period_of_report)
    view["dateOfOriginalSubmission"] = filing.date_of_original_submission.value
    if base in ("4", "5"):
        view["notSubjectToSection16"] = bool(filing.not_subject_to_section16.value)
    if base == "4":
        view["aff10b5One"] = bool(filing.aff10b5_one.value)
    if base == "5":
        view["form3HoldingsReported"] = bool(filing.form3_holdings_reported.value)
        view["form4TransactionsReported"] = bool(filing.form4_transactions_reported.value)
    view["issuer/name"] = filing.issuer.name
    view["issuer/tradingSymbol"] = filing.issuer.trading_symbol
    view["jointFiling"] = len(filing.reporting_owners) > 1 or bool(filing.joint_filing.value)
    for index, owner in enumerate(filing.reporting_owners):
        p = f"reportingOwners/{index}/"
        view[p + "name"] = " ".join((owner.name or "").split()) or None
        for key in ("street1", "street2", "city", "state", "zip_code"):
            view[p + key] = getattr(owner.address, key) or None
        rel = owner.relationship
        for key in ("is_director", "is_officer", "is_ten_percent_owner", "is_other"):
            view[p + key] = bool(getattr(rel, key).value)
        view[p + "officerTitle"] = rel.officer_title
        view[p + "otherText"] = rel.other_text
    for name, rows in filing.tables():
        for index, row in enumerate(rows):
            p = f"{name}/{index}/"
            cells = _cells(row, name.startswith("derivative"))
            if base == "3" and name.startswith("derivative"):
                cells.pop("following")  # Form 3's Table II has no column for the amount owned
            for key, (text, notes) in cells.items():
                view[p + key] = (" ".join(text.split()) or None, tuple(notes))
    for note in filing.footnotes:
        view[f"footnotes/{marker_text(note.id)}"] = " ".join((note.text or "").split())
    view["remarks"] = " ".join(filing.remarks.split()) if filing.remarks else None
    for index, signature in enumerate(filing.signatures):
        view[f"signatures/{index}/name"] = " ".join((signature.name or "").split()) or None
        view[f"signatures/{index}/date"] = _v(signature.date)
    return view
