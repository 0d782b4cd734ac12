"""C — transaction codes: valid codes, their direction, what belongs on which form, Rule 10b5-1."""

from __future__ import annotations

from datetime import date, timedelta

from form16lint.fieldnames import describe
from form16lint.form import ACQUIRE, CODE_NAMES, DISPOSE, EXERCISE_OR_CONVERSION, PRINTED_CODES, XML_CODES
from form16lint.findings import Severity, Violation
from form16lint.rule import FilingRule

from form16lint.rulekit.footnote_refs import footnote, row_footnote_ids
from form16lint.rulekit.plans import adoption_dates, gives_adoption_date, says_under_plan
from form16lint.rulekit.when import (
    RELEASE_33_11138,
    SARBANES_OXLEY_FORM4,
    filing_date,
    form4_deadline,
    gift_due_on_form4,
    row_code,
    row_direction,
)

FORM4_ALWAYS = frozenset("PSU")  # never a Form 5 item
FORM4_SINCE_2002 = frozenset("ADFMCXO")  # Rule 16b-3 transactions: Form 4 since 2002-08-29
CHECKBOX_FROM = date(2023, 4, 1)  # Forms 4 and 5 as amended by Release 33-11138
COOLING_OFF_DAYS = 90


def _table(pointer: str) -> str:
    return "II" if pointer.startswith("/derivative") else "I"


class UnknownTransactionCode(FilingRule):
    """The transaction code is not one of the Form 4 codes.

    ## What it checks
    Every transaction row's code (column 3 of Table I, column 4 of Table II). In EDGAR XML the
    codes are A C D E F G H I J L M O P S U W X Z: K and V are not codes there, because the
    schema carries the equity swap (K) in the swap flag and voluntary early reporting (V) in the
    timeliness field. On PDF and text input, read off the printed form, K and V appear in the
    code and V columns legitimately.

    Accepted variants: K and V in the code columns of PDF and text input, where the printed
    form carries them; letter case and spaces around the code.

    ## Why it matters
    The codes are fixed by the Form 4 General Instructions (Instruction 8, Transaction Codes);
    EDGAR rejects an XML document with any other code, and a reader cannot tell what an unknown
    code reports.

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>K</transactionCode></transactionCoding>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionCoding>
        <transactionCode>S</transactionCode>
        <equitySwapInvolved>1</equitySwapInvolved>
      </transactionCoding>
    </nonDerivativeTransaction>
    ```
    """

    code = "C001"
    name = "unknown-transaction-code"
    severity = Severity.ERROR

    def check(self, filing, context):
        known = PRINTED_CODES if context.extracted else XML_CODES
        for pointer, row in filing.transactions():
            code, capital = (row.code or "").strip(), row_code(row)
            if not code or code in known:
                continue
            where = pointer + "/code"
            if capital in known:
                name = CODE_NAMES.get(capital)
                why = (f"write it in capitals: {capital!r}" + (f", {name}" if name else "")
                       + " (Form 4 General Instruction 8)")
            elif capital in ("K", "V"):
                why = ("in EDGAR XML K is not a code: set the equity swap flag (equitySwapInvolved = 1) and give "
                       "the underlying transaction's code" if capital == "K" else
                       "in EDGAR XML V is not a code: mark voluntary early reporting with timeliness E and give "
                       "the transaction's own code")
            else:
                why = "the codes are " + " ".join(sorted(known)) + " (Form 4 General Instruction 8)"
            yield Violation(where, "{field} is {code!r}, not a transaction code: {why}",
                            arguments={"field": describe(where), "code": code, "why": why},
                            identity=("code",))


