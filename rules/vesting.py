"""V — vesting and derivative terms: the vesting text of Table II against its date columns.

The vesting schedule is read from the footnotes a Table II row references (on any of its values)
by :mod:`form16lint.rulekit.vesting`, and, when the filing has a single Table II row, from the
remarks. The grant date is the one a footnote states ("granted on April 15, 2010"), else the
transaction date of a grant or award (code A). A text that cannot be read exactly is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from datetime import date
from decimal import Decimal

from form16lint.lazy_regex import LazyRegex
from form16lint.fieldnames import column as column_of
from form16lint.fieldnames import describe
from form16lint.findings import Severity, Violation
from form16lint.model import Value
from form16lint.rule import FilingRule

from form16lint.rulekit.footnote_refs import footnote, row_references
from form16lint.rulekit.when import row_direction
from form16lint.rulekit.vesting import (
    Schedule,
    anniversary,
    parse_schedule,
    percent,
    stated_grant_date,
    stated_term_years,
)

# A schedule told as history (credit for service before the grant, a vesting commencement date)
# may legitimately start before the grant: it is no evidence of a wrong date.
RETROSPECTIVE = LazyRegex(r"commencement|was satisfied|were satisfied|became vested|has vested|have vested|"
                           r"credit|previously|as adjusted", re.I)
# Options assumed or exchanged in a merger keep their original exercisable dates.
CARRIED_OVER = LazyRegex(r"assum|exchange|merger|substitut|replac|convert|conversion|acqui(?:red|sition) of",
                          re.I)
# Full-value units (restricted, performance, deferred stock units; phantom stock) settle when they
# vest: filers give the vesting date as both the date exercisable and the expiration date.
FULL_VALUE_UNITS = LazyRegex(
    r"\b(?:P?RSU|PSU|DSU|PBRSU)s?\b|\b(?:restricted|performance|deferred|phantom)\b[^,;]{0,30}?\bunits?\b"
    r"|\b(?:stock|share)\s+units?\b|\bphantom\s+(?:stock|shares?)\b", re.IGNORECASE)
# A text that names the column for a date ("on the Exercisable Date set forth above"): its
# schedule cannot contradict the column.
NAMES_THE_COLUMN = LazyRegex(r"(?:exercisable|vesting) date (?:set forth|shown|stated|reported|indicated)|"
                              r"date exercisable|set forth (?:above|in column)|in column \d", re.I)
# Words that go on past what the tranches read so far state ("1/48 thereafter until fully vested",
# "at a rate of 20% per year"): a schedule short of 100% with them was not read to its end.
CONTINUES = LazyRegex(r"thereafter|until (?:fully|100%|all)|per (?:year|annum)|rate of|each (?:year|month|quarter)"
                       r"|every (?:year|month|quarter)", re.I)
TERM_TOLERANCE_DAYS = 31  # "ten-year term" expiring the day before, or a grant dated days off the board date


class Passage(NamedTuple):
    """A text that may state a row's terms, with where it is."""

    at: str  # pointer of the value that references it (the row, for the remarks)
    label: str  # "footnote F1" or "the remarks"
    text: str


@dataclass
class Terms:
    """What the vesting text of one Table II row says, with where it says it."""

    pointer: str  # the row
    row: object
    texts: list[Passage]
    grant: date | None
    grant_note: str | None  # the text that states the grant date; None for a code A row's transaction date
    granted: Decimal | None  # the shares of a grant or award (code A), that the schedule must vest
    schedule: Schedule | None = None
    schedule_at: str | None = None  # pointer of the value whose footnote states the schedule
    schedule_note: str | None = None  # "footnote F1" or "the remarks"
    schedule_text: str = ""

    @property
    def grant_source(self) -> str:
        """How the grant date is known, in words."""
        if self.grant_note:
            return f"the grant date {self.grant_note} states"
        return "the grant date (transaction date of this code A grant)"

    @property
    def all_text(self) -> str:
        return " ".join(passage.text for passage in self.texts)


def derivative_rows(filing):
    """(JSON pointer, row) for every row of Table II."""
    return ((p, r) for p, r in filing.rows() if p.startswith("/derivative"))


def derivative_terms(filing, context=None) -> list[Terms]:
    """The vesting terms of every Table II row, in row order (a row with no text to read has
    none but its grant date); during a run, read once a filing for all five V rules."""
    return context.shared(_derivative_terms, filing) if context else _derivative_terms(filing, None)


