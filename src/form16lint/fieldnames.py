"""JSON pointers in words, the way the printed form names its boxes and columns.

``/nonDerivativeTransactions/2/sharesOwnedFollowing`` reads "Table I transaction row 3, amount
owned following the transaction (column 5)" so that counsel can find it on the form.
"""

from __future__ import annotations

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

TOP = {
    "documentType": "form type",
    "schemaVersion": "schema version",
    "periodOfReport": "box 3, date of earliest transaction / fiscal year end / date of event",
    "dateOfOriginalSubmission": "box 4, date of original filing (amendments)",
    "notSubjectToSection16": "box 'no longer subject to Section 16'",
    "form3HoldingsReported": "box 'Form 3 holdings reported'",
    "form4TransactionsReported": "box 'Form 4 transactions reported'",
    "noSecuritiesOwned": "box 'no securities beneficially owned'",
    "aff10b5One": "Rule 10b5-1 checkbox",
    "jointFiling": "box 6, individual or joint filing",
    "remarks": "remarks",
    "issuer": "box 2, issuer",
    "footnotes": "explanation of responses",
    "signatures": "signature",
    "reportingOwners": "box 1, reporting person",
}

ISSUER = {"cik": "issuer CIK", "name": "issuer name", "tradingSymbol": "ticker or trading symbol"}
OWNER = {
    "cik": "CIK", "name": "name", "address": "address",
    "relationship": "relationship (box 5)", "isDirector": "Director box", "isOfficer": "Officer box",
    "isTenPercentOwner": "10% Owner box", "isOther": "Other box",
    "officerTitle": "officer title", "otherText": "'other' description",
}


def describe(pointer: str) -> str:
    """The field a pointer names, in the form's words; the pointer itself when unknown."""
    parts = [p for p in pointer.split("/")[1:]]
    if not parts:
        return "the filing"
    head = parts[0]
    if head in TABLES and len(parts) >= 2 and parts[1].isdigit():
        words = f"{TABLES[head]} {int(parts[1]) + 1}"
        if len(parts) >= 3:
            columns = TABLE_II_COLUMNS if head.startswith("derivative") else TABLE_I_COLUMNS
            words += ", " + columns.get(parts[2], parts[2])
        return words
    if head == "issuer":
        return ISSUER.get(parts[1], "issuer") if len(parts) > 1 else TOP["issuer"]
    if head == "reportingOwners" and len(parts) >= 2:
        words = f"reporting person {int(parts[1]) + 1}"
        tail = [OWNER.get(p, p) for p in parts[2:] if p != "relationship" or len(parts) == 3]
        return ", ".join([words] + tail)
    if head == "footnotes" and len(parts) >= 2:
        return f"footnote {int(parts[1]) + 1}"
    if head == "signatures" and len(parts) >= 2:
        return f"signature {int(parts[1]) + 1}" + (" date" if parts[-1] == "date" else "")
    return TOP.get(head, pointer)
