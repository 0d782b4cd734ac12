"""``--format html``: one self-contained page counsel can e-mail.

An overview (files, forms, issuers, owners, counts by severity) with every finding in a table that
sorts and filters; each filing laid out as the printed form (the boxes and columns of
:mod:`form16lint.show` and :mod:`form16lint.fieldnames`), each finding marked at its box or row
with its message and the rule's documentation a click away; and, per reporting person and
security, a chart of the amount owned after each transaction over time, drawn as inline SVG.

Everything is inline (styles, a small script, the charts); a Content-Security-Policy forbids the
page to load anything, so it opens the same offline as on a mail server. Severity is always given
in words and an icon as well as colour.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ICONS = {"error": "✖", "warning": "▲", "info": "ℹ"}
SERIES_STYLES = [("#1f4e9c", ""), ("#b34700", "7 4"), ("#2e6b30", "2 3"), ("#6a1b9a", "10 3 2 3"),
                 ("#8a6d00", "4 2"), ("#00626a", "12 4")]
BALANCE_CODES = ("B001", "X001")  # a running balance that does not follow
LATE_CODES = ("D005",)


def e(text) -> str:
    from html import escape  # imported when a page is written, not on every run

    return escape("" if text is None else str(text), quote=True)


# -- where a finding stands on the printed form ------------------------------------------------------
HEADER_AREAS = {  # the first part of a pointer -> the header area of the form that shows it
    "reportingOwners": "owner", "issuer": "issuer", "periodOfReport": "period",
    "dateOfOriginalSubmission": "original", "jointFiling": "joint", "footnotes": "footnotes",
    "remarks": "remarks", "signatures": "signatures",
}


TABLE_AREAS = {  # the model's row collections -> (printed table, holding rows)
    "nonDerivativeTransactions": ("table1", False), "nonDerivativeHoldings": ("table1", True),
    "derivativeTransactions": ("table2", False), "derivativeHoldings": ("table2", True),
}


def area_of(pointer: str) -> tuple[str, int | None, str | None]:
    """(area, row index, model field) a pointer belongs to. Areas: "owner", "relationship",
    "issuer", "period", "original", "joint", "footnotes", "remarks", "signatures", a row
    collection of :data:`TABLE_AREAS` (with the row's index), or "form" for the rest."""
    parts = pointer.split("/")[1:]
    if not parts or not parts[0]:
        return "form", None, None
    head = parts[0]
    if head == "reportingOwners":
        return ("relationship" if "relationship" in parts else "owner"), None, None
    if head in HEADER_AREAS:
        return HEADER_AREAS[head], None, None
    if head in TABLE_AREAS and len(parts) >= 2 and parts[1].isdigit():
        return head, int(parts[1]), (parts[2] if len(parts) > 2 else None)
    return "form", None, None


def column_key(field: str | None, row) -> str | None:
    """The printed column (a key of :func:`form16lint.show.printed_tables`) that shows a model field."""
    if field is None:
        return None
    if field in ("shares", "totalValue", "acquiredDisposed"):
        direction = (getattr(row, "acquired_disposed", None) and row.acquired_disposed.value or "").upper()
        if hasattr(row, "conversion_or_exercise_price") and hasattr(row, "transaction_date"):
            return "disposed" if direction == "D" else "acquired"
        return "shares" if field != "acquiredDisposed" else "acquired_disposed"
    snake = re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), field)
    return {"value_owned_following": "shares_owned_following", "underlying_value": "underlying_shares"}.get(snake, snake)


# -- the page ----------------------------------------------------------------------------------------
@dataclass
class Page:
    """The HTML page being written: its parts, and the anchors and documentation it links to."""

    result: object
    parts: list[str] = field(default_factory=list)
    ids: dict[int, str] = field(default_factory=dict)  # id(finding) -> its anchor
    docs: dict[str, str] = field(default_factory=dict)  # code -> documentation HTML

    def add(self, *chunks: str) -> None:
        self.parts.extend(chunks)


