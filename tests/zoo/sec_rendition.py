"""A replica of the SEC's HTML rendition of an ownership filing (EDGAR's xslF345 stylesheets).

    html = render_html(filing)   # a Filing read from the ownership XML

What anyone gets by opening a Form 3, 4 or 5 on EDGAR is this page, and what counsel get by saving
it as PDF is this page printed by a browser. The structure follows the real renditions: the title
table with the OMB box and the top checkboxes, one bordered table for boxes 1-6 (Form 3 numbers its
boxes differently), Table I and Table II as bordered tables with a two-line header, values in blue
spans with white backgrounds, footnote markers as ``<sup>(1)</sup>``, "Explanation of Responses:",
"Remarks:", the signature table and the form's closing notes. Reporting owners after the first get
a name-and-address block with their relationship below Table II, as the rendition prints joint
filings.

Written from the printed renditions' structure, not from the stylesheets themselves.
"""

from __future__ import annotations

from html import escape

from render_pdf import _cells, fmt_date, marker_text

_STYLE = """
.FormData {color: blue; background-color: white; font-size: small; font-family: Times, serif;}
.SmallFormData {color: blue; background-color: white; font-size: x-small; font-family: Times, serif;}
.FootnoteData {color: green; background-color: white; font-size: x-small; font-family: Times, serif;}
.FormText {font-size: small; font-weight: normal; font-family: arial, helvetica, sans-serif; text-align: left;}
.FormTextC {font-size: small; font-weight: normal; font-family: arial, helvetica, sans-serif; text-align: center;}
.SmallFormText {font-size: xx-small; font-family: arial, helvetica, sans-serif; text-align: left;}
.SmallFormTextR {font-size: xx-small; font-family: arial, helvetica, sans-serif; text-align: right;}
.MedSmallFormText {font-size: x-small; font-family: arial, helvetica, sans-serif; text-align: left;}
.FormTitle {font-size: medium; font-family: arial, helvetica, sans-serif; font-weight: bold;}
.FormName {font-size: large; font-family: arial, helvetica, sans-serif; font-weight: bold;}
body {background: white;}
"""

_STATEMENT = {
    "3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
    "4": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
}
_OMB = {"3": ("3235-0104", "0.5"), "4": ("3235-0287", "0.5"), "5": ("3235-0362", "1.0")}
_INSTRUCTION_OWNERS = {"3": "5", "4": "4", "5": "4"}


def _e(text) -> str:
    return escape(str(text)) if text else ""


def _marks(notes) -> str:
    return "".join(f'<span class="FootnoteData"><sup>({_e(marker_text(n))})</sup></span>' for n in notes)


def _data(cell, css="FormData", dollar=False) -> str:
    """A cell's value as the rendition prints it: a blue span, '$' before prices, then markers."""
    text, notes = cell
    if not text and not notes:
        return ""
    out = ""
    if text:
        if dollar and text.startswith("$"):
            out += f'<span class="{"SmallFormText" if css == "SmallFormData" else "FormText"}">$</span>'
            text = text[1:]
        out += f'<span class="{css}">{_e(text)}</span>'
    else:
        out += f'<span class="{css}">\n\n            </span>'
    return out + _marks(notes)


def _td(content, align="center") -> str:
    return f'<td align="{align}">{content}</td>\n'


def _box(checked: bool) -> str:
    inner = "X" if checked else "&nbsp;&nbsp;"
    return f'<td><table width="100%" border="1" cellpadding="0" cellspacing="0"><tr><td>{inner}</td></tr></table></td>\n'


def _mark(checked: bool, width=None) -> str:
    w = f' width="{width}"' if width else ""
    x = '<span class="FormData">X</span>' if checked else ""
    return f'<td{w} align="center">{x}</td>\n'


