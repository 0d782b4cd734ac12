"""Deadline answers: when a Form 3, 4 or 5 falls due, and which days the count passed over.

``form16lint due --form 4 --transaction-date D`` answers one question; given filings or a CSV
of planned transactions it lists the due date of each, and ``--ics`` writes them as an
iCalendar file. The deadlines are the rules' own: the SEC business-day calendar of
:mod:`form16lint.business_days` and the Form 4 logic of the built-in pack (which rows a Form 4
must report, and when each falls due), never a second copy of them.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from form16lint.business_days import SEC_CLOSURES, add_business_days, calendar_deadline, is_business_day
from form16lint.business_days import why_closed as closed_because
from form16lint.errors import UsageError

FORM3_DAYS = 10  # Rule 16a-3(a): within 10 days after the event
FORM5_DAYS = 45  # Rule 16a-3(f): within 45 days after the issuer's fiscal year end

LAW = {
    "3": "Rule 16a-3(a); Form 3 General Instruction 1",
    "4": "Section 16(a)(2)(C); Rule 16a-3(g)(1)",
    "5": "Rule 16a-3(f); Form 5 General Instruction 1",
}
EVENT = {"3": "event requiring the statement", "4": "transaction", "5": "fiscal year end"}


@dataclass
class Deadline:
    """One filing due: the form, the date its count starts from and the due date."""

    form: str
    start: date
    due: date
    basis: str  # how the due date follows from the start, in words
    person: str = ""
    issuer: str = ""
    description: str = ""
    source: str = ""  # the file (and row) it comes from
    rows: list[str] = field(default_factory=list)  # the rows of a filing it covers, in the form's words


def _calendar(compute, *arguments):
    """A calendar call, with a date outside the calendar's range as a clear usage error."""
    try:
        return compute(*arguments)
    except ValueError as error:  # the calendar refuses dates it does not cover
        raise UsageError(f"cannot count SEC business days for {arguments[0]}: {error}") from None


def form3_due(event: date) -> Deadline:
    return Deadline("3", event, _calendar(calendar_deadline, event, FORM3_DAYS),
                    f"{FORM3_DAYS} calendar days after the event on {event.isoformat()}")


def form4_due(transaction: date, deemed_execution: date | None = None) -> Deadline:
    from form16lint.rulekit.when import SARBANES_OXLEY_FORM4

    executed = deemed_execution or transaction
    if executed < SARBANES_OXLEY_FORM4:
        raise UsageError(f"{executed.isoformat()} is before {SARBANES_OXLEY_FORM4.isoformat()}: until then a "
                         "Form 4 was due by the 10th day of the month after the transaction, which form16lint "
                         "does not count")
    what = "deemed execution date" if deemed_execution else "transaction"
    return Deadline("4", executed, _calendar(add_business_days, executed, 2),
                    f"the end of the second business day after the {what} on {executed.isoformat()}")


def form5_due(fiscal_year_end: date) -> Deadline:
    return Deadline("5", fiscal_year_end, _calendar(calendar_deadline, fiscal_year_end, FORM5_DAYS),
                    f"{FORM5_DAYS} calendar days after the fiscal year ended {fiscal_year_end.isoformat()}")


def passed_over(deadline: Deadline) -> list[tuple[date, str]]:
    """The days the count passed over because the SEC was closed, each with why: for Form 4 the
    days between the transaction and the due date that were not business days; for Forms 3 and
    5 the closed days the calendar deadline moved past."""
    if deadline.form == "4":
        first = deadline.start + timedelta(days=1)
    else:
        first = deadline.start + timedelta(days=FORM3_DAYS if deadline.form == "3" else FORM5_DAYS)
    days, day = [], first
    while day < deadline.due:
        if not _calendar(is_business_day, day):
            days.append((day, why_closed(day)))
        day += timedelta(days=1)
    return days


def why_closed(day: date) -> str:
    if day.weekday() >= 5:
        return "weekend"
    if day in SEC_CLOSURES:
        return "SEC closed by executive order"
    return _calendar(closed_because, day) or "federal holiday"  # the holiday's name, from the shipped table


def describe(deadline: Deadline) -> list[str]:
    """The answer in lines of text: the due date, the basis, the law, the days passed over."""
    lines = [f"Form {deadline.form} for the {EVENT[deadline.form]} on {deadline.start.isoformat()} "
             f"({deadline.start:%A}) is due {deadline.due.isoformat()} ({deadline.due:%A}): {deadline.basis} "
             f"({LAW[deadline.form]})."]
    skipped = passed_over(deadline)
    if skipped:
        lines.append("Days passed over, on which the SEC was closed:")
        lines += [f"  {day.isoformat()} {day:%A}: {reason}" for day, reason in skipped]
    else:
        lines.append("No day passed over: the SEC was open on every day of the count.")
    lines.append("EDGAR accepts Section 16 filings until 10 p.m. Eastern on the due date "
                 "(Regulation S-T Rule 13(a)(4)).")
    return lines


