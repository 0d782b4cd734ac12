"""Read a vesting schedule out of the words of a footnote: a pure module, no filing model.

    parse_schedule("vest as to 25% of the shares on 04/06/2005. The remaining shares will then vest
                    in equal monthly installments over the following thirty-six months",
                   grant=date(2004, 4, 6), shares=Decimal(2450000))
    -> Schedule of 37 tranches: 1/4 on 2005-04-06, then 1/48 on the 6th of each month to 2008-04-06

The text is first normalised: dates in the common US forms become ``@2005-04-06@``, fractions
and percentages (``25%``, ``1/48th``, ``one-third``) become ``#1/4#``, numbers in words become
digits, ordinals ("first", "third") become ``o1``, ``o3``, and "the date of grant" becomes
``grant``. Clauses are then matched in the order written, each adding tranches; a "remaining
shares" clause spreads what is left. Anything conditional (performance milestones, "the earlier
of", an annual meeting) makes the whole text unparseable: a schedule is computed exactly or not at
all, never guessed.

Anniversaries keep the month and day (a February 29 grant vests on February 28 in common years);
monthly installments keep the anchor's day, clamped to the month's length.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Callable

from form16lint.form import MONTHS
from form16lint.lazy_regex import LazyRegex

from .amounts import figure


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
# Denominators in words: "one-third", "two-fifths", "one-quarter", "one-half".
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12}
PERIODS = {"annual": 12, "annually": 12, "yearly": 12, "year": 12, "years": 12, "semi-annual": 6,
           "semi-annually": 6, "quarterly": 3, "quarter": 3, "quarters": 3, "monthly": 1, "month": 1,
           "months": 1}

# Wording that makes a schedule depend on something other than the calendar.
CONDITIONAL = LazyRegex(
    r"earlier of|later of|performance|milestone|annual meeting|stockholder meeting|shareholder meeting"
    r"|market capitali[sz]ation|upon (?:the )?(?:achievement|attainment|satisfaction)|liquidity event"
    r"|initial public offering|\bipo\b|tranches?\b|target|goals?\b|if any")

# Acceleration and conditions are not part of the time schedule, and "so that ... fully vested on X"
# restates its end: each is dropped up to the next comma or sentence end. ("Shares subject to the
# option" is the award itself, not a condition.)
DROPPED = LazyRegex(r"\b(?:or earlier |subject to (?!(?:the|this|such|each) (?:option|award|grant|rsus?|warrant)\b)"
                     r"|so that |such that |provided,? however|in the event |except |unless )[^.;,]*")

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_DENOMINATOR_WORDS = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))

DATE = r"@(\d{4}-\d\d-\d\d)@"
FRAC = r"#(\d+)/(\d+)#"
# Words within one clause: no sentence end, no other date or fraction, and not into "the remaining".
GAP = r"(?:(?!remaining|balance|remainder)[^.;@#])*?"


@dataclass(frozen=True)
class Tranche:
    """One part of an award that vests on one day."""

    when: date
    fraction: Fraction  # of the award
    shares: Decimal | None = None  # when the text gives a count instead of a fraction


@dataclass
class Schedule:
    """A computed vesting schedule, tranches in date order."""

    tranches: list[Tranche] = field(default_factory=list)
    exercisable_at_grant: bool = False  # "immediately exercisable": exercisable before it vests
    by_shares: bool = False  # the text gave share counts rather than fractions

    @property
    def first(self) -> date:
        return self.tranches[0].when

    @property
    def last(self) -> date:
        return self.tranches[-1].when

    @property
    def total(self) -> Fraction:
        return sum((t.fraction for t in self.tranches), Fraction(0))

    @property
    def total_shares(self) -> Decimal | None:
        if not self.by_shares:
            return None
        return sum((t.shares or Decimal(0) for t in self.tranches), Decimal(0))

    def describe(self, day: Callable[[date], str] = date.isoformat, limit: int = 3) -> str:
        """"25% on 2005-04-06, 2.0833% on 2005-05-06, … 35 more to 2008-04-06" in short, each
        date written by ``day`` (so that a message writes all its dates alike)."""
        parts = []
        for tranche in self.tranches[:limit]:
            amount = f"{figure(tranche.shares)} shares" if tranche.shares is not None else percent(tranche.fraction)
            parts.append(f"{amount} on {day(tranche.when)}")
        if len(self.tranches) > limit:
            parts.append(f"… {len(self.tranches) - limit} more to {day(self.last)}")
        return ", ".join(parts)


def percent(fraction: Fraction) -> str:
    value = float(fraction) * 100
    return f"{value:.0f}%" if abs(value - round(value)) < 1e-9 else f"{value:.2f}%"


# -- dates ---------------------------------------------------------------------------------------

def add_months(start: date, months: int, *, month_end: bool = False) -> date:
    """``start`` moved by whole months, the day clamped to the month (Feb 29 + 12 -> Feb 28)."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if month_end else min(start.day, last))


