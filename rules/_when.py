"""When a filing was (or will be) filed: the date deadlines are measured against."""

from __future__ import annotations

from datetime import date

from form16lint.business_days import edgar_filing_date


def filing_date(filing, context) -> tuple[date | None, str]:
    """The filing date and where it came from: EDGAR's filing date, else EDGAR's acceptance time,
    else ``--filing-date``, else the signature date (a filing is never filed before it is signed)."""
    metadata = filing.metadata
    if metadata.filing_date:
        return metadata.filing_date, "EDGAR filing date"
    if metadata.acceptance_datetime:
        return edgar_filing_date(metadata.acceptance_datetime), "EDGAR acceptance time"
    if context.options.filing_date:
        return context.options.filing_date, "filing date given with --filing-date"
    signed = filing.signature_date
    if signed:
        return signed, "signature date; no EDGAR filing date or --filing-date was given"
    return None, ""


def submitted_date(filing, context) -> tuple[date | None, str]:
    """The filing date when one is known other than the signature date."""
    when, source = filing_date(filing, context)
    return (when, source) if when and not source.startswith("signature") else (None, "")