def build_html(result) -> str:
    from form16lint import __version__

    page = Page(result)
    findings = [f for f in result.findings if not f.suppressed]
    for number, finding in enumerate(findings, start=1):
        page.ids[id(finding)] = f"finding-{number}"
    rules = {rule.code: rule for rule in result.rules}
    page.docs = {code: _documentation(rules.get(code)) for code in {f.code for f in findings}}
    page.add("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
             "script-src 'unsafe-inline'; img-src data:\">\n",
             f"<meta name=\"generator\" content=\"form16lint {e(__version__)}\">\n",
             "<title>form16lint report</title>\n<style>", STYLE, "</style>\n</head>\n<body>\n",
             "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n",
             "<header><h1>form16lint report</h1>",
             f"<p>Section 16 filings checked by form16lint {e(result.version)}. Severity is shown by word and "
             f"icon: {ICONS['error']} error, {ICONS['warning']} warning, {ICONS['info']} info.</p></header>\n<main>\n")
    _overview(page, findings)
    _findings_table(page, findings)
    _filings(page, findings)
    _charts(page, findings)
    notes = list(result.notes)
    if notes:
        page.add("<section aria-labelledby=\"notes-h\"><h2 id=\"notes-h\">Notes on the run</h2><ul>",
                 *(f"<li>{e(note)}</li>" for note in notes), "</ul></section>\n")
    page.add("</main>\n<script>", SCRIPT, "</script>\n</body>\n</html>\n")
    return "".join(page.parts)


def _documentation(rule) -> str:
    if rule is None:
        return "<p>No documentation: the rule that reported this is not loaded.</p>"
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(rule.documentation() or "")
    body = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 3)}>", body)
    return f"<p><strong>{e(rule.summary())}</strong> Default severity {e(rule.severity)}; pack {e(rule.pack)}.</p>{body}"


def _severity(severity) -> str:
    name = str(severity)
    return f"<span class=\"sev sev-{name}\"><span aria-hidden=\"true\">{ICONS[name]}</span> {name}</span>"


def _overview(page: Page, findings) -> None:
    result = page.result
    documents = result.documents
    filings = [d.filing for d in documents if d.filing is not None]
    forms = Counter(f.document_type or "?" for f in filings)
    issuers = sorted({f"{f.issuer.name or '?'}" + (f" [{f.issuer.trading_symbol}]" if f.issuer.trading_symbol else "")
                      for f in filings})
    owners = sorted({owner.name or owner.cik or "?" for f in filings for owner in f.reporting_owners})
    counts = result.counts()
    suppressed = sum(1 for f in result.findings if f.suppressed)
    page.add("<section id=\"overview\" aria-labelledby=\"overview-h\"><h2 id=\"overview-h\">Overview</h2>\n",
             "<dl class=\"facts\">",
             f"<dt>Files</dt><dd>{len(documents)} ({len(documents) - len(filings)} unreadable)</dd>",
             "<dt>Forms</dt><dd>" + (", ".join(f"{count} × Form {e(form)}" for form, count in sorted(forms.items()))
                                     or "none") + "</dd>",
             f"<dt>Issuers</dt><dd>{e('; '.join(issuers)) or 'none'}</dd>",
             f"<dt>Reporting persons</dt><dd>{e('; '.join(owners)) or 'none'}</dd>",
             "</dl>\n<table class=\"counts\"><caption>Findings by severity</caption>"
             "<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Findings</th></tr></thead><tbody>")
    for name in ("error", "warning", "info"):
        page.add(f"<tr><th scope=\"row\">{_severity(name)}</th><td>{counts[name]}</td></tr>")
    page.add(f"</tbody></table>\n<p>{len(findings)} finding{'s' if len(findings) != 1 else ''} in "
             f"{len(documents)} file{'s' if len(documents) != 1 else ''}"
             + (f"; {suppressed} suppressed with a reason (not shown)" if suppressed else "") + ".</p></section>\n")


def _where(finding, form) -> str:
    from form16lint.fieldnames import describe

    if finding.page is not None:
        place = f"page {finding.page}" + (f", {finding.box}" if finding.box else "")
    elif finding.line is not None:
        place = f"line {finding.line}" + (f":{finding.column}" if finding.column else "")
    else:
        place = ""
    words = describe(finding.pointer, form) if finding.pointer else ""
    return " — ".join(part for part in (place, words) if part)


