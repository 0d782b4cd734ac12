"""B — balances: the running amount owned, and exercises that must show in both tables."""

from __future__ import annotations

import re
from decimal import Decimal

from form16lint.fieldnames import column, describe
from form16lint.findings import Severity, Violation
from form16lint.model import ALL_TABLES, Value, camel_case
from form16lint.rule import FilingRule

from ._amounts import figure, normalised_title
from ._footnote_refs import footnote, row_footnote_ids
from ._when import row_code, row_direction

EXERCISE_CODES = frozenset("MCXO")
TABLES = (("nonDerivativeTransactions", "Table I"), ("derivativeTransactions", "Table II"))


def _ownership_words(key: tuple[str, str]) -> str:
    kind, nature = key
    if kind == "I":
        return f"indirect ({nature})" if nature else "indirect"
    return "direct" if kind == "D" else "ownership not stated"


class BalanceMismatch(FilingRule):
    """The amount owned following a transaction does not follow from the row before it.

    ## What it checks
    Within one table, the transaction rows of the same security (title compared without regard
    to case or spacing) held the same way (direct, or indirect with the same nature of
    ownership) form a running balance, in the order the rows are filed: the amount owned
    following each transaction must equal the amount owned following the previous one plus the
    shares acquired (A) or minus the shares disposed of (D). The first row of each security has
    no previous balance on the form and is not checked. A row that reports a dollar value
    instead of shares, or whose amount is only a footnote, breaks the chain: the next row is
    taken as a new start. The message gives the previous balance, the shares, A or D, the
    expected and the reported figure.

    ## Why it matters
    Column 5 of Table I (column 9 of Table II) must state the reporting person's total
    beneficial ownership after each reported transaction (Form 4 General Instruction 4(a)(ii)
    and Form 5 General Instruction 4). A balance that does not add up misstates the holding the
    public relies on and usually means a row, a sign or a figure was keyed wrong.

    ## Failing example
    ```xml
    <!-- row 1: disposed of 50,000, 4,001,557 owned after -->
    <!-- row 2: disposed of 50,000, 3,961,557 owned after: expected 3,951,557 -->
    ```

    ## Passing example
    ```xml
    <!-- row 1: disposed of 50,000, 4,001,557 owned after -->
    <!-- row 2: disposed of 50,000, 3,951,557 owned after -->
    ```
    """

    code = "B001"
    name = "balance-mismatch"
    severity = Severity.ERROR
    reads = ALL_TABLES

    def check(self, filing, context):
        for collection, table in TABLES:
            previous: dict[tuple, Decimal | None] = {}
            for index, row in enumerate(getattr(filing, _attribute(collection))):
                key = _holding_key(row)
                after = row.shares_owned_following.value
                shares = row.shares.value
                direction = row_direction(row)
                before = previous.get(key)
                previous[key] = after  # None (a value row, a footnote) breaks the chain
                if before is None or after is None or shares is None or direction not in ("A", "D"):
                    continue
                expected = before + shares if direction == "A" else before - shares
                if abs(expected - after) <= _last_place(before, shares, after):
                    continue
                if collection == "derivativeTransactions" and after == (shares if direction == "A" else 0):
                    continue  # the row reports its own grant's position, as many filers do in Table II
                row_pointer, difference = f"/{collection}/{index}", after - expected
                if _explained(filing, row_pointer, difference, context):
                    continue
                pointer = row_pointer + "/sharesOwnedFollowing"
                flipped = before - shares if direction == "A" else before + shares
                hint = (f" The reported figure is what ({'D' if direction == 'A' else 'A'}) would give: check the "
                        "(A) or (D) column." if flipped == after else "")
                sign = "+" if direction == "A" else "−"
                title = row.security_title.value or "the security"
                yield Violation(pointer, (
                    f"{describe(pointer)}: reported {figure(after)}; expected {figure(expected)} = "
                    f"{figure(before)} previous balance {sign} {figure(shares)} ({direction}); the reported figure "
                    f"is {figure(abs(difference))} too {'high' if difference > 0 else 'low'}. The previous "
                    f"balance is what the row before it in {table} for {title}, {_ownership_words(key[1])}, leaves "
                    "owned; the amount owned following each transaction must be the running total (Form 4 General "
                    f"Instruction 4(a)(ii)).{hint} Correct this figure, the amount ({column(row_pointer + '/shares')}), "
                    "or (A)/(D), or explain the difference in a footnote."))


