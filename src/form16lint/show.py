"""``form16lint show FILE``: what was read, laid out as the printed form.

The header boxes 1 to 6, Table I and Table II with the form's column numbers, footnote markers
such as "(1)" beside the values they qualify, then the explanation of responses, remarks and
signature, so that a reader can hold it beside the PDF and compare at a glance. Works for every
input format.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from form16lint.form import BOX_NUMBERS, PERIOD_HEADINGS as BOX3, STATEMENT_TITLES as TITLES
from form16lint.model import Document, Filing, Value

# (column heading, how to read the row) in the order the printed form has them
_TABLE_I = [
    ("1. Title of Security", "security_title"),
    ("2. Transaction Date", "transaction_date"),
    ("2A. Deemed Execution Date", "deemed_execution_date"),
    ("3. Code", "code"),
    ("V", "timeliness"),
    ("4. Amount", "shares"),
    ("(A) or (D)", "acquired_disposed"),
    ("Price", "price_per_share"),
    ("5. Amount Owned Following", "shares_owned_following"),
    ("6. D or I", "direct_or_indirect"),
    ("7. Nature of Indirect Ownership", "nature_of_ownership"),
]
_TABLE_I_FORM3 = [
    ("1. Title of Security", "security_title"),
    ("2. Amount Owned", "shares_owned_following"),
    ("3. D or I", "direct_or_indirect"),
    ("4. Nature of Indirect Ownership", "nature_of_ownership"),
]
_TABLE_II = [
    ("1. Title of Derivative Security", "security_title"),
    ("2. Conversion or Exercise Price", "conversion_or_exercise_price"),
    ("3. Transaction Date", "transaction_date"),
    ("3A. Deemed Execution Date", "deemed_execution_date"),
    ("4. Code", "code"),
    ("V", "timeliness"),
    ("5. (A)", "acquired"),
    ("5. (D)", "disposed"),
    ("6. Date Exercisable", "exercise_date"),
    ("6. Expiration Date", "expiration_date"),
    ("7. Title", "underlying_title"),
    ("7. Amount or Number of Shares", "underlying_shares"),
    ("8. Price", "price_per_share"),
    ("9. Number Owned Following", "shares_owned_following"),
    ("10. D or I", "direct_or_indirect"),
    ("11. Nature of Indirect Ownership", "nature_of_ownership"),
]
_TABLE_II_FORM3 = [
    ("1. Title of Derivative Security", "security_title"),
    ("2. Date Exercisable", "exercise_date"),
    ("2. Expiration Date", "expiration_date"),
    ("3. Title", "underlying_title"),
    ("3. Amount or Number of Shares", "underlying_shares"),
    ("4. Conversion or Exercise Price", "conversion_or_exercise_price"),
    ("5. D or I", "direct_or_indirect"),
    ("6. Nature of Indirect Ownership", "nature_of_ownership"),
]


def markers(footnotes: list[str]) -> str:
    """"F1", "F2" as the form prints them: "(1)(2)"."""
    return "".join(f"({note[1:] if note.upper().startswith('F') else note})" for note in footnotes)


def plain(item) -> str:
    if item is None:
        return ""
    if isinstance(item, bool):
        return "X" if item else ""
    if isinstance(item, Decimal):
        return f"{item:,f}"
    if isinstance(item, date):
        return item.strftime("%m/%d/%Y")
    return str(item)


def cell(item) -> Text:
    """A value as the form shows it, with its footnote markers; unreadable text in red."""
    if isinstance(item, Value):
        text = Text(plain(item.value)) if item.value is not None else Text(item.raw or "", style="red")
        if item.footnotes:
            text.append(("" if not text.plain else " ") + markers(item.footnotes), style="cyan")
        return text
    return Text(plain(item))


def _row_cell(row, key: str) -> Text:
    if key in ("acquired", "disposed"):
        wanted = "A" if key == "acquired" else "D"
        direction = getattr(row, "acquired_disposed", None)
        if direction is None or (direction.value or "").upper() != wanted:
            return Text("")
        return cell(getattr(row, "total_value", Value()) if not row.shares.present else row.shares)
    if key == "code":
        code = getattr(row, "code", None)
        text = Text(code or "")
        if getattr(row, "coding_footnotes", None):
            text.append(" " + markers(row.coding_footnotes), style="cyan")
        return text
    if key == "price_per_share" and not hasattr(row, key):
        return Text("")
    if key == "shares_owned_following" and not row.shares_owned_following.present:
        return cell(row.value_owned_following)
    return cell(getattr(row, key, None))


def _table(title: str, columns, rows, width: int | None = None) -> Table | Text | Group:
    """The rows as the form's table; on a terminal too narrow for every column to keep its
    figures whole, each row as a card of "column: value" lines instead of a cropped table."""
    if not rows:
        return Text(f"{title}: no rows", style="dim")
    table = _as_table(title, columns, rows)
    if width is None or _narrowest(table) <= width:
        return table
    cards = [Text(title, style="bold")]
    for number, row in enumerate(rows, start=1):
        lines = Table.grid(padding=(0, 2))
        lines.add_column(style="bold", no_wrap=True)
        lines.add_column(overflow="fold")
        for heading, key in columns:
            value = _row_cell(row, key)
            if value.plain:
                lines.add_row(" ".join(heading.split()), value)
        kind = "holding" if "Holding" in type(row).__name__ else "transaction"
        cards.append(Panel(lines, title=f"row {number} ({kind})", title_align="left", box=box.SQUARE))
    return Group(*cards)


def _narrowest(table: Table) -> int:
    from rich.console import Console

    return Console(width=10_000).measure(table).minimum


def _as_table(title: str, columns, rows) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SQUARE, show_lines=True,
                  header_style="bold", expand=False)
    cells = [[_row_cell(row, key) for _, key in columns] for row in rows]
    for index, (heading, key) in enumerate(columns):
        # figures and dates never break mid-figure; titles and natures wrap
        wraps = key in ("security_title", "underlying_title", "nature_of_ownership")
        widest = 0 if wraps else max(len(line[index].plain) for line in cells)
        table.add_column(heading, overflow="fold", min_width=widest or None)
    for line in cells:
        table.add_row(*line)
    return table


def _box(number: int, heading: str, *body) -> Panel:
    return Panel(Group(*body), title=f"{number}. {heading}", title_align="left", box=box.SQUARE)


def _check(flag: Value, label: str) -> Text:
    return Text(("[X] " if flag.value else "[ ] ") + label)


def header(filing: Filing) -> Table:
    base = filing.base_form or "?"
    grid = Table.grid(expand=True, padding=(0, 1))
    for _ in range(3):
        grid.add_column(ratio=1)
    owners = filing.reporting_owners or []
    box1 = []
    for owner in owners:
        address = owner.address
        lines = [owner.name or "", address.street1, address.street2,
                 " ".join(part for part in (address.city, address.state, address.zip_code) if part)]
        box1.append(Text("\n".join(line for line in lines if line)))
    issuer = filing.issuer
    box2 = Text(f"{issuer.name or ''} [{issuer.trading_symbol or ''}]")
    if issuer.cik:
        box2.append(f"\nCIK {issuer.cik}", style="dim")
    relationship = owners[0].relationship if owners else None
    box5 = []
    if relationship is not None:
        box5 = [_check(relationship.is_director, "Director"), _check(relationship.is_ten_percent_owner, "10% Owner"),
                _check(relationship.is_officer, "Officer (give title below)"),
                _check(relationship.is_other, "Other (specify below)")]
        if relationship.officer_title or relationship.other_text:
            box5.append(Text(relationship.officer_title or relationship.other_text, style="bold"))
    joint = filing.joint_filing
    box6 = [_check(Value(joint.value is False), "Form filed by One Reporting Person"),
            _check(Value(joint.value is True), "Form filed by More than One Reporting Person")]
    number = BOX_NUMBERS.get(base, BOX_NUMBERS["4"])  # the boxes Form 3 numbers differently
    grid.add_row(
        _box(1, "Name and Address of Reporting Person", *(box1 or [Text("")])),
        _box(number["issuer"], "Issuer Name and Ticker or Trading Symbol", box2),
        _box(number["relationship"], "Relationship of Reporting Person(s) to Issuer", *(box5 or [Text("")])),
    )
    grid.add_row(
        _box(number["periodOfReport"], BOX3.get(base, "Date"), cell(filing.period_of_report)),
        _box(number["dateOfOriginalSubmission"], "If Amendment, Date of Original Filed",
             cell(filing.date_of_original_submission)),
        _box(6, "Individual or Joint/Group Filing", *box6),
    )
    return grid


def printed_tables(filing: Filing):
    """Table I and Table II as the filing's form prints them: (title, [(column heading, key)],
    rows), transactions before holdings. A key is the row's attribute, or "acquired"/"disposed"
    for Table II's split amount column; :func:`cell_text` reads a cell."""
    form3 = filing.base_form == "3"
    what = "Beneficially Owned" if form3 else "Acquired, Disposed of, or Beneficially Owned"
    return [
        (f"Table I - Non-Derivative Securities {what}", _TABLE_I_FORM3 if form3 else _TABLE_I,
         filing.non_derivative_transactions + filing.non_derivative_holdings),
        (f"Table II - Derivative Securities {what}", _TABLE_II_FORM3 if form3 else _TABLE_II,
         filing.derivative_transactions + filing.derivative_holdings),
    ]


