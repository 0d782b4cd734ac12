"""Helpers the rule families share: figures as counsel reads them, and how rows of one security group."""

from __future__ import annotations

from decimal import Decimal

from form16lint.model import plain_words


def figure(amount: Decimal) -> str:
    """4051557 -> "4,051,557"; 1250.50 -> "1,250.5": thousands separators, no exponent."""
    return format(amount.normalize(), ",f")


def money(amount: Decimal) -> str:
    """1005.600 -> "$1,005.600": a price with thousands separators and the decimals as filed."""
    return "$" + format(amount, ",f")


def normalised_title(row) -> str:
    """The security title as rows of one security are grouped, within a filing and across filings."""
    return plain_words(row.security_title.value)