class DirectionContradictsCode(FilingRule):
    """Acquired or disposed contradicts the direction the transaction code fixes.

    ## What it checks
    Codes P, A and L always acquire; S, D, F and U always dispose; M, C, X and O acquire in
    Table I (the underlying shares received) and dispose in Table II (the derivative given up);
    E and H dispose in Table II. The other codes go either way. The (A) or (D) column must
    agree.

    Accepted variants: the codes that go either way (G, J, I, W, Z and the like); a Table II
    row coded M, C, X or O that acquires a derivative received in a conversion (preferred
    stock into convertible Class B stock), when another Table II row of that date gives up a
    derivative by exercise or conversion.

    ## Why it matters
    The code and the (A)/(D) column describe the same transaction (Form 4 General Instructions
    4 and 8). When they disagree, one of them is wrong, and so is the holding the row reports:
    a sale keyed as an acquisition adds shares the insider sold.

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>S</transactionCode></transactionCoding>
      <transactionAmounts>
        <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>1100</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>S</transactionCode></transactionCoding>
      <transactionAmounts>
        <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
    </nonDerivativeTransaction>
    ```
    """

    code = "C002"
    name = "direction-contradicts-code"
    severity = Severity.WARNING

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            code, direction = row_code(row), row_direction(row)
            table = _table(pointer)
            if direction == "D" and code in ACQUIRE[table]:
                expected = "A"
            elif direction == "A" and code in DISPOSE[table] and not _received_derivative(filing, pointer, row):
                expected = "D"
            else:
                continue
            where = pointer + "/acquiredDisposed"
            yield Violation(where, (
                "{field} is {direction}, but code {code} ({code_name}) {words} in Table {table}: expected "
                "{expected}. Correct the code or the (A)/(D) column (Form 4 General Instructions 4 and 8)."),
                            arguments={"field": describe(where), "direction": direction, "code": code,
                                       "code_name": CODE_NAMES.get(code, code),
                                       "words": 'acquires' if expected == 'A' else 'disposes', "table": table,
                                       "expected": expected},
                            identity=("direction", "code", "code_name", "table", "expected"))


def _received_derivative(filing, pointer: str, row) -> bool:
    """A Table II M/C/X/O acquisition is the receiving side of a conversion into a security that is
    itself a derivative (preferred stock into convertible Class B stock) when another Table II row
    of that date gives up a derivative by exercise or conversion."""
    if _table(pointer) != "II" or row_code(row) not in EXERCISE_OR_CONVERSION:
        return False
    return any(other is not row and row_code(other) in EXERCISE_OR_CONVERSION
               and other.transaction_date.value == row.transaction_date.value
               and row_direction(other) == "D"
               for other in filing.derivative_transactions)


class Form4TransactionOnForm5(FilingRule):
    """A Form 5 reports a transaction that was due on a Form 4.

    ## What it checks
    On a Form 5 (and 5/A), each transaction row coded with transaction form type 4, or with a
    code that only Form 4 takes: P, S and U always, and from 2002-08-29 the issuer transactions
    A, D, F, M, C, X and O.

    Accepted variant: a row coded form type 4 that is a Form 5 item by its code and date (a
    gift given before 2023-02-27 or received, codes L and W): nothing was due on Form 4.

    ## Why it matters
    Such a transaction was due on Form 4 within two business days (Section 16(a)(2)(C); Rule
    16a-3(g)); reporting it on Form 5 makes it a late Form 4 transaction, which the issuer must
    disclose under Item 405 of Regulation S-K.

    ## Failing example
    ```xml
    <documentType>5</documentType>
    <nonDerivativeTransaction>
      <transactionDate><value>2023-06-01</value></transactionDate>
      <transactionCoding>
        <transactionFormType>4</transactionFormType>
        <transactionCode>S</transactionCode>
      </transactionCoding>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <documentType>5</documentType>
    <nonDerivativeTransaction>
      <transactionDate><value>2023-06-01</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>G</transactionCode>
      </transactionCoding>
      <transactionAmounts>
        <transactionPricePerShare><value>0</value></transactionPricePerShare>
        <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>1100</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```
    """

    code = "C003"
    name = "form4-transaction-on-form5"
    severity = Severity.WARNING
    reads = ("/periodOfReport",)
    forms = frozenset({"5"})

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            code, day = row_code(row), row.transaction_date.value
            if (row.form_type or "").strip() == "4":
                if _form5_item(row, code, day):
                    continue  # coded form type 4, but a Form 5 item all the same: nothing was due on Form 4
                where = pointer + "/formType"
                why = f"{describe(where)} is 4"
            elif code in FORM4_ALWAYS or (code in FORM4_SINCE_2002 and day is not None
                                          and day >= SARBANES_OXLEY_FORM4):
                where = pointer + "/code"
                why = f"{describe(where)} is {code} ({CODE_NAMES[code]}), which only Form 4 reports"
            else:
                continue
            yield Violation(where, (
                "{why}: this Form 5 reports a transaction (code {code}, {dated}) that {due_on_form4}. Reported "
                "here, it is a late Form 4 transaction, which the issuer must disclose under Item 405 of "
                "Regulation S-K; if a Form 4 already reported it, remove the row in a 5/A (a Form 5 reports "
                "only what was not reported before)."),
                            arguments={"why": why, "code": code or 'none', "dated": _dated(row),
                                       "due_on_form4": _due_on_form4(row)},
                            identity=("code",))