def _derivative_terms(filing, context) -> list[Terms]:
    rows = list(derivative_rows(filing))
    found = []
    for pointer, row in rows:
        texts, seen = [], set()
        for at, note_id, _ in row_references(filing, pointer, context):
            note = footnote(filing, note_id, context)
            if note is None or note_id in seen or not note.text:
                continue
            seen.add(note_id)
            texts.append(Passage(at, f"footnote {note_id}", note.text))
        if filing.remarks and len(rows) == 1:
            texts.append(Passage(pointer, "the remarks", filing.remarks))
        stating = next((passage for passage in texts if stated_grant_date(passage.text)), None)
        # a grant or award acquires (code A with A); code A with D is no grant to date the terms from
        is_grant = getattr(row, "code", None) == "A" and row_direction(row) != "D"
        transaction_date = getattr(row, "transaction_date", Value()).value
        if stating:
            grant, grant_note = stated_grant_date(stating.text), stating.label
        elif is_grant and transaction_date:
            grant, grant_note = transaction_date, None
        else:
            grant, grant_note = None, None
        granted = row.shares.value if is_grant and hasattr(row, "shares") else None
        terms = Terms(pointer, row, texts, grant, grant_note, granted)
        for at, label, text in texts:
            schedule = parse_schedule(text, grant, granted)
            if schedule is not None:
                terms.schedule, terms.schedule_at, terms.schedule_note, terms.schedule_text = schedule, at, label, text
                break
        found.append(terms)
    return found


def _d(value: date) -> str:
    return value.strftime("%m/%d/%Y")


class ExercisableDateContradictsVesting(FilingRule):
    """The date exercisable column contradicts the first vesting date the footnote states.

    ## What it checks
    For each Table II row whose footnote states a vesting schedule form16lint can compute (see
    `V002`), the date exercisable (column 6) is compared with the first date of that schedule.
    When the footnote says the option is immediately exercisable (early exercise), the expected
    date is the grant date. Only a date written in the column is compared: a column that only
    references the footnote says nothing to contradict.

    Accepted variants: a schedule told as history (a vesting commencement date, "became vested
    and exercisable on…") and a footnote that points to the column for its date ("on the
    Exercisable Date set forth above") are not compared.

    ## Why it matters
    Section 16(a) of the Exchange Act and Rule 16a-3 require the Form 4 to report the terms of
    the derivative security; column 6 is where a reader looks for when the option can first be
    exercised. When the column and the footnote disagree, one of them misstates the award, and the
    form warns that misstatements are federal violations (18 U.S.C. 1001, 15 U.S.C. 78ff(a)).

    ## Failing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><value>2024-09-01</value><footnoteId id="F1"/></exerciseDate>
    </derivativeTransaction>
    <footnotes>
      <footnote id="F1">The option vests in four equal annual installments beginning on the first anniversary of the grant date.</footnote>
    </footnotes>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><value>2025-03-01</value><footnoteId id="F1"/></exerciseDate>
    </derivativeTransaction>
    <footnotes>
      <footnote id="F1">The option vests in four equal annual installments beginning on the first anniversary of the grant date.</footnote>
    </footnotes>
    ```
    """

    code = "V001"
    name = "exercisable-date-contradicts-vesting"
    severity = Severity.WARNING
    reads = ("/footnotes", "/remarks")

    def check(self, filing, context):
        for terms in derivative_terms(filing, context):
            schedule, column = terms.schedule, terms.row.exercise_date.value
            if schedule is None or column is None:
                continue
            if RETROSPECTIVE.search(terms.schedule_text) or NAMES_THE_COLUMN.search(terms.schedule_text):
                continue  # a schedule told as history, or one that points to the column for its date
            if schedule.exercisable_at_grant:
                if terms.grant is None or column == terms.grant:
                    continue
                expected, why = terms.grant, "the option is immediately exercisable, so from the grant date"
            else:
                expected, why = schedule.first, f"its first tranche vests then ({schedule.describe(_d, 2)})"
            if column != expected:
                pointer = terms.pointer + "/exerciseDate"
                yield Violation(pointer, "{field} is {exercisable:%m/%d/%Y}, but {schedule_note} states a schedule "
                                         "under which it becomes exercisable on {expected:%m/%d/%Y}: {why}. "
                                         "Correct the column or the footnote so that both state the award's "
                                         "terms.",
                                arguments={"field": describe(pointer), "exercisable": column,
                                           "schedule_note": terms.schedule_note, "expected": expected, "why": why},
                                identity=("exercisable", "expected"))


