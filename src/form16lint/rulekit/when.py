"""When: the date a filing was (or will be) filed, which its deadlines are measured against, and
the dates the Section 16 rules that judge its rows took effect."""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from form16lint.business_days import add_business_days, edgar_filing_date
from form16lint.form import row_code, row_direction  # noqa: F401 - the form's own reading of a row
from form16lint.lazy_regex import LazyRegex

# Sarbanes-Oxley section 403 (Release 34-46421): from this date a Form 4 is due within two
# business days, and the Rule 16b-3 transactions with the issuer (codes A D F M C X O) are on it.
SARBANES_OXLEY_FORM4 = date(2002, 8, 29)
# Release 33-11138 took effect: from this date gifts given are due on Form 4, and a Rule 10b5-1 plan
# adopted by an officer or director carries a cooling-off period.
RELEASE_33_11138 = date(2023, 2, 27)


def gift_due_on_form4(row, day: date) -> bool:
    """A gift given (code G, disposed) on or after ``RELEASE_33_11138``: due on Form 4 within two
    business days. A gift received, or given earlier, is exempt under Rule 16b-5 and a Form 5 item
    (Rule 16a-3(f))."""
    return row_code(row) == "G" and row_direction(row) == "D" and day >= RELEASE_33_11138


def form4_deadline(row) -> tuple[date, date] | None:
    """(execution, due date) of a row under the two-business-day rule (Rule 16a-3(g)(1)): executed
    on its deemed execution date when given (Rule 16a-3(g)(2)), else its transaction date, and
    due at the end of the second business day after. None without a date, before 2002-08-29, or
    beyond the range of the SEC calendar (a deadline that cannot be decided)."""
    executed = row.deemed_execution_date.value or row.transaction_date.value
    if executed is None or executed < SARBANES_OXLEY_FORM4:
        return None
    try:
        return executed, add_business_days(executed, 2)
    except (ValueError, OverflowError):  # beyond the SEC calendar's range: cannot decide
        return None


class DateSource(Enum):
    """Where a filing date comes from; the value names it in a message."""

    EDGAR_FILING_DATE = "EDGAR filing date"
    EDGAR_ACCEPTANCE = "EDGAR acceptance time"
    FILING_DATE_OPTION = "filing date given with --filing-date"
    SIGNATURE = "signature date; no EDGAR filing date or --filing-date was given"


def filing_date(filing, context) -> tuple[date | None, DateSource | None]:
    """The filing date and where it came from: EDGAR's filing date, else EDGAR's acceptance time,
    else ``--filing-date``, else the signature date (a filing is never filed before it is signed)."""
    metadata = filing.metadata
    if metadata.filing_date:
        return metadata.filing_date, DateSource.EDGAR_FILING_DATE
    if metadata.acceptance_datetime:
        try:
            return edgar_filing_date(metadata.acceptance_datetime), DateSource.EDGAR_ACCEPTANCE
        except (ValueError, OverflowError):  # beyond the SEC calendar's range
            pass
    if context.options.filing_date:
        return context.options.filing_date, DateSource.FILING_DATE_OPTION
    signed = filing.signature_date
    if signed:
        return signed, DateSource.SIGNATURE
    return None, None


def submitted_date(filing, context) -> tuple[date | None, DateSource | None]:
    """The filing date when one is known other than the signature date."""
    when, source = filing_date(filing, context)
    return (when, source) if source not in (None, DateSource.SIGNATURE) else (None, None)


# "This Form 4 is the second of three Form 4s being filed by the Reporting Person relating to the
# same event": a report split across several filings because of EDGAR's 30-row limit.
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
_SPLIT = LazyRegex(r"\bis the (\w+) of (?:\w+) (?:form 4s|forms 4|form 4 filings)\b", re.IGNORECASE)


def split_part(filing) -> int | None:
    """Which part of a report split across several Form 4s this filing says it is (1 for "the
    first of three Form 4s"), or None when it says nothing of the kind."""
    match = _SPLIT.search(filing.remarks or "") or next(
        (found for note in filing.footnotes if (found := _SPLIT.search(note.text or ""))), None)
    if match is None:
        return None
    word = match.group(1).lower()
    number = _ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if re.sub(r"\D", "", word) else None)
    return number
