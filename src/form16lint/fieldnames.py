"""JSON pointers in words, the way the printed form names its boxes and columns.

``/nonDerivativeTransactions/2/sharesOwnedFollowing`` reads "Table I transaction row 3, amount
owned following the transaction (column 5)" so that counsel can find it on the form. Forms 3, 4
and 5 number their boxes and columns differently (a Form 3's issuer is box 3, a Form 4's box 2):
the words follow the form being named, which the engine sets while the rules check a filing
(:func:`naming_boxes_of`) and reporters pass as ``form``.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar

from form16lint.form import (  # noqa: F401 - the form's own words, kept in form.py
    TABLES,
    TABLE_I_COLUMNS,
    TABLE_II_COLUMNS,
    FORM3_TABLE_I_COLUMNS,
    FORM3_TABLE_II_COLUMNS,
    FORM5_TABLE_I_COLUMNS,
    COLUMNS,
    BOX_NUMBERS,
    BOX_WORDS,
    PERIOD,
    TOP,
    ISSUER,
    ISSUER_CIK,
    OWNER,
)


_NAMING_FORM: ContextVar[str | None] = ContextVar("form16lint_naming_form", default=None)


@contextmanager
def naming_boxes_of(form: str | None):
    """While the block runs, :func:`describe` names boxes and columns as ``form`` ("3", "4",
    "5", amendments with their form) numbers them."""
    token = _NAMING_FORM.set(form)
    try:
        yield
    finally:
        _NAMING_FORM.reset(token)


def box(field: str, form: str | None = None) -> str:
    """"box 3" for a header field (periodOfReport, issuer, relationship, dateOfOriginalSubmission)
    as ``form`` (else the form being checked) numbers it; the box in words ("the relationship
    box") when the form is not known."""
    return _numbered(field, form) or BOX_WORDS[field]


def _numbered(field: str, form: str | None) -> str | None:
    number = BOX_NUMBERS.get(_base(form), {}).get(field)
    return f"box {number}" if number else None


def column(pointer: str, form: str | None = None) -> str:
    """"column 7" for a table field's pointer, as ``form`` (else the form being checked) numbers
    it: Table I's nature of ownership is column 7 on Forms 4 and 5, column 4 on Form 3, and
    Table II's is column 11 (column 6 on Form 3). "its column" when the field has no number."""
    found = re.search(r"\((column [^),]+)", describe(pointer, form))
    return found.group(1) if found else "its column"


def _base(form: str | None) -> str | None:
    return (form or _NAMING_FORM.get() or "").split("/")[0] or None


def _boxed(field: str, words: str, form: str | None) -> str:
    place = _numbered(field, form)
    return f"{place}, {words}" if place else words


def describe(pointer: str, form: str | None = None) -> str:
    """The field a pointer names, in the words of the form (``form``, else the one being checked);
    the pointer itself when unknown."""
    form = _base(form)
    parts = [p for p in pointer.split("/")[1:]]
    if not parts:
        return "the filing"
    head = parts[0]
    if head in TABLES and len(parts) >= 2 and parts[1].isdigit():
        words = f"{TABLES[head]} {int(parts[1]) + 1}"
        if len(parts) >= 3:
            table = 1 if head.startswith("derivative") else 0
            columns, usual = COLUMNS.get(form, COLUMNS["4"])[table], COLUMNS["4"][table]
            words += ", " + (columns.get(parts[2]) or usual.get(parts[2], parts[2]))
        return words
    if head == "issuer":
        if parts[1:] == ["cik"]:
            return ISSUER_CIK
        return _boxed("issuer", ISSUER.get(parts[1], "issuer") if len(parts) > 1 else "issuer", form)
    if head == "reportingOwners" and len(parts) >= 2:
        words = f"reporting person {int(parts[1]) + 1}"
        place = _numbered("relationship", form)
        relationship = f"relationship ({place})" if place else "relationship to issuer"
        tail = [relationship if p == "relationship" else OWNER.get(p, p)
                for p in parts[2:] if p != "relationship" or len(parts) == 3]
        return ", ".join([words] + tail)
    if head == "footnotes" and len(parts) >= 2:
        return f"footnote {int(parts[1]) + 1}"
    if head == "signatures" and len(parts) >= 2:
        return f"signature {int(parts[1]) + 1}" + (" date" if parts[-1] == "date" else "")
    if head == "periodOfReport":
        return _boxed("periodOfReport", PERIOD.get(form, PERIOD[None]), form)
    if head == "dateOfOriginalSubmission":
        return _boxed("dateOfOriginalSubmission", "date of original filing (amendments)", form)
    return TOP.get(head, pointer)