class VestingScheduleIncomplete(FilingRule):
    """The vesting schedule the footnote states does not add up to 100%, or ends after expiration.

    ## What it checks
    The footnote's schedule is computed tranche by tranche (for example "25% on 04/06/2005, the
    remaining shares in equal monthly installments over the following thirty-six months" is 25%
    then 36 tranches of 2.0833%, the last on 04/06/2008). It fires when the tranches add up to
    more or less than 100% of the award, when share counts stated for each tranche do not add up
    to the shares granted, or when the last tranche vests after the expiration date (column 6).
    Understood: dates (04/06/2005, 4/6/05, April 6, 2005, Apr. 6, 2005, 2005-04-06), fractions
    and numbers in words or digits (25%, 1/48th, one-third, thirty-six), equal annual, quarterly
    or monthly installments, anniversaries of the grant or of a vesting commencement date, cliffs
    ("vests in full on"), vesting at grant and "the remaining shares" clauses. Schedules tied to
    performance, an annual meeting or "the earlier of" two events are skipped, never guessed.
    A schedule read short of 100% whose text goes on in words not understood ("1/48 thereafter
    until fully vested", "at a rate of 20% per year") is not reported: the shortfall would be
    the reading's, not the filing's.

    ## Why it matters
    Section 16(a) and Rule 16a-3 require the report of a grant to state its terms accurately; a
    schedule that leaves shares unvested or vests shares after the option has expired cannot be
    the award the issuer made, so the footnote misstates it (a false statement on a filed form:
    18 U.S.C. 1001, 15 U.S.C. 78ff(a)).

    ## Failing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><value>2025-03-01</value><footnoteId id="F1"/></exerciseDate>
    </derivativeTransaction>
    <footnotes>
      <footnote id="F1">25% of the option vests on each of the first three anniversaries of the grant date.</footnote>
    </footnotes>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><value>2025-03-01</value><footnoteId id="F1"/></exerciseDate>
    </derivativeTransaction>
    <footnotes>
      <footnote id="F1">25% of the option vests on each of the first, second, third and fourth anniversaries of the grant date.</footnote>
    </footnotes>
    ```
    """

    code = "V002"
    name = "vesting-schedule-incomplete"
    severity = Severity.WARNING
    reads = ("/footnotes", "/remarks")

    def check(self, filing, context):
        for terms in derivative_terms(filing, context):
            schedule = terms.schedule
            if schedule is None:
                continue
            pointer, note, row, granted = terms.schedule_at, terms.schedule_note, terms.row, terms.granted
            where = describe(terms.pointer)
            if schedule.by_shares and granted is not None and schedule.total_shares != granted:
                yield Violation(pointer, "{where}: {note} vests {total_shares:figure} shares in all "
                                         "({schedule_text}), but {field} reports {granted:figure} granted; the "
                                         "schedule must account for every share of the award.",
                                arguments={"where": where, "note": note, "total_shares": schedule.total_shares,
                                           "schedule_text": schedule.describe(_d),
                                           "field": describe(terms.pointer + '/shares'), "granted": granted},
                                identity=("total_shares", "granted"))
            elif not schedule.by_shares and schedule.total != 1 and not (
                    schedule.total < 1 and CONTINUES.search(terms.schedule_text)):
                yield Violation(pointer, "{where}: the vesting schedule in {note} adds up to {percent} of the "
                                         "award, not 100% ({schedule_text}). Add the missing tranche or "
                                         "correct the percentages in {note}.",
                                arguments={"where": where, "note": note, "percent": percent(schedule.total),
                                           "schedule_text": schedule.describe(_d)},
                                identity=("percent",))
            expiration = row.expiration_date.value
            if expiration is not None and schedule.last > expiration:
                yield Violation(pointer, "{where}: under the schedule {note} states, the last tranche vests on "
                                         "{last:%m/%d/%Y}, after the expiration date {expiration:%m/%d/%Y} "
                                         "({field}): those shares could never be exercised. One of the dates "
                                         "is wrong.",
                                arguments={"where": where, "note": note, "last": schedule.last,
                                           "expiration": expiration,
                                           "field": describe(terms.pointer + '/expirationDate')},
                                identity=("last", "expiration"))