def _form5_item(row, code: str, day) -> bool:
    """A transaction that Form 5 reports in time, whatever its form type says: small acquisitions
    (L), acquisitions by will or the laws of descent (W), and gifts other than those given on or
    after 2023-02-27."""
    if code in ("L", "W"):
        return True
    return code == "G" and not (day is not None and gift_due_on_form4(row, day))


def _dated(row) -> str:
    day = row.transaction_date.value
    return f"dated {day.isoformat()}" if day else "no transaction date"


def _due_on_form4(row) -> str:
    deadline = form4_deadline(row)
    if deadline is None:
        return "was due on a Form 4 (Rule 16a-3(g))"
    executed, due = deadline
    return (f"was due on a Form 4 by {due.isoformat()}, two business days after {executed.isoformat()} "
            "(Section 16(a)(2)(C); Rule 16a-3(g)(1))")


class GiftOnForm5(FilingRule):
    """A gift made on or after 2023-02-27 is reported on Form 5.

    ## What it checks
    On a Form 5 (and 5/A), each gift disposition (code G, disposed) dated on or after
    2023-02-27. (Some advisers date the change from 2023-04-01, when the new forms took effect;
    form16lint follows the rule's effective date.)

    Accepted variants: gifts received (acquired) and gifts given before 2023-02-27, which
    remain Form 5 items.

    ## Why it matters
    Release 33-11138 (December 2022) amended Rule 16a-3 so that bona fide gifts are reported on
    Form 4 within two business days, no longer on Form 5. A gift on Form 5 is a late Form 4
    transaction (Item 405 of Regulation S-K).

    ## Failing example
    ```xml
    <documentType>5</documentType>
    <nonDerivativeTransaction>
      <transactionDate><value>2023-06-01</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>G</transactionCode>
      </transactionCoding>
      <transactionAmounts>
        <transactionPricePerShare><value>0</value></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <documentType>5</documentType>
    <periodOfReport>2022-12-31</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2022-06-01</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>G</transactionCode>
      </transactionCoding>
      <transactionAmounts>
        <transactionPricePerShare><value>0</value></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2023-02-10</signatureDate></ownerSignature>
    ```
    """

    code = "C004"
    name = "gift-on-form5"
    severity = Severity.WARNING
    reads = ("/periodOfReport",)
    forms = frozenset({"5"})

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            day = row.transaction_date.value
            if day is not None and gift_due_on_form4(row, day):
                where = pointer + "/transactionDate"
                yield Violation(where, (
                    "{field} is a gift made on {day}, which {due_on_form4}: gifts from 2023-02-27 go on Form "
                    "4, not Form 5 (Release 33-11138). Reported here, it is a late Form 4 transaction, which "
                    "the issuer must disclose under Item 405 of Regulation S-K; if a Form 4 already reported "
                    "it, remove the row in a 5/A."),
                                arguments={"field": describe(pointer), "day": day,
                                           "due_on_form4": _due_on_form4(row)},
                                identity=("day",))


def _plan_texts(filing) -> list[str]:
    texts = [note.text for note in filing.footnotes]
    if filing.remarks:
        texts.append(filing.remarks)
    return texts


