"""The SEC's business-day calendar: the days on which EDGAR filings fall due.

A business day is a weekday on which EDGAR is open: not a US federal holiday (with its observed
day; Juneteenth from 2021) and not a day the federal government was closed by executive order
(national days of mourning, days given around Christmas). The SEC closes EDGAR whenever the
government is closed and treats such a day as a federal holiday for filing purposes (its notice
of 2018-12-04, quoted below). Section 16 deadlines count in these days (Rule 16a-3(g);
Regulation S-T Rule 13), and a deadline that falls on a day the SEC is closed moves to the next
business day (Rule 0-3 under the Exchange Act).

The calendar is a table, not a computation: the federal holidays come from
:mod:`form16lint.federal_holidays`, generated from the ``holidays`` package by
``tools/make_sec_calendar.py`` (a test checks the two agree), so a run never builds it. The
table covers :data:`FIRST_DAY` to :data:`LAST_DAY`; for a day outside it the calendar functions
raise :class:`OutsideCalendar`, and the rules say nothing rather than guess.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from form16lint.federal_holidays import FIRST_DAY as _FIRST, HOLIDAYS as _HOLIDAYS, LAST_DAY as _LAST


class OutsideCalendar(ValueError):
    """A day outside the years the calendar knows: whether EDGAR was open cannot be decided."""

    def __init__(self, day: date):
        super().__init__(f"{day.isoformat()} is outside the SEC calendar form16lint knows "
                         f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})")
        self.day = day


FIRST_DAY = date.fromisoformat(_FIRST)
LAST_DAY = date.fromisoformat(_LAST)

# Days the federal government, and with it the SEC and EDGAR, closed by executive order, beyond
# the statutory holidays. The ``holidays`` package lists them in its US "government" category;
# each is checked here against a notice of the closure. Half-day closings that category also
# lists (2002-12-24, 2009-12-24, 2015-12-24) closed offices early, not EDGAR: they are business
# days. A closure ordered after the table was last regenerated must be added here.
EXECUTIVE_CLOSURES: dict[date, str] = {
    date(2001, 12, 24): "Christmas Eve: executive order closing executive departments "
                        "(federal closure; no SEC notice of its own found)",
    date(2003, 12, 26): "Day after Christmas: executive order closing executive departments "
                        "(federal closure; no SEC notice of its own found)",
    date(2004, 6, 11): "National day of mourning for President Reagan: executive order of 2004-06-06 closing "
                       "federal offices (fedsmith.com, 2004-06-07, 'Federal offices to close in honor of "
                       "President Reagan')",
    date(2007, 1, 2): "National day of mourning for President Ford: executive order closing executive "
                      "departments; NASD closed 'in keeping with the announcements of the Securities and "
                      "Exchange Commission' (NASD member alert of 2006-12-29)",
    date(2007, 12, 24): "Christmas Eve: executive order closing executive departments "
                        "(federal closure; no SEC notice of its own found)",
    date(2008, 12, 26): "Day after Christmas: executive order closing executive departments "
                        "(federal closure; no SEC notice of its own found)",
    date(2012, 12, 24): "Christmas Eve: Executive Order 13633 of 2012-12-21 (Office of the Federal Register, "
                        "'Closing of Government Departments and Agencies on December 24, 2012')",
    date(2014, 12, 26): "Day after Christmas: executive order closing executive departments "
                        "(federal closure; no SEC notice of its own found)",
    date(2018, 12, 5): "National day of mourning for President George H. W. Bush: SEC announcement 'EDGAR to "
                       "be closed Wednesday, December 5, 2018' (sec.gov/oit/announcement/"
                       "edgar-be-closed-wednesday-december-5-2018; quoted in ICI memo 31512): 'treated as a "
                       "federal holiday for filing purposes'",
    date(2018, 12, 24): "Christmas Eve: the SEC 'will be closed on December 24th and 25th ... No EDGAR filings "
                        "will be accepted those days' (SEC Division of Corporation Finance shutdown guidance, "
                        "December 2018, as reported by Morrison & Foerster, 2018-12-21)",
    date(2019, 12, 24): "Christmas Eve: EDGAR closed, as the SEC's notice for 2020 recalls ('just like last "
                        "year', Cooley PubCo, 2020-12-16)",
    date(2020, 12, 24): "Christmas Eve: SEC notice that EDGAR is closed on 2020-12-24 and 2020-12-25 and "
                        "filings due then are timely on 2020-12-28 (Cooley PubCo, 2020-12-16)",
    date(2024, 12, 24): "Christmas Eve: executive order closing executive departments "
                        "(federal closure; no SEC notice of its own found)",
    date(2025, 1, 9): "National day of mourning for President Carter: executive order of 2024-12-30; 'the SEC's "
                      "EDGAR filing system will be closed' (Free Writings & Perspectives, 2025-01)",
    date(2025, 12, 24): "Christmas Eve: executive order of 2025-12-18 closing executive departments on "
                        "2025-12-24 and 2025-12-26 (federal closure; no SEC notice of its own found)",
    date(2025, 12, 26): "Day after Christmas: executive order of 2025-12-18 (see 2025-12-24)",
}

SEC_CLOSURES = frozenset(EXECUTIVE_CLOSURES)

# Days in the table on which EDGAR is closed, weekends aside.
_CLOSED = frozenset(date.fromisoformat(day) for day, _ in _HOLIDAYS) | SEC_CLOSURES

# Regulation S-T Rule 13(a)(4): a Section 16 filing accepted by 10:00 p.m. Eastern is filed that day.
EDGAR_SECTION16_CUTOFF = time(22, 0)


def is_business_day(day: date) -> bool:
    """A weekday on which EDGAR is open. Raises :class:`OutsideCalendar` outside the table."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutsideCalendar(day)
    return day.weekday() < 5 and day not in _CLOSED


def why_closed(day: date) -> str | None:
    """Why EDGAR is closed on ``day`` ("weekend", the holiday's name, or the executive closure),
    None when it is open. Raises :class:`OutsideCalendar` outside the table."""
    if is_business_day(day):
        return None
    if day.weekday() >= 5:
        return "weekend"
    if day in EXECUTIVE_CLOSURES:
        return "SEC closed by executive order: " + EXECUTIVE_CLOSURES[day].split(":")[0]
    iso = day.isoformat()
    return next((name for holiday, name in _HOLIDAYS if holiday == iso), "federal holiday")


def next_business_day(day: date) -> date:
    """``day`` itself when it is a business day, else the first business day after it."""
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    """The ``count``-th business day after ``day`` (``day`` itself need not be a business day)."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutsideCalendar(day)
    while count > 0:
        day += timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return day


def business_days_after(start: date, end: date) -> int:
    """How many business days fall after ``start`` up to and including ``end`` (0 if end <= start)."""
    if not FIRST_DAY <= start <= LAST_DAY:
        raise OutsideCalendar(start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day):
            count += 1
    return count


def calendar_deadline(day: date, days: int) -> date:
    """``days`` calendar days after ``day``, moved to the next business day if the SEC is closed."""
    try:
        later = day + timedelta(days=days)
    except OverflowError:
        raise OutsideCalendar(day) from None
    return next_business_day(later)


def edgar_filing_date(accepted: datetime) -> date:
    """The filing date EDGAR gives a Section 16 filing accepted at ``accepted`` (Eastern time)."""
    if accepted.time() <= EDGAR_SECTION16_CUTOFF and is_business_day(accepted.date()):
        return accepted.date()
    return add_business_days(accepted.date(), 1)
