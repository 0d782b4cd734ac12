"""``--format concise``: one line a finding, ``path:line:column: CODE [severity] message``."""

from __future__ import annotations

from form16lint.hookspecs import hookimpl


def position(finding) -> str:
    if finding.page is not None:
        return f"page {finding.page}" + (f", {finding.box}" if finding.box else "")
    if finding.line is not None:
        return f"{finding.line}:{finding.column or 1}"
    return ""


def write_concise(result, stream, settings=None) -> None:
    for finding in result.findings:
        if finding.suppressed:
            continue
        where = position(finding)
        location = f"{finding.path}:{where}" if where and finding.page is None else finding.path
        if finding.page is not None:
            location += f" ({where})"
        stream.write(f"{location}: {finding.code} [{finding.severity}] {finding.message}\n")
    counts = result.counts()
    stream.write(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info "
                 f"in {len(result.documents)} file(s)\n")


@hookimpl
def form16lint_output_formats():
    return {"concise": write_concise}
