"""The SEC calendar is a shipped table: it must equal what the ``holidays`` package computes over
its years, list the executive closures that package knows, and say "cannot decide" beyond them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from form16lint import business_days
from form16lint.business_days import (
    EXECUTIVE_CLOSURES,
    FIRST_DAY,
    LAST_DAY,
    OutsideCalendar,
    add_business_days,
    business_days_after,
    calendar_deadline,
    edgar_filing_date,
    is_business_day,
    next_business_day,
)
from form16lint.federal_holidays import HOLIDAYS

holidays = pytest.importorskip("holidays", reason="the holidays package regenerates and checks the table")

YEARS = range(FIRST_DAY.year, LAST_DAY.year + 1)
HALF_DAY_CLOSINGS = {date(2002, 12, 24), date(2009, 12, 24), date(2015, 12, 24)}  # EDGAR open


def test_the_table_equals_what_holidays_computes_over_its_range():
    computed = holidays.country_holidays("US", years=YEARS)
    assert [(date.fromisoformat(day), name) for day, name in HOLIDAYS] == sorted(computed.items())


def test_every_full_day_government_closure_holidays_knows_is_a_closure():
    government = set(holidays.country_holidays("US", categories=("government",), years=YEARS))
    public = set(holidays.country_holidays("US", years=YEARS))
    assert government - public - HALF_DAY_CLOSINGS == set(EXECUTIVE_CLOSURES)
    for day in HALF_DAY_CLOSINGS:
        assert is_business_day(day)


@pytest.mark.parametrize("day", [date(2004, 6, 11), date(2007, 1, 2), date(2018, 12, 5), date(2018, 12, 24),
                                 date(2024, 12, 24), date(2025, 1, 9)])
def test_edgar_is_closed_on_days_the_government_closed(day):
    assert day.weekday() < 5 and not is_business_day(day)
    assert EXECUTIVE_CLOSURES[day]  # each closure says where it comes from


def test_deadlines_skip_executive_closures():
    assert add_business_days(date(2025, 1, 7), 2) == date(2025, 1, 10)  # 9 January 2025 closed
    assert next_business_day(date(2004, 6, 11)) == date(2004, 6, 14)
    assert business_days_after(date(2018, 12, 21), date(2018, 12, 27)) == 2  # 24th and 25th closed


@pytest.mark.parametrize("call", [
    lambda: is_business_day(date(9999, 1, 4)),
    lambda: is_business_day(date(1989, 12, 29)),
    lambda: add_business_days(date(9999, 12, 30), 2),
    lambda: add_business_days(date(2030, 12, 30), 5),  # runs off the end of the table
    lambda: business_days_after(date(2030, 12, 1), date(2031, 2, 1)),
    lambda: calendar_deadline(date(9999, 12, 31), 45),
    lambda: next_business_day(date(9999, 12, 31)),
    lambda: edgar_filing_date(datetime(9999, 3, 1, 23, 0)),
])
def test_beyond_the_table_is_cannot_decide_never_a_crash(call):
    with pytest.raises(OutsideCalendar) as raised:
        call()
    assert isinstance(raised.value, ValueError) and "outside the SEC calendar" in str(raised.value)


def test_the_generator_reproduces_the_shipped_table():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "tools" / "make_sec_calendar.py"
    spec = importlib.util.spec_from_file_location("make_sec_calendar", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = Path(business_days.__file__).with_name("federal_holidays.py").read_text(encoding="utf-8")
    rendered = module.render(FIRST_DAY.year, LAST_DAY.year)
    strip = lambda text: [line for line in text.splitlines() if "holidays` package (version" not in line]
    assert strip(rendered) == strip(shipped)


@pytest.mark.parametrize("form, period, row_date, deemed, signed", [
    ("4", "9999-01-01", "9999-01-01", "9999-01-05", "9999-01-04"),
    ("4", "2024-03-01", "2024-03-01", None, "9999-01-04"),
    ("5", "9999-12-31", "9999-06-01", None, "9999-12-31"),
    ("3", "9999-12-31", "9999-12-31", None, "9999-12-31"),
])
def test_dates_beyond_the_calendar_give_no_finding_and_no_crash(lint_text, form, period, row_date, deemed, signed):
    from filings import nd_tx, ownership_xml

    row = nd_tx(date=row_date, deemed=deemed, form_type="5" if form == "5" else "4")
    xml = ownership_xml(document_type=form, period=period, signatures=(("/s/ Jane Doe", signed),),
                        nd_transactions=[row] if form != "3" else [])
    found = lint_text(xml).findings
    assert not [f for f in found if f.code == "F001"], [f.message for f in found if f.code == "F001"]
    assert not [f for f in found if f.code in ("D005", "D006")]


def test_why_edgar_is_closed():
    from form16lint.business_days import why_closed

    assert why_closed(date(2024, 3, 1)) is None
    assert why_closed(date(2024, 3, 2)) == "weekend"
    assert why_closed(date(2024, 7, 4)) == "Independence Day"
    assert why_closed(date(2025, 1, 9)).startswith("SEC closed by executive order: National day of mourning")
