"""Where a filing refers to its footnotes, and what its footnotes say about prices.

Shared by the footnote rules: every reference (the value it qualifies and the id), and the
weighted-average price ranges a footnote gives ("at prices ranging from $10.01 to $10.50").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from form16lint.model import Value, walk

FOOTNOTE_ID = re.compile(r"F([1-9][0-9]?)")


def references(filing):
    """Yield (JSON pointer of the referring value, footnote id, position in its list).

    Values carry their ids in ``Value.footnotes``; the transaction code carries its own
    (``codingFootnotes``); the footnote list itself is not a reference."""
    for pointer, leaf in walk(filing):
        if pointer.startswith("/footnotes/"):
            continue
        if isinstance(leaf, Value):
            ids = leaf.footnotes
        elif pointer.endswith("/codingFootnotes") and isinstance(leaf, list):
            pointer = pointer[: -len("/codingFootnotes")] + "/code"
            ids = leaf
        else:
            continue
        for position, footnote_id in enumerate(ids):
            yield pointer, footnote_id, position


def row_footnote_ids(row) -> list[str]:
    """Every footnote id a table row refers to, from any of its columns, in order, once each."""
    ids: list[str] = []
    for _, leaf in walk(row):
        found = leaf.footnotes if isinstance(leaf, Value) else leaf if isinstance(leaf, list) else ()
        for footnote_id in found:
            if isinstance(footnote_id, str) and footnote_id not in ids:
                ids.append(footnote_id)
    return ids


# -- weighted-average prices ------------------------------------------------------------------------
# "the price reported in Column 4 is a weighted average price", "weighted average sale price";
# not "the 30-day volume-weighted average share price" that a grant was measured by.
_AVERAGE = r"(?<!volume[\s-])weighted[\s-]+average"
WEIGHTED_AVERAGE = re.compile(
    _AVERAGE + r"\s+(?:(?:sale|sales|selling|purchase|per[\s-]+share|share)\s+)*price"
    r"|price[^.]{0,60}\b(?:is|was|represents)\s+(?:a|the)\s+" + _AVERAGE, re.IGNORECASE)
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_JOIN = r"\s*(?:to|and|through|-|–|—)\s*"
# "$10.01 to $10.50", "between $10.01 and $10.50", "$10.01 - 10.50"
_DOLLAR_RANGE = re.compile(r"\$\s*" + _NUMBER + _JOIN + r"(?:US)?\$?\s*" + _NUMBER, re.IGNORECASE)
# "ranging from 10.01 to 10.50", "in a range of 10.01 to 10.50" (no dollar signs)
_WORD_RANGE = re.compile(r"rang(?:e|es|ed|ing)\s+(?:of\s+|from\s+|between\s+)?" + _NUMBER + _JOIN + _NUMBER,
                         re.IGNORECASE)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def price_ranges(text: str) -> list[tuple[Decimal, Decimal]]:
    """The (low, high) price ranges a footnote states, in order; a "range" whose ends are reversed
    is not a price range and is left out."""
    found: list[tuple[int, int, Decimal, Decimal]] = []
    for pattern in (_DOLLAR_RANGE, _WORD_RANGE):
        for match in pattern.finditer(text):
            low, high = _number(match.group(1)), _number(match.group(2))
            if low is None or high is None or low > high:
                continue
            if any(start <= match.start() < end for start, end, *_ in found):
                continue
            found.append((match.start(), match.end(), low, high))
    return [(low, high) for _, _, low, high in sorted(found)]


def says_weighted_average(text: str) -> bool:
    return bool(WEIGHTED_AVERAGE.search(text))