class PlanAdoptionDateMissing(FilingRule):
    """The Rule 10b5-1 box is checked and no footnote or remark gives the plan's adoption date.

    ## What it checks
    When the Rule 10b5-1 checkbox (`aff10b5One`) is checked, some footnote or the remarks must
    state the date the plan was adopted: a sentence about the trading plan carrying a date
    ("adopted on May 5, 2023", "entered into on 05/05/2023").

    Accepted variants: the date in prose, in any common form (May 5, 2023; Sept. 5, 2023;
    5/5/23; 2023-05-05), with names, initials and abbreviations in the same sentence
    ("adopted by Mark A. Goldsmith on December 19, 2024", "by the J.P. Smith Trust").

    ## Why it matters
    Forms 4 and 5 as amended by Release 33-11138 (effective 2023-04-01) require a filer who
    checks the box to "provide the date of adoption of the plan" in the explanation of
    responses (Form 4 General Instruction 10). Without it, readers cannot check the
    cooling-off period.

    ## Failing example
    ```xml
    <aff10b5One>1</aff10b5One>
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes><footnote id="F1">Sold under a Rule 10b5-1 trading plan.</footnote></footnotes>
    ```

    ## Passing example
    ```xml
    <aff10b5One>1</aff10b5One>
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Sold under a Rule 10b5-1 trading plan adopted on May 5, 2023.</footnote>
    </footnotes>
    ```
    """

    code = "C005"
    name = "plan-adoption-date-missing"
    severity = Severity.ERROR
    reads = ("/footnotes", "/remarks")

    def check(self, filing, context):
        if filing.aff10b5_one.value is not True:
            return
        if any(gives_adoption_date(text) for text in _plan_texts(filing)):
            return
        yield Violation("/aff10b5One", (
            "the {field} is checked, but no footnote or remark gives the date the Rule 10b5-1 plan was "
            "adopted; add it, e.g. \"effected pursuant to a Rule 10b5-1 trading plan adopted on May 5, 2023\" "
            "(Form 4 General Instruction 10, as amended by Release 33-11138)."),
                        arguments={"field": describe('/aff10b5One')})


class PlanCheckboxNotChecked(FilingRule):
    """A footnote says a trade was under a Rule 10b5-1 plan, but the box is not checked.

    ## What it checks
    On Forms 4 and 5 filed on or after 2023-04-01 (EDGAR filing date, else `--filing-date`,
    else the signature date), a footnote or the remarks saying a transaction was made
    "pursuant to" or "under" a Rule 10b5-1 plan while the Rule 10b5-1 checkbox (`aff10b5One`)
    is not checked.

    Accepted variants: a text that says a trade was not made under a plan, or that names a
    plan without saying the trade was made under it; forms filed before 2023-04-01, which
    had no box.

    ## Why it matters
    From 2023-04-01 Forms 4 and 5 carry a checkbox that must be checked when a reported
    transaction was made under a plan intended to satisfy Rule 10b5-1(c) (Release 33-11138).
    A footnote saying so with the box left empty is an inconsistent filing.

    ## Failing example
    ```xml
    <aff10b5One>0</aff10b5One>
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Sold pursuant to a Rule 10b5-1 trading plan adopted on May 5, 2023.</footnote>
    </footnotes>
    ```

    ## Passing example
    ```xml
    <aff10b5One>1</aff10b5One>
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Sold pursuant to a Rule 10b5-1 trading plan adopted on May 5, 2023.</footnote>
    </footnotes>
    ```
    """

    code = "C006"
    name = "plan-checkbox-not-checked"
    severity = Severity.WARNING
    reads = ("/aff10b5One", "/footnotes", "/remarks")
    forms = frozenset({"4", "5"})

    def check(self, filing, context):
        filed, source = filing_date(filing, context)
        if filed is None or filed < CHECKBOX_FROM or filing.aff10b5_one.value is True:
            return
        said = [(f"footnote {note.id}", note.text) for note in filing.footnotes]
        if filing.remarks:
            said.append(("the remarks", filing.remarks))
        for label, text in said:
            if says_under_plan(text):
                yield Violation("/aff10b5One", (
                    "according to {label}, a transaction was made under a Rule 10b5-1 plan, but the {field} is "
                    "not checked; forms filed from 2023-04-01 must check it (Release 33-11138). Filed {filed} "
                    "({source}). Check the box (in a {base_form}/A if the form has been filed), or correct "
                    "{label} if the trade was not made under a plan."),
                                arguments={"label": label, "field": describe('/aff10b5One'), "filed": filed,
                                           "source": source.value, "base_form": filing.base_form},
                                identity=("filed", "base_form"))
                return


