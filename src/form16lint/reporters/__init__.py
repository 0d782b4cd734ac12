"""Built-in output formats, one module each, registered together by
:mod:`form16lint.reporters.builtin`; a reporter is ``reporter(result, stream, settings)``."""

from __future__ import annotations

from form16lint.engine import LintResult


def file_summary(result: LintResult) -> list[dict]:
    """Per input file: what was read, for headings and the JSON ``files`` list."""
    rows = []
    for document in result.documents:
        filing = document.filing
        rows.append({
            "path": document.path,
            "format": document.format,
            "form": filing.document_type if filing else None,
            "issuer": filing.issuer.name if filing else None,
            "ticker": filing.issuer.trading_symbol if filing else None,
            "owners": [owner.name or owner.cik for owner in filing.reporting_owners] if filing else [],
            "period": filing.period_of_report.value.isoformat() if filing and filing.period_of_report.value else None,
        })
    return rows