class _Rendition:
    def __init__(self, filing):
        self.f = filing
        self.form = filing.base_form or "4"
        self.doc_type = filing.document_type or self.form
        self.out: list[str] = []

    def w(self, *parts) -> None:
        self.out.extend(parts)

    def html(self) -> str:
        self.w('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n',
               "<html>\n<head>\n", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n',
               f"<title>SEC FORM \n            {_e(self.form)}</title>\n",
               f'<style type="text/css">{_STYLE}</style>\n</head>\n', f"<body>SEC Form {_e(self.form)} \n")
        self.title()
        self.header_boxes()
        self.table_one()
        self.table_two()
        self.more_owners()
        self.explanations()
        self.signatures()
        self.w("</body>\n</html>\n")
        return "".join(self.out)

    # -- title block and the checkboxes above box 1 -----------------------------------------------
    def title(self):
        f, form = self.f, self.form
        checks = []
        if form in ("4", "5"):
            checks.append((bool(f.not_subject_to_section16.value),
                           "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may "
                           "continue. \n         <i>See</i>\n\n         Instruction 1(b)."))
        if form == "4":
            checks.append((bool(f.aff10b5_one.value),
                           "Check this box to indicate that a transaction was made pursuant to a contract, "
                           "instruction or written plan for the purchase or sale of equity securities of the issuer "
                           "that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). "
                           "See Instruction 10. "))
        if form == "5":
            checks.append((bool(f.form3_holdings_reported.value), "Form 3 Holdings Reported."))
            checks.append((bool(f.form4_transactions_reported.value), "Form 4 Transactions Reported."))
        span = 1 + len(checks)
        omb, burden = _OMB[form]
        self.w('<table width="100%" border="0" cellspacing="0" cellpadding="4">\n<tr>\n',
               f'<td width="20%" colspan="2" valign="top" align="center" class="FormName">FORM {_e(self.form)}</td>\n',
               f'<td rowspan="{span}" width="60%" valign="middle" align="center">\n',
               '<span class="FormTitle">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</span><br>'
               '<span class="MedSmallFormText">Washington, D.C. 20549</span><br><br>',
               f'<span class="FormTitle">{_STATEMENT[form]}</span><br><br>',
               '<span class="MedSmallFormText">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934'
               '</span><br><span class="MedSmallFormText">or Section 30(h) of the Investment Company Act of 1940'
               '</span>\n</td>\n',
               f'<td rowspan="{span}" width="20%" valign="top" align="center">'
               '<table width="100%" border="1" summary="OMB Approval Status Box">\n'
               '<tr><td class="FormTextC">OMB APPROVAL</td></tr>\n'
               '<tr><td><table width="100%" border="0" summary="OMB Interior Box">\n'
               f'<tr>\n<td class="SmallFormText" colspan="3">OMB Number:</td>\n<td class="SmallFormTextR">{omb}</td>\n</tr>\n'
               '<tr><td class="SmallFormText" colspan="4">Estimated average burden</td></tr>\n'
               f'<tr>\n<td class="SmallFormText" colspan="3">hours per response:</td>\n'
               f'<td class="SmallFormTextR">{burden}</td>\n</tr>\n</table></td></tr>\n</table></td>\n</tr>\n')
        for checked, caption in checks:
            self.w('<tr valign="middle">\n', _box(checked), f'<td class="SmallFormText">{caption}</td>\n</tr>\n')
        self.w("</table>\n")

    # -- boxes 1 to 6 ------------------------------------------------------------------------------
    def owner_name_address(self, owner) -> str:
        a = owner.address
        streets = "".join(f'<tr><td><span class="FormData">{_e(s)}</span></td></tr>\n' for s in (a.street1, a.street2) if s)
        return (
            '<span class="MedSmallFormText">1. Name and Address of Reporting Person<sup>*</sup></span>'
            f'<table border="0" width="100%"><tr><td><a href="#">{_e(owner.name)}</a></td></tr></table>\n'
            '<hr width="98%">\n<table border="0" width="100%"><tr>\n'
            '<td width="33%" class="MedSmallFormText">(Last)</td>\n<td width="33%" class="MedSmallFormText">(First)</td>\n'
            '<td width="33%" class="MedSmallFormText">(Middle)</td>\n</tr></table>\n'
            f'<table border="0" width="100%">\n{streets}</table>\n<hr width="98%">\n'
            '<span class="MedSmallFormText">(Street)</span><table border="0" width="100%"><tr>\n'
            + "".join(f'<td width="33%"><span class="FormData">{_e(p)}</span></td>\n' for p in (a.city, a.state, a.zip_code))
            + '</tr></table>\n<hr width="98%">\n<table border="0" width="100%"><tr>\n'
            '<td width="33%" class="MedSmallFormText">(City)</td>\n<td width="33%" class="MedSmallFormText">(State)</td>\n'
            '<td width="33%" class="MedSmallFormText">(Zip)</td>\n</tr></table>\n')

    def relationship(self, owner, number: str) -> str:
        rel = owner.relationship if owner else None
        on = (lambda v: bool(v.value)) if rel else (lambda v: False)
        return (
            f'<span class="MedSmallFormText">{number}. Relationship of Reporting Person(s) to Issuer\n      </span><br>'
            '<span class="MedSmallFormText">(Check all applicable)</span><table border="0" width="100%">\n<tr>\n'
            + _mark(rel is not None and on(rel.is_director), "15%")
            + '<td width="35%" class="MedSmallFormText">Director</td>\n'
            + _mark(rel is not None and on(rel.is_ten_percent_owner), "15%")
            + '<td width="35%" class="MedSmallFormText">10% Owner</td>\n</tr>\n<tr>\n'
            + _mark(rel is not None and on(rel.is_officer))
            + '<td class="MedSmallFormText">Officer (give title below)</td>\n'
            + _mark(rel is not None and on(rel.is_other))
            + '<td class="MedSmallFormText">Other (specify below)</td>\n</tr>\n<tr>\n'
            '<td width="15%" align="center"></td>\n'
            f'<td width="35%" align="left" style="color: blue">{_e(rel.officer_title if rel else "")}</td>\n'
            '<td width="15%" align="center"></td>\n'
            f'<td width="35%" align="left" style="color: blue">{_e(rel.other_text if rel else "")}</td>\n'
            "</tr>\n</table>\n")

    def issuer(self, number: str) -> str:
        i = self.f.issuer
        return (f'<span class="MedSmallFormText">{number}. Issuer Name <b>and</b> Ticker or Trading Symbol\n      '
                f'</span><br><a href="#">{_e(i.name)}</a>\n     [ <span class="FormData">{_e(i.trading_symbol)}</span> ]\n   ')

    def dated(self, number: str, label: str, value) -> str:
        text = fmt_date(value.value) or (value.raw or "")
        body = _data((text, list(value.footnotes))) if (text or value.footnotes) else ""
        return (f'<span class="MedSmallFormText">{number}. {label}\n         (Month/Day/Year)</span><br>{body}\n')

    def joint(self) -> str:
        joint = len(self.f.reporting_owners) > 1 or bool(self.f.joint_filing.value)
        return ('<span class="MedSmallFormText">6. Individual or Joint/Group Filing (Check Applicable Line)\n      '
                '</span><table border="0" width="100%">\n<tr>\n' + _mark(not joint, "15%")
                + '<td width="85%" class="MedSmallFormText">Form filed by One Reporting Person</td>\n</tr>\n<tr>\n'
                + _mark(joint, "15%")
                + '<td width="85%" class="MedSmallFormText">Form filed by More than One Reporting Person</td>\n</tr>\n</table>\n')

    def header_boxes(self):
        f = self.f
        owner = f.reporting_owners[0] if f.reporting_owners else None
        first = self.owner_name_address(owner) if owner else ""
        original = f.date_of_original_submission
        self.w('<table width="100%" border="1" cellspacing="0" cellpadding="4">\n')
        if self.form == "3":
            self.w('<tr>\n<td rowspan="3" width="30%" valign="top">\n', first, "</td>\n",
                   '<td rowspan="3" width="15%" valign="top">\n',
                   self.dated("2", "Date of Event Requiring Statement", f.period_of_report), "</td>\n",
                   '<td valign="top" colspan="2">\n', self.issuer("3"), "</td>\n</tr>\n",
                   '<tr>\n<td rowspan="2" width="30%" valign="top">\n', self.relationship(owner, "4"), "</td>\n",
                   '<td valign="top">\n', self.dated("5", "If Amendment, Date of Original Filed", original),
                   "</td>\n</tr>\n", '<tr><td valign="top">\n', self.joint(), "</td></tr>\n</table>\n")
            return
        label = ("Date of Earliest Transaction" if self.form == "4"
                 else "Statement for Issuer's Fiscal Year Ended")
        self.w('<tr>\n<td rowspan="3" width="35%" valign="top">\n', first, "</td>\n",
               '<td width="35%" valign="top">\n', self.issuer("2"), "</td>\n",
               '<td rowspan="2" valign="top">\n', self.relationship(owner, "5"), "</td>\n</tr>\n",
               '<tr><td valign="top">\n', self.dated("3", label, f.period_of_report), "</td></tr>\n",
               '<tr>\n<td valign="top">\n', self.dated("4", "If Amendment, Date of Original Filed", original),
               "</td>\n", '<td valign="top">\n', self.joint(), "</td>\n</tr>\n</table>\n")

    # -- the tables --------------------------------------------------------------------------------
    def _head(self, title: str, span: int, columns, subs, second_line=False) -> None:
        """columns: [(width, rowspan/colspan spec, label)], subs: [(width, label)]."""
        title_html = f"<b>{title}</b>"
        if second_line:
            title_html = f"\n{title_html}<br><b>(e.g., puts, calls, warrants, options, convertible securities)</b>\n"
        self.w('<table width="100%" border="1" cellspacing="0" cellpadding="4">\n<thead>\n',
               f'<tr><th width="100%" valign="top" colspan="{span}" align="center" class="FormTextC">{title_html}</th></tr>\n<tr>\n')
        css = "MedSmallFormText" if self.form == "3" else "SmallFormText"
        for width, spec, label in columns:
            self.w(f'<th width="{width}%" valign="top" {spec} align="left" class="{css}">{label}</th>\n')
        self.w("</tr>\n")
        if subs:
            self.w("<tr>\n")
            for width, label in subs:
                self.w(f'<th width="{width}%" valign="bottom" align="center" class="{css}">{label}</th>\n')
            self.w("</tr>\n")
        self.w("</thead>\n")

    def _body(self, rows, keys, derivative: bool) -> None:
        if not rows:
            self.w("</table>\n")
            return
        self.w("<tbody>\n")
        small = {"date", "deemed", "exercisable", "expiration"} if not derivative else {
            "title", "exercise_price", "date", "deemed", "code", "acquired", "disposed", "exercisable",
            "expiration", "price", "following", "di"}
        for row in rows:
            cells = _cells(row, derivative)
            self.w("<tr>\n")
            for key in keys:
                cell = cells.get(key, ("", []))
                if key == "title":
                    self.w(_td(_data(cell, "SmallFormData" if derivative and self.form != "3" else "FormData"), "left"))
                elif key == "nature":
                    self.w(_td(_data(cell), "left"))
                else:
                    css = "SmallFormData" if key in small and self.form != "3" else "FormData"
                    self.w(_td(_data(cell, css, dollar=key in ("price", "exercise_price"))))
            self.w("</tr>\n")
        self.w("</tbody>\n</table>\n")

    def table_one(self):
        f, form = self.f, self.form
        if form == "3":
            self._head("Table I - Non-Derivative Securities Beneficially Owned", 4, [
                (44, "", "1. Title of Security (Instr. \n      4)\n   "),
                (19, "", "2. \n      Amount of Securities Beneficially Owned (Instr. \n      4)\n   "),
                (11, "", "3. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      5)\n   "),
                (26, "", "4. Nature of Indirect Beneficial Ownership (Instr. \n      5)\n   ")], [])
            self._body(f.non_derivative_holdings, ["title", "following", "di", "nature"], False)
            return
        rows = list(f.non_derivative_transactions) + list(f.non_derivative_holdings)
        owned = ("Amount of Securities Beneficially Owned Following Reported Transaction(s)" if form == "4"
                 else "Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year")
        code = ('colspan="2"', "3. Transaction Code (Instr. \n      8)\n   ") if form == "4" else \
            ('rowspan="2"', "3. Transaction Code (Instr. \n      8)\n   ")
        columns = [
            (36 if form == "4" else 28, 'rowspan="2"', "1. Title of Security (Instr. \n      3)\n   "),
            (6, 'rowspan="2"', "2. Transaction Date\n      (Month/Day/Year)"),
            (5, 'rowspan="2"', "2A. Deemed Execution Date, if any\n      (Month/Day/Year)"),
            (7, *code),
            (19, 'colspan="3"', "4. Securities Acquired (A) or Disposed Of (D) (Instr. \n      3, 4 and 5)\n   "),
            (11, 'rowspan="2"', f"5. \n      {owned} (Instr. \n      3 and 4)\n   "),
            (9, 'rowspan="2"', "6. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      4)\n   "),
            (8, 'rowspan="2"', "7. Nature of Indirect Beneficial Ownership (Instr. \n      4)\n   "),
        ]
        subs = ([(4, "Code"), (3, "V")] if form == "4" else []) + [(8, "Amount"), (5, "(A) or (D)"), (6, "Price")]
        self._head("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                   11 if form == "4" else 10, columns, subs)
        keys = ["title", "date", "deemed", "code"] + (["v"] if form == "4" else []) + [
            "shares", "ad", "price", "following", "di", "nature"]
        self._body(rows, keys, False)

    def table_two(self):
        f, form = self.f, self.form
        if form == "3":
            self._head("Table II - Derivative Securities Beneficially Owned", 8, [
                (35, 'rowspan="2"', "1. Title of Derivative Security (Instr. \n      4)\n   "),
                (9, 'colspan="2"', "2. Date Exercisable and Expiration Date\n      (Month/Day/Year)"),
                (26, 'colspan="2"', "3. Title and Amount of Securities Underlying Derivative Security (Instr. \n      4)\n   "),
                (7, 'rowspan="2"', "4. Conversion or Exercise Price of Derivative Security\n   "),
                (8, 'rowspan="2"', "5. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      5)\n   "),
                (15, 'rowspan="2"', "6. Nature of Indirect Beneficial Ownership (Instr. \n      5)\n   ")],
                [(4, "Date Exercisable"), (5, "Expiration Date"), (20, "Title"), (6, "Amount or Number of Shares")],
                second_line=True)
            self._body(f.derivative_holdings, ["title", "exercisable", "expiration", "under_title", "under_shares",
                                               "exercise_price", "di", "nature"], True)
            return
        rows = list(f.derivative_transactions) + list(f.derivative_holdings)
        code = ('colspan="2"' if form == "4" else 'rowspan="2"')
        columns = [
            (13, 'rowspan="2"', "1. Title of Derivative Security (Instr. \n      3)\n   "),
            (5, 'rowspan="2"', "2. Conversion or Exercise Price of Derivative Security\n   "),
            (5, 'rowspan="2"', "3. Transaction Date\n      (Month/Day/Year)"),
            (5, 'rowspan="2"', "3A. Deemed Execution Date, if any\n      (Month/Day/Year)"),
            (9, code, "4. Transaction Code (Instr. \n      8)\n   "),
            (10, 'colspan="2"', "5. \n      Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. \n"
                                "      3, 4 and 5)\n   "),
            (9, 'colspan="2"', "6. Date Exercisable and Expiration Date \n      (Month/Day/Year)"),
            (17, 'colspan="2"', "7. Title and Amount of Securities Underlying Derivative Security (Instr. \n"
                                "      3 and 4)\n   "),
            (6, 'rowspan="2"', "8. Price of Derivative Security (Instr. \n      5)\n   "),
            (6, 'rowspan="2"', "9. \n      Number of derivative Securities Beneficially Owned Following Reported "
                               "Transaction(s) (Instr. \n      4)\n   "),
            (6, 'rowspan="2"', "10. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      4)\n   "),
            (7, 'rowspan="2"', "11. Nature of Indirect Beneficial Ownership (Instr. \n      4)\n   "),
        ]
        subs = ([(4, "Code"), (4, "V")] if form == "4" else []) + [
            (5, "(A)"), (5, "(D)"), (5, "Date Exercisable"), (4, "Expiration Date"), (10, "Title"),
            (7, "Amount or Number of Shares")]
        self._head("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
                   16 if form == "4" else 15, columns, subs, second_line=True)
        keys = ["title", "exercise_price", "date", "deemed", "code"] + (["v"] if form == "4" else []) + [
            "acquired", "disposed", "exercisable", "expiration", "under_title", "under_shares", "price",
            "following", "di", "nature"]
        self._body(rows, keys, True)

    # -- joint filers, footnotes, remarks, signatures ------------------------------------------------
    def more_owners(self):
        for owner in self.f.reporting_owners[1:]:
            self.w('<table width="100%" border="1" cellspacing="0" cellpadding="4">\n<tr>\n',
                   '<td width="50%" valign="top">\n', self.owner_name_address(owner), "</td>\n",
                   '<td width="50%" valign="top">\n', self.relationship(owner, "1"), "</td>\n</tr>\n</table>\n")

    def explanations(self):
        f = self.f
        self.w('<table border="0" width="100%">\n',
               '<tr><td class="MedSmallFormText"><b>Explanation of Responses:</b></td></tr>\n')
        for note in f.footnotes:
            self.w(f'<tr><td class="FootnoteData">{_e(marker_text(note.id))}. {_e(note.text)}</td></tr>\n')
        if f.remarks is not None:
            self.w('<tr><td class="FormText"><b>Remarks:</b></td></tr>\n',
                   f'<tr><td class="FootnoteData">{_e(f.remarks)}</td></tr>\n')
        self.w("</table>\n")

    def signatures(self):
        self.w('<table width="100%" border="0">\n')
        for signature in self.f.signatures:
            date = signature.date
            text = fmt_date(date.value) or (date.raw or "")
            self.w('<tr>\n<td width="60%"></td>\n',
                   f'<td width="20%"><u><span class="FormData">{_e(signature.name)}</span></u></td>\n',
                   f'<td width="20%"><u><span class="FormData">{_e(text)}</span>{_marks(date.footnotes)}</u></td>\n</tr>\n')
        number = _INSTRUCTION_OWNERS[self.form]
        self.w('<tr>\n<td></td>\n<td class="MedSmallFormText">** Signature of Reporting Person</td>\n'
               '<td class="MedSmallFormText">Date</td>\n</tr>\n',
               '<tr><td colspan="3" class="MedSmallFormText">Reminder: Report on a separate line for each class of '
               'securities beneficially owned directly or indirectly.</td></tr>\n',
               '<tr><td colspan="3" class="MedSmallFormText">* If the form is filed by more than one reporting person, '
               f'\n                  <i>see</i>\n\n                  Instruction \n                  {number}\n\n'
               '                  (b)(v).</td></tr>\n',
               '<tr><td colspan="3" class="MedSmallFormText">** Intentional misstatements or omissions of facts '
               'constitute Federal Criminal Violations \n                  <i>See</i>\n\n                  '
               '18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</td></tr>\n',
               '<tr><td colspan="3" class="MedSmallFormText">Note: File three copies of this Form, one of which must '
               'be manually signed. If space is insufficient, \n                  <i>see</i>\n\n                  '
               'Instruction 6 for procedure.</td></tr>\n',
               '<tr><td colspan="3" class="MedSmallFormText"><b>Persons who respond to the collection of information '
               'contained in this form are not required to respond unless the form displays a currently valid OMB '
               'Number.</b></td></tr>\n</table>\n')


def render_html(filing) -> str:
    """The SEC rendition's HTML page of a filing read from its ownership XML."""
    return _Rendition(filing).html()