def _holding_key(row) -> tuple:
    """What makes rows one running balance: title and ownership; the nature's footnotes when the
    nature itself only points to them ("See footnote (2)"), since they then name the holder; and
    in Table II the terms of the derivative (price, date exercisable and expiration date, each with
    the footnotes that stand for it), since each grant is a security of its own."""
    terms = tuple((getattr(row, name).value, tuple(getattr(row, name).footnotes)) for name in
                  ("conversion_or_exercise_price", "exercise_date", "expiration_date") if hasattr(row, name))
    nature = (row.nature_of_ownership.value or "").lower()
    holder = tuple(row.nature_of_ownership.footnotes) if "footnote" in nature or not nature.strip() else ()
    return normalised_title(row), row.ownership_key, holder, terms


def _explained(filing, row_pointer: str, difference: Decimal, context) -> bool:
    """True when a footnote of the row states the difference ("Includes 3,019 shares acquired
    under the employee stock purchase plan"): the filer has accounted for it."""
    wanted = {figure(abs(difference)), format(abs(difference).normalize(), "f")}
    for note_id in row_footnote_ids(filing, row_pointer, context):
        note = footnote(filing, note_id, context)
        if note and any(re.search(rf"(?<![\d,.]){re.escape(w)}(?![\d,]|\.\d)", note.text) for w in wanted):
            return True
    return False


def _last_place(*amounts: Decimal) -> Decimal:
    """One unit in the last decimal place the figures carry: fractional shares are rounded when
    reported (14,242.084 + 28.593 may be reported as 14,270.678); whole shares must add exactly."""
    places = max(-min(a.as_tuple().exponent, 0) for a in amounts)
    return Decimal(1).scaleb(-places) if places else Decimal(0)


def _attribute(collection: str) -> str:
    return "non_derivative_transactions" if collection.startswith("non") else "derivative_transactions"


class SuspiciousAmount(FilingRule):
    """A transaction reports zero shares, or extraction shows a negative amount.

    ## What it checks
    Every transaction row whose amount (column 4 of Table I, column 5 of Table II) is zero.
    On PDF and text input, where the sign is read off the page, any amount, price or amount
    owned that is negative. A row that reports a dollar value instead of shares is not checked
    for zero.

    ## Why it matters
    EDGAR accepts a zero amount, but a transaction of no shares reports nothing: it is almost
    always a slip for the real figure, and Section 16(a) requires the amount of each
    transaction (Form 4 General Instruction 4(a)(i)). The form has no negative amounts: the
    direction is the (A) or (D) column, so a minus sign means a figure was misread or mistyped.

    ## Failing example
    ```xml
    <transactionShares><value>0</value></transactionShares>
    ```

    ## Passing example
    ```xml
    <transactionShares><value>2500</value></transactionShares>
    ```
    """

    code = "B002"
    name = "suspicious-amount"
    severity = Severity.WARNING

    SIGNED_FIELDS = ("shares", "price_per_share", "shares_owned_following", "underlying_shares",
                     "conversion_or_exercise_price")

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            shares = row.shares.value
            if shares == 0:
                where = pointer + "/shares"
                yield Violation(where, f"{describe(where)} is 0: a transaction of no shares reports nothing; "
                                       "enter the number of shares acquired or disposed of")
        if not context.extracted:
            return
        for pointer, row in filing.rows():
            for field_name in self.SIGNED_FIELDS:
                value = getattr(row, field_name, None)
                amount = value.value if value is not None else None
                if amount is not None and amount < 0:
                    where = f"{pointer}/{camel_case(field_name)}"
                    yield Violation(where, f"{describe(where)} reads {figure(amount)}: the form has no negative "
                                           "amounts (the direction goes in the (A) or (D) column); check the sign")