# -- deadlines of filings and of planned transactions ------------------------------------------------
def filing_deadlines(document) -> list[Deadline]:
    """The deadlines a filing answers to: a Form 3's event, a Form 5's fiscal year end, and for a
    Form 4 each execution date of the rows it must report (rows sharing a due date together).
    Amendments answer to their original's deadline and give none of their own."""
    from form16lint.rulekit.when import form4_deadline
    from form16lint_rules.dates import _required_on_form4

    filing = document.filing
    if filing is None or filing.is_amendment:
        return []
    person = "; ".join(owner.name or owner.cik or "?" for owner in filing.reporting_owners)
    issuer = filing.issuer.name or (f"CIK {filing.issuer.cik}" if filing.issuer.cik else "")
    period = filing.period_of_report.value
    found: list[Deadline] = []
    if filing.base_form == "3" and period:
        found.append(form3_due(period))
    elif filing.base_form == "5" and period:
        found.append(form5_due(period))
    elif filing.base_form == "4":
        from form16lint.fieldnames import describe as words

        by_due: dict[tuple[date, date], Deadline] = {}
        for pointer, row in filing.transactions():
            deadline = _calendar(form4_deadline, row)
            if deadline is None or not _required_on_form4(row, deadline[0]):
                continue
            executed, due = deadline
            if (executed, due) not in by_due:
                by_due[executed, due] = Deadline(
                    "4", executed, due, f"the end of the second business day after {executed.isoformat()}")
            by_due[executed, due].rows.append(words(pointer, "4"))
        found.extend(sorted(by_due.values(), key=lambda d: d.due))
    for deadline in found:
        deadline.person, deadline.issuer, deadline.source = person, issuer, document.path
    return found


PLANNED_DATE_COLUMNS = ("date", "transaction_date", "event_date", "fiscal_year_end")


def planned_deadlines(path: str) -> list[Deadline]:
    """Deadlines of planned transactions in a CSV file with a header: ``date`` (or
    ``transaction_date``, ``event_date``, ``fiscal_year_end``) and optionally ``form`` (3, 4 or
    5; 4 when absent), ``deemed_execution_date``, ``person``, ``issuer``, ``description``."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip().lower() for name in reader.fieldnames or []]
            if not any(name in header for name in PLANNED_DATE_COLUMNS):
                raise UsageError(f"{path}: the first line must name the columns, one of them "
                                 f"{' or '.join(PLANNED_DATE_COLUMNS)} (found: {', '.join(header) or 'nothing'})")
            found = []
            for number, record in enumerate(reader, start=2):
                row = {(key or "").strip().lower(): (value or "").strip() for key, value in record.items()
                       if isinstance(value, str)}
                if not any(row.values()):
                    continue
                found.append(_planned(path, number, row))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise UsageError(f"{path}: not a CSV file of planned transactions ({error})") from None
    return found


def _planned(path: str, number: int, row: dict) -> Deadline:
    form = (row.get("form") or "4").upper().removeprefix("FORM").strip()
    if form not in ("3", "4", "5"):
        raise UsageError(f"{path}:{number}: form {row.get('form')!r} is not 3, 4 or 5")
    text = next((row[name] for name in PLANNED_DATE_COLUMNS if row.get(name)), "")
    start = _parse_day(path, number, text, "date")
    deemed = row.get("deemed_execution_date")
    if form == "3":
        deadline = form3_due(start)
    elif form == "5":
        deadline = form5_due(start)
    else:
        deadline = form4_due(start, _parse_day(path, number, deemed, "deemed_execution_date") if deemed else None)
    deadline.person, deadline.issuer = row.get("person", ""), row.get("issuer", "")
    deadline.description, deadline.source = row.get("description", ""), f"{path}:{number}"
    return deadline


def _parse_day(path: str, number: int, text: str, column: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{path}:{number}: {column} {text!r} is not a date in the form YYYY-MM-DD") from None


# -- iCalendar ---------------------------------------------------------------------------------------
def summary(deadline: Deadline) -> str:
    who = " · ".join(part for part in (deadline.person, deadline.issuer) if part)
    return f"Form {deadline.form} due" + (f": {who}" if who else "")


def to_ics(deadlines: list[Deadline], stamp: datetime | None = None) -> bytes:
    """An iCalendar file with one all-day event on each due date. Each event's UID derives from
    what it is about, so importing a newer file updates events rather than doubling them."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//form16lint//Section 16 deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Section 16 deadlines")
    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    for deadline in deadlines:
        event = icalendar.Event()
        basis = "|".join((deadline.form, deadline.start.isoformat(), deadline.due.isoformat(), deadline.person,
                          deadline.issuer, deadline.description, os.path.basename(deadline.source.split(":")[0])))
        event.add("uid", hashlib.sha256(basis.encode()).hexdigest()[:32] + "@form16lint")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + timedelta(days=1))
        event.add("summary", summary(deadline))
        details = [f"Due {deadline.due.isoformat()}: {deadline.basis} ({LAW[deadline.form]}).",
                   "EDGAR accepts Section 16 filings until 10 p.m. Eastern on the due date."]
        if deadline.description:
            details.insert(0, deadline.description)
        if deadline.rows:
            details.append("Rows: " + "; ".join(deadline.rows) + ".")
        if deadline.source:
            details.append(f"From {deadline.source}.")
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def table_lines(deadlines: list[Deadline]) -> list[str]:
    """One line a deadline, by due date: for printing beside (or instead of) the iCalendar file."""
    lines = []
    for deadline in sorted(deadlines, key=lambda d: (d.due, d.form, d.person)):
        who = " · ".join(part for part in (deadline.person, deadline.issuer, deadline.description) if part)
        lines.append(f"{deadline.due.isoformat()}  Form {deadline.form}  {EVENT[deadline.form]} "
                     f"{deadline.start.isoformat()}" + (f"  {who}" if who else "")
                     + (f"  ({deadline.source})" if deadline.source else ""))
    return lines


