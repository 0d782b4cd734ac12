"""A second reportlab renderer: the form as a filing agent's or law firm's own template draws it.

The project's readers were written against ``render_pdf``; this one is drawn differently on
purpose, as the templates users bring are: portrait as well as landscape, Letter and A4, other
fonts (Times, Courier, DejaVu Serif, Liberation Sans Narrow), the header boxes in three narrow
columns with every label wrapped, the relationship options one under another, table columns sized
to the page so that titles, labels and long values wrap inside narrow cells, ruled as a grid, with
rules between rows only, or not at all, checkboxes as glyphs, "[X]" or drawn squares, footnote
markers raised, as Unicode superscripts or as "(1)", footnotes numbered "1." or "(1)", and the
other reporting owners' boxes 1 and relationship after the signatures.

    pdf_bytes = render_firm(filing, FIRM_STYLES["letter-times-grid"])
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from render_pdf import (FORM3_TABLE_I, FORM3_TABLE_II, FORM3_TITLE_I, FORM3_TITLE_II, STATEMENTS, TABLE_I, TABLE_II,
                        TITLE_I, TITLE_II, _cells, fmt_date, marker_text)


@dataclass(frozen=True)
class FirmStyle:
    page: tuple = letter
    font: str = "Times"  # "Times", "Courier", "Helvetica", "DejaVuSerif", "LiberationSansNarrow"
    rules: str = "grid"  # "grid", "rows" (a rule under each row only) or "none"
    checkbox: str = "drawn"  # "glyph", "bracket" or "drawn"
    marker: str = "super"  # "super", "unicode" or "cell"
    note_number: str = "1."  # how footnotes are numbered below the tables: "1." or "(1)"
    size: float = 7.0  # value size; labels are smaller
    margin: float = 36


FIRM_STYLES = {
    "letter-times-grid": FirmStyle(),
    "a4-courier-unruled": FirmStyle(page=A4, font="Courier", rules="none", checkbox="bracket", marker="cell",
                                    note_number="(1)", size=6.5, margin=30),
    "a4-landscape-serif-rows": FirmStyle(page=landscape(A4), font="DejaVuSerif", rules="rows", checkbox="glyph",
                                         marker="unicode", size=7.5),
    "letter-narrow-grid": FirmStyle(font="LiberationSansNarrow", checkbox="glyph", marker="super",
                                    note_number="(1)", size=7.5, margin=28),
}

_TTF = {
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "LiberationSansNarrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
}
_BASE14 = {"Times": ("Times-Roman", "Times-Bold"), "Courier": ("Courier", "Courier-Bold"),
           "Helvetica": ("Helvetica", "Helvetica-Bold")}
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
              "/usr/share/fonts/truetype/liberation2")
_registered: dict[str, tuple[str, str] | None] = {}


def _ttf(name: str) -> tuple[str, str] | None:
    """(regular, bold) font names of a TrueType family, registered once; None when not installed."""
    if name not in _registered:
        import os

        found = None
        regular, bold = _TTF[name]
        for folder in _FONT_DIRS:
            if os.path.exists(os.path.join(folder, regular)) and os.path.exists(os.path.join(folder, bold)):
                pdfmetrics.registerFont(TTFont(f"Zoo-{name}", os.path.join(folder, regular)))
                pdfmetrics.registerFont(TTFont(f"Zoo-{name}-Bold", os.path.join(folder, bold)))
                found = (f"Zoo-{name}", f"Zoo-{name}-Bold")
                break
        _registered[name] = found
    return _registered[name]


def fonts_missing(style: FirmStyle) -> str | None:
    """Why the style cannot be drawn here (a TrueType font it needs is not installed), or None."""
    if style.font in _TTF and _ttf(style.font) is None:
        return f"the font {style.font} is not installed (Debian packages fonts-dejavu-core, fonts-liberation)"
    if (style.checkbox == "glyph" or style.marker == "unicode") and _ttf("DejaVuSans") is None:
        return "DejaVu Sans is not installed (Debian package fonts-dejavu-core)"
    return None


_SUPER = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


class _Firm:
    def __init__(self, filing, style: FirmStyle):
        self.f = filing
        self.s = style
        self.form = filing.base_form or "4"
        self.regular, self.bold = _BASE14.get(style.font) or _ttf(style.font)
        self.symbols = (_ttf("DejaVuSans") or (self.regular,))[0]
        self.w, self.h = style.page
        self.m = style.margin
        self.width = self.w - 2 * self.m
        self.buffer = io.BytesIO()
        self.pdf = canvas.Canvas(self.buffer, pagesize=style.page, invariant=1)
        self.y = self.h - self.m
        self.label = max(5.0, style.size - 1.5)

    # -- primitives ------------------------------------------------------------------------------
    def text(self, x, y, text, size=None, bold=False, font=None) -> float:
        size = size or self.s.size
        font = font or (self.bold if bold else self.regular)
        self.pdf.setFont(font, size)
        self.pdf.drawString(x, y, text)
        return x + pdfmetrics.stringWidth(text, font, size)

    def lines(self, text, width, size=None, bold=False) -> list[str]:
        size = size or self.s.size
        return simpleSplit(text or "", self.bold if bold else self.regular, size, max(width, 10)) or []

    def para(self, x, top, width, text, size=None, bold=False, notes=()) -> float:
        """Text wrapped into ``width`` below ``top``; markers after its last line; returns the bottom."""
        size = size or self.s.size
        parts = self.lines(text, width, size, bold) or ([""] if notes else [])
        y = top
        for index, part in enumerate(parts):
            y -= size * 1.22
            end = self.text(x, y + size * 0.22, part, size, bold)
            if index == len(parts) - 1 and notes:
                self.markers(end if part else x, y + size * 0.22, notes, size)
        return y

    def markers(self, x, y, notes, size) -> None:
        marks = "".join(f"({marker_text(n)})" for n in notes)
        if self.s.marker == "super":
            self.text(x + 0.6, y + size * 0.42, marks, size * 0.62)
        elif self.s.marker == "unicode":
            self.text(x + 0.4, y, marks.translate(_SUPER), size, font=self.symbols)
        else:
            self.text(x + 2.5, y, marks, size)

    def checkbox(self, x, y, checked, label, size=None, width=None) -> float:
        """A checkbox and its (wrapped) label; returns the y under it."""
        size = size or self.s.size
        if self.s.checkbox == "glyph":
            after = self.text(x, y, "☒" if checked else "☐", size + 1, font=self.symbols)
        elif self.s.checkbox == "bracket":
            after = self.text(x, y, "[X]" if checked else "[ ]", size)
        else:
            self.pdf.setLineWidth(0.6)
            self.pdf.rect(x, y - 1, size, size)
            if checked:
                self.pdf.line(x, y - 1, x + size, y - 1 + size)
                self.pdf.line(x, y - 1 + size, x + size, y - 1)
            after = x + size
        parts = self.lines(label, (width or 1000) - (after - x) - 3, size) or [""]
        for index, part in enumerate(parts):
            self.text(after + 3, y - index * size * 1.2, part, size)
        return y - len(parts) * size * 1.2

    def rect(self, x, top, w, h) -> None:
        if self.s.rules == "grid":
            self.pdf.setLineWidth(0.5)
            self.pdf.rect(x, top - h, w, h)

    def hline(self, x0, x1, y) -> None:
        if self.s.rules != "none":
            self.pdf.setLineWidth(0.4)
            self.pdf.line(x0, y, x1, y)

    def need(self, height) -> bool:
        if self.y - height < self.m:
            self.pdf.showPage()
            self.y = self.h - self.m
            return True
        return False

    # -- the form ----------------------------------------------------------------------------------
    def render(self) -> bytes:
        self.title()
        self.header()
        if self.form == "3":
            self.table(FORM3_TITLE_I, FORM3_TABLE_I, [(r, False) for r in self.f.non_derivative_holdings])
            self.table(FORM3_TITLE_II, FORM3_TABLE_II, [(r, True) for r in self.f.derivative_holdings])
        else:
            nd = list(self.f.non_derivative_transactions) + list(self.f.non_derivative_holdings)
            d = list(self.f.derivative_transactions) + list(self.f.derivative_holdings)
            self.table(TITLE_I, self._no_v(TABLE_I), [(r, False) for r in nd])
            self.table(TITLE_II, self._no_v(TABLE_II), [(r, True) for r in d])
        self.explanations()
        self.signatures()
        self.more_owners()
        self.pdf.showPage()
        self.pdf.save()
        return self.buffer.getvalue()

    def _no_v(self, columns):
        """Form 5 has no V column."""
        if self.form != "5":
            return columns
        return [(n, label, [sub for sub in subs if sub[2] != "v"]) for n, label, subs in columns]

    def title(self):
        f, s = self.f, self.s
        top = self.y
        self.text(self.m, top - 16, f"FORM {self.form}", 15, bold=True)
        omb_w = min(120, self.width * 0.22)
        center_w = self.width - omb_w - 80
        y = self.para(self.m + 80, top, center_w, "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", s.size + 0.5, True)
        y = self.para(self.m + 80, y, center_w, "Washington, D.C. 20549", self.label)
        y = self.para(self.m + 80, y - 2, center_w, STATEMENTS[self.form], s.size + 0.5, True)
        y = self.para(self.m + 80, y, center_w, "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 "
                      "or Section 30(h) of the Investment Company Act of 1940", self.label)
        x = self.w - self.m - omb_w
        number = {"3": "3235-0104", "4": "3235-0287", "5": "3235-0362"}[self.form]
        oy = self.para(x + 3, top - 1, omb_w - 6, "OMB APPROVAL", self.label, True)
        oy = self.para(x + 3, oy, omb_w - 6, f"OMB Number: {number}", self.label)
        oy = self.para(x + 3, oy, omb_w - 6, "Estimated average burden hours per response: 0.5", self.label)
        self.pdf.setLineWidth(0.5)
        self.pdf.rect(x, oy - 3, omb_w, top - oy + 3)
        y = min(y, oy - 3, top - 24) - 6
        checks = []
        if self.form in ("4", "5"):
            checks.append((f.not_subject_to_section16.value, "Check this box if no longer subject to Section 16. "
                           "Form 4 or Form 5 obligations may continue. See Instruction 1(b)."))
        if self.form == "4":
            checks.append((f.aff10b5_one.value, "Check this box to indicate that a transaction was made pursuant to a "
                           "contract, instruction or written plan for the purchase or sale of equity securities of "
                           "the issuer that is intended to satisfy the affirmative defense conditions of Rule "
                           "10b5-1(c). See Instruction 10."))
        if self.form == "5":
            checks.append((f.form3_holdings_reported.value, "Form 3 Holdings Reported."))
            checks.append((f.form4_transactions_reported.value, "Form 4 Transactions Reported."))
        for checked, caption in checks:
            y = self.checkbox(self.m, y - self.label, bool(checked), caption, self.label, self.width * 0.6) - 2
        self.y = y - 4

    def owner_block(self, x, top, width, owner) -> float:
        y = self.para(x, top, width, "1. Name and Address of Reporting Person*", self.label, True)
        a = owner.address if owner else None
        y = self.para(x, y - 2, width, owner.name if owner else "")
        y = self.para(x, y, width, "(Last) (First) (Middle)", self.label)
        for street in ((a.street1, a.street2) if a else ()):
            if street:
                y = self.para(x, y - 2, width, street)
        y = self.para(x, y, width, "(Street)", self.label)
        third = width / 3
        bottoms = []
        for index, (part, caption) in enumerate(((a.city if a else "", "(City)"), (a.state if a else "", "(State)"),
                                                 (a.zip_code if a else "", "(Zip)"))):
            cy = self.para(x + index * third, y - 2, third - 3, part or "")
            bottoms.append(self.para(x + index * third, cy, third - 3, caption, self.label))
        return min(bottoms)

    def relationship(self, x, top, width, owner, number) -> float:
        rel = owner.relationship if owner else None
        y = self.para(x, top, width, f"{number}. Relationship of Reporting Person(s) to Issuer (Check all applicable)",
                      self.label, True)
        on = (lambda v: bool(v.value)) if rel else (lambda v: False)
        options = [(rel and on(rel.is_director), "Director", None), (rel and on(rel.is_ten_percent_owner), "10% Owner", None),
                   (rel and on(rel.is_officer), "Officer (give title below)", rel.officer_title if rel else None),
                   (rel and on(rel.is_other), "Other (specify below)", rel.other_text if rel else None)]
        for checked, label, below in options:
            y = self.checkbox(x, y - self.s.size - 1, bool(checked), label, width=width)
            if below:
                y = self.para(x + 12, y, width - 12, below)
        return y

    def dated(self, x, top, width, label, value) -> float:
        y = self.para(x, top, width, label, self.label, True)
        text = fmt_date(value.value) or (value.raw or "")
        return self.para(x, y - 2, width, text, notes=list(value.footnotes)) if (text or value.footnotes) else y - 10

    def header(self):
        f = self.f
        owner = f.reporting_owners[0] if f.reporting_owners else None
        top = self.y
        widths = (self.width * 0.36, self.width * 0.30, self.width * 0.34)
        xs = (self.m, self.m + widths[0], self.m + widths[0] + widths[1])
        pad = 3
        bottoms = [self.owner_block(xs[0] + pad, top - pad, widths[0] - 2 * pad, owner) - pad]
        boxes_b = []
        issuer = f"{f.issuer.name or ''} [{f.issuer.trading_symbol or ''}]"
        date_label = {"3": "2. Date of Event Requiring Statement (Month/Day/Year)",
                      "4": "3. Date of Earliest Transaction (Month/Day/Year)",
                      "5": "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"}[self.form]
        issuer_label = ("3." if self.form == "3" else "2.") + " Issuer Name and Ticker or Trading Symbol"
        amend_label = ("5." if self.form == "3" else "4.") + " If Amendment, Date of Original Filed (Month/Day/Year)"
        x, w = xs[1] + pad, widths[1] - 2 * pad
        y = top
        order = ("date", "issuer", "amend") if self.form == "3" else ("issuer", "date", "amend")
        for kind in order:
            box_top = y
            if kind == "issuer":
                y = self.para(x, y - pad, w, issuer_label, self.label, True)
                y = self.para(x, y - 2, w, issuer) - pad
            elif kind == "date":
                y = self.dated(x, y - pad, w, date_label, f.period_of_report) - pad
            else:
                y = self.dated(x, y - pad, w, amend_label, f.date_of_original_submission) - pad
            boxes_b.append((box_top, y))
        bottoms.append(y)
        x, w = xs[2] + pad, widths[2] - 2 * pad
        rel_bottom = self.relationship(x, top - pad, w, owner, "4" if self.form == "3" else "5") - pad
        joint = len(f.reporting_owners) > 1 or bool(f.joint_filing.value)
        y = self.para(x, rel_bottom - pad, w, "6. Individual or Joint/Group Filing (Check Applicable Line)",
                      self.label, True)
        y = self.checkbox(x, y - self.s.size - 1, not joint, "Form filed by One Reporting Person", width=w)
        y = self.checkbox(x, y - self.s.size - 1, joint, "Form filed by More than One Reporting Person", width=w) - pad
        bottoms.append(y)
        bottom = min(bottoms)
        self.rect(xs[0], top, widths[0], top - bottom)
        for index, (box_top, box_bottom) in enumerate(boxes_b):
            last = index == len(boxes_b) - 1
            self.rect(xs[1], box_top, widths[1], box_top - (bottom if last else box_bottom))
        self.rect(xs[2], top, widths[2], top - rel_bottom)
        self.rect(xs[2], rel_bottom, widths[2], rel_bottom - bottom)
        if self.s.rules == "rows":
            self.hline(self.m, self.m + self.width, bottom)
        self.y = bottom - 10

    # -- tables ------------------------------------------------------------------------------------
    def _columns(self, columns):
        """[(number, label, x, w, [(sub, x, w, key)])] with widths scaled to the page."""
        weights = [(n, label, [(sub, w or 120, key) for sub, w, key in subs]) for n, label, subs in columns]
        total = sum(w for *_, subs in weights for _, w, _ in subs)
        scale = self.width / total
        # labels shrink with the columns (a template's header font is chosen so that words fit)
        self.head_size = max(4.0, min(self.label, self.label * scale * 1.3))
        x = self.m
        out = []
        for number, label, subs in weights:
            placed = []
            for sub, w, key in subs:
                placed.append((sub, x, w * scale, key))
                x += w * scale
            out.append((number, label, placed[0][1], sum(p[2] for p in placed), placed))
        return out

    def table_head(self, title, layout) -> None:
        lines = title.split(" (e.g.")
        heading = [lines[0]] + ([f"(e.g.{lines[1]}"] if len(lines) > 1 else [])
        height = 0
        for part in heading:
            height += len(self.lines(part, self.width, self.s.size, True)) * self.s.size * 1.22
        self.need(height + 60)
        y = self.y
        for part in heading:
            y = self.para(self.m, y, self.width, part, self.s.size, True)
        top = y - 2
        pad = 1.5
        size = self.head_size
        label_bottom = min(self.para(x + pad, top - pad, w - 2 * pad, f"{n} {label}", size)
                           for n, label, x, w, _ in layout) - pad
        bottom = label_bottom
        if any(sub for *_, placed in layout for sub, *_ in placed):
            bottom = min([label_bottom] + [self.para(sx + pad, label_bottom - pad, sw - 2 * pad, sub, size)
                                           for *_, placed in layout for sub, sx, sw, _ in placed if sub]) - pad
        for n, label, x, w, placed in layout:
            self.rect(x, top, w, top - bottom)
            if len(placed) > 1:
                for sub, sx, sw, _ in placed:
                    self.rect(sx, label_bottom, sw, label_bottom - bottom)
        self.hline(self.m, self.m + self.width, bottom)
        self.y = bottom

    def table(self, title, columns, rows) -> None:
        layout = self._columns(columns)
        cells_layout = [p for *_, placed in layout for p in placed]
        self.table_head(title, layout)
        pad = 1.5
        for row, derivative in rows:
            cells = _cells(row, derivative)
            marker_room = 10 if self.s.marker == "cell" else 6
            height = max(len(self.lines(cells.get(key, ("", []))[0], w - 2 * pad - marker_room) or [""])
                         for _, _, w, key in cells_layout) * self.s.size * 1.22 + 2 * pad + 1
            if self.need(height):
                self.table_head(title + " (continued)", layout)
            top = self.y
            for _, x, w, key in cells_layout:
                text, notes = cells.get(key, ("", []))
                parts = self.lines(text, w - 2 * pad - marker_room) or [""]
                y = top - pad
                for index, part in enumerate(parts):
                    y -= self.s.size * 1.22
                    end = self.text(x + pad, y + self.s.size * 0.22, part)
                    if index == len(parts) - 1 and notes:
                        self.markers(end if part else x + pad, y + self.s.size * 0.22, notes, self.s.size)
                self.rect(x, top, w, height)
            self.hline(self.m, self.m + self.width, top - height)
            self.y = top - height
        self.y -= 10

    # -- the rest ----------------------------------------------------------------------------------
    def explanations(self) -> None:
        f = self.f
        self.need(30)
        self.y = self.para(self.m, self.y, self.width, "Explanation of Responses:", self.s.size, True) - 2
        for note in f.footnotes:
            number = marker_text(note.id)
            number = f"({number})" if self.s.note_number == "(1)" else f"{number}."
            parts = self.lines(note.text, self.width - 18)
            for index, part in enumerate(parts or [""]):
                self.need(self.s.size * 1.3)
                self.y -= self.s.size * 1.25
                if index == 0:
                    self.text(self.m, self.y, number)
                self.text(self.m + 18, self.y, part)
        if f.remarks:
            self.need(30)
            self.y = self.para(self.m, self.y - 6, self.width, "Remarks:", self.s.size, True)
            for part in self.lines(f.remarks, self.width - 18):
                self.need(self.s.size * 1.3)
                self.y -= self.s.size * 1.25
                self.text(self.m + 18, self.y, part)
        self.y -= 10

    def signatures(self) -> None:
        x_name, x_date = self.m + self.width * 0.45, self.m + self.width * 0.8
        for signature in self.f.signatures:
            date = signature.date
            parts = self.lines(signature.name, x_date - x_name - 10)
            self.need(len(parts) * self.s.size * 1.25 + 20)
            y = self.y
            for part in parts:
                y -= self.s.size * 1.25
                self.text(x_name, y, part)
            self.text(x_date, y, fmt_date(date.value) or (date.raw or ""))
            if date.footnotes:
                self.markers(x_date + pdfmetrics.stringWidth(fmt_date(date.value) or (date.raw or ""), self.regular,
                                                             self.s.size), y, list(date.footnotes), self.s.size)
            y -= 3
            self.pdf.setLineWidth(0.5)
            self.pdf.line(x_name, y, x_date - 10, y)
            self.pdf.line(x_date, y, self.m + self.width, y)
            y -= self.label * 1.3
            self.text(x_name, y, "** Signature of Reporting Person", self.label)
            self.text(x_date, y, "Date", self.label)
            self.y = y - 8
        self.need(20)
        self.y = self.para(self.m, self.y - 4, self.width, "Reminder: Report on a separate line for each class of "
                           "securities beneficially owned directly or indirectly.", self.label)

    def more_owners(self) -> None:
        owners = self.f.reporting_owners[1:]
        if not owners:
            return
        self.y -= 10
        half = self.width / 2
        for owner in owners:
            self.need(110)
            top = self.y
            left = self.owner_block(self.m + 3, top - 3, half - 6, owner)
            right = self.relationship(self.m + half + 3, top - 3, half - 6, owner, "5" if self.form != "3" else "4")
            bottom = min(left, right) - 3
            self.rect(self.m, top, half, top - bottom)
            self.rect(self.m + half, top, half, top - bottom)
            self.hline(self.m, self.m + self.width, bottom)
            self.y = bottom - 6


def render_firm(filing, style: FirmStyle | str = "letter-times-grid") -> bytes:
    """The PDF bytes of the filing drawn by the firm template in the given style."""
    if isinstance(style, str):
        style = FIRM_STYLES[style]
    return _Firm(filing, style).render()
