"""``--format rich`` (the default): findings grouped by file, each file headed by what it is.

rich is imported only when this format is written, so the concise and JSON paths start faster.
Colour is off when the output is not a terminal, when NO_COLOR is set, or with ``--no-color``.
"""

from __future__ import annotations

import os
import sys

from form16lint.fieldnames import describe

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
    if not _styled(stream, settings):
        lines = _plain_lines(result)
        if lines is not None:  # the same text rich would write, without importing rich
            stream.write("".join(line + "\n" for line in lines))
            return
    _write_with_rich(result, stream, settings)


def _styled(stream, settings) -> bool:
    """Whether rich would write styles or a terminal's layout: on a terminal, when forced (the
    settings' colour, FORCE_COLOR, TTY_COMPATIBLE) or in a notebook."""
    if getattr(settings, "color", None) or os.environ.get("FORCE_COLOR") is not None \
            or os.environ.get("TTY_COMPATIBLE", "") == "1" or "ipykernel" in sys.modules:
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))  # the control codes rich's Text leaves out


def _text(text: str) -> str:
    return text.translate(_CONTROL).expandtabs(8)


def _plain_lines(result) -> list[str] | None:
    """The rich report as plain lines, or None when rich would have to wrap or escape a line (a
    long note, a finding on a path that is no input): then rich writes it."""
    width = _width()
    lines: list[str] = []
    by_path: dict[str, list] = {}
    for finding in result.findings:
        if not finding.suppressed:
            by_path.setdefault(finding.path, []).append(finding)
    for document in result.documents:
        findings = by_path.pop(document.path, [])
        lines.append(_text(document.path))
        lines.append(_text("  " + heading(document)))
        if not findings:
            lines.append("  no findings")
        for finding in findings:
            severity = str(finding.severity)
            place = where(finding, document.filing.document_type if document.filing else None)
            lines.append(_text(f"  {severity:<7} {finding.code} {place}"))
            lines.append(_text("      " + finding.message))
        lines.append("")
    if by_path or result.notes:
        return None
    counts = result.counts()
    parts = []
    for severity in ("error", "warning", "info"):
        label = severity if severity == "info" else severity + ("s" if counts[severity] != 1 else "")
        parts.append(f"{counts[severity]} {label}")
    files = len(result.documents)
    summary = ", ".join(parts) + f" in {files} file{'s' if files != 1 else ''}"
    suppressed = sum(1 for f in result.findings if f.suppressed)
    if suppressed:
        summary += f" ({suppressed} suppressed)"
    if len(summary) > width:
        return None
    lines.append(summary)
    return lines


def _width() -> int:
    try:
        return int(os.environ.get("COLUMNS", "")) or 80
    except ValueError:
        return 80


def _write_with_rich(result, stream, settings=None) -> None:
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