def cell_text(row, key: str) -> str:
    """A cell of :func:`printed_tables` as plain text, footnote markers included."""
    return _row_cell(row, key).plain


def render(document: Document, width: int | None = None):
    """The rich renderables that show one document as the form, ``width`` columns wide."""
    filing = document.filing
    base = filing.base_form or "?"
    form = filing.document_type or "?"
    yield Panel(Text.assemble((f"FORM {form}", "bold"), "   ", TITLES.get(base, "")),
                subtitle=f"{document.path} · read as {document.format}", box=box.DOUBLE)
    yield header(filing)
    for title, columns, rows in printed_tables(filing):
        yield _table(title, columns, rows, width)
    notes = Text()
    for note in filing.footnotes:
        notes.append(markers([note.id]), style="cyan")
        notes.append(f" {note.text}\n" if note is not filing.footnotes[-1] else f" {note.text}")
    yield Panel(notes if filing.footnotes else Text("(none)", style="dim"), title="Explanation of Responses",
                title_align="left", box=box.SQUARE)
    if filing.remarks:
        yield Panel(Text(filing.remarks), title="Remarks", title_align="left", box=box.SQUARE)
    signatures = Table(box=box.SIMPLE_HEAD, header_style="bold")
    signatures.add_column("** Signature of Reporting Person")
    signatures.add_column("Date")
    for signature in filing.signatures:
        signatures.add_row(signature.name or "", cell(signature.date))
    yield signatures
    unsure = [f for f in document.reader_findings if f.code == "E001"]
    if unsure:
        yield Text("Not read with confidence (check against the original):", style="yellow bold")
        for finding in unsure:
            where = f"line {finding.line}" if finding.line else f"page {finding.page}"
            yield Text(f"  E001 {where}: {finding.message}", style="yellow")


def show(document: Document, stream, settings=None) -> None:
    from form16lint.reporters.rich_report import make_console

    console = make_console(stream, settings)
    for renderable in render(document, console.width):
        console.print(renderable)
