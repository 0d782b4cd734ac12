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

TABLES = {
    "nonDerivativeTransactions": "Table I transaction row",
    "nonDerivativeHoldings": "Table I holding row",
    "derivativeTransactions": "Table II transaction row",
    "derivativeHoldings": "Table II holding row",
}

TABLE_I_COLUMNS = {
    "securityTitle": "title of security (column 1)",
    "transactionDate": "transaction date (column 2)",
    "deemedExecutionDate": "deemed execution date (column 2A)",
    "code": "transaction code (column 3)",
    "formType": "transaction form type",
    "equitySwapInvolved": "equity swap flag",
    "timeliness": "timeliness (column 3, V)",
    "shares": "amount (column 4)",
    "acquiredDisposed": "(A) or (D) (column 4)",
    "pricePerShare": "price (column 4)",
    "sharesOwnedFollowing": "amount owned following the transaction (column 5)",
    "valueOwnedFollowing": "value owned following the transaction (column 5)",
    "directOrIndirect": "ownership form, D or I (column 6)",
    "natureOfOwnership": "nature of indirect ownership (column 7)",
}

TABLE_II_COLUMNS = {
    "securityTitle": "title of derivative security (column 1)",
    "conversionOrExercisePrice": "conversion or exercise price (column 2)",
    "transactionDate": "transaction date (column 3)",
    "deemedExecutionDate": "deemed execution date (column 3A)",
    "code": "transaction code (column 4)",
    "formType": "transaction form type",
    "equitySwapInvolved": "equity swap flag",
    "timeliness": "timeliness (column 4, V)",
    "shares": "number of derivative securities (column 5)",
    "totalValue": "value of derivative securities (column 5)",
    "acquiredDisposed": "(A) or (D) (column 5)",
    "exerciseDate": "date exercisable (column 6)",
    "expirationDate": "expiration date (column 6)",
    "underlyingTitle": "title of underlying security (column 7)",
    "underlyingShares": "amount of underlying securities (column 7)",
    "underlyingValue": "value of underlying securities (column 7)",
    "pricePerShare": "price of derivative security (column 8)",
    "sharesOwnedFollowing": "number owned following the transaction (column 9)",
    "valueOwnedFollowing": "value owned following the transaction (column 9)",
    "directOrIndirect": "ownership form, D or I (column 10)",
    "natureOfOwnership": "nature of indirect ownership (column 11)",
}

# Form 3 has no transaction columns: Table I is title, amount, ownership form, nature.
FORM3_TABLE_I_COLUMNS = {
    "securityTitle": "title of security (column 1)",
    "sharesOwnedFollowing": "amount of securities beneficially owned (column 2)",
    "valueOwnedFollowing": "value of securities beneficially owned (column 2)",
    "directOrIndirect": "ownership form, D or I (column 3)",
    "natureOfOwnership": "nature of indirect beneficial ownership (column 4)",
}

FORM3_TABLE_II_COLUMNS = {
    "securityTitle": "title of derivative security (column 1)",
    "exerciseDate": "date exercisable (column 2)",
    "expirationDate": "expiration date (column 2)",
    "underlyingTitle": "title of underlying security (column 3)",
    "underlyingShares": "amount of underlying securities (column 3)",
    "underlyingValue": "value of underlying securities (column 3)",
    "conversionOrExercisePrice": "conversion or exercise price (column 4)",
    "directOrIndirect": "ownership form, D or I (column 5)",
    "natureOfOwnership": "nature of indirect beneficial ownership (column 6)",
}

# Form 5's Table I reports what is owned at the end of the issuer's fiscal year.
FORM5_TABLE_I_COLUMNS = TABLE_I_COLUMNS | {
    "sharesOwnedFollowing": "amount owned at the end of the issuer's fiscal year (column 5)",
    "valueOwnedFollowing": "value owned at the end of the issuer's fiscal year (column 5)",
}

COLUMNS = {  # base form -> (Table I columns, Table II columns)
    "3": (FORM3_TABLE_I_COLUMNS, FORM3_TABLE_II_COLUMNS),
    "4": (TABLE_I_COLUMNS, TABLE_II_COLUMNS),
    "5": (FORM5_TABLE_I_COLUMNS, TABLE_II_COLUMNS),
}

# The header boxes whose numbers differ between the forms.
BOX_NUMBERS = {
    "3": {"periodOfReport": 2, "issuer": 3, "relationship": 4, "dateOfOriginalSubmission": 5},
    "4": {"issuer": 2, "periodOfReport": 3, "dateOfOriginalSubmission": 4, "relationship": 5},
    "5": {"issuer": 2, "periodOfReport": 3, "dateOfOriginalSubmission": 4, "relationship": 5},
}
# The same boxes in words, for a form that does not number them (an unknown document type).
BOX_WORDS = {
    "periodOfReport": "the box of the period of report",
    "issuer": "the issuer box",
    "relationship": "the relationship box",
    "dateOfOriginalSubmission": "the box of the original filing's date",
}
PERIOD = {
    "3": "date of event requiring statement",
    "4": "date of earliest transaction",
    "5": "statement for issuer's fiscal year ended",
    None: "date of earliest transaction, fiscal year end or date of event",
}

TOP = {
    "documentType": "form type",
    "schemaVersion": "schema version",
    "notSubjectToSection16": "box 'no longer subject to Section 16'",
    "form3HoldingsReported": "box 'Form 3 holdings reported'",
    "form4TransactionsReported": "box 'Form 4 transactions reported'",
    "noSecuritiesOwned": "box 'no securities beneficially owned'",
    "aff10b5One": "Rule 10b5-1 checkbox",
    "jointFiling": "box 6, individual or joint filing",
    "remarks": "remarks",
    "footnotes": "explanation of responses",
    "signatures": "signature",
    "reportingOwners": "box 1, reporting person",
}

ISSUER = {"name": "issuer name", "tradingSymbol": "ticker or trading symbol"}  # in the issuer's box
ISSUER_CIK = "issuer CIK"  # EDGAR's, not printed on the form
OWNER = {
    "cik": "CIK", "name": "name", "address": "address",
    "isDirector": "Director box", "isOfficer": "Officer box",
    "isTenPercentOwner": "10% Owner box", "isOther": "Other box",
    "officerTitle": "officer title", "otherText": "'other' description",
}


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