def anniversary(start: date, years: int) -> date:
    return add_months(start, 12 * years)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return f"@{date(year, month, day).isoformat()}@"
    except ValueError:
        return None


def _replace_dates(text: str) -> str:
    def numeric(match):
        month, day, year = match.group(1), match.group(2), match.group(3)
        return _iso(_year(year), int(month), int(day)) or match.group(0)

    def iso(match):
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3))) or match.group(0)

    def worded(match):
        month = MONTHS[match.group(1).rstrip(".")]
        day, year = int(match.group(2)), int(match.group(3))
        found = _iso(year, month, day)
        if not found:
            return match.group(0)
        # "January 15, 2023, 2024 and 2025": the bare years repeat the month and day.
        tail = match.group(4) or ""
        for extra in re.findall(r"\d{4}", tail):
            found += " and " + (_iso(int(extra), month, day) or extra)
        return found

    text = re.sub(r"\b(\d{4})-(\d\d)-(\d\d)\b", iso, text)
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", numeric, text)
    return re.sub(rf"\b({_MONTH_WORDS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b((?:(?:,|,? and) \d{{4}}\b)*)",
                  worded, text)


# -- numbers ---------------------------------------------------------------------------------------

def _number_words(text: str) -> str:
    def compound(match):
        return str(TENS[match.group(1)] + (UNITS[match.group(2)] if match.group(2) else 0))

    text = re.sub(rf"\b({_TENS_WORDS})(?:[- ]({_UNIT_WORDS}))?\b", compound, text)
    return re.sub(rf"\b({_UNIT_WORDS})\b", lambda m: str(UNITS[m.group(1)]), text)


def _fraction_token(numerator: int, denominator: int) -> str:
    value = Fraction(numerator, denominator)
    return f"#{value.numerator}/{value.denominator}#"


def _replace_fractions(text: str) -> str:
    text = re.sub(r"\b(\d+(?:\.\d+)?)\s?(?:%|percent\b)",
                  lambda m: "#{}/{}#".format(*(Fraction(m.group(1)) / 100).as_integer_ratio()), text)
    text = re.sub(r"(?<!#)\b(\d+)/(\d+)(?:st|nd|rd|th)?\b(?!#)", lambda m: _fraction_token(int(m.group(1)), int(m.group(2)))
                  if int(m.group(2)) else m.group(0), text)
    text = re.sub(rf"\b({_UNIT_WORDS})[- ]({_DENOMINATOR_WORDS})\b",
                  lambda m: _fraction_token(UNITS[m.group(1)], DENOMINATORS[m.group(2)]), text)
    return re.sub(r"\b(?:all|the full amount|the entire award)\b(?= of the)", "#1/1#", text)


def _mentions(text: str, *words: str) -> bool:
    """Whether the text has any of the words in it, in any case: a test made before normalising a
    text, which costs far more. Normalising makes none of these words out of others (it rewrites
    dates, numbers, ordinals and "date of grant"), so a text without them cannot match after."""
    lowered = text.lower()
    return any(word in lowered for word in words)


