"""Reading what footnotes and remarks say about Rule 10b5-1 plans: whether a trade was under one,
and the date the plan was adopted. Text that cannot be read with confidence yields nothing."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from form16lint.form import MONTHS, parse_date
from form16lint.lazy_regex import LazyRegex

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = LazyRegex(
    rf"\b(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?,?\s+(?P<year2>\d{{4}})"
    r"|(?P<numeric>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}))\b",
    re.IGNORECASE)
_PLAN = LazyRegex(r"10b5\s*-\s*1|trading plan|sales plan", re.IGNORECASE)
_ADOPTED = LazyRegex(r"\badopt|\bentered\s+into\b|\bestablished\b|\bdated\b|\bexecuted\b", re.IGNORECASE)
_UNDER = LazyRegex(r"\b(pursuant\s+to|under|in\s+accordance\s+with|according\s+to|effected\s+(?:through|by|via))\b"
                    r"[^.;]{0,80}?10b5\s*-\s*1", re.IGNORECASE)
_NEGATED = LazyRegex(r"\bnot\b[^.;]{0,40}(pursuant|under|in accordance)", re.IGNORECASE)
_SENTENCE = LazyRegex(r"(?<=[.;])\s+(?=[A-Z(])")

# The same footnotes are read for every row that refers to them and by several rules: each
# reading of a text is kept (results are tuples, so no caller can change a kept answer).
_cached = lru_cache(maxsize=4096)


@_cached
def dates_in(text: str) -> tuple[tuple[int, date], ...]:
    """(position, date) of every date written in a common US or ISO form; impossible dates skipped."""
    found = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        day = parse_date(groups["numeric"]) if groups["numeric"] else _worded_date(groups)
        if day is not None:
            found.append((match.start(), day))
    return tuple(found)


def _worded_date(groups) -> date | None:
    """A date written with the month's name ("May 5, 2023", "5 May 2023"); None when there is no such day."""
    month = MONTHS[(groups["month"] or groups["month2"]).lower()]
    day, year = int(groups["day"] or groups["day2"]), int(groups["year"] or groups["year2"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A full stop that ends no sentence: after an initial ("Mark A. Goldsmith") or a common
# abbreviation ("Inc.", "Corp.", "No.", "Mr.", "Jr.", "approx.").
_NOT_AN_END = LazyRegex(
    r"(?:\b[A-Z]|\b(?:Inc|Corp|Co|Ltd|L\.?P|L\.?L\.?C|N\.?A|No|Nos|Mr|Mrs|Ms|Dr|Jr|Sr|St|Messrs|Sec|Sect|Reg|"
    r"approx|est|vs|etc|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$")


@_cached
def sentences(text: str) -> tuple[str, ...]:
    """The text's sentences, not cut after an initial or an abbreviation."""
    result: list[str] = []
    for part in _SENTENCE.split(" ".join(text.split())):
        if not part:
            continue
        if result and _NOT_AN_END.search(result[-1]):
            result[-1] += " " + part
        else:
            result.append(part)
    return tuple(result)


def mentions_a_plan(text: str) -> bool:
    """A quick test that passes every text a sentence of which ``_PLAN`` matches: each of its
    phrasings has "10b5" or "plan" in it. Most footnotes fail it and need no closer reading."""
    lowered = text.lower()
    return "10b5" in lowered or "plan" in lowered


@_cached
def adoption_dates(text: str) -> tuple[date, ...]:
    """The plan adoption dates a text gives: in a sentence about a trading plan, the first date
    after a word of adoption ("adopted on", "entered into on", "dated")."""
    if not mentions_a_plan(text):
        return ()
    result = []
    for sentence in sentences(text):
        if not _PLAN.search(sentence):
            continue
        dates = dates_in(sentence)
        for keyword in _ADOPTED.finditer(sentence):
            after = [(pos, day) for pos, day in dates if pos > keyword.start()]
            if after:
                result.append(after[0][1])
                break
    return tuple(result)


@_cached
def gives_adoption_date(text: str) -> bool:
    """True when a sentence about a trading plan carries a date (the adoption date, however worded)."""
    return mentions_a_plan(text) and any(_PLAN.search(s) and dates_in(s) for s in sentences(text))


@_cached
def says_under_plan(text: str) -> bool:
    """True when the text says a transaction was made under a Rule 10b5-1 plan (not that it was not)."""
    return "10b5" in text.lower() and any(_UNDER.search(s) and not _NEGATED.search(s) for s in sentences(text))
