"""D — dates: the fiscal year of a Form 5, the period of report, and the filing deadlines."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from form16lint.business_days import (
    add_business_days,
    business_days_after,
    calendar_deadline,
    next_business_day,
)
from form16lint.fieldnames import box, column, describe
from form16lint.findings import Severity, Violation
from form16lint.model import ALL_TABLES
from form16lint.rule import FilingRule

from form16lint.rulekit.when import DateSource, filing_date, form4_deadline, gift_due_on_form4, row_code, split_part, submitted_date

FORM5_ONLY_CODES = frozenset("LW")  # small acquisitions (Rule 16a-6), wills and descent (Rule 16b-5)


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def near_month_end(day: date) -> bool:
    """A day on which a 52-53-week fiscal year can end: such a year ends on one weekday, either
    the last of its kind in a month (from the month's last day less six) or the one nearest the
    month's end (up to three days into the next month)."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.day >= last - 6 or day.day <= 3


def fiscal_year(end: date) -> tuple[date, date] | None:
    """The first and last day of the fiscal year ending on ``end``. A year ending on a month's last
    day began the day after the same month's end a year earlier; a 52-53-week year (ending on a
    weekday near a month's end) may have run 371 days, so the earliest possible start is taken."""
    if _month_end(end):
        year, month = end.year - 1, end.month
        previous_end = date(year, month, calendar.monthrange(year, month)[1])
        return previous_end + timedelta(days=1), end
    return end - timedelta(days=370), end


class TransactionOutsideFiscalYear(FilingRule):
    """A Form 5 reports a transaction dated outside the fiscal year it covers.

    ## What it checks
    On a Form 5 (and 5/A), every transaction date of Tables I and II must fall within the
    issuer's fiscal year that ends on the period of report ("Statement for Issuer's Fiscal Year
    Ended"). A year ending on the last day of a month runs from the day after the same month's
    end a year earlier (FY ended 2003-12-31: 2003-01-01 to 2003-12-31). A year ending on another
    day (a 52-53-week year) may have run up to 371 days, so only a date more than 371 days back,
    or after the year's end, is reported.

    Accepted variants: a 52-53-week fiscal year, as above; and a row of an earlier fiscal year
    that should have been reported then and was not, reported late on this Form 5 (Rule
    16a-3(f)): marked late (timeliness L), or of form type 4, which EDGAR treats as late on a
    Form 5 by definition.

    ## Why it matters
    A Form 5 reports the transactions of one fiscal year (Rule 16a-3(f); Form 5 General
    Instruction 1). A transaction dated outside it is either keyed with the wrong date, or
    belongs on another year's Form 5 or on a Form 4; either way the report misstates when the
    insider traded.

    ## Failing example
    ```xml
    <documentType>5</documentType>
    <periodOfReport>2003-12-31</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2004-01-15</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>G</transactionCode>
      </transactionCoding>
      <transactionAmounts>
        <transactionPricePerShare><value>0</value></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2004-02-10</signatureDate></ownerSignature>
    ```

    ## Passing example
    ```xml
    <documentType>5</documentType>
    <periodOfReport>2003-12-31</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2003-11-12</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>G</transactionCode>
      </transactionCoding>
      <transactionAmounts>
        <transactionPricePerShare><value>0</value></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2004-02-10</signatureDate></ownerSignature>
    ```
    """

    code = "D001"
    name = "transaction-outside-fiscal-year"
    severity = Severity.ERROR
    reads = ("/periodOfReport",)
    forms = frozenset({"5"})

    def check(self, filing, context):
        end = filing.period_of_report.value
        if end is None:
            return
        try:
            start, end = fiscal_year(end)
        except (ValueError, OverflowError):  # a year beyond the calendar: cannot decide
            return
        for pointer, row in filing.transactions():
            day = row.transaction_date.value
            if day is None or start <= day <= end:
                continue
            if day < start and _reported_late(row):
                continue  # an earlier year's item reported late on this Form 5 (Rule 16a-3(f))
            where = pointer + "/transactionDate"
            when = "after the fiscal year ended" if day > end else "before the fiscal year began"
            span = (f"{start.isoformat()} to {end.isoformat()}" if _month_end(end)
                    else f"at most 371 days, {start.isoformat()} to {end.isoformat()}, for a 52-53-week year")
            # before the year, a row is excused when reported late: by its timeliness or its form type
            rests_on = (pointer + "/formType", pointer + "/timeliness") if day < start else ()
            yield Violation(where, (
                "{field} is {day}, {when}: this Form 5 is for the fiscal year ended {end} ({box}), which runs "
                "{span}. A Form 5 reports that fiscal year's transactions (Rule 16a-3(f)); correct the date, "
                "or report the transaction for the year it belongs to."),
                            arguments={"field": describe(where), "day": day, "when": when, "end": end,
                                       "box": box('periodOfReport'), "span": span},
                            identity=("day", "when", "end", "span"), reads=rests_on)


def _reported_late(row) -> bool:
    """A Form 5 row marked late (L), or of form type 4 (late on a Form 5 by definition)."""
    return (row.timeliness.value or "").strip().upper() == "L" or (row.form_type or "").strip() == "4"


class FiscalYearEndSuspect(FilingRule):
    """A Form 5's fiscal-year end is not a month's last day, or the form is signed before it.

    ## What it checks
    On a Form 5 (and 5/A), the period of report ("Statement for Issuer's Fiscal Year Ended")
    should be a day on which a fiscal year can end, and no signature may be dated before it.

    Accepted variants: the last day of a month, and the end of a 52-53-week fiscal year, which
    falls on a weekday near a month's end (from six days before the month's last day to the
    third day of the next month: "the last Saturday of September", "the Saturday nearest
    December 31").

    ## Why it matters
    Fiscal years end on the last day of a month or, for a 52-53-week year, on a weekday near
    it; another date (the 6th of a month, say) is most often a typing slip, or the date of a
    transaction written where the fiscal year's end belongs. A Form 5 reports a fiscal year
    that has ended (Rule 16a-3(f): due within 45 days after the year's end); signed before the
    end, it cannot be complete.

    ## Failing example
    ```xml
    <documentType>5</documentType>
    <periodOfReport>2003-12-15</periodOfReport>
    <ownerSignature><signatureDate>2003-12-10</signatureDate></ownerSignature>
    ```

    ## Passing example
    ```xml
    <documentType>5</documentType>
    <periodOfReport>2003-12-31</periodOfReport>
    <ownerSignature><signatureDate>2004-02-12</signatureDate></ownerSignature>
    ```
    """

    code = "D002"
    name = "fiscal-year-end-suspect"
    severity = Severity.WARNING
    reads = ("/periodOfReport", "/signatures")
    forms = frozenset({"5"})

    def check(self, filing, context):
        end = filing.period_of_report.value
        if end is None:
            return
        if not near_month_end(end):
            last = date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
            yield Violation("/periodOfReport", (
                "{field} is {end}, not the last day of a month ({last}), nor a day near a month's end on which "
                "a 52-53-week fiscal year ends. If the issuer's fiscal year ended on {last}, correct {box}: it "
                "gives the day the fiscal year ended, not the date of a transaction."),
                            arguments={"field": describe('/periodOfReport'), "end": end, "last": last,
                                       "box": box('periodOfReport')},
                            identity=("end", "last"))
        for index, signature in enumerate(filing.signatures):
            signed = signature.date.value
            if signed is not None and signed < end:
                where = f"/signatures/{index}/date"
                yield Violation(where, (
                    "{field} is {signed}, before the fiscal year this Form 5 reports ended ({end}): a Form 5 "
                    "reports a completed fiscal year (Rule 16a-3(f)). If it was signed after the year ended, "
                    "correct the signature date; if the fiscal year ended earlier, correct {box}."),
                                arguments={"field": describe(where), "signed": signed, "end": end,
                                           "box": box('periodOfReport')},
                                identity=("signed", "end"))


class PeriodNotEarliestTransaction(FilingRule):
    """A Form 4's period of report is not its earliest transaction date.

    ## What it checks
    On a Form 4 (and 4/A), box 3 ("Date of Earliest Transaction Required to be Reported") must
    equal the earliest date of the transactions in Tables I and II that were required on Form 4:
    rows that report a Form 5 item early (form type 5 or timeliness E, codes L and W, gifts
    received, and gifts given before 2023-02-27) are not counted.

    Accepted variants: a Form 4/A keeps the period of report of the Form 4 it amends, whatever
    rows it repeats or adds, so amendments are not checked; and a report split across several
    Form 4s (EDGAR takes 30 rows a form), each saying so ("the second of three Form 4s ...
    relating to the same event"), gives every part the earliest date of the whole event.

    ## Why it matters
    EDGAR files and indexes the Form 4 under this date, and readers use it to judge whether the
    form was filed on time (Form 4 General Instruction 3; Rule 16a-3(g)). A period that is not
    the earliest transaction misdates the report.

    ## Failing example
    ```xml
    <periodOfReport>2024-03-05</periodOfReport>
    <!-- transactions dated 2024-03-01 and 2024-03-05 -->
    ```

    ## Passing example
    ```xml
    <periodOfReport>2024-03-01</periodOfReport>
    <!-- transactions dated 2024-03-01 and 2024-03-05 -->
    ```
    """

    code = "D003"
    name = "period-not-earliest-transaction"
    severity = Severity.WARNING
    reads = ("/periodOfReport", *ALL_TABLES)
    forms = frozenset({"4"})

    def check(self, filing, context):
        if filing.is_amendment:
            return  # a 4/A keeps the original's period of report
        period = filing.period_of_report.value
        dated = [(row.transaction_date.value, pointer) for pointer, row in filing.transactions()
                 if row.transaction_date.value is not None and _required_on_form4(row, row.transaction_date.value)]
        if period is None or not dated:
            return
        earliest, pointer = min(dated)
        if period < earliest and split_part(filing):
            return  # one of several Form 4s of one event: its period is the event's earliest transaction
        if earliest != period:
            yield Violation("/periodOfReport", (
                "{field} is {period}, but the earliest transaction is {earliest} ({field2}): {box} gives the "
                "date of the earliest transaction required to be reported (Form 4 General Instruction 3); set "
                "{box} to {earliest}."),
                            arguments={"field": describe('/periodOfReport'), "period": period, "earliest": earliest,
                                       "field2": describe(pointer), "box": box('periodOfReport')},
                            identity=("period", "earliest"))


class TransactionAfterSigning(FilingRule):
    """A transaction is dated after the signature or after the filing date.

    ## What it checks
    Every transaction date of Tables I and II against the latest signature date and, when one is
    known (EDGAR's filing date or acceptance time, or `--filing-date`), the filing date.

    Accepted variants: a transaction on the day of signing or of filing; of several
    signatures the latest counts (an attorney-in-fact may sign after the insider).

    ## Why it matters
    A report can only state transactions that happened before it was signed and filed
    (Section 16(a); Rule 16a-3). A later date is a typing slip in the date, or a report signed
    in advance, which the signature certifies against.

    ## Failing example
    ```xml
    <periodOfReport>2024-03-08</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2024-03-08</value></transactionDate>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionDate><value>2024-03-01</value></transactionDate>
    </nonDerivativeTransaction>
    ```
    """

    code = "D004"
    name = "transaction-after-signing"
    severity = Severity.ERROR
    reads = ("/signatures",)

    def check(self, filing, context):
        signed = filing.signature_date
        filed, source = submitted_date(filing, context)
        for pointer, row in filing.transactions():
            day = row.transaction_date.value
            if day is None:
                continue
            where = pointer + "/transactionDate"
            if signed is not None and day > signed:
                yield Violation(where, (
                    "{field} is {day}, after the form was signed on {signed}: a report can state only "
                    "transactions made before it is signed and filed. Correct the date (in a {base_form}/A if "
                    "the form has been filed)."),
                                arguments={"field": describe(where), "day": day, "signed": signed,
                                           "base_form": filing.base_form})
            elif filed is not None and day > filed:
                fix = ("before filing" if source is DateSource.FILING_DATE_OPTION
                       else f"in a {filing.base_form}/A")
                yield Violation(where, (
                    "{field} is {day}, after the filing date {filed} ({source}): a report can state only "
                    "transactions made before it is filed. Correct the date {fix}."),
                                arguments={"field": describe(where), "day": day, "filed": filed,
                                           "source": source.value, "fix": fix},
                                identity=("day", "filed"))


class LateFiling(FilingRule):
    """The filing is late: filed after its deadline under Rule 16a-3.

    ## What it checks
    The deadline of each form, measured against the filing date: EDGAR's filing date when the
    input carries one (an acceptance by 10:00 p.m. Eastern counts for that day), else the date
    given with `--filing-date`, else the signature date (a filing signed after its deadline was
    certainly filed late). The message gives the due date and how many business days late.

    - Form 3: 10 calendar days after the event that made the person an insider (the period of
      report).
    - Form 4: the end of the second business day after the execution date (the deemed execution
      date when given), for transactions from 2002-08-29. Only rows due on Form 4 count: not
      rows coded form type 5 or early (E), small acquisitions (L), wills and descent (W), gifts
      received (G, acquired), nor gifts given before 2023-02-27. The row with the earliest
      deadline is reported, with the number of late rows.
    - Form 5: 45 calendar days after the fiscal year end (the period of report).

    A calendar deadline on a weekend, federal holiday or SEC closure moves to the next business
    day. Business days follow the SEC's calendar (federal holidays, Juneteenth from 2021, and
    the days the government closed by executive order, such as 2018-12-05 and 2025-01-09).
    Amendments are not checked: their timeliness is the original's. A date beyond the range of the
    SEC calendar (1990 to 2030) cannot be judged, and nothing is said for it.

    Accepted variants: the rows not due on Form 4 listed above; a deemed execution date; an
    acceptance by 10:00 p.m. Eastern counting for its day; amendments.

    ## Why it matters
    Section 16(a) and Rule 16a-3 set these deadlines; Item 405 of Regulation S-K requires the
    issuer to disclose every late filing by name in its proxy statement or 10-K, and the SEC
    brings enforcement actions against repeat late filers.

    ## Failing example
    ```xml
    <periodOfReport>2004-04-06</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2004-04-06</value></transactionDate>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2004-04-29</signatureDate></ownerSignature>
    ```

    ## Passing example
    ```xml
    <periodOfReport>2004-04-06</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2004-04-06</value></transactionDate>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2004-04-08</signatureDate></ownerSignature>
    ```
    """

    code = "D005"
    name = "late-filing"
    severity = Severity.WARNING
    reads = ("/signatures", "/periodOfReport")

    def check(self, filing, context):
        if filing.is_amendment:
            return
        try:
            yield from self._judged(filing, context)
        except (ValueError, OverflowError):
            return  # a date beyond the SEC calendar's range: the deadline cannot be decided

    def _judged(self, filing, context):
        filed, source = filing_date(filing, context)
        if filed is None:
            return
        effective = next_business_day(filed)  # EDGAR files on business days only
        if filing.base_form == "4":
            yield from self._form4(filing, filed, effective, source)
            return
        period = filing.period_of_report.value
        if period is None:
            return
        if filing.base_form == "3":
            due, basis = calendar_deadline(period, 10), f"10 calendar days after the event on {period.isoformat()}"
            law = "Rule 16a-3(a); Form 3 General Instruction 1"
        elif filing.base_form == "5":
            due, basis = calendar_deadline(period, 45), \
                f"45 calendar days after the fiscal year ended {period.isoformat()}"
            law = "Rule 16a-3(f); Form 5 General Instruction 1"
        else:
            return
        if effective > due:
            late = business_days_after(due, effective)
            yield Violation("/periodOfReport", (
                "Form {base_form} filed {filed} ({source}) was due {due}, {basis}: {late} business day{words} "
                "late ({law}). The issuer must disclose a late filing under Item 405 of Regulation S-K."),
                            arguments={"base_form": filing.base_form, "filed": filed, "source": source.value,
                                       "due": due, "basis": basis, "late": late, "words": 's' if late != 1 else '',
                                       "law": law},
                            identity=("base_form", "filed", "due", "basis", "late"))

    def _form4(self, filing, filed, effective, source):
        late = []
        for pointer, row in filing.transactions():
            deadline = form4_deadline(row)
            if deadline is None or not _required_on_form4(row, deadline[0]):
                continue
            executed, due = deadline
            if effective > due:
                late.append((due, pointer, row, executed))
        if not late:
            return
        due, pointer, row, executed = min(late, key=lambda item: item[0])
        deemed = row.deemed_execution_date.value is not None
        field = "deemedExecutionDate" if deemed else "transactionDate"
        what = "deemed execution date" if deemed else "transaction"
        days = business_days_after(due, effective)
        others = f" {len(late)} of the form's rows are past their deadlines." if len(late) > 1 else ""
        yield Violation(f"{pointer}/{field}", (
            "Form 4 filed {filed} ({source}) was due {due}, the end of the second business day after the "
            "{what} on {executed} ({field}): {days} business day{words} late (Section 16(a)(2)(C); Rule "
            "16a-3(g)(1)).{others} The issuer must disclose a late filing under Item 405 of Regulation S-K."),
                        arguments={"filed": filed, "source": source.value, "due": due, "what": what,
                                   "executed": executed, "field": describe(pointer), "days": days,
                                   "words": 's' if days != 1 else '', "others": others},
                        identity=("filed", "due", "executed", "days"))


def _required_on_form4(row, executed: date) -> bool:
    """Whether a Form 4 row was required on Form 4, rather than a Form 5 item reported early
    (form type 5, timeliness E, small acquisitions, wills and descent, gifts received, and gifts
    given before 2023-02-27)."""
    code = row_code(row)
    if (row.form_type or "4").strip() != "4" or (row.timeliness.value or "").strip().upper() == "E":
        return False
    return code not in FORM5_ONLY_CODES and (code != "G" or gift_due_on_form4(row, executed))


class DeemedExecutionDateOutOfRange(FilingRule):
    """A deemed execution date is before the transaction date or more than 3 business days after it.

    ## What it checks
    Every transaction row with a deemed execution date (column 2A of Table I, 3A of Table II):
    it may not precede the transaction (trade) date, nor fall more than three business days
    after it.

    Accepted variants: a deemed execution date on the trade date or up to the third business
    day after it, counted on the SEC's business days; a date beyond the calendar's range is
    not judged.

    ## Why it matters
    Rule 16a-3(g)(2) deems a transaction under a Rule 10b5-1 plan or a discretionary plan
    executed on the date the insider learns of it, but no later than the third business day
    after the trade. A date outside that window moves the Form 4 deadline where the rule does
    not allow.

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <deemedExecutionDate><value>2024-03-08</value></deemedExecutionDate>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2024-03-11</signatureDate></ownerSignature>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <deemedExecutionDate><value>2024-03-05</value></deemedExecutionDate>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2024-03-06</signatureDate></ownerSignature>
    ```
    """

    code = "D006"
    name = "deemed-execution-date-out-of-range"
    severity = Severity.WARNING

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            traded, deemed = row.transaction_date.value, row.deemed_execution_date.value
            if traded is None or deemed is None:
                continue
            where = pointer + "/deemedExecutionDate"
            try:
                latest = add_business_days(traded, 3)
            except (ValueError, OverflowError):
                continue  # beyond the SEC calendar's range: cannot decide
            if deemed < traded:
                problem = (f"before the transaction date {traded.isoformat()}: a transaction cannot be deemed "
                           "executed before it took place (Rule 16a-3(g)(2))")
            elif deemed > latest:
                problem = (f"more than three business days after the transaction date {traded.isoformat()} "
                           f"(latest allowed {latest.isoformat()}, Rule 16a-3(g)(2))")
            else:
                continue
            yield Violation(where, (
                "{field} is {deemed}, {problem}. The deemed execution date may be at most three business days "
                "after the trade: correct it to a day from {traded} to {latest}, or leave {column} blank if "
                "the transaction was not made under a Rule 10b5-1 or discretionary plan."),
                            arguments={"field": describe(where), "deemed": deemed, "problem": problem,
                                       "traded": traded, "latest": latest, "column": column(where)},
                            identity=("deemed", "traded", "latest"))