def _findings_table(page: Page, findings) -> None:
    forms = {d.path: (d.filing.document_type if d.filing else None) for d in page.result.documents}
    anchors = {d.path: f"filing-{n}" for n, d in enumerate(page.result.documents, start=1)}
    page.add("<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings</h2>\n")
    if not findings:
        page.add("<p>No findings.</p></section>\n")
        return
    codes = sorted({f.code for f in findings})
    paths = sorted({f.path for f in findings})
    page.add("<form class=\"filters\" role=\"search\" aria-label=\"Filter the findings\">",
             "<label>Severity <select id=\"filter-severity\"><option value=\"\">all</option>",
             *(f"<option value=\"{s}\">{s}</option>" for s in ("error", "warning", "info")),
             "</select></label> <label>Code <select id=\"filter-code\"><option value=\"\">all</option>",
             *(f"<option value=\"{e(code)}\">{e(code)}</option>" for code in codes),
             "</select></label> <label>File <select id=\"filter-file\"><option value=\"\">all</option>",
             *(f"<option value=\"{e(path)}\">{e(path)}</option>" for path in paths),
             "</select></label> <label>Text <input id=\"filter-text\" type=\"search\"></label></form>\n",
             "<p id=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n",
             "<table id=\"findings-table\" class=\"findings\"><caption>Every finding; choose a column heading "
             "to sort by it</caption><thead><tr>")
    for index, heading in enumerate(("Severity", "Code", "File", "Where", "Message")):
        page.add(f"<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-column=\"{index}\">"
                 f"{heading}</button></th>")
    page.add("</tr></thead><tbody>")
    for finding in findings:
        severity = str(finding.severity)
        page.add(f"<tr data-severity=\"{severity}\" data-code=\"{e(finding.code)}\" data-file=\"{e(finding.path)}\">",
                 f"<td data-sort=\"{4 - int(finding.severity)}\">{_severity(severity)}</td>",
                 f"<td><a href=\"#{page.ids[id(finding)]}\">{e(finding.code)}</a></td>",
                 f"<td><a href=\"#{anchors.get(finding.path, '')}\">{e(finding.path)}</a></td>",
                 f"<td>{e(_where(finding, forms.get(finding.path)))}</td>",
                 f"<td>{e(finding.message)}</td></tr>\n")
    page.add("</tbody></table></section>\n")


# -- each filing as the printed form -----------------------------------------------------------------
def _flags(page: Page, items) -> str:
    """Badges linking to findings, for the box or cell they are about."""
    return "".join(
        f" <a class=\"flag sev-{finding.severity}\" href=\"#{page.ids[id(finding)]}\" "
        f"title=\"{e(str(finding.severity) + ' ' + finding.code + ': ' + finding.message)}\">"
        f"<span aria-hidden=\"true\">{ICONS[str(finding.severity)]}</span>"
        f"<span class=\"visually-hidden\">{finding.severity}</span> {e(finding.code)}</a>"
        for finding in items)


def _filings(page: Page, findings) -> None:
    by_path: dict[str, list] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    page.add("<section id=\"filings\" aria-labelledby=\"filings-h\"><h2 id=\"filings-h\">Filings as read</h2>\n")
    for number, document in enumerate(page.result.documents, start=1):
        _filing(page, document, by_path.get(document.path, []), f"filing-{number}")
    page.add("</section>\n")