class CoolingOffNotObserved(FilingRule):
    """An officer or director traded under a Rule 10b5-1 plan within 90 days of adopting it.

    ## What it checks
    For a filing whose reporting person is an officer or director, each transaction row under a
    Rule 10b5-1 plan (a footnote of the row says so, or the Rule 10b5-1 box is checked) and the
    plan's adoption date that a footnote of the row gives (else the one adoption date the
    filing's footnotes and remarks give): a trade dated less than 90 days after an adoption on
    or after 2023-02-27. Plans adopted earlier are not subject to the cooling-off period.

    Accepted variants: plans adopted before 2023-02-27; reporting persons who are neither
    officer nor director (a 10% owner, say); a trade whose plan's adoption date cannot be
    told (several dates in the filing and none on the row).

    ## Why it matters
    Rule 10b5-1(c)(1)(ii)(B), as amended by Release 33-11138, denies the affirmative defense to
    an officer's or director's trade made before the later of 90 days after the plan's adoption
    and two business days after the issuer's next periodic report (at most 120 days). A trade
    within 90 days is never covered.

    ## Failing example
    ```xml
    <periodOfReport>2023-06-01</periodOfReport>
    <aff10b5One>1</aff10b5One>
    <nonDerivativeTransaction>
      <transactionDate><value>2023-06-01</value></transactionDate>
      <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Sold under a Rule 10b5-1 trading plan adopted on May 5, 2023.</footnote>
    </footnotes>
    <ownerSignature><signatureDate>2023-06-02</signatureDate></ownerSignature>
    ```

    ## Passing example
    ```xml
    <periodOfReport>2023-09-01</periodOfReport>
    <aff10b5One>1</aff10b5One>
    <nonDerivativeTransaction>
      <transactionDate><value>2023-09-01</value></transactionDate>
      <transactionCoding><transactionCode>S</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Sold under a Rule 10b5-1 trading plan adopted on May 5, 2023.</footnote>
    </footnotes>
    <ownerSignature><signatureDate>2023-09-05</signatureDate></ownerSignature>
    ```
    """

    code = "C007"
    name = "cooling-off-not-observed"
    severity = Severity.WARNING
    reads = ("/reportingOwners", "/footnotes", "/remarks")
    forms = frozenset({"4", "5"})

    def check(self, filing, context):
        if not any(owner.relationship.insider for owner in filing.reporting_owners):
            return
        everywhere = {day for text in _plan_texts(filing) for day in adoption_dates(text)}
        box_checked = filing.aff10b5_one.value is True
        for pointer, row in filing.transactions():
            traded = row.transaction_date.value
            if traded is None:
                continue
            notes = [footnote(filing, note_id, context) for note_id in row_footnote_ids(filing, pointer, context)]
            notes = [note for note in notes if note is not None]
            if not (box_checked or any(says_under_plan(note.text) for note in notes)):
                continue
            adopted = {day for note in notes for day in adoption_dates(note.text)}
            if not adopted and len(everywhere) == 1:
                adopted = everywhere
            if len(adopted) != 1:
                continue  # none given, or several: cannot tell which plan
            (start,) = adopted
            if start < RELEASE_33_11138 or traded < start:
                continue
            elapsed = (traded - start).days
            if elapsed < COOLING_OFF_DAYS:
                where = pointer + "/transactionDate"
                yield Violation(where, (
                    "{field} is {traded}, {elapsed} days after the Rule 10b5-1 plan was adopted on {start}: an "
                    "officer or director may not trade under a plan before {cooling_off_ends} (90 days; Rule "
                    "10b5-1(c)(1)(ii)(B) as amended by Release 33-11138), so the affirmative defense does not "
                    "cover this trade."),
                                arguments={"field": describe(where), "traded": traded, "elapsed": elapsed,
                                           "start": start,
                                           "cooling_off_ends": start + timedelta(days=COOLING_OFF_DAYS)})
