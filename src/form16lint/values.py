"""Reading the scalar values of a filing from text: dates, decimals, booleans, codes.

Readers share these so that "2004-04-06", "04/06/2004", "1,000" and "true" mean the same whatever
the input. Each function returns a :class:`~form16lint.model.Value`; text that cannot be read as
its type is kept in ``raw`` with no value, for rule S003 to report.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from form16lint.form import parse_date  # noqa: F401 - the date grammar lives in form.py
from form16lint.model import Value

# ASCII digits only: "１３０００" (full-width) or Arabic-Indic digits are not a number EDGAR takes,
# so they are kept as malformed text (S003), never read as 13000.
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)$", re.ASCII)
# No share count, price or amount comes near these; a number beyond them (1E+999999, NaN, a
# thousand digits) is not read as a number, so no rule computes with it.
MAX_EXPONENT = 100
MAX_DIGITS = 1000
_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}


def parse_decimal(text: str | None, *, allow_grouping: bool = False) -> Decimal | None:
    if text is None:
        return None
    text = text.strip()
    if allow_grouping:
        text = text.replace(",", "").replace("$", "").strip()
    if not _DECIMAL.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None


def readable_number(number: Decimal) -> bool:
    """Whether a number from the input is one the rules can compute with: finite, at most
    :data:`MAX_DIGITS` digits, its exponent within :data:`MAX_EXPONENT` either way."""
    if not number.is_finite():
        return False
    sign, digits, exponent = number.as_tuple()
    return len(digits) <= MAX_DIGITS and abs(number.adjusted()) <= MAX_EXPONENT and abs(exponent) <= MAX_DIGITS


def date_value(text: str | None, footnotes: list[str] | None = None) -> Value:
    return _typed(text, parse_date(text), footnotes)


def decimal_value(text: str | None, footnotes: list[str] | None = None, *, allow_grouping=False) -> Value:
    return _typed(text, parse_decimal(text, allow_grouping=allow_grouping), footnotes)


def bool_value(text: str | None, footnotes: list[str] | None = None) -> Value:
    parsed = _BOOLEANS.get(text.strip()) if text is not None else None
    return _typed(text, parsed, footnotes)


def text_value(text: str | None, footnotes: list[str] | None = None) -> Value:
    text = text.strip() if text else None
    return Value(text or None, list(footnotes or ()))


def _typed(text: str | None, parsed, footnotes) -> Value:
    notes = list(footnotes or ())
    if parsed is not None:
        return Value(parsed, notes)
    if text is not None and text.strip():
        return Value(None, notes, raw=text.strip())
    return Value(None, notes)