def _filing(page: Page, document, findings, anchor: str) -> None:
    from form16lint.fieldnames import BOX_NUMBERS
    from form16lint.show import BOX3, TITLES, cell_text, markers, plain, printed_tables

    filing = document.filing
    page.add(f"<article class=\"filing\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\">",
             f"<h3 id=\"{anchor}-h\">{e(document.path)}</h3>",
             f"<p class=\"read-as\">read as {e(document.format)}</p>")
    if filing is None:
        page.add("<p>This file could not be read as a filing.</p>")
        _finding_list(page, document, findings)
        page.add("</article>\n")
        return
    areas: dict[str, list] = {}
    cells: dict[tuple[str, int], dict[str | None, list]] = {}
    for finding in findings:
        area, row, key = area_of(finding.pointer)
        if row is not None:
            cells.setdefault((area, row), {}).setdefault(key, []).append(finding)
        else:
            areas.setdefault(area, []).append(finding)
    base = filing.base_form or "4"
    numbers = BOX_NUMBERS.get(base, BOX_NUMBERS["4"])

    def box(number, heading, body, area):
        flagged = areas.get(area, [])
        cls = " flagged" if flagged else ""
        numbered = f"{number}. " if number is not None else ""
        return (f"<section class=\"box{cls}\"><h4>{numbered}{e(heading)}</h4><div>{body}</div>"
                f"{_flags(page, flagged)}</section>")

    def value(item) -> str:
        if item is None:
            return ""
        text = plain(item.value) if item.value is not None else (item.raw or "")
        note = markers(item.footnotes)
        return e(text) + (f" <sup>{e(note)}</sup>" if note else "")

    def check(flag, label) -> str:
        mark = "☒" if flag else "☐"
        return f"<li><span aria-hidden=\"true\">{mark}</span> {e(label)}<span class=\"visually-hidden\">: " \
               f"{'checked' if flag else 'not checked'}</span></li>"

    form = filing.document_type or "?"
    page.add(f"<div class=\"form-title\"><strong>FORM {e(form)}</strong> {e(TITLES.get(base, ''))}"
             f"{_flags(page, areas.get('form', []))}</div><div class=\"boxes\">")
    owners = "".join(
        f"<p>{e(o.name)}<br>{e(o.address.street1 or '')} {e(o.address.street2 or '')}<br>"
        f"{e(' '.join(p for p in (o.address.city, o.address.state, o.address.zip_code) if p))}"
        + (f"<br><small>CIK {e(o.cik)}</small>" if o.cik else "") + "</p>" for o in filing.reporting_owners)
    issuer = filing.issuer
    relationship = filing.reporting_owners[0].relationship if filing.reporting_owners else None
    rel = ""
    if relationship is not None:
        rel = "<ul class=\"checks\">" + check(relationship.is_director.value, "Director") + \
            check(relationship.is_ten_percent_owner.value, "10% Owner") + \
            check(relationship.is_officer.value, "Officer (give title below)") + \
            check(relationship.is_other.value, "Other (specify below)") + "</ul>"
        if relationship.officer_title or relationship.other_text:
            rel += f"<p>{e(relationship.officer_title or relationship.other_text)}</p>"
    joint = filing.joint_filing.value
    page.add(box(1, "Name and Address of Reporting Person", owners, "owner"),
             box(numbers["issuer"], "Issuer Name and Ticker or Trading Symbol",
                 f"{e(issuer.name)} [{e(issuer.trading_symbol)}]" + (f"<br><small>CIK {e(issuer.cik)}</small>"
                                                                      if issuer.cik else ""), "issuer"),
             box(numbers["relationship"], "Relationship of Reporting Person(s) to Issuer", rel, "relationship"),
             box(numbers["periodOfReport"], BOX3.get(base, "Date"), value(filing.period_of_report), "period"),
             box(numbers["dateOfOriginalSubmission"], "If Amendment, Date of Original Filed",
                 value(filing.date_of_original_submission), "original"),
             box(6, "Individual or Joint/Group Filing", "<ul class=\"checks\">"
                 + check(joint is False, "Form filed by One Reporting Person")
                 + check(joint is True, "Form filed by More than One Reporting Person") + "</ul>", "joint"),
             "</div>")
    for area, (title, columns, rows) in zip(("table1", "table2"), printed_tables(filing)):
        transactions = len(filing.non_derivative_transactions if area == "table1" else filing.derivative_transactions)
        page.add(f"<div class=\"table-wrap\"><table class=\"form-table\"><caption>{e(title)}</caption><thead><tr>",
                 "<th scope=\"col\">Row</th>", *(f"<th scope=\"col\">{e(heading)}</th>" for heading, _ in columns),
                 "</tr></thead><tbody>")
        if not rows:
            page.add(f"<tr><td colspan=\"{len(columns) + 1}\">no rows</td></tr>")
        for index, row in enumerate(rows):
            holding = index >= transactions
            pointer_index = index - transactions if holding else index
            collection = next(name for name, (table, holds) in TABLE_AREAS.items()
                              if table == area and holds == holding)
            marks = cells.get((collection, pointer_index), {})
            keys = {column_key(k, row): v for k, v in marks.items()}
            flagged = [f for found in marks.values() for f in found]
            label = f"{'holding' if holding else 'transaction'} {pointer_index + 1}"
            row_class = ' class="flagged"' if flagged else ""
            page.add(f"<tr{row_class}><th scope=\"row\">{e(label)}{_flags(page, flagged)}</th>")
            for _, key in columns:
                here = keys.get(key, [])
                cls = f" class=\"cell-{here[0].severity}\"" if here else ""
                page.add(f"<td{cls}>{e(cell_text(row, key))}{_flags(page, here)}</td>")
            page.add("</tr>")
        page.add("</tbody></table></div>")
    notes = "".join(f"<li><sup>{e(markers([n.id]))}</sup> {e(n.text)}</li>" for n in filing.footnotes)
    page.add(box(None, "Explanation of Responses", f"<ul class=\"notes\">{notes}</ul>" if notes else "(none)",
                 "footnotes"))
    if filing.remarks:
        page.add(box(None, "Remarks", e(filing.remarks), "remarks"))
    signatures = "".join(f"<li>{e(s.name)} — {value(s.date)}</li>" for s in filing.signatures)
    page.add(box(None, "Signature of Reporting Person and Date", f"<ul>{signatures}</ul>", "signatures"))
    _finding_list(page, document, findings)
    page.add("</article>\n")