# -- the command -------------------------------------------------------------------------------------
QUESTION = {"3": "event_date", "4": "transaction_date", "5": "fiscal_year_end"}
OPTION = {"3": "--event-date", "4": "--transaction-date", "5": "--fiscal-year-end"}


def question_deadline(args) -> Deadline:
    """The deadline ``--form`` and its date ask for; a usage error naming what is missing."""
    given = [form for form, name in QUESTION.items() if getattr(args, name) is not None]
    form = args.form or (given[0] if len(given) == 1 else None)
    if form is None:
        raise UsageError("give --form 3 --event-date D, --form 4 --transaction-date D or --form 5 "
                         "--fiscal-year-end D, or filings or a CSV of planned transactions")
    start = getattr(args, QUESTION[form])
    wrong = [OPTION[other] for other in given if other != form]
    if start is None or wrong:
        raise UsageError(f"Form {form} is counted from {OPTION[form]} YYYY-MM-DD"
                         + (f", not {', '.join(wrong)}" if wrong else ""))
    if args.deemed_execution_date and form != "4":
        raise UsageError("--deemed-execution-date is for Form 4 only")
    if form == "3":
        return form3_due(start)
    if form == "5":
        return form5_due(start)
    return form4_due(start, args.deemed_execution_date)


def run_due(args) -> int:
    import sys

    if not args.paths:
        deadline = question_deadline(args)
        print("\n".join(describe(deadline)))
        if args.ics:
            write_ics(args.ics, [deadline])
        return 0
    if args.form or any(getattr(args, name) for name in (*QUESTION.values(), "deemed_execution_date")):
        raise UsageError("give either filings or planned transactions (PATH...) or one question "
                         "(--form with its date), not both")
    deadlines, unreadable = paths_deadlines(args.paths)
    deadlines.sort(key=lambda d: (d.due, d.form, d.person, d.source))
    for line in table_lines(deadlines):
        print(line)
    for path, reason in unreadable:
        print(f"form16lint: {path}: no deadline: {reason}", file=sys.stderr)
    print(f"{len(deadlines)} due date{'s' if len(deadlines) != 1 else ''}", file=sys.stderr)
    if args.ics:
        write_ics(args.ics, deadlines)
    return 1 if unreadable else 0


def paths_deadlines(paths: list[str]) -> tuple[list[Deadline], list[tuple[str, str]]]:
    """Deadlines of the CSV files and filings named or found in folders, and the files that gave
    none with why (unreadable, or an amendment, which answers to its original's deadline)."""
    from form16lint.discovery import discover
    from form16lint.engine import read_document
    from form16lint.cli import load_command_plugins

    planned = [path for path in paths if os.path.isfile(path) and path.lower().endswith(".csv")]
    files, missing = discover([path for path in paths if path not in planned])
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(missing))
    deadlines = [deadline for path in planned for deadline in planned_deadlines(path)]
    unreadable = []
    plugins = load_command_plugins(None)  # says on standard error which packs failed to load
    for path in files:
        document = read_document(plugins, path)
        if document.filing is None:
            reasons = [f.message for f in document.reader_findings if f.code == "E002"]
            unreadable.append((path, reasons[0] if reasons else "it could not be read"))
            continue
        found = filing_deadlines(document)
        if not found and document.filing.is_amendment:
            continue  # an amendment answers to its original's deadline
        if not found:
            unreadable.append((path, f"its date ({'period of report' if document.filing.base_form != '4' else 'transaction dates'}) "
                                     "is missing or before 2002-08-29"))
        deadlines.extend(found)
    return deadlines, unreadable


def write_ics(path: str, deadlines: list[Deadline]) -> None:
    from form16lint.output import atomic_writer

    data = to_ics(deadlines).decode("utf-8")
    with atomic_writer(path) as stream:
        stream.write(data)