_HUGE_NUMBER = LazyRegex(r"\d{13,}")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Pure and called for every footnote by five rules: cached, like the other readings of a
    text below that do not depend on the grant."""
    text = " ".join(text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-").split()).lower()
    # No vesting term has a number of more than twelve digits; one that has is no number this
    # module reads (and Python refuses int() of over 4,300 digits).
    text = _HUGE_NUMBER.sub("#", text)
    text = _replace_dates(text)
    text = _replace_fractions(text)  # before ordinals: "one-third" is a fraction, "third" an ordinal
    text = re.sub(rf"\b({_ORDINAL_WORDS})\b", lambda m: f"o{ORDINALS[m.group(1)]}", text)
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"o\1", text)
    text = _number_words(text)
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)  # 2,450,000 -> 2450000
    text = re.sub(r"(\d)\.(\d)", r"\1\2", text)  # no sentence end inside $4.0
    text = re.sub(r"\b(?:the )?(?:date of (?:the )?grant|grant date|date (?:the award|it) was granted)\b", "grant",
                  text)
    text = re.sub(r"\b1 year (?:from|after) grant\b", "the o1 anniversary of grant", text)
    text = re.sub(r"\binstall?ments\b", "installments", text)
    return text


@lru_cache(maxsize=4096)
def stated_grant_date(text: str) -> date | None:
    """The grant date a footnote states ("granted on April 15, 2010", "effective August 13, 2012,
    ... was granted", "the date of grant (September 14, 2018)"), or None."""
    if not _mentions(text, "grant"):  # every phrasing below names the grant
        return None
    norm = normalise(text)
    for pattern in (rf"granted (?:on|as of|effective) {DATE}", rf"effective {DATE},? {GAP}\bwas granted",
                    rf"\bon {DATE},? {GAP}\bwas granted", rf"grant,? \(?(?:of |on |being )?{DATE}",
                    rf"grant of {GAP}on {DATE}"):
        match = re.search(pattern, norm)
        if match:
            return date.fromisoformat(match.group(1))
    return None


# -- the schedule ----------------------------------------------------------------------------------

def _period(word: str | None) -> int | None:
    return PERIODS.get(word) if word else None


class _Builder:
    """Tranches in the order the text states them, and the dates the text's anchors may name."""

    def __init__(self, grant: date | None, commencement: date | None):
        self.grant = grant
        self.commencement = commencement
        self.tranches: list[Tranche] = []
        self.by_shares = False

    @property
    def vested(self) -> Fraction:
        return sum((t.fraction for t in self.tranches), Fraction(0))

    def add(self, when: date, fraction: Fraction, shares: Decimal | None = None):
        self.tranches.append(Tranche(when, fraction, shares))

    def series(self, first: date, count: int, months: int, fraction: Fraction, *, month_end=False):
        for k in range(count):
            self.add(add_months(first, k * months, month_end=month_end), fraction)

    def last_date(self) -> date | None:
        return self.tranches[-1].when if self.tranches else None

    def grant_date(self) -> date:
        return _known(self.grant)

    def anchor(self, text: str) -> date:
        return _known(_anchor(text, self.grant, self.commencement))

    def base(self, word: str) -> date:
        return _known(_base(word, self.grant, self.commencement))


def _known(value: date | None) -> date:
    """A date the schedule needs: when the text does not make it known, the text is unparseable."""
    if value is None:
        raise _Unparseable
    return value


def _anchor(text: str, grant: date | None, commencement: date | None) -> date | None:
    """The date an "anchor" phrase names: a date, grant, or the Nth anniversary of one of them."""
    text = text.strip()
    match = re.match(rf"(?:the )?o(\d+)(?: annual)? anniversary of (?:the )?(grant|vesting commencement date|{DATE})", text)
    if match:
        base = _base(match.group(2), grant, commencement)
        return anniversary(base, int(match.group(1))) if base else None
    match = re.match(DATE, text)
    if match:
        return date.fromisoformat(match.group(1))
    if text.startswith("grant"):
        return grant
    if text.startswith("vesting commencement date") or text.startswith("the vesting commencement date"):
        return commencement
    return None


def _base(word: str, grant: date | None, commencement: date | None) -> date | None:
    if word == "grant":
        return grant
    if "commencement" in word:
        return commencement
    match = re.match(DATE, word)
    return date.fromisoformat(match.group(1)) if match else None


ANCHOR = rf"(?:(?:the )?o\d+(?: annual)? anniversary of (?:the )?(?:grant|vesting commencement date|{DATE})|{DATE}|grant|(?:the )?vesting commencement date)"
ANCHOR_NC = re.sub(r"\((?!\?)", "(?:", ANCHOR)  # the same without capture groups, for embedding
PERIOD_WORD = r"(annual|annually|yearly|semi-annual|semi-annually|quarterly|monthly)"


def parse_schedule(text: str, grant: date | None = None, shares: Decimal | None = None) -> Schedule | None:
    """The schedule a footnote states, or None when it states none this module reads exactly
    (a schedule whose dates fall outside the calendar, past the year 9999, is none either)."""
    try:
        return _parse_schedule(text, grant, shares)
    except (ValueError, OverflowError):  # date(10004, ...): no date a rule could compare
        return None


def _parse_schedule(text: str, grant: date | None, shares: Decimal | None) -> Schedule | None:
    readable = _schedule_text(text)
    if readable is None:
        return None
    norm, commencement, immediately = readable
    build = _Builder(grant, commencement)
    position = 0
    while position < len(norm):
        best = None
        for pattern, action in CLAUSES:
            found = pattern.search(norm, position)
            if found and (best is None or found.start() < best[0].start()):
                best = (found, action)
        if best is None:
            break
        found, action = best
        if action(build, found) is False:
            return None
        position = found.end()
    if not build.tranches:
        return None
    if build.by_shares and shares:
        build.tranches = [Tranche(t.when, Fraction(t.shares) / Fraction(shares), t.shares) for t in build.tranches]
    elif build.by_shares:
        return None  # share counts with nothing to measure them against
    tranches = sorted(build.tranches, key=lambda t: t.when)
    return Schedule(tranches, exercisable_at_grant=immediately, by_shares=build.by_shares)


@lru_cache(maxsize=4096)
def _schedule_text(text: str) -> tuple[str, date | None, bool] | None:
    """What parse_schedule reads of a text whatever the grant: the normalised text without its
    conditions, the vesting commencement date it states, and whether it says the award is
    exercisable at once; None when the text states no calendar schedule."""
    if not _mentions(text, "vest", "exercisable"):
        return None
    norm = normalise(text)
    if not re.search(r"\bvest|exercisable", norm) or CONDITIONAL.search(norm):
        return None
    norm = DROPPED.sub("", norm)
    commencement = None
    match = re.search(rf"vesting commencement date (?:is|was|of|shall be|will be)? ?{DATE}", norm)
    if match:
        commencement = date.fromisoformat(match.group(1))
    immediately = bool(re.search(r"immediately exercisable|exercisable immediately|early exercise", norm))
    return norm, commencement, immediately


# -- the clauses: each action adds the tranches its match states -------------------------------------

def _full_at_grant(build, m):
    build.add(build.grant_date(), Fraction(1) - build.vested if build.tranches else Fraction(1))


def _fraction_at_grant(build, m):
    build.add(build.grant_date(), Fraction(int(m.group(1)), int(m.group(2))))


def _full_on_date(build, m):
    if build.vested >= 1:
        return None  # "These RSUs cliff vested on …" again: a restatement, not a tranche
    build.add(date.fromisoformat(m.group(1)), Fraction(1) - build.vested if build.tranches else Fraction(1))


def _fraction_on_each_anniversary(build, m):
    fraction = Fraction(int(m.group(1)), int(m.group(2)))
    ordinals = [int(o) for o in re.findall(r"o(\d+)", m.group(3))]
    if m.group(4):  # "the first three anniversaries"
        ordinals = list(range(ordinals[0], ordinals[0] + int(m.group(4))))
    base = build.base(m.group(5))
    for number in ordinals:
        build.add(anniversary(base, number), fraction)


def _fraction_on_each_date(build, m):
    fraction = Fraction(int(m.group(1)), int(m.group(2)))
    for when in re.findall(DATE, m.group(0)):
        build.add(date.fromisoformat(when), fraction)


def _shares_on_each_date(build, m):
    build.by_shares = True
    for when in re.findall(DATE, m.group(0)):
        build.add(date.fromisoformat(when), Fraction(0), Decimal(m.group(1)))


def _fraction_on_date(build, m):
    build.add(date.fromisoformat(m.group(3)), Fraction(int(m.group(1)), int(m.group(2))))


def _fraction_at_anchor(build, m):
    build.add(build.anchor(m.group(3)), Fraction(int(m.group(1)), int(m.group(2))))


def _equal_installments(build, m):
    count, period, first = m.group("count"), m.group("period"), m.group("first")
    over, over_unit = m.group("over"), m.group("over_unit")
    each = m.group("each")
    months = _period(period) or _period(over_unit if each else None)
    if each:  # "on each of the (succeeding|first) three anniversaries of grant"
        count = count or each
        months = 12
        start = anniversary(build.grant_date(), 1)
    elif first:
        start = build.anchor(first)
    else:
        return False
    if count is None and over and over_unit and months:
        count = int(over) * _period(over_unit) // months
    if not count or not months:
        return False
    remaining = Fraction(1) - build.vested
    build.series(start, int(count), months, remaining / int(count))


def _remaining_over(build, m):
    # The optional words sit inside lazy gaps: look for them in the whole clause.
    named = re.search(PERIOD_WORD, m.group(0))
    period = _period(named.group(1) if named else m.group("unit"))
    count = int(m.group("count"))
    unit_months = _period(m.group("unit"))
    installments = count * unit_months // period if period else None
    last = build.last_date()
    if not last or not installments or not period or build.vested >= 1:
        return False
    remaining = Fraction(1) - build.vested
    month_end = "last day of" in m.group(0)
    start = add_months(last, period, month_end=month_end)
    build.series(start, installments, period, remaining / installments, month_end=month_end)


def _remaining_in_n(build, m):
    count, period = int(m.group(1)), _period(m.group(2))
    last = build.last_date()
    if not last or not period:
        return False
    remaining = Fraction(1) - build.vested
    build.series(add_months(last, period), count, period, remaining / count)


def _periodic_fraction(build, m):
    fraction = Fraction(int(m.group("num")), int(m.group("den")))
    period = _period(m.group("period") or m.group("unit"))
    if not period or fraction <= 0:
        return False
    if m.group("start"):
        start = build.anchor(m.group("start"))
    elif m.group("from"):
        start = add_months(date.fromisoformat(m.group("from")), period)
    elif build.tranches:  # "... each month thereafter"
        start = add_months(build.last_date(), period)
    else:
        start = add_months(build.grant_date(), period)
    remaining = Fraction(1) - build.vested
    steps = remaining / fraction
    if steps.denominator != 1 or steps > 600:
        return False  # the installments do not divide what remains: not a schedule we can state
    build.series(start, int(steps), period, fraction)


def _annual_on_day(build, m):  # "25% ... on May 15 of each of the calendar years 2007, 2008, 2009 and 2010"
    fraction = Fraction(int(m.group(1)), int(m.group(2)))
    month, day = MONTHS[m.group(3)], int(m.group(4))
    for year in re.findall(r"\d{4}", m.group(5)):
        build.add(date(int(year), month, day), fraction)


def _equal_over_on_anniversary(build, m):  # "in equal installments over two years on the anniversary of the grant, X"
    count = int(m.group(1)) * _period(m.group(2)) // 12
    base = date.fromisoformat(m.group(3)) if m.group(3) else build.grant_date()
    build.series(anniversary(base, 1), count, 12, (Fraction(1) - build.vested) / count)


_VEST = r"(?:vest|vests|vested|vesting|exercisable)"
_CLAUSE_PATTERNS = [
    (rf"{FRAC}{GAP}\bon ({_MONTH_WORDS}) (\d{{1,2}}) of each of the (?:calendar |fiscal )?years ((?:\d{{4}}(?:,? (?:and )?)?)+)",
     _annual_on_day),
    (rf"(?:fully|immediately) {_VEST}{GAP}(?:on|as of|upon|at) grant|{_VEST} (?:and exercisable )?(?:in full )?"
     rf"(?:on|as of|upon) grant|(?:was|were|is|are) (?:fully )?vested and exercisable on grant|"
     rf"immediately vested|vested in full (?:on|upon|at) grant", _full_at_grant),
    (rf"{FRAC}{GAP}{_VEST}{GAP}(?:on|as of|upon|at) grant\b", _fraction_at_grant),
    (rf"{FRAC}{GAP}\bon each of the ((?:o\d+,? (?:and )?)+)(?:(\d+) )?(?:annual )?anniversaries of (?:the )?"
     rf"(grant|vesting commencement date|{DATE})", _fraction_on_each_anniversary),
    (rf"rate of (\d+) shares on each of {DATE}(?:,? (?:and )?{DATE})+", _shares_on_each_date),
    (rf"{FRAC}{GAP}\bon each of {DATE}(?:,? (?:and )?{DATE})+", _fraction_on_each_date),
    (rf"in equal installments over (\d+) (years?){GAP}on the anniversary of (?:the )?grant,? ?(?:{DATE})?",
     _equal_over_on_anniversary),
    (rf"(?:in (?P<count>\d+) )?(?:substantially )?equal,? (?:{PERIOD_WORD.replace('(', '(?P<period>', 1)} )?"
     rf"installments(?: over (?:a |the )?(?P<over>\d+)[- ](?P<over_unit>years?|months?)(?: period)?)?"
     rf"(?:{GAP}(?:beginning|commencing|starting)(?: on| with)? (?P<first>{ANCHOR_NC})"
     rf"|{GAP}on each of the (?:succeeding |following |next |o1 )?(?P<each>\d+) anniversaries of grant)?",
     _equal_installments),
    (rf"(?:remaining|balance|remainder){GAP}over the (?:following|next|succeeding) (?P<count>\d+) "
     rf"(?P<unit>years?|months?|quarters?)", _remaining_over),
    (rf"(?:remaining|balance|remainder){GAP}in (\d+) (?:substantially )?equal {PERIOD_WORD} installments", _remaining_in_n),
    (rf"#(?P<num>\d+)/(?P<den>\d+)#{GAP}(?:\b(?:on )?(?:each|every) (?P<unit>month|quarter|year)(?:ly anniversary)?|"
     rf"(?<!o\d )(?<!o\d\d ){PERIOD_WORD.replace('(', '(?P<period>', 1)}(?: anniversary)?)"
     rf"(?:{GAP}(?:beginning|commencing|starting) (?:on |with )?(?P<start>{ANCHOR_NC})|{GAP}from (?:@(?P<from>\d{{4}}-\d\d-\d\d)@))?",
     _periodic_fraction),
    (rf"(?:in full|fully|cliff)[- ]{_VEST}{GAP}\bon {DATE}", _full_on_date),
    (rf"{_VEST}{GAP}in full{GAP}\bon {DATE}", _full_on_date),
    (rf"{FRAC}{GAP}\bon {DATE}", _fraction_on_date),
    (rf"{FRAC}{GAP}\bon (?:the )?({ANCHOR_NC})", _fraction_at_anchor),
]


class _Unparseable(Exception):
    pass


def _guarded(action):
    def run(build, match):
        try:
            return action(build, match)
        except _Unparseable:
            return False

    return run


# (compiled pattern, action) pairs; the earliest match in the text is applied first.
CLAUSES = [(LazyRegex(pattern), _guarded(action)) for pattern, action in _CLAUSE_PATTERNS]


# -- the term --------------------------------------------------------------------------------------

TERM_PATTERNS = [
    r"\b(\d+)[- ]year (?:option )?term\b",
    r"\bterm of (?:the (?:option|award|warrant) is |(?:up to )?)?(\d+) years\b",
    r"\bterm (?:of the (?:option|award|warrant|rsus?) )?is (\d+) years\b",
    r"\bhave a term of (\d+) years\b",
    r"\bexpires? (?:on the date that is |on the day before )?(\d+) years (?:after|from|following) grant\b",
    r"\bexpires? (?:on )?(?:the )?o(\d+) anniversary of grant\b",
]


@lru_cache(maxsize=4096)
def stated_term_years(text: str) -> tuple[int, str] | None:
    """A term stated in words ("ten-year term", "expires seven years after the grant date"), as
    (years, the phrase that states it as normalised: "expires on the o10 anniversary of grant"),
    or None. Only the years are fit to quote to a reader."""
    if not _mentions(text, "term", "expir"):  # every pattern of TERM_PATTERNS has one
        return None
    norm = normalise(text)
    for pattern in TERM_PATTERNS:
        match = re.search(pattern, norm)
        if match:
            years = int(match.group(1))
            if 0 < years <= 30:
                return years, match.group(0)
    return None