def _finding_list(page: Page, document, findings) -> None:
    form = document.filing.document_type if document.filing else None
    if not findings:
        page.add("<p class=\"clean\"><span aria-hidden=\"true\">✔</span> No findings in this file.</p>")
        return
    page.add(f"<h4>Findings in {e(document.path)}</h4><ol class=\"finding-list\">")
    for finding in findings:
        where = _where(finding, form)
        page.add(f"<li id=\"{page.ids[id(finding)]}\" class=\"finding finding-{finding.severity}\">",
                 f"<p>{_severity(finding.severity)} <strong>{e(finding.code)}</strong>"
                 + (f" <span class=\"where\">{e(where)}</span>" if where else "") + "</p>",
                 f"<p class=\"message\">{e(finding.message)}</p>",
                 f"<details><summary>About {e(finding.code)} ({e(finding.rule or '')})</summary>"
                 f"<div class=\"doc\">{page.docs.get(finding.code, '')}</div></details></li>")
    page.add("</ol>")


# -- charts of holdings over time --------------------------------------------------------------------
@dataclass
class Point:
    """One point of a chart of running balances: a day, the amount held and its series."""

    day: date
    amount: Decimal
    series: str
    label: str  # what happened, for the tooltip and the data table
    path: str
    anchor: str
    transaction: bool
    late: bool = False
    broken: bool = False


def chart_points(result, findings) -> dict[tuple[str, str, str], list[Point]]:
    """(person, issuer, security) -> the amounts owned after each row, in the order filed."""
    from form16lint.show import plain

    flagged: dict[str, set[str]] = {}
    late_files = set()
    for finding in findings:
        if finding.code in BALANCE_CODES:
            flagged.setdefault(finding.path, set()).add("/".join(finding.pointer.split("/")[:3]))
        if finding.code in LATE_CODES:
            late_files.add(finding.path)
    charts: dict[tuple[str, str, str], list[Point]] = {}
    names: dict[str, str] = {}
    issuer_names: dict[str, str] = {}
    owner_names: dict[str, str] = {}
    for number, document in enumerate(result.documents, start=1):
        filing = document.filing
        if filing is None:
            continue
        issuer_key = (filing.issuer.cik or "").lstrip("0") or (filing.issuer.name or "?").upper()
        issuer_names.setdefault(issuer_key, filing.issuer.name or f"CIK {filing.issuer.cik}")
        period = filing.period_of_report.value
        for pointer, row in filing.rows():
            amount = row.shares_owned_following.value
            transaction = hasattr(row, "transaction_date")
            day = (row.transaction_date.value if transaction else None) or period
            if amount is None or day is None:
                continue
            title = row.security_title.value or "?"
            security = title
            if hasattr(row, "conversion_or_exercise_price") and row.conversion_or_exercise_price.value is not None:
                security += f" @ {plain(row.conversion_or_exercise_price.value)}"
            kind, nature = row.ownership_key
            key_series = "D" if kind != "I" else f"I:{nature}"
            names.setdefault(key_series, "Direct" if kind != "I" else
                             f"Indirect: {row.nature_of_ownership.value or 'nature not given'}")
            if transaction:
                code = (row.code or "").strip().upper()
                shares = row.shares.value
                label = f"code {code or '?'} {plain(shares) if shares is not None else ''} " \
                        f"{(row.acquired_disposed.value or '').upper()}".strip()
            else:
                label = f"holding on Form {filing.document_type}"
            for owner in filing.reporting_owners or []:
                owner_key = (owner.cik or "").lstrip("0") or (owner.name or "?").upper()
                owner_names.setdefault(owner_key, owner.name or f"CIK {owner.cik}")
                key = (owner_names[owner_key], issuer_names[issuer_key], security)
                charts.setdefault(key, []).append(Point(
                    day, amount, names[key_series], label, document.path, f"filing-{number}", transaction,
                    late=transaction and document.path in late_files,
                    broken="/".join(pointer.split("/")[:3]) in flagged.get(document.path, set())))
    for points in charts.values():
        points.sort(key=lambda p: p.day)  # stable: rows of one day stay in filed order
    return charts


