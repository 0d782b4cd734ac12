"""The SEC's business-day calendar: the days on which EDGAR filings fall due.

A business day is a weekday that is neither a US federal holiday (as the ``holidays`` package
gives them, with their observed days: Juneteenth from 2021) nor a day the SEC closed by order
(the national days of mourning and the Christmas Eves the President gave federal employees).
Section 16 deadlines count in these days (Rule 16a-3(g); Regulation S-T Rule 13), and a deadline
that falls on a day the SEC is closed moves to the next business day (Rule 0-3 under the
Exchange Act).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

# Days the SEC (and EDGAR) closed by executive order, beyond the federal holidays.
SEC_CLOSURES = frozenset({
    date(2018, 12, 5),  # national day of mourning for President George H. W. Bush
    date(2019, 12, 24),  # Christmas Eve, federal offices closed by executive order
    date(2020, 12, 24),  # Christmas Eve, federal offices closed by executive order
})

# Regulation S-T Rule 13(a)(4): a Section 16 filing accepted by 10:00 p.m. Eastern is filed that day.
EDGAR_SECTION16_CUTOFF = time(22, 0)


@lru_cache(maxsize=1)
def _federal() -> holidays.HolidayBase:
    """The US federal holidays, observed days included (the table grows by year as it is asked).
    ``holidays`` is imported here, on the first date asked: a run with no deadline to count
    does not pay for its import."""
    import holidays

    return holidays.country_holidays("US")


# Deadlines of the rows of a run share their dates: each day is judged once (some ten years of days).
@lru_cache(maxsize=4096)
def is_business_day(day: date) -> bool:
    """A weekday that is neither a federal holiday nor a day the SEC closed."""
    return day.weekday() < 5 and day not in SEC_CLOSURES and day not in _federal()


def next_business_day(day: date) -> date:
    """``day`` itself when it is a business day, else the first business day after it."""
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    """The ``count``-th business day after ``day`` (``day`` itself need not be a business day)."""
    while count > 0:
        day += timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return day


def business_days_after(start: date, end: date) -> int:
    """How many business days fall after ``start`` up to and including ``end`` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day):
            count += 1
    return count


def calendar_deadline(day: date, days: int) -> date:
    """``days`` calendar days after ``day``, moved to the next business day if the SEC is closed."""
    return next_business_day(day + timedelta(days=days))


def edgar_filing_date(accepted: datetime) -> date:
    """The filing date EDGAR gives a Section 16 filing accepted at ``accepted`` (Eastern time)."""
    if accepted.time() <= EDGAR_SECTION16_CUTOFF and is_business_day(accepted.date()):
        return accepted.date()
    return add_business_days(accepted.date(), 1)