class UnmatchedExercise(FilingRule):
    """A derivative exercise or conversion shows in only one of the two tables.

    ## What it checks
    Each Table II row that disposes of a derivative security by exercise or conversion (codes
    M, C, X, O) needs a Table I row acquiring the underlying security on the same date with the
    same number of shares (the Table II row's underlying amount, or its own amount); and each
    Table I acquisition coded M, C, X or O needs a Table II row of those codes on the same date
    for the same number of shares. Rows split differently in the two tables match when their
    totals for the date agree.

    ## Why it matters
    An exercise or conversion is one transaction seen from both sides: the derivative security
    is disposed of (Table II) and the underlying security acquired (Table I). Form 4 General
    Instruction 4(b)(v) requires both to be reported; a side that is missing misstates one of
    the two holdings.

    ## Failing example
    ```xml
    <!-- Table II: M, 10,000 options exercised on 2024-03-01; Table I: nothing on 2024-03-01 -->
    ```

    ## Passing example
    ```xml
    <!-- Table II: M, 10,000 options exercised on 2024-03-01 -->
    <!-- Table I: M, 10,000 shares of Common Stock acquired (A) on 2024-03-01 -->
    ```
    """

    code = "B003"
    name = "unmatched-exercise"
    severity = Severity.WARNING
    reads = ALL_TABLES

    def check(self, filing, context):
        exercised, received = [], []  # (pointer, row, date, amounts, ownership)
        for pointer, row in filing.transactions():
            day, code = row.transaction_date.value, row_code(row)
            direction = row_direction(row)
            amounts = {a for a in (getattr(row, "underlying_shares", Value()).value, row.shares.value) if a is not None}
            if day is None or not amounts:
                continue
            entry = (pointer, row, day, amounts, row.ownership_key)
            if pointer.startswith("/derivative") and code in EXERCISE_CODES and direction != "A":
                exercised.append(entry)
            elif direction == "A":  # Table I, or Table II for an underlying that is itself a derivative
                received.append(entry)  # (Class B stock convertible into Class A)
        for pointer, row, day, amounts, ownership in exercised:
            if not _matched(amounts, day, ownership, exercised, received):
                yield Violation(pointer, (
                    f"{describe(pointer)} ({row_code(row)}, {row.security_title.value or 'derivative security'}) "
                    f"disposes of {figure(max(amounts))} on {day.isoformat()} by exercise or conversion, but no "
                    f"row acquires {row.underlying_title.value or 'the underlying security'} of {figure(max(amounts))} "
                    "shares on that date. Report the shares received in Table I (Form 4 General Instruction 4(b)(v))."))
        table_ii_exercises = [e for e in filing.derivative_transactions
                              if row_code(e) in EXERCISE_CODES]  # whatever its A/D column says
        for pointer, row, day, amounts, ownership in received:
            code = row_code(row)
            if pointer.startswith("/derivative") or code not in EXERCISE_CODES:
                continue
            partners = [e for e in table_ii_exercises if e.transaction_date.value == day]
            shares = row.shares.value
            if any(shares in (e.underlying_shares.value, e.shares.value) for e in partners) or _totals_agree(
                    [{a for a in (e.underlying_shares.value, e.shares.value) if a is not None} for e in partners],
                    [r[3] for r in received if r[2] == day and not r[0].startswith("/derivative")
                     and row_code(r[1]) in EXERCISE_CODES]):
                continue
            yield Violation(pointer, (
                f"{describe(pointer)} acquires {figure(shares)} shares on {day.isoformat()} with code {code} "
                "(exercise or conversion of a derivative security), but Table II has no exercise or "
                f"conversion of {figure(shares)} on that date. Report the derivative security given up in "
                "Table II (Form 4 General Instruction 4(b)(v))."))


def _matched(amounts: set, day, ownership, exercised: list, received: list) -> bool:
    """An exercise is matched by one acquisition of the same size that day, or by the day's totals
    (all of them, or those of the same holder) when the filer split or merged rows differently."""
    same_day = [r for r in received if r[2] == day]
    if any(amounts & r[3] for r in same_day):
        return True
    for keep in (lambda entry: True, lambda entry: entry[4] == ownership):
        if _totals_agree([e[3] for e in exercised if e[2] == day and keep(e)],
                         [r[3] for r in same_day if keep(r)]):
            return True
    return False


def _totals_agree(exercises: list[set], acquisitions: list[set]) -> bool:
    """True when a day's exercises and acquisitions add up to the same total (each side read by
    its underlying amount or its own amount)."""
    if not exercises or not acquisitions:
        return False
    acquired = {sum((pick(a) for a in acquisitions), Decimal(0)) for pick in (max, min)}
    given_up = {sum((pick(a) for a in exercises), Decimal(0)) for pick in (max, min)}
    return bool(acquired & given_up)