def _charts(page: Page, findings) -> None:
    charts = chart_points(page.result, findings)
    page.add("<section id=\"charts\" aria-labelledby=\"charts-h\"><h2 id=\"charts-h\">Holdings over time</h2>\n"
             "<p>The amount owned after each transaction, per reporting person and security; direct and each "
             "indirect holding are separate lines. Markers: ● transaction, ■ holding reported, ▲ in a late filing "
             "(D005), ✕ a balance that does not follow (B001, X001).</p>\n")
    if not charts:
        page.add("<p>No amounts owned to chart.</p>")
    for number, ((person, issuer, security), points) in enumerate(sorted(charts.items()), start=1):
        page.add(f"<figure class=\"chart\" aria-labelledby=\"chart-{number}-c\">",
                 svg_chart(points, f"chart-{number}", f"{person} · {issuer} · {security}"),
                 f"<figcaption id=\"chart-{number}-c\">{e(person)} · {e(issuer)} · {e(security)}: amount owned "
                 f"after each of {len(points)} row{'s' if len(points) != 1 else ''}</figcaption>",
                 "<details><summary>The chart's data</summary><table class=\"data\"><caption>"
                 f"{e(person)} · {e(security)}</caption><thead><tr><th scope=\"col\">Date</th>"
                 "<th scope=\"col\">Holding</th><th scope=\"col\">Row</th><th scope=\"col\">Amount owned after</th>"
                 "<th scope=\"col\">Marks</th><th scope=\"col\">Filing</th></tr></thead><tbody>")
        for point in points:
            marks = ", ".join(m for m, on in (("late filing", point.late), ("balance break", point.broken)) if on)
            page.add(f"<tr><td>{point.day.isoformat()}</td><td>{e(point.series)}</td><td>{e(point.label)}</td>"
                     f"<td>{_amount(point.amount)}</td><td>{e(marks)}</td>"
                     f"<td><a href=\"#{point.anchor}\">{e(point.path)}</a></td></tr>")
        page.add("</tbody></table></details></figure>\n")
    page.add("</section>\n")


