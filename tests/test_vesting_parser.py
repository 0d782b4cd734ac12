"""The vesting-schedule parser on the phrasings people write, and on what it must refuse."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from form16lint.rulekit.vesting import (add_months, anniversary, normalise, parse_schedule, stated_grant_date,
                                       stated_term_years)

GRANT = date(2004, 4, 6)


def summary(text, grant=GRANT, shares=None):
    schedule = parse_schedule(text, grant, shares)
    assert schedule is not None, normalise(text)
    return len(schedule.tranches), schedule.total, schedule.first, schedule.last


@pytest.mark.parametrize("text, expected", [
    # the seed Form 4: 25% after a year, then 36 monthly tranches of 1/48
    ("The option will vest as to 25% of the shares on 04/06/2005. The remaining shares will then vest in equal "
     "monthly installments over the following thirty-six months.", (37, 1, date(2005, 4, 6), date(2008, 4, 6))),
    ("The option vests in four equal annual installments beginning on the first anniversary of the grant date.",
     (4, 1, date(2005, 4, 6), date(2008, 4, 6))),
    ("1/48th of the shares vest monthly", (48, 1, date(2004, 5, 6), date(2008, 4, 6))),
    ("The RSUs vest in full on March 1, 2025.", (1, 1, date(2025, 3, 1), date(2025, 3, 1))),
    ("The option was fully vested on the date of grant.", (1, 1, GRANT, GRANT)),
    ("One-third of the option vests on each of the first three anniversaries of the date of grant.",
     (3, 1, date(2005, 4, 6), date(2007, 4, 6))),
    ("25% of the shares underlying the option are scheduled to vest on each of the first, second, third and fourth "
     "anniversaries of the date of grant, such that the option will be fully vested on the fourth anniversary.",
     (4, 1, date(2005, 4, 6), date(2008, 4, 6))),
    ("This option becomes vested and exercisable at the rate of one-third on 10/18/2005, one-third on 10/18/2006, "
     "and one-third on 10/18/2007.", (3, 1, date(2005, 10, 18), date(2007, 10, 18))),
    ("Two-fifths of the RSUs vested on the grant date and one-fifth of the RSU's will vest on each of the first, "
     "second and third anniversaries of the grant date subject to continued employment.",
     (4, 1, GRANT, date(2007, 4, 6))),
    ("The options will become exercisable in three equal, annual installments beginning one year from the date of "
     "grant or earlier upon the death, disability or retirement of the recipient.",
     (3, 1, date(2005, 4, 6), date(2007, 4, 6))),
    ("Vesting commencement date is March 31, 2025. 25% of the shares vest and become exercisable on the first annual "
     "anniversary of the vesting commencement date and the balance vest and become exercisable equally on the last "
     "day of every month thereafter over the following 36 months.", (37, 1, date(2026, 3, 31), date(2029, 3, 31))),
    ("1/60th of the shares subject to the option became vested and exercisable on July 24, 2019 and 1/60th of the "
     "shares subject to the option become vested and exercisable on each monthly anniversary thereafter, so that "
     "all such shares will be fully vested on June 24, 2024.", (60, 1, date(2019, 7, 24), date(2024, 6, 24))),
    ("The RSUs vest as to 1/16 of the total shares quarterly beginning on March 15, 2022 until fully vested.",
     (16, 1, date(2022, 3, 15), date(2025, 12, 15))),
    ("1/36th of the shares shall become vested as of each monthly anniversary from June 18, 2019.",
     (36, 1, date(2019, 7, 18), date(2022, 6, 18))),
    ("The RSUs vest 1/3 on each of January 15, 2023, 2024 and 2025", (3, 1, date(2023, 1, 15), date(2025, 1, 15))),
    ("1/4th of the shares became vested on December 4, 2009 and 1/48th of the shares shall become vested each month "
     "thereafter.", (37, 1, date(2009, 12, 4), date(2012, 12, 4))),
    ("Vesting in equal installments over two years on the anniversary of the grant, May 12, 2014.",
     (2, 1, date(2015, 5, 12), date(2016, 5, 12))),
    ("Units become vested with respect to 25% of the units on May 15 of each of the calendar years 2007, 2008, 2009 "
     "and 2010.", (4, 1, date(2007, 5, 15), date(2010, 5, 15))),
    # every date form, and a schedule that leaves a quarter unvested (V002's case)
    ("vests 25% on Apr. 6, 2005, 25% on 4/6/06 and 25% on 2007-04-06", (3, Fraction(3, 4), date(2005, 4, 6),
                                                                         date(2007, 4, 6))),
    ("vests one-half on April 6, 2005 and one half on Sept. 6, 2005", (2, 1, date(2005, 4, 6), date(2005, 9, 6))),
    ("The option vests in thirty-six equal monthly installments beginning on 5/6/04.",
     (36, 1, date(2004, 5, 6), date(2007, 4, 6))),
])
def test_parses(text, expected):
    assert summary(text) == expected


def test_share_counts_become_fractions():
    schedule = parse_schedule("this award will vest at a rate of 1,984 shares on each of May 15, 2025, May 15, 2026, "
                              "and May 15, 2027.", date(2024, 4, 12), Decimal(5952))
    assert schedule.by_shares and schedule.total == 1 and schedule.total_shares == Decimal(5952)


def test_seed_schedule_in_detail():
    schedule = parse_schedule("The option will vest as to 25% of the shares on 04/06/2005. The remaining shares will "
                              "then vest in equal monthly installments over the following thirty-six months.",
                              GRANT, Decimal(2450000))
    assert schedule.tranches[0].fraction == Fraction(1, 4)
    assert {t.fraction for t in schedule.tranches[1:]} == {Fraction(1, 48)}
    assert [t.when for t in schedule.tranches[1:3]] == [date(2005, 5, 6), date(2005, 6, 6)]


def test_immediately_exercisable_is_flagged():
    schedule = parse_schedule("The shares subject to the option are immediately exercisable and vest in 48 equal "
                              "monthly installments beginning on August 19, 2019.", None)
    assert schedule.exercisable_at_grant and schedule.first == date(2019, 8, 19) and len(schedule.tranches) == 48


@pytest.mark.parametrize("text", [
    "100% of the option vests on the earlier of (i) September 19, 2019 or (ii) the first annual meeting.",
    "The option vests in ten equal installments based on the attainment of market capitalization milestones.",
    "The option shares are fully vested and may be exercised at any time.",  # no date: nothing to compute
    "The remaining shares vest in equal monthly installments thereafter.",  # how many, from when?
    "The RSUs will vest in full on the date of the next annual meeting of stockholders of the Issuer.",
    "Represents shares held by a trust for the benefit of the reporting person's children.",
    "The option vests in four equal annual installments beginning on the first anniversary of the grant date.",  # no grant
])
def test_refuses_what_it_cannot_compute(text):
    grant = None if "first anniversary" in text else GRANT
    assert parse_schedule(text, grant) is None


@pytest.mark.parametrize("start, months, expected", [
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 12, 15), 3, date(2024, 3, 15)),
])
def test_month_arithmetic(start, months, expected):
    assert add_months(start, months) == expected


def test_anniversary_of_leap_day():
    assert anniversary(date(2020, 2, 29), 1) == date(2021, 2, 28)


@pytest.mark.parametrize("text, years", [
    ("The term of the option is ten years.", 10), ("These RSUs have a term of 7 years", 7),
    ("The option has a ten-year term.", 10), ("The option expires seven years after the grant date.", 7),
    ("The option will expire on the tenth anniversary of the date of grant.", 10),
])
def test_stated_term(text, years):
    assert stated_term_years(text)[0] == years


@pytest.mark.parametrize("text, expected", [
    ("Represents RSUs that were granted on April 15, 2010.", date(2010, 4, 15)),
    ("Effective August 13, 2012, the reporting person was granted an option", date(2012, 8, 13)),
    ("12 months following the date of grant (September 14, 2018)", date(2018, 9, 14)),
    ("The option vests in full on March 1, 2025.", None),
])
def test_stated_grant_date(text, expected):
    assert stated_grant_date(text) == expected
