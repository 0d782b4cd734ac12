"""A filing walked once: every leaf, and the footnote references among them.

Walking a filing (:func:`form16lint.model.walk`) visits some twenty values a table row, and is
the costliest thing a rule does. The rules that read every value (S003, S006) and those that
follow footnote references (the N rules, C007, B001) share one walk a filing, kept for the run
by :meth:`~form16lint.rule.RuleContext.shared`.
"""

from __future__ import annotations

from functools import cached_property

from form16lint import fieldnames
from form16lint.model import Value, walk

TABLES = tuple(f"/{table}/" for table in fieldnames.TABLES)  # the pointer prefixes of table rows


def walked(filing, context=None) -> WalkedFiling:
    """The filing walked; during a run, walked once a filing however many rules ask."""
    return context.shared(_walk, filing) if context else WalkedFiling(filing)


def _walk(filing, _context) -> WalkedFiling:
    return WalkedFiling(filing)


class WalkedFiling:
    """The leaves of one filing, in walk order, and what the rules read from them."""

    def __init__(self, filing):
        self.leaves: list[tuple[str, object]] = list(walk(filing))  # (JSON pointer, leaf)

    @cached_property
    def references(self) -> list[tuple[str, str, int]]:
        """(JSON pointer of the referring value, footnote id, position in its list) for every
        footnote reference. Values carry their ids in ``Value.footnotes``; the transaction code
        carries its own (``codingFootnotes``); the footnote list itself is not a reference."""
        referring = [(pointer, leaf) for pointer, leaf in self.leaves  # a first sift, for speed
                     if isinstance(leaf, Value) and leaf.footnotes
                     or isinstance(leaf, list) and pointer.endswith("/codingFootnotes")]
        found = []
        for pointer, leaf in referring:
            if pointer.startswith("/footnotes/"):
                continue
            if isinstance(leaf, Value):
                ids = leaf.footnotes
            else:
                pointer, ids = pointer[: -len("/codingFootnotes")] + "/code", leaf
            for position, footnote_id in enumerate(ids):
                found.append((pointer, footnote_id, position))
        return found

    @cached_property
    def row_references(self) -> dict[str, list[tuple[str, str, int]]]:
        """Table row pointer -> the footnote references of its columns (as :attr:`references`
        gives them), in walk order. Rows without a reference are left out."""
        by_row: dict[str, list[tuple[str, str, int]]] = {}
        for reference in self.references:
            pointer = reference[0]
            if pointer.startswith(TABLES):
                row = pointer[: pointer.index("/", pointer.index("/", 1) + 1)]
                by_row.setdefault(row, []).append(reference)
        return by_row

    @cached_property
    def row_footnote_ids(self) -> dict[str, tuple[str, ...]]:
        """Table row pointer -> every footnote id the row refers to, from any of its columns, in
        order, once each. Rows without a reference are left out."""
        return {row: tuple(dict.fromkeys(footnote_id for _, footnote_id, _ in references
                                         if isinstance(footnote_id, str)))
                for row, references in self.row_references.items()}
