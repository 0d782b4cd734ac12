"""Where a filing refers to its footnotes, and what its footnotes say about prices.

Shared by the footnote rules: every reference (the value it qualifies and the id), and the
weighted-average price ranges a footnote gives ("at prices ranging from $10.01 to $10.50"). A
footnote is read for every row that refers to it: the readings of its text are kept, as tuples
that no caller can change.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from form16lint.lazy_regex import LazyRegex
from form16lint.model import Footnote
from form16lint.values import parse_decimal

from .walk import walked

FOOTNOTE_ID = LazyRegex(r"F([1-9][0-9]?)")


def references(filing, context=None) -> list[tuple[str, str, int]]:
    """(JSON pointer of the referring value, footnote id, position in its list) for every
    footnote reference of the filing (see :attr:`WalkedFiling.references`)."""
    return walked(filing, context).references


def row_references(filing, pointer: str, context=None) -> list[tuple[str, str, int]]:
    """The footnote references of the table row at ``pointer``, from any of its columns, in
    order (see :attr:`WalkedFiling.row_references`)."""
    return walked(filing, context).row_references.get(pointer, [])


def row_footnote_ids(filing, pointer: str, context=None) -> tuple[str, ...]:
    """Every footnote id the table row at ``pointer`` refers to, from any of its columns, in
    order, once each."""
    return walked(filing, context).row_footnote_ids.get(pointer, ())


def footnote(filing, footnote_id: str, context=None) -> Footnote | None:
    """The filing's (first) footnote with this id, as ``Filing.footnote`` finds it; during a run
    the footnotes are indexed once a filing."""
    if context is None:
        return filing.footnote(footnote_id)
    return context.shared(_footnotes_by_id, filing).get(footnote_id)


def _footnotes_by_id(filing, _context) -> dict[str, Footnote]:
    by_id: dict[str, Footnote] = {}
    for note in filing.footnotes:
        by_id.setdefault(note.id, note)
    return by_id


# -- weighted-average prices ------------------------------------------------------------------------
# "the price reported in Column 4 is a weighted average price", "weighted average sale price";
# not "the 30-day volume-weighted average share price" that a grant was measured by.
_AVERAGE = r"(?<!volume[\s-])weighted[\s-]+average"
WEIGHTED_AVERAGE = LazyRegex(
    _AVERAGE + r"\s+(?:(?:sale|sales|selling|purchase|per[\s-]+share|share)\s+)*price"
    r"|price[^.]{0,60}\b(?:is|was|represents)\s+(?:a|the)\s+" + _AVERAGE, re.IGNORECASE)
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_JOIN = r"\s*(?:to|and|through|-|–|—)\s*"
# "$10.01 to $10.50", "between $10.01 and $10.50", "$10.01 - 10.50"
_DOLLAR_RANGE = LazyRegex(r"\$\s*" + _NUMBER + _JOIN + r"(?:US)?\$?\s*" + _NUMBER, re.IGNORECASE)
# "ranging from 10.01 to 10.50", "in a range of 10.01 to 10.50" (no dollar signs)
_WORD_RANGE = LazyRegex(r"rang(?:e|es|ed|ing)\s+(?:of\s+|from\s+|between\s+)?" + _NUMBER + _JOIN + _NUMBER,
                         re.IGNORECASE)
# "the lowest price at which the shares were sold was $12.50 and the highest price was $12.685",
# "a low of $10.01 and a high of $10.50"
_LOW_HIGH = LazyRegex(r"\blow(?:est)?\b[^$]{0,60}?\$\s*" + _NUMBER + r"[^$]{0,60}?\bhigh(?:est)?\b[^$]{0,60}?\$\s*"
                       + _NUMBER, re.IGNORECASE)


@lru_cache(maxsize=4096)
def price_ranges(text: str) -> tuple[tuple[Decimal, Decimal], ...]:
    """The (low, high) price ranges a footnote states, in order; a "range" whose ends are reversed
    is not a price range and is left out."""
    found: list[tuple[int, int, Decimal, Decimal]] = []
    for pattern in (_DOLLAR_RANGE, _WORD_RANGE, _LOW_HIGH):
        for match in pattern.finditer(text):
            low, high = (parse_decimal(match.group(end), allow_grouping=True) for end in (1, 2))
            if low is None or high is None or low > high:
                continue
            if any(start <= match.start() < end for start, end, *_ in found):
                continue
            found.append((match.start(), match.end(), low, high))
    return tuple((low, high) for _, _, low, high in sorted(found))


@lru_cache(maxsize=4096)
def says_weighted_average(text: str) -> bool:
    return bool(WEIGHTED_AVERAGE.search(text))