class VestingBeforeGrant(FilingRule):
    """A vesting or exercisable date falls before the grant (transaction) date.

    ## What it checks
    For a Table II grant or award (code A, or a row whose footnote states when it was granted),
    the date exercisable (column 6) and the first date of the vesting schedule its footnote
    states must not precede the grant date. A row coded A but disposed of (D) is no grant, and
    its transaction date is not taken as a grant date.

    Accepted variants: schedules written as history (a vesting commencement date before the
    grant, service credited before the grant, "became vested and exercisable on the Exercisable
    Date", "was satisfied as to 1/48th on…"), for the date exercisable as for the schedule; and
    options assumed or exchanged in a merger, which keep their original dates.

    ## Why it matters
    An award cannot vest or become exercisable before it exists. A date before the grant is a
    typing error in the year or a report of the wrong award, and the Form 4 (Section 16(a), Rule
    16a-3) then misstates the security reported.

    ## Failing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><value>2023-03-01</value></exerciseDate>
    </derivativeTransaction>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><value>2025-03-01</value></exerciseDate>
    </derivativeTransaction>
    ```
    """

    code = "V003"
    name = "vesting-before-grant"
    severity = Severity.ERROR
    reads = ("/footnotes", "/remarks")

    def check(self, filing, context):
        for terms in derivative_terms(filing, context):
            grant, text = terms.grant, terms.all_text
            if grant is None or CARRIED_OVER.search(text):
                continue
            column = terms.row.exercise_date.value
            if column is not None and column < grant and not RETROSPECTIVE.search(text):
                pointer = terms.pointer + "/exerciseDate"
                yield Violation(pointer, "{field} is {exercisable:%m/%d/%Y}, {days} days before {grant_source}, "
                                         "{grant:%m/%d/%Y}: an award cannot be exercisable before it is "
                                         "granted. Correct the date exercisable ({column_of}) or {grant_place}.",
                                arguments={"field": describe(pointer), "exercisable": column,
                                           "days": (grant - column).days, "grant_source": terms.grant_source,
                                           "grant": grant, "column_of": column_of(pointer),
                                           "grant_place": _grant_place(terms)},
                                identity=("exercisable", "grant"))
            schedule = terms.schedule
            if schedule is not None and schedule.first < grant and not RETROSPECTIVE.search(terms.schedule_text):
                note = terms.schedule_note
                yield Violation(terms.schedule_at, "{field}: {note} has the award vest on {first:%m/%d/%Y} "
                                                   "({schedule_text}), before {grant_source}, "
                                                   "{grant:%m/%d/%Y}: an award cannot vest before it is "
                                                   "granted. Correct the vesting dates in {note} or "
                                                   "{grant_place}.",
                                arguments={"field": describe(terms.pointer), "note": note, "first": schedule.first,
                                           "schedule_text": schedule.describe(_d, 2),
                                           "grant_source": terms.grant_source, "grant": grant,
                                           "grant_place": _grant_place(terms)},
                                identity=("first", "grant"))


def _full_value_units(terms: Terms) -> bool:
    """Units that settle when they vest, by the row's title or by the footnotes it refers to
    ("Common Stock" with "Each restricted stock unit represents the right to receive ...")."""
    return bool(FULL_VALUE_UNITS.search(terms.row.security_title.value or "")
                or FULL_VALUE_UNITS.search(terms.all_text))


def _grant_place(terms: Terms) -> str:
    """Where the grant date is written, to be corrected if it is the wrong date."""
    if terms.grant_note:
        return f"the grant date in {terms.grant_note}"
    return f"the transaction date ({column_of(terms.pointer + '/transactionDate')})"