def _amount(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``: the step of the amount axis."""
    if raw <= 0:
        return 1.0
    import math

    power = 10 ** math.floor(math.log10(raw))
    return next(factor * power for factor in (1, 2, 5, 10) if factor * power >= raw)


def svg_chart(points: list[Point], ident: str, title: str) -> str:
    series = list(dict.fromkeys(p.series for p in points))
    legend_rows = (len(series) + 2) // 3
    width, left, right, top, bottom = 760, 84, 16, 16, 64 + 16 * legend_rows
    height = 192 + bottom
    days = [p.day.toordinal() for p in points]
    low, high = min(days), max(days)
    if low == high:
        low, high = low - 15, high + 15
    span = high - low
    low, high = low - span * 0.04, high + span * 0.04
    step = _nice_step(max(float(p.amount) for p in points) / 4)
    peak = step * 4.4

    def x(day: date) -> float:
        return left + (day.toordinal() - low) / (high - low) * (width - left - right)

    def y(amount) -> float:
        return top + (1 - float(amount) / peak) * (height - top - bottom)

    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" "
             f"aria-labelledby=\"{ident}-t\" class=\"chart-svg\"><title id=\"{ident}-t\">{e(title)}</title>",
             f"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" class=\"axis\"/>",
             f"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" class=\"axis\"/>"]
    for index in range(5):
        amount = Decimal(str(step)) * index
        parts.append(f"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y(amount):.1f}\" y2=\"{y(amount):.1f}\" "
                     f"class=\"grid\"/><text x=\"{left - 6}\" y=\"{y(amount) + 4:.1f}\" text-anchor=\"end\">"
                     f"{_amount(amount.normalize())}</text>")
    ticks: list[date] = []
    for day in sorted({p.day for p in points}):  # date labels at least 90 units apart
        if not ticks or x(day) - x(ticks[-1]) >= 90:
            ticks.append(day)
    for day in ticks:
        parts.append(f"<line x1=\"{x(day):.1f}\" x2=\"{x(day):.1f}\" y1=\"{height - bottom}\" y2=\"{height - bottom + 4}\" "
                     f"class=\"axis\"/><text x=\"{x(day):.1f}\" y=\"{height - bottom + 16}\" "
                     f"text-anchor=\"middle\">{day.isoformat()}</text>")
    for index, name in enumerate(series):
        colour, dash = SERIES_STYLES[index % len(SERIES_STYLES)]
        mine = [p for p in points if p.series == name]
        # a step line: the amount stays as it was until the next row changes it
        path = [f"M{x(mine[0].day):.1f},{y(mine[0].amount):.1f}"]
        path += [f"H{x(point.day):.1f} V{y(point.amount):.1f}" for point in mine[1:]]
        dash_attr = f" stroke-dasharray=\"{dash}\"" if dash else ""
        parts.append(f"<path d=\"{' '.join(path)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash_attr}/>")
        for point in mine:
            cx, cy = x(point.day), y(point.amount)
            tip = f"{point.day.isoformat()} · {point.series} · {point.label} · owned after: {_amount(point.amount)}"
            if point.late:
                tip += " · in a late filing"
            if point.broken:
                tip += " · balance does not follow"
            marker = (f"<circle cx=\"{cx:.1f}\" cy=\"{cy:.1f}\" r=\"4\" fill=\"{colour}\"/>" if point.transaction else
                      f"<rect x=\"{cx - 4:.1f}\" y=\"{cy - 4:.1f}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>")
            if point.late:
                marker += (f"<path d=\"M{cx:.1f},{cy - 16:.1f} l6,10 h-12 z\" class=\"late\"/>")
            if point.broken:
                marker += (f"<path d=\"M{cx - 7:.1f},{cy - 7:.1f} l14,14 M{cx + 7:.1f},{cy - 7:.1f} l-14,14\" "
                           "class=\"break\"/>")
            parts.append(f"<g><title>{e(tip)}</title>{marker}</g>")
        legend_x, legend_y = left + (index % 3) * 230, height - bottom + 40 + (index // 3) * 16
        parts.append(f"<line x1=\"{legend_x}\" x2=\"{legend_x + 28}\" y1=\"{legend_y}\" y2=\"{legend_y}\" "
                     f"stroke=\"{colour}\" stroke-width=\"2\"{dash_attr}/><text x=\"{legend_x + 34}\" "
                     f"y=\"{legend_y + 4}\">{e(name[:32])}</text>")
    marks = [("▲ late filing", any(p.late for p in points)), ("✕ balance break", any(p.broken for p in points))]
    shown = "   ".join(text for text, on in marks if on)
    if shown:
        parts.append(f"<text x=\"{left}\" y=\"{height - 10}\">{shown}</text>")
    parts.append("</svg>")
    return "".join(parts)


STYLE = """
:root{--err:#b00020;--warn:#8a5a00;--info:#1f4e9c;--ink:#1a1a1a;--line:#8c8c8c;--soft:#f3f3f0}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff}
header,main{max-width:1200px;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{border-bottom:2px solid var(--ink);margin-top:2rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.facts dt{font-weight:600}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}
caption{font-weight:600;text-align:left;padding:.3rem 0}
.findings{width:100%}.findings th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}
.findings th[aria-sort=ascending] button::after{content:" ▲"}.findings th[aria-sort=descending] button::after{content:" ▼"}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;margin:.5rem 0}
.sev{font-weight:600;white-space:nowrap}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
.filing{border:2px solid var(--ink);padding:.6rem;margin:1.2rem 0;background:#fff}
.filing h3{margin:.1rem 0;font-size:1.1rem;word-break:break-all}.read-as{margin:0;color:#555}
.form-title{border:1px solid var(--ink);padding:.4rem;margin:.4rem 0;background:var(--soft)}
.boxes{display:grid;grid-template-columns:repeat(3,1fr);gap:0;margin:.4rem 0}
.box{border:1px solid var(--ink);padding:.3rem .4rem;margin:-1px 0 0 -1px}.box h4{font-size:.8rem;margin:0 0 .2rem}
.flagged{outline:3px solid var(--warn);outline-offset:-3px}
.checks{list-style:none;padding:0;margin:0}.notes{padding-left:1rem}
.table-wrap{overflow-x:auto;margin:.4rem 0}.form-table{font-size:.82rem}.form-table th{background:var(--soft)}
td.cell-error{background:#fde7ea}td.cell-warning{background:#fff3d6}td.cell-info{background:#e6eefb}
.flag{display:inline-block;font-size:.75rem;font-weight:700;border:1px solid currentColor;border-radius:3px;
 padding:0 .25rem;text-decoration:none;margin:.1rem 0}
.flag.sev-error{color:var(--err)}.flag.sev-warning{color:var(--warn)}.flag.sev-info{color:var(--info)}
.finding-list{padding-left:1.3rem}.finding{margin:.5rem 0}
.finding-error{border-left:4px solid var(--err);padding-left:.4rem}.finding-warning{border-left:4px solid var(--warn);padding-left:.4rem}
.finding-info{border-left:4px solid var(--info);padding-left:.4rem}.finding p{margin:.1rem 0}.where{color:#444}
.finding:target{background:#fff8c5}.doc{border-left:3px solid var(--line);padding-left:.6rem}
.doc pre{background:var(--soft);padding:.4rem;overflow-x:auto}
.clean{color:#2e6b30}
.chart{margin:1rem 0;border:1px solid var(--line);padding:.5rem}.chart-svg{width:100%;max-width:760px;height:auto}
.chart-svg text{font:11px system-ui,sans-serif;fill:#222}.chart-svg .axis{stroke:#222}.chart-svg .grid{stroke:#ddd}
.chart-svg .late{fill:#fff;stroke:var(--err);stroke-width:2}.chart-svg .break{stroke:var(--err);stroke-width:2.5}
figcaption{font-weight:600}
@media print{.filters,#filter-status,.skip{display:none}details{display:block}.filing{break-inside:avoid-page}
 a{color:inherit;text-decoration:none}.flagged{outline:2px dashed #000}}
"""

SCRIPT = r"""
(function(){
  var root = document.documentElement;
  window.onerror = function(message, source, line){
    var p = document.createElement('p');
    p.id = 'script-error'; p.textContent = 'Script error: ' + message + ' (line ' + line + ')';
    root.setAttribute('data-script-error', String(message));
    document.body.insertBefore(p, document.body.firstChild);
  };
  var table = document.getElementById('findings-table');
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var status = document.getElementById('filter-status');
    var controls = ['severity', 'code', 'file'].map(function(name){
      return [name, document.getElementById('filter-' + name)];
    });
    var text = document.getElementById('filter-text');
    var apply = function(){
      var shown = 0, needle = text.value.toLowerCase();
      rows.forEach(function(row){
        var ok = controls.every(function(c){ return !c[1].value || row.getAttribute('data-' + c[0]) === c[1].value; });
        ok = ok && (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
        row.hidden = !ok; if (ok) shown++;
      });
      status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings.';
    };
    var headers = table.tHead.rows[0].cells;
    var sortBy = function(column, ascending){
      var th = headers[column];
      Array.prototype.forEach.call(headers, function(h){ h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var key = function(row){ var cell = row.cells[column]; return cell.getAttribute('data-sort') || cell.textContent; };
      rows.sort(function(a, b){
        var order = key(a).localeCompare(key(b), undefined, {numeric: true});
        return ascending ? order : -order;
      });
      rows.forEach(function(row){ body.appendChild(row); });
      remember();
    };
    // the view lives in the address's fragment (#severity=error&sort=1), so a link can share it
    var remember = function(){
      var state = controls.filter(function(c){ return c[1].value; }).map(function(c){
        return c[0] + '=' + encodeURIComponent(c[1].value); });
      if (text.value) state.push('text=' + encodeURIComponent(text.value));
      Array.prototype.forEach.call(headers, function(h, i){
        var order = h.getAttribute('aria-sort');
        if (order !== 'none') state.push('sort=' + i, 'order=' + (order === 'ascending' ? 'asc' : 'desc'));
      });
      if (state.length && window.history && history.replaceState) history.replaceState(null, '', '#' + state.join('&'));
    };
    var wanted = {};
    location.hash.replace(/^#/, '').split('&').forEach(function(pair){
      var at = pair.indexOf('=');
      if (at > 0) wanted[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    });
    controls.forEach(function(c){
      if (wanted[c[0]] !== undefined) c[1].value = wanted[c[0]];
      c[1].addEventListener('change', function(){ apply(); remember(); });
    });
    if (wanted.text) text.value = wanted.text;
    text.addEventListener('input', function(){ apply(); remember(); });
    Array.prototype.forEach.call(headers, function(th, column){
      th.querySelector('button').addEventListener('click', function(){
        sortBy(column, th.getAttribute('aria-sort') !== 'ascending');
      });
    });
    if (wanted.sort !== undefined && headers[+wanted.sort]) sortBy(+wanted.sort, wanted.order !== 'desc');
    apply();
  }
  root.setAttribute('data-script-ready', 'yes');
})();
"""


def write_html(result, stream, settings=None) -> None:
    stream.write(build_html(result))


write_html.needs_documents = True  # it shows each filing's tables: the run keeps whole documents
