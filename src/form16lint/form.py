"""The form's knowledge, in one public place: what Forms 3, 4 and 5 are made of.

Readers, rules, ``show`` and the field names (:mod:`form16lint.fieldnames`) all take from here,
and a third-party pack should too:

- the forms and their statement titles (:data:`FORM_TYPES`, :data:`STATEMENT_TITLES`);
- transaction codes, their meaning and the direction each fixes in each table
  (:data:`CODE_NAMES`, :data:`ACQUIRE`, :data:`DISPOSE`, :func:`row_code`, :func:`row_direction`);
- the tables, boxes and columns of each form in the form's own words (:data:`COLUMNS`,
  :data:`BOX_NUMBERS`, :data:`PERIOD`, ...);
- the date grammar: ISO dates as EDGAR XML writes them, US dates as the printed form does, month
  names as prose does (:func:`parse_date`, :data:`MONTHS`);
- the name normalisers that decide when two spellings are one name (:func:`plain_words` for
  titles and natures of ownership, :func:`normal_name` for issuers, :func:`normal_ticker`,
  :func:`cik_key`).

It is data and small pure functions only; it imports nothing of form16lint.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

# -- the forms ----------------------------------------------------------------------------------------
FORM_TYPES = ("3", "3/A", "4", "4/A", "5", "5/A")
BASE_FORMS = ("3", "4", "5")
STATEMENT_TITLES = {
    "3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
    "4": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
}
# The label of the period-of-report box as each form prints it.
PERIOD_HEADINGS = {
    "3": "Date of Event Requiring Statement",
    "4": "Date of Earliest Transaction",
    "5": "Statement for Issuer's Fiscal Year Ended",
}


# -- transaction codes (Form 4 General Instruction 8) ----------------------------------------------
# In EDGAR XML K and V are not codes: the schema carries the equity swap (K) in its own flag and
# voluntary early reporting (V) in the timeliness field. The printed form has both as codes.
XML_CODES = frozenset("ACDEFGHIJLMOPSUWXZ")
PRINTED_CODES = XML_CODES | {"K", "V"}
CODE_NAMES = {
    "P": "open market or private purchase", "S": "open market or private sale",
    "A": "grant or award from the issuer", "D": "disposition to the issuer",
    "F": "payment of exercise price or tax by delivering or withholding securities",
    "L": "small acquisition", "M": "exercise or conversion of an exempt derivative security",
    "C": "conversion of a derivative security", "X": "exercise of an in-the-money derivative security",
    "O": "exercise of an out-of-the-money derivative security",
    "U": "disposition in a change-of-control tender", "E": "expiration of a short derivative position",
    "H": "expiration or cancellation of a long derivative position with value received",
    "G": "gift", "W": "acquisition or disposition by will or the laws of descent",
    "I": "discretionary transaction", "J": "other acquisition or disposition", "Z": "voting trust deposit or withdrawal",
}
# The codes that fix a row's direction, per table ("I", "II"): an exercise or conversion acquires
# the underlying shares in Table I and disposes of the derivative in Table II.
ACQUIRE = {"I": frozenset("PALMCXO"), "II": frozenset("PAL")}
DISPOSE = {"I": frozenset("SDFU"), "II": frozenset("SDFUMCXOEH")}
EXERCISE_OR_CONVERSION = frozenset("MCXO")


def code_direction(code: str, table: str) -> str | None:
    """"A" or "D" when the code fixes the direction of a row of ``table`` ("I" or "II"), else None
    (G, J, W and the like go either way)."""
    if code in ACQUIRE[table]:
        return "A"
    if code in DISPOSE[table]:
        return "D"
    return None


def row_code(row) -> str:
    """A transaction row's code as the form lists it: stripped, in capitals ("" when none)."""
    return (row.code or "").strip().upper()


def row_direction(row) -> str:
    """A transaction row's (A) or (D), stripped and in capitals ("" when none)."""
    return (row.acquired_disposed.value or "").strip().upper()


# -- tables, boxes and columns, in the words of each form --------------------------------------------
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


# -- the date grammar ----------------------------------------------------------------------------------
# ASCII digits only: full-width or Arabic-Indic digits are no date EDGAR takes (S003).
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$", re.ASCII)  # EDGAR XML, with an optional zone
US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$", re.ASCII)  # the printed form: month/day/year
# Month names as prose writes them, lower case, to their number: "december", "dec", "sept".
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name[:3]: index for name, index in list(MONTHS.items())})
MONTHS["sept"] = 9


def parse_date(text: str | None) -> date | None:
    """An ISO date (as EDGAR XML writes it) or a US date (as the printed form does); a two-digit
    year is 1970-2069. None for anything else and for days that do not exist (2023-02-30)."""
    if not text:
        return None
    text = text.strip()
    match = ISO_DATE.match(text)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = US_DATE.match(text)
        if match:
            year = int(match[3])
            if len(match[3]) == 2:
                year += 2000 if year < 70 else 1900
            return date(year, int(match[1]), int(match[2]))
    except ValueError:  # 2023-02-30 and the like
        return None
    return None


# -- names ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def plain_words(text: str | None) -> str:
    """Lower case, punctuation set aside and a leading "by" dropped: how security titles and
    natures of ownership are compared ("By Fund IV, L.P." is "Fund IV LP"). Titles and natures
    repeat across the filings of a run: each is read once."""
    words = re.sub(r"[^a-z0-9 ]", "", re.sub(r"[-/]", " ", (text or "").lower())).split()
    return " ".join(words[1:] if words[:1] == ["by"] else words)


def normal_ticker(symbol: str | None) -> str:
    """Upper case, trimmed, one separator for class suffixes: 'brk.b' and 'BRK-B' are one symbol."""
    return re.sub(r"[.\-/ ]", ".", (symbol or "").strip().upper())


_CORPORATE = re.compile(r"\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|l p|sa|nv|ag)\b")


def cik_key(cik: str | None) -> str | None:
    """A CIK without leading zeros, when it is one."""
    text = (cik or "").strip()
    return (text.lstrip("0") or "0") if text.isdigit() else None


@lru_cache(maxsize=4096)
def normal_name(name: str | None) -> str:
    """'Sonus Networks, Inc.' and 'SONUS NETWORKS INC' are one name. Names repeat across the
    filings of a run: each is read once."""
    text = re.sub(r"[^a-z0-9 ]", " ", (name or "").lower().replace("&", " and "))
    text = _CORPORATE.sub(" ", text)
    return " ".join(text.split())