class ExpirationNotAfterExercisable(FilingRule):
    """An expiration date is not after the exercisable date or the grant date.

    ## What it checks
    For each Table II row with an expiration date (column 6): it must be later than the date
    exercisable in the same column (or, when that column only references a footnote, the first
    vesting date of the schedule the footnote states), and later than the grant date of a grant
    or award (code A, or the grant date a footnote states).

    Accepted variant: restricted, performance and deferred stock units (RSU, PSU, DSU) and
    phantom stock (by the row's title or the footnotes it refers to) settle when they vest, and filers conventionally give the vesting date as both
    the date exercisable and the expiration date; for such units an expiration date equal to the
    date exercisable is accepted (one before it is not).

    ## Why it matters
    A derivative security that expires before (or the day) it can first be exercised, or that
    expires on the day it is granted, conveys nothing: one of the dates is wrong, and Form 4
    (Section 16(a), Rule 16a-3) must report the terms of the security accurately.

    ## Failing example
    ```xml
    <derivativeTransaction>
      <expirationDate><value>2015-03-01</value></expirationDate>
    </derivativeTransaction>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <expirationDate><value>2034-03-01</value></expirationDate>
    </derivativeTransaction>
    ```
    """

    code = "V004"
    name = "expiration-not-after-exercisable"
    severity = Severity.ERROR

    def check(self, filing, context):
        for terms in derivative_terms(filing, context):
            pointer, row = terms.pointer, terms.row
            expiration = row.expiration_date.value
            if expiration is None:
                continue
            at = pointer + "/expirationDate"
            exercisable, source = row.exercise_date.value, describe(pointer + "/exerciseDate")
            if exercisable is None and terms.schedule and not terms.schedule.exercisable_at_grant:
                exercisable, source = terms.schedule.first, f"the first vesting date {terms.schedule_note} states"
            if exercisable is not None and expiration == exercisable and _full_value_units(terms):
                continue  # units that settle when they vest: both dates are the vesting date
            if exercisable is not None and expiration <= exercisable:
                yield Violation(at, "{field} is {expiration:%m/%d/%Y}, not after {source}, "
                                    "{exercisable:%m/%d/%Y}: the security would expire before it could be "
                                    "exercised.",
                                arguments={"field": describe(at), "expiration": expiration, "source": source,
                                           "exercisable": exercisable},
                                identity=("expiration", "exercisable"))
                continue
            if terms.grant is not None and expiration <= terms.grant:
                yield Violation(at, "{field} is {expiration:%m/%d/%Y}, not after {grant_source}, "
                                    "{grant:%m/%d/%Y}: an award that expires when it is granted conveys "
                                    "nothing.",
                                arguments={"field": describe(at), "expiration": expiration,
                                           "grant_source": terms.grant_source, "grant": terms.grant},
                                identity=("expiration", "grant"))


class StatedTermDisagrees(FilingRule):
    """A term stated in words disagrees with the expiration date minus the grant date.

    ## What it checks
    When a footnote (or the remarks of a filing with one Table II row) states the term in words
    ("ten-year term", "the term of the option is ten years", "expires seven years after the
    grant date", "expires on the tenth anniversary of the date of grant"), the expiration date
    (column 6) must be that anniversary of the grant date. Within a month counts as agreeing:
    plans commonly expire the day before the anniversary, and grants are sometimes dated a few
    days from the board's action.

    Accepted variants: an expiration within a month of the anniversary (the day before it; a
    grant dated a few days from the board's action); a term not stated as a number of years
    is not compared.

    ## Why it matters
    The term is a material term of the derivative security that Section 16(a) and Rule 16a-3
    require the report to state; a ten-year option reported with a five-year expiration
    misstates either the award or the column.

    ## Failing example
    ```xml
    <derivativeTransaction>
      <expirationDate><value>2029-03-01</value><footnoteId id="F1"/></expirationDate>
    </derivativeTransaction>
    <footnotes><footnote id="F1">The option has a ten-year term.</footnote></footnotes>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <expirationDate><value>2034-02-28</value><footnoteId id="F1"/></expirationDate>
    </derivativeTransaction>
    <footnotes><footnote id="F1">The option has a ten-year term.</footnote></footnotes>
    ```
    """

    code = "V005"
    name = "stated-term-disagrees"
    severity = Severity.WARNING
    reads = ("/footnotes", "/remarks")

    def check(self, filing, context):
        for terms in derivative_terms(filing, context):
            expiration = terms.row.expiration_date.value
            if terms.grant is None or expiration is None:
                continue
            for passage in terms.texts:
                stated = stated_term_years(passage.text)
                if stated is None:
                    continue
                years = stated[0]
                expected = anniversary(terms.grant, years)
                if abs((expiration - expected).days) > TERM_TOLERANCE_DAYS:
                    pointer = terms.pointer + "/expirationDate"
                    yield Violation(pointer, "In {label}, the term is {years} years: from {grant_source}, "
                                             "{grant:%m/%d/%Y}, the award should expire about "
                                             "{expected:%m/%d/%Y}, but {field} is {expiration:%m/%d/%Y}. "
                                             "Correct the expiration date or {label}.",
                                    arguments={"label": passage.label, "years": years,
                                               "grant_source": terms.grant_source, "grant": terms.grant,
                                               "expected": expected, "field": describe(pointer),
                                               "expiration": expiration},
                                    identity=("years", "grant", "expected", "expiration"))
                break
