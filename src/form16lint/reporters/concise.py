"""``--format concise``: one line a finding, ``path:line:column: CODE [severity] message``."""

from __future__ import annotations



def position(finding) -> str:
    """``line:column`` where the input has lines; ``page N, box`` for PDF; else empty."""
    if finding.line is not None:
        return f"{finding.line}:{finding.column or 1}"
    if finding.page is not None:
        return f"page {finding.page}" + (f", {finding.box}" if finding.box else "")
    return ""


def location(finding) -> str:
    """``path:line:column`` where the input has lines; ``path (page N, box)`` for PDF."""
    where = position(finding)
    if not where:
        return finding.path
    return f"{finding.path}:{where}" if finding.line is not None else f"{finding.path} ({where})"


def write_concise(result, stream, settings=None) -> None:
    for finding in result.findings:
        if finding.suppressed:
            continue
        stream.write(f"{location(finding)}: {finding.code} [{finding.severity}] {finding.message}\n")
    counts = result.counts()
    stream.write(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info "
                 f"in {len(result.documents)} file(s)\n")
