"""``--format rich`` (the default): findings grouped by file, each file headed by what it is.

rich is imported only when this format is written, so the concise and JSON paths start faster.
Colour is off when the output is not a terminal, when NO_COLOR is set, or with ``--no-color``.
"""

from __future__ import annotations

import os

from form16lint.fieldnames import describe
from form16lint.hookspecs import hookimpl

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def make_console(stream, settings=None):
    from rich.console import Console

    color = getattr(settings, "color", None)
    no_color = color is False or bool(os.environ.get("NO_COLOR"))
    return Console(file=stream, no_color=no_color, highlight=False, soft_wrap=False,
                   force_terminal=True if color else None, emoji=False)


def heading(document) -> str:
    filing = document.filing
    if filing is None:
        return f"unreadable ({document.format})"
    form = f"Form {filing.document_type}" if filing.document_type else "Form ?"
    issuer = filing.issuer.name or (f"CIK {filing.issuer.cik}" if filing.issuer.cik else "issuer ?")
    ticker = f" [{filing.issuer.trading_symbol}]" if filing.issuer.trading_symbol else ""
    owners = "; ".join(o.name or (f"CIK {o.cik}" if o.cik else "owner ?") for o in filing.reporting_owners) \
        or "owner ?"
    period = filing.period_of_report.value.isoformat() if filing.period_of_report.value else "?"
    return f"{form} · {issuer}{ticker} · {owners} · period {period}"


def where(finding, form: str | None = None) -> str:
    """Page and box, or line and column, and the field in the words of the finding's form."""
    if finding.page is not None:
        place = f"page {finding.page}" + (f", {finding.box}" if finding.box else "")
    elif finding.line is not None:
        place = f"line {finding.line}" + (f":{finding.column}" if finding.column else "")
    else:
        place = ""
    field = describe(finding.pointer, form) if finding.pointer else ""
    return " — ".join(part for part in (place, field) if part)


def write_rich(result, stream, settings=None) -> None:
    from rich.markup import escape
    from rich.text import Text

    console = make_console(stream, settings)
    by_path: dict[str, list] = {}
    for finding in result.findings:
        if not finding.suppressed:
            by_path.setdefault(finding.path, []).append(finding)
    for document in result.documents:
        findings = by_path.pop(document.path, [])
        console.print(Text(document.path, style="bold"), soft_wrap=True)
        console.print(Text("  " + heading(document), style="dim"), soft_wrap=True)
        if not findings:
            console.print(Text("  no findings", style="green"))
        for finding in findings:
            severity = str(finding.severity)
            line = Text("  ")
            line.append(f"{severity:<7}", style=STYLES[severity])
            line.append(f" {finding.code} ", style="bold")
            place = where(finding, document.filing.document_type if document.filing else None)
            if place:
                line.append(place, style="dim")
            console.print(line, soft_wrap=True)
            console.print(Text("      " + finding.message), soft_wrap=True)
        console.print()
    for path, findings in by_path.items():  # findings on files that are not documents (none today)
        for finding in findings:
            console.print(f"{escape(path)}: {finding.code} {escape(finding.message)}")
    for note in result.notes:
        console.print(Text(note, style="yellow"))
    counts = result.counts()
    suppressed = sum(1 for f in result.findings if f.suppressed)
    summary = Text()
    for severity in ("error", "warning", "info"):
        if summary:
            summary.append(", ")
        label = severity if severity == "info" else severity + ("s" if counts[severity] != 1 else "")
        summary.append(f"{counts[severity]} {label}", style=STYLES[severity] if counts[severity] else "")
    files = len(result.documents)
    summary.append(f" in {files} file{'s' if files != 1 else ''}")
    if suppressed:
        summary.append(f" ({suppressed} suppressed)", style="dim")
    console.print(summary)


@hookimpl
def form16lint_output_formats():
    return {"rich": write_rich}
