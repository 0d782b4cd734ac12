"""Helpers the B, D and C families share: figures as counsel reads them, and a row's footnotes."""

from __future__ import annotations

from decimal import Decimal

from form16lint.model import Value, walk


def figure(amount: Decimal) -> str:
    """4051557 -> "4,051,557"; 1250.50 -> "1,250.5": thousands separators, no exponent."""
    text = format(amount.normalize(), ",f")
    return text


def row_footnote_ids(row) -> list[str]:
    """Every footnote id a table row refers to, in order, without repeats."""
    ids: list[str] = []
    for _, leaf in walk(row):
        notes = leaf.footnotes if isinstance(leaf, Value) else []
        for note in notes:
            if note not in ids:
                ids.append(note)
    for note in getattr(row, "coding_footnotes", None) or []:
        if note not in ids:
            ids.append(note)
    return ids


def normalised_title(row) -> str:
    """The security title with case and whitespace normalised: how rows of one security are grouped."""
    return " ".join((row.security_title.value or "").lower().split())
