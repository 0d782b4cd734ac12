"""B — balances: the running amount owned, and exercises that must show in both tables."""

from __future__ import annotations

import re
from decimal import Decimal

from form16lint.lazy_regex import LazyRegex
from form16lint.fieldnames import column, describe
from form16lint.findings import Severity, Violation
from form16lint.form import EXERCISE_OR_CONVERSION
from form16lint.model import ALL_TABLES, Value, camel_case
from form16lint.rule import FilingRule

from form16lint.rulekit.amounts import figure, last_place, normalised_title, tells_of_adjustment
from form16lint.rulekit.footnote_refs import footnote, row_footnote_ids
from form16lint.rulekit.when import row_code, row_direction

EXERCISE_CODES = EXERCISE_OR_CONVERSION
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
    to case or spacing) held the same way form a running balance, in the order the rows are
    filed: the amount owned following each transaction must equal the amount owned following
    the previous one plus the shares acquired (A) or minus the shares disposed of (D). Rows are
    held the same way when they agree on direct or indirect, on the nature of indirect
    ownership, and on the footnotes of those two columns: several direct accounts (an IRA, a
    401(k) plan) and the holdings of several family members under one nature ("By child") are
    told apart only by those footnotes (a nature naming a kind of relative, "child's
    interest", is not checked, since rows with the same footnotes may still be several
    people's); a row that adds up from the row before it of the same
    title and ownership is accepted all the same (a footnote left off one row). The first row of
    each holding has no previous balance
    on the form and is not checked. A row that reports a dollar value instead of shares, or
    whose amount is only a footnote, breaks the chain: the next row is taken as a new start.
    The message gives the previous balance, the shares, A or D, the expected and the reported
    figure.

    Accepted variants:
    - fractional shares rounded to the precision the figures are reported in;
    - a Table II row that reports only its own grant's position;
    - a footnote of the row that states the difference ("Includes 3,019 shares acquired under
      the employee stock purchase plan");
    - a footnote on the amount owned that tells of an adjustment (a Rule 16a-13 change in the
      form of ownership, a split, a transfer between accounts, dividend reinvestment, shares the
      amount includes), whatever figure it states;
    - a footnote anywhere in the row that places it under Rule 16a-13 (a change in the form of
      ownership exempt from reporting), since more such changes may lie between the rows;
    - on a Form 5, column 5 is the amount owned at the end of the issuer's fiscal year: a
      holding whose rows all give that one figure is not a running balance and is accepted.

    A gap is a warning, not an error, where it may be no error of the filing: on a Form 5
    (transactions reported on Form 4 during the year lie between its rows), when a footnote
    elsewhere in the row tells of an adjustment, or when the two rows' amounts carry different
    footnotes (which may tell two accounts apart).

    ## Why it matters
    Column 5 of Table I (column 9 of Table II) must state the reporting person's total
    beneficial ownership after each reported transaction (Form 4 General Instruction 4(a)(ii)
    and Form 5 General Instruction 4). A balance that does not add up misstates the holding the
    public relies on and usually means a row, a sign or a figure was keyed wrong.

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionShares><value>50000</value></transactionShares>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>4001557</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionShares><value>50000</value></transactionShares>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>3961557</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionShares><value>50000</value></transactionShares>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>4001557</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionShares><value>50000</value></transactionShares>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>3951557</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```
    """

    code = "B001"
    name = "balance-mismatch"
    severity = Severity.ERROR
    reads = ALL_TABLES

    def check(self, filing, context):
        year_end = filing.base_form == "5"
        for collection, table in TABLES:
            rows = getattr(filing, _attribute(collection))
            keys = [_holding_key(row) for row in rows]
            one_figure = _one_figure_holdings(rows, keys) if year_end else set()
            previous: dict[tuple, tuple[Decimal | None, object]] = {}
            loosely: dict[tuple, Decimal | None] = {}  # the same, the footnotes of the holder set aside
            for index, (row, key) in enumerate(zip(rows, keys)):
                after = row.shares_owned_following.value
                shares = row.shares.value
                direction = row_direction(row)
                before, before_row = previous.get(key, (None, None))
                previous[key] = (after, row)  # None (a value row, a footnote) breaks the chain
                loose_key = key[:2] + key[3:]
                loose_before = loosely.get(loose_key)
                loosely[loose_key] = after
                if before is None or after is None or shares is None or direction not in ("A", "D"):
                    continue
                if key in one_figure:
                    continue  # a Form 5 that prints the fiscal-year-end amount on every row
                expected = before + shares if direction == "A" else before - shares
                if abs(expected - after) <= last_place(before, shares, after):
                    continue
                if loose_before is not None and abs((loose_before + shares if direction == "A" else
                                                     loose_before - shares) - after) <= last_place(
                        loose_before, shares, after):
                    continue  # it follows the row before it of that title and ownership: a footnote left off
                if collection == "derivativeTransactions" and after == (shares if direction == "A" else 0):
                    continue  # the row reports its own grant's position, as many filers do in Table II
                row_pointer, difference = f"/{collection}/{index}", after - expected
                if _explained(filing, row_pointer, difference, context):
                    continue
                if _notes_adjustment(filing, row.shares_owned_following.footnotes, context):
                    continue  # the footnote on the amount owned explains an adjustment (split, 16a-13, ...)
                if _cites_16a13(filing, row_footnote_ids(filing, row_pointer, context), context):
                    continue  # changes in the form of ownership exempt from reporting lie between the rows
                if _family_members(key):
                    continue  # "child's interest" may be several children, each a holding of its own
                doubt = _doubt(filing, row, before_row, row_pointer, year_end, context)
                pointer = row_pointer + "/sharesOwnedFollowing"
                flipped = before - shares if direction == "A" else before + shares
                hint = (f" The reported figure is what ({'D' if direction == 'A' else 'A'}) would give: check the "
                        "(A) or (D) column." if flipped == after else "")
                sign = "+" if direction == "A" else "−"
                title = row.security_title.value or "the security"
                yield Violation(pointer, (
                    "{field}: reported {reported:figure}; expected {expected:figure} = {previous:figure} previous "
                    "balance {sign} {shares:figure} ({direction}); the reported figure is {difference:figure} too "
                    "{high_or_low}. The previous balance is what the row before it in {table} for {title}, "
                    "{ownership}, leaves owned; the amount owned following each transaction must be the running "
                    "total (Form 4 General Instruction 4(a)(ii)).{hint} Correct this figure, the amount ({column}), "
                    "or (A)/(D), or explain the difference in a footnote.{doubt}"),
                    severity=Severity.WARNING if doubt else None,
                    arguments={"field": describe(pointer), "reported": after, "expected": expected,
                               "previous": before, "sign": sign, "shares": shares, "direction": direction,
                               "difference": abs(difference), "high_or_low": "high" if difference > 0 else "low",
                               "table": table, "title": title, "ownership": _ownership_words(key[1]), "hint": hint,
                               "column": column(row_pointer + "/shares"), "doubt": f" {doubt}" if doubt else ""},
                    identity=("reported", "expected", "previous", "shares", "direction"))


# A nature of indirect ownership that may stand for several people: several children,
# grandchildren or relatives are often reported under one nature text, told apart by nothing.
FAMILY_MEMBERS = LazyRegex(r"\b(?:child|children|son|sons|daughters?|grand\w*|minor|niece|nephew|relative|family "
                            r"member|custodian|ugma|utma)", re.IGNORECASE)


def _family_members(key: tuple) -> bool:
    """An indirect holding whose nature names a kind of relative: rows under it with the same
    footnotes (a disclaimer, say) may still belong to different people."""
    kind, nature = key[1]
    return kind == "I" and bool(FAMILY_MEMBERS.search(nature))


def _cites_16a13(filing, note_ids, context) -> bool:
    """A footnote of the row that places it under Rule 16a-13: changes in the form of ownership
    (to a revocable trust, say) that need no report, so more of them may lie between the rows."""
    for note_id in note_ids:
        note = footnote(filing, note_id, context)
        if note and re.search(r"16a-13", note.text):
            return True
    return False


def _notes_adjustment(filing, note_ids, context) -> bool:
    for note_id in note_ids:
        note = footnote(filing, note_id, context)
        if note and tells_of_adjustment(note.text):
            return True
    return False


def _doubt(filing, row, before_row, row_pointer: str, year_end: bool, context) -> str:
    """Why a gap in the running balance may be no error of the filing, in words ("" when nothing
    makes it doubtful): such a gap is a warning."""
    if year_end:
        return ("On a Form 5 this is a warning: column 5 is the amount owned at the end of the fiscal year, "
                "and transactions reported on Form 4 during the year may lie between these rows.")
    if _notes_adjustment(filing, row_footnote_ids(filing, row_pointer, context), context):
        return "A footnote of this row tells of an adjustment that may account for it, so this is a warning."
    if before_row is not None and set(row.shares_owned_following.footnotes) != set(
            before_row.shares_owned_following.footnotes):
        return ("The two rows' amounts carry different footnotes, which may tell two accounts apart, so this is "
                "a warning.")
    return ""


def _one_figure_holdings(rows, keys) -> set:
    """The holdings of a Form 5 table whose rows all give one amount owned: the amount at the end
    of the fiscal year, which column 5 of Form 5 asks for, rather than a running balance."""
    figures: dict[tuple, set] = {}
    for row, key in zip(rows, keys):
        figures.setdefault(key, set()).add(row.shares_owned_following.value)
    counts = {key: sum(1 for k in keys if k == key) for key in figures}
    return {key for key, found in figures.items() if counts[key] > 1 and len(found) == 1 and None not in found}


def _holding_key(row) -> tuple:
    """What makes rows one running balance: title and ownership; the footnotes of the ownership
    column and of the nature of ownership, since several accounts held directly (an IRA, a 401(k)
    plan) or the holdings of several family members under one nature ("By child") are told apart
    only by them; and in Table II the terms of the derivative (price, date exercisable and
    expiration date, each with the footnotes that stand for it), since each grant is a security of
    its own."""
    terms = tuple((getattr(row, name).value, tuple(getattr(row, name).footnotes)) for name in
                  ("conversion_or_exercise_price", "exercise_date", "expiration_date") if hasattr(row, name))
    holder = tuple(row.direct_or_indirect.footnotes) + tuple(row.nature_of_ownership.footnotes)
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


def _attribute(collection: str) -> str:
    return "non_derivative_transactions" if collection.startswith("non") else "derivative_transactions"


class SuspiciousAmount(FilingRule):
    """A transaction reports zero shares, or extraction shows a negative amount.

    ## What it checks
    Every transaction row whose amount (column 4 of Table I, column 5 of Table II) is zero.
    On PDF and text input, where the sign is read off the page, any amount, price or amount
    owned that is negative (in EDGAR XML and JSON a negative figure breaks the schema, and S003
    gives the error). A row that reports a dollar value instead of shares is not checked for
    zero.

    Accepted variants: a zero amount on a row that reports a dollar value instead of shares;
    in EDGAR XML and JSON the sign is S003's to judge.

    ## Why it matters
    EDGAR accepts a zero amount, but a transaction of no shares reports nothing: it is almost
    always a slip for the real figure, and Section 16(a) requires the amount of each
    transaction (Form 4 General Instruction 4(a)(i)). The form has no negative amounts: the
    direction is the (A) or (D) column, so a minus sign means a figure was misread or mistyped.

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionShares><value>0</value></transactionShares>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionShares><value>2500</value></transactionShares>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>7500</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
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
                yield Violation(where, "{field} is 0: a transaction of no shares reports nothing; enter the "
                                       "number of shares acquired or disposed of",
                                arguments={"field": describe(where)})
        if not context.extracted:
            return
        for pointer, row in filing.rows():
            for field_name in self.SIGNED_FIELDS:
                value = getattr(row, field_name, None)
                amount = value.value if value is not None else None
                if amount is not None and amount < 0:
                    where = f"{pointer}/{camel_case(field_name)}"
                    yield Violation(where, "{field} reads {amount:figure}: the form has no negative amounts "
                                           "(the direction goes in the (A) or (D) column); check the sign",
                                    arguments={"field": describe(where), "amount": amount})


class UnmatchedExercise(FilingRule):
    """A derivative exercise or conversion shows in only one of the two tables.

    ## What it checks
    Each Table II row that disposes of a derivative security by exercise or conversion (codes
    M, C, X, O) needs a Table I row acquiring the underlying security on the same date with the
    same number of shares (the Table II row's underlying amount, or its own amount); and each
    Table I acquisition coded M, C, X or O needs a Table II row of those codes on the same date
    for the same number of shares. Rows split differently in the two tables match when their
    totals for the date agree.

    Accepted variant: amounts that differ where the other table has a row of the same day and
    a footnote of either row tells of an adjustment (dividend equivalents accrued on the units,
    shares the amount includes, fractional rounding).

    ## Why it matters
    An exercise or conversion is one transaction seen from both sides: the derivative security
    is disposed of (Table II) and the underlying security acquired (Table I). Form 4 General
    Instruction 4(b)(v) requires both to be reported; a side that is missing misstates one of
    the two holdings.

    ## Failing example
    ```xml
    <derivativeTransaction>
      <transactionCoding><transactionCode>M</transactionCode></transactionCoding>
      <transactionAmounts>
        <transactionShares><value>10000</value></transactionShares>
        <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>0</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </derivativeTransaction>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <transactionCoding><transactionCode>M</transactionCode></transactionCoding>
      <transactionAmounts>
        <transactionShares><value>10000</value></transactionShares>
        <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>0</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </derivativeTransaction>
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>M</transactionCode></transactionCoding>
      <transactionAmounts>
        <transactionShares><value>10000</value></transactionShares>
        <transactionPricePerShare><value>20.00</value></transactionPricePerShare>
        <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>10900</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
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
        adjusted = _AdjustedRows(filing, context)
        for pointer, row, day, amounts, ownership in exercised:
            if _explained_pair(pointer, day, [r[0] for r in received if r[2] == day], adjusted):
                continue
            if not _matched(amounts, day, ownership, exercised, received):
                yield Violation(pointer, (
                    "{field} ({row_code}, {security_title}) disposes of {amount:figure} on {day} by exercise or "
                    "conversion, but no row acquires {underlying_title} of {amount:figure} shares on that date. "
                    "Report the shares received in Table I (Form 4 General Instruction 4(b)(v))."),
                                arguments={"field": describe(pointer), "row_code": row_code(row),
                                           "security_title": row.security_title.value or 'derivative security',
                                           "amount": max(amounts), "day": day,
                                           "underlying_title": row.underlying_title.value or 'the underlying security'})
        table_ii_exercises = [e for e in filing.derivative_transactions
                              if row_code(e) in EXERCISE_CODES]  # whatever its A/D column says
        for pointer, row, day, amounts, ownership in received:
            code = row_code(row)
            if pointer.startswith("/derivative") or code not in EXERCISE_CODES:
                continue
            partners = [e for e in table_ii_exercises if e.transaction_date.value == day]
            partner_pointers = [p for p, e in filing.transactions() if any(e is x for x in partners)]
            if _explained_pair(pointer, day, partner_pointers, adjusted):
                continue
            shares = row.shares.value
            if any(shares in (e.underlying_shares.value, e.shares.value) for e in partners) or _totals_agree(
                    [{a for a in (e.underlying_shares.value, e.shares.value) if a is not None} for e in partners],
                    [r[3] for r in received if r[2] == day and not r[0].startswith("/derivative")
                     and row_code(r[1]) in EXERCISE_CODES]):
                continue
            yield Violation(pointer, (
                "{field} acquires {shares:figure} shares on {day} with code {code} (exercise or conversion of "
                "a derivative security), but Table II has no exercise or conversion of {shares:figure} on that "
                "date. Report the derivative security given up in Table II (Form 4 General Instruction "
                "4(b)(v))."),
                            arguments={"field": describe(pointer), "shares": shares, "day": day, "code": code})


class _AdjustedRows:
    """The transaction rows a footnote of which tells of an adjustment: found when first asked
    (most filings pair no exercise with a row of the other table, and never ask)."""

    def __init__(self, filing, context):
        self.filing, self.context, self.rows = filing, context, None

    def __contains__(self, pointer: str) -> bool:
        if self.rows is None:
            filing, context = self.filing, self.context
            self.rows = {row for row, _ in filing.transactions()
                         if _notes_adjustment(filing, row_footnote_ids(filing, row, context), context)}
        return pointer in self.rows


def _explained_pair(pointer: str, day, partners: list[str], adjusted) -> bool:
    """True when the other table has a row of the same day, and a footnote of one of them tells of
    an adjustment that accounts for different amounts (dividend equivalents that accrued on the
    units, shares the amount includes, fractional rounding)."""
    return bool(partners) and (pointer in adjusted or any(p in adjusted for p in partners))


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
