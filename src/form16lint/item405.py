"""The Item 405 table: the late Section 16 reports of an issuer's fiscal year, per reporting person.

Item 405 of Regulation S-K asks the issuer to name, in its proxy statement or 10-K, each person
who failed to file a Section 16(a) report on time during the fiscal year, with the number of late
reports, the number of transactions not reported on a timely basis, and any known failure to
file. This module judges a year of filings against the deadlines the built-in rules use (the
SEC business-day calendar and the pack's Form 4 logic; Form 5 rows that belonged on Form 4 are
those rules C003 and C004 find) and drafts the paragraph proxies print.

A filing is judged only against a filing date EDGAR gave (the submission header, or an index of
filing dates the user passes); a filing whose filing date is unknown is listed as such and never
counted as timely or late by guess (the signature date that rule D005 falls back on is not a
filing date).
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from form16lint.errors import UsageError

ACCESSION = re.compile(r"(\d{10})-?(\d{2})-?(\d{6})")
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ENTITY_WORDS = frozenset({"INC", "LLC", "LP", "LLP", "LTD", "CORP", "CO", "TRUST", "FUND", "PARTNERS", "HOLDINGS",
                          "CAPITAL", "GROUP", "MANAGEMENT", "L.P.", "L.L.C.", "INC.", "CORP.", "CORPORATION",
                          "FOUNDATION", "ADVISORS", "INVESTORS", "BANK", "COMPANY", "PLC", "SA", "AG", "NV", "BV"})


@dataclass
class JudgedFiling:
    """One filing of the year as Item 405 sees it."""

    path: str
    form: str
    accession: str | None
    event: str | None  # the date the report is about: the event, earliest transaction or fiscal year end
    filed: str | None
    filed_from: str | None  # where the filing date came from
    due: str | None
    status: str  # "timely", "late", "unknown filing date", "amendment", "not judged"
    business_days_late: int = 0
    late_transactions: list[str] = field(default_factory=list)  # rows, in the form's words, with dates
    failures: list[str] = field(default_factory=list)  # known failures to file this filing shows
    note: str = ""


@dataclass
class PersonSummary:
    name: str
    cik: str | None
    late_reports: int = 0
    late_transactions: int = 0
    failures_to_file: list[str] = field(default_factory=list)
    filings: list[JudgedFiling] = field(default_factory=list)

    @property
    def late_by_form(self) -> dict[str, list[JudgedFiling]]:
        found: dict[str, list[JudgedFiling]] = {}
        for filing in self.filings:
            if filing.status == "late":
                found.setdefault(filing.form, []).append(filing)
        return found

    @property
    def unknown(self) -> list[JudgedFiling]:
        return [f for f in self.filings if f.status == "unknown filing date"]

    @property
    def flagged(self) -> bool:
        return bool(self.late_reports or self.late_transactions or self.failures_to_file)


@dataclass
class Item405Report:
    issuer: str
    issuer_cik: str | None
    fiscal_year: int
    fiscal_year_start: str
    fiscal_year_end: str
    persons: list[PersonSummary]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files not judged, with why

    def disclosure(self) -> str:
        return disclosure(self)


# -- filing dates ------------------------------------------------------------------------------------
@dataclass
class FilingDates:
    """Filing dates the user gives, by accession number and by file: overrides of what a
    submission header says."""

    by_accession: dict[str, date] = field(default_factory=dict)
    by_file: dict[str, date] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # key -> the index file it came from

    def lookup(self, path: str, accession: str | None) -> tuple[date | None, str | None]:
        keys = [("a", accession)] if accession else []
        keys += [("f", os.path.normpath(path)), ("f", os.path.basename(path))]
        for kind, key in keys:
            table = self.by_accession if kind == "a" else self.by_file
            if key in table:
                return table[key], self.sources[kind + key]
        return None, None

    def add(self, kind: str, key: str, day: date, source: str) -> None:
        (self.by_accession if kind == "a" else self.by_file)[key] = day
        self.sources[kind + key] = source


def accession_of(text: str) -> str | None:
    match = ACCESSION.search(text or "")
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def _day(text: str) -> date | None:
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def read_filing_dates(paths: list[str]) -> FilingDates:
    """Read index files of filing dates: EDGAR's ``master.idx`` (``CIK|Company Name|Form
    Type|Date Filed|Filename``), ``form.idx`` (fixed-width columns ending in the date filed and
    the file name), or a CSV/TSV with a header naming a ``filing_date`` column (or ``filed``,
    ``date_filed``) and a ``file`` (or ``path``) or ``accession`` column."""
    dates = FilingDates()
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError as error:
            raise UsageError(f"cannot read the filing-date index {path}: {error.strerror or error}") from None
        if any("Date Filed" in line for line in lines[:20]):
            count = _read_edgar_index(path, lines, dates)
        else:
            count = _read_table(path, lines, dates)
        if count == 0:
            raise UsageError(f"{path}: no filing dates found (expected an EDGAR form.idx or master.idx, or a CSV "
                             "with a header naming filing_date and file or accession)")
    return dates


def _read_edgar_index(path: str, lines: list[str], dates: FilingDates) -> int:
    start = next((i + 1 for i, line in enumerate(lines) if line.startswith("----")), 0)
    count = 0
    for line in lines[start:]:
        if "|" in line:  # master.idx
            parts = line.split("|")
            if len(parts) < 5:
                continue
            day, name = _day(parts[3]), parts[4]
        else:  # form.idx: the last two columns are the date filed and the file name
            parts = line.split()
            if len(parts) < 3:
                continue
            day, name = _day(parts[-2]), parts[-1]
        accession = accession_of(os.path.basename(name))
        if day and accession:
            dates.add("a", accession, day, f"{os.path.basename(path)} (EDGAR index)")
            count += 1
    return count


def _read_table(path: str, lines: list[str], dates: FilingDates) -> int:
    if not lines:
        return 0
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
    header = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
    date_column = next((header[n] for n in ("filing_date", "filed", "date_filed", "filing date") if n in header), None)
    if date_column is None:
        return 0
    file_column = next((header[n] for n in ("file", "path") if n in header), None)
    accession_column = header.get("accession") or header.get("accession_number")
    count = 0
    for number, record in enumerate(reader, start=2):
        text = (record.get(date_column) or "").strip()
        if not text:
            continue
        day = _day(text)
        if day is None:
            raise UsageError(f"{path}:{number}: filing date {text!r} is not a date (YYYY-MM-DD or YYYYMMDD)")
        source = f"{os.path.basename(path)} line {number}"
        accession = accession_of(record.get(accession_column) or "") if accession_column else None
        if accession:
            dates.add("a", accession, day, source)
            count += 1
        if file_column and (name := (record.get(file_column) or "").strip()):
            dates.add("f", os.path.normpath(name), day, source)
            dates.add("f", os.path.basename(name), day, source)
            count += 1
    return count


# -- judging filings ---------------------------------------------------------------------------------
def _calendar(compute, *arguments):
    """A calendar call; None when the date lies outside the calendar the project keeps."""
    try:
        return compute(*arguments)
    except ValueError:
        return None


def known_filing_date(document, dates: FilingDates) -> tuple[date | None, str | None]:
    """The filing date from the user's index (it overrides), else EDGAR's header; never a guess."""
    from form16lint.rule import RunOptions, RuleContext
    from form16lint.rulekit.when import submitted_date

    filing = document.filing
    accession = filing.metadata.accession_number or accession_of(os.path.basename(document.path))
    day, source = dates.lookup(document.path, accession)
    if day:
        return day, source
    day, source = submitted_date(filing, RuleContext(document=document, options=RunOptions()))
    return day, (source.value if source else None)


def _form5_rows_due_on_form4(document) -> dict[str, str]:
    """Row pointer -> the reason, for the rows of a Form 5 that rules C003 and C004 find were due
    on a Form 4."""
    from form16lint.fieldnames import naming_boxes_of
    from form16lint.rule import RunOptions, RuleContext
    from form16lint_rules.codes import Form4TransactionOnForm5, GiftOnForm5

    context = RuleContext(document=document, options=RunOptions())
    found: dict[str, str] = {}
    with naming_boxes_of(document.filing.base_form):
        for rule in (Form4TransactionOnForm5(), GiftOnForm5()):
            for violation in rule.check(document.filing, context) or ():
                row = "/".join(violation.pointer.split("/")[:3])
                found.setdefault(row, rule.code)
    return found


def _owner_key(owner) -> str:
    return _cik(owner.cik) or (owner.name or "?").upper()


def _row_key(row) -> tuple:
    from form16lint.rulekit.when import row_code

    return row.transaction_date.value, row_code(row), row.shares.value


def form4_rows(documents) -> dict[tuple, str]:
    """(owner, transaction date, code, amount) -> the Form 4 (or 4/A) that reported it, so that a
    Form 5 row a Form 4 already reported is not taken for a failure to file."""
    found: dict[tuple, str] = {}
    for document in documents:
        filing = document.filing
        if filing is None or filing.base_form != "4":
            continue
        for _, row in filing.transactions():
            for owner in filing.reporting_owners:
                found.setdefault((_owner_key(owner), *_row_key(row)), document.path)
    return found


def judge(document, dates: FilingDates, on_form4: dict[tuple, str] | None = None) -> JudgedFiling:
    from form16lint.business_days import business_days_after, next_business_day
    from form16lint.due import filing_deadlines
    from form16lint.fieldnames import describe
    from form16lint.rulekit.when import form4_deadline
    from form16lint_rules.dates import _required_on_form4

    filing = document.filing
    form = filing.document_type or "?"
    accession = filing.metadata.accession_number or accession_of(os.path.basename(document.path))
    event = _event(filing)
    filed, filed_from = known_filing_date(document, dates)
    judged = JudgedFiling(path=document.path, form=form, accession=accession,
                          event=event.isoformat() if event else None,
                          filed=filed.isoformat() if filed else None, filed_from=filed_from, due=None,
                          status="not judged")
    if filing.is_amendment:
        judged.status, judged.note = "amendment", "an amendment's timeliness is its original's"
        return judged
    try:
        deadlines = filing_deadlines(document)
    except UsageError as error:
        judged.note = str(error)
        return judged
    if deadlines:
        judged.due = min(d.due for d in deadlines).isoformat()
    base = filing.base_form
    if base == "5":  # rows due on a Form 4 are failures whenever the Form 5 was filed
        for pointer, code in _form5_rows_due_on_form4(document).items():
            row = _row(filing, pointer)
            words = f"{describe(pointer, form)} ({_row_summary(row)})"
            reported = next((path for owner in filing.reporting_owners
                             if (path := (on_form4 or {}).get((_owner_key(owner), *_row_key(row))))), None)
            if reported:
                judged.note = (judged.note + "; " if judged.note else "") + \
                    f"{words} was reported on a Form 4 as well ({reported}): not a failure to file"
                continue
            judged.late_transactions.append(words)
            judged.failures.append(f"no Form 4 for {words}, reported on this Form 5 instead (rule {code})")
    if filed is None:
        judged.status = "unknown filing date"
        judged.note = "no EDGAR filing date in the file and none in the filing-date index: not judged"
        return judged
    if not deadlines:
        judged.note = "no deadline to judge (no date of event, transaction or fiscal year end)"
        return judged
    effective = _calendar(next_business_day, filed)
    if effective is None:
        judged.note = f"the filing date {filed.isoformat()} is outside the SEC business-day calendar"
        return judged
    judged.status = "timely"
    if base == "4":
        late_rows = []
        for pointer, row in filing.transactions():
            deadline = _calendar(form4_deadline, row)
            if deadline is None or not _required_on_form4(row, deadline[0]) or effective <= deadline[1]:
                continue
            late_rows.append((deadline[1], f"{describe(pointer, form)} ({_row_summary(row)}, due {deadline[1]})"))
        if late_rows:
            judged.status = "late"
            judged.due = min(due for due, _ in late_rows).isoformat()
            judged.late_transactions += [words for _, words in late_rows]
    else:
        due = deadlines[0].due
        if effective > due:
            judged.status = "late"
            if base == "5":  # the rows a late Form 5 reports were not reported on time either
                judged.late_transactions += [f"{describe(pointer, form)} ({_row_summary(row)})"
                                             for pointer, row in filing.transactions()
                                             if f"{describe(pointer, form)} ({_row_summary(row)})"
                                             not in judged.late_transactions]
            if base == "3":
                judged.failures.append(f"Form 3 not filed within 10 days of the event on {event}: due {due}, "
                                       f"filed {filed}")
    if judged.status == "late":
        judged.business_days_late = _calendar(business_days_after, date.fromisoformat(judged.due), effective) or 0
    return judged


def _event(filing) -> date | None:
    if filing.base_form == "4":
        days = [row.transaction_date.value for _, row in filing.transactions() if row.transaction_date.value]
        if days:
            return min(days)
    return filing.period_of_report.value


def _row(filing, pointer: str):
    _, table, index = pointer.split("/")[:3]
    return dict(filing.tables())[table][int(index)]


def _row_summary(row) -> str:
    from form16lint.rulekit.when import row_code

    day = row.transaction_date.value
    code = row_code(row)
    return ", ".join(part for part in (f"code {code}" if code else "", day.isoformat() if day else "") if part)


# -- the year ----------------------------------------------------------------------------------------
def fiscal_year_bounds(year: int, end: str) -> tuple[date, date]:
    try:
        month, day = (int(part) for part in end.split("-"))
        last = date(year, month, day)
        previous = date(year - 1, month, day if (month, day) != (2, 29) else 28)
    except ValueError:
        raise UsageError(f"--fiscal-year-end {end!r} is not a day of the year in the form MM-DD "
                         f"(for fiscal year {year})") from None
    return previous + timedelta(days=1), last


def _cik(text: str | None) -> str | None:
    text = (text or "").strip()
    return text.lstrip("0") or ("0" if text else None)


def build_report(documents, fiscal_year: int, fiscal_year_end: str = "12-31", issuer: str | None = None,
                 dates: FilingDates | None = None) -> Item405Report:
    """Judge the documents of one issuer whose report falls in the fiscal year: a Form 3 or 4
    whose event or earliest transaction is in the year, a Form 5 for the year."""
    dates = dates or FilingDates()
    start, end = fiscal_year_bounds(fiscal_year, fiscal_year_end)
    skipped: list[tuple[str, str]] = []
    readable = []
    for document in documents:
        if document.filing is None:
            reasons = [f.message for f in document.reader_findings if f.code == "E002"]
            skipped.append((document.path, "cannot be read: " + (reasons[0] if reasons else "unreadable")))
        else:
            readable.append(document)
    wanted = _cik(issuer)
    issuers = {(_cik(d.filing.issuer.cik), d.filing.issuer.name) for d in readable}
    if wanted is None:
        ciks = {cik for cik, _ in issuers}
        if len(ciks) > 1:
            listed = [f"{name or '?'} (CIK {cik or '?'})" for cik, name in sorted(issuers, key=str)]
            named = "; ".join(listed[:8]) + (f"; and {len(listed) - 8} more" if len(listed) > 8 else "")
            raise UsageError(f"the filings are of {len(ciks)} issuers: {named}; choose one with --issuer CIK")
    in_year = []
    for document in readable:
        filing = document.filing
        if wanted is not None and _cik(filing.issuer.cik) != wanted:
            continue
        event = _event(filing)
        if event is None:
            skipped.append((document.path, "no date of event, transaction or fiscal year end: cannot tell its year"))
        elif start <= event <= end:
            in_year.append(document)
    names = [d.filing.issuer.name for d in in_year if d.filing.issuer.name]
    issuer_name = names[0] if names else (f"CIK {wanted}" if wanted else "the issuer")
    persons: dict[str, PersonSummary] = {}
    on_form4 = form4_rows(d for d in readable if wanted is None or _cik(d.filing.issuer.cik) == wanted)
    for document in in_year:
        judged = judge(document, dates, on_form4)
        for owner in document.filing.reporting_owners or []:
            person = persons.setdefault(_owner_key(owner), PersonSummary(name=owner.name or f"CIK {owner.cik}", cik=owner.cik))
            person.filings.append(judged)
    for person in persons.values():
        person.filings.sort(key=lambda f: (f.event or "", f.filed or "", f.path))
        person.late_reports = sum(1 for f in person.filings if f.status == "late")
        person.late_transactions = sum(len(f.late_transactions) for f in person.filings)
        person.failures_to_file = [failure for f in person.filings for failure in f.failures]
    ordered = sorted(persons.values(), key=lambda p: (not p.flagged, p.name.upper()))
    return Item405Report(issuer=issuer_name, issuer_cik=wanted, fiscal_year=fiscal_year,
                         fiscal_year_start=start.isoformat(), fiscal_year_end=end.isoformat(),
                         persons=ordered, skipped=skipped)


# -- the paragraph -----------------------------------------------------------------------------------
def number_word(count: int) -> str:
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def _plural(count: int, word: str) -> str:
    return f"{number_word(count)} {word}{'s' if count != 1 else ''}"


def proxy_name(name: str) -> str:
    """EDGAR's "LAST FIRST MIDDLE" as a proxy writes a person ("First Middle Last"); an entity's
    name as filed."""
    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(word.upper().strip(".") in {w.strip(".") for w in ENTITY_WORDS}
                                       for word in words):
        return name
    suffix = [words.pop()] if words[-1].upper().strip(".") in {"JR", "SR", "II", "III", "IV"} else []
    if len(words) < 2:
        return name
    last, given = words[0], words[1:]

    def cap(word: str) -> str:
        if len(word.strip(".")) == 1:
            return word.strip(".").upper() + "."
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")) \
            if word.isupper() or word.islower() else word

    tail = [cap(s) if s.upper().strip(".") in {"JR", "SR"} else s.upper() for s in suffix]
    return " ".join([cap(w) for w in given] + [cap(last)]) + (", " + tail[0] if tail else "")


def _clauses(person: PersonSummary) -> list[str]:
    clauses = []
    for form in ("3", "4", "5"):
        late = person.late_by_form.get(form, [])
        if not late:
            continue
        # a late Form 5's rows that belonged on Form 4 get a clause of their own below
        transactions = sum(len(f.late_transactions) - (len(f.failures) if form == "5" else 0) for f in late)
        clause = f"filed {_plural(len(late), 'late Form ' + form)}"
        if form != "3" and transactions:
            clause += f" reporting {_plural(transactions, 'transaction')}"
        clauses.append(clause)
    on_form5 = sum(1 for f in person.filings for failure in f.failures if failure.startswith("no Form 4"))
    if on_form5:
        clauses.append(f"reported {_plural(on_form5, 'transaction')} on Form 5 that should have been reported on Form 4")
    return clauses


def _join(parts: list[str], word: str = "and") -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def disclosure(report: Item405Report) -> str:
    """The draft paragraph, in the words proxy statements use. A draft: counsel confirms it
    against the written representations the issuer received."""
    opening = ("Section 16(a) of the Securities Exchange Act of 1934 requires our directors and executive officers, "
               "and persons who own more than 10% of a registered class of our equity securities, to file with the "
               "SEC reports of ownership and changes in ownership of our securities. Based solely on a review of "
               "the copies of such reports filed with the SEC and written representations from our directors and "
               "executive officers, we believe that during fiscal year "
               f"{report.fiscal_year} all Section 16(a) filing requirements applicable to such persons were "
               "complied with on a timely basis")
    clauses = [(p, _clauses(p)) for p in report.persons]
    people = [f"{proxy_name(p.name)} {_join(said)}" for p, said in clauses if said]
    if len(people) > 2 or any(len(said) > 1 for _, said in clauses):  # clauses with "and" inside
        listed = "; ".join(people[:-1]) + "; and " + people[-1] if len(people) > 1 else "".join(people)
    else:
        listed = _join(people)
    text = opening + (", except that " + listed + "." if people else ".")
    unknown = sorted({f.path for p in report.persons for f in p.unknown})
    if unknown:
        text += (f" [Not judged: {_plural(len(unknown), 'filing')} with no known filing date "
                 f"({', '.join(os.path.basename(path) for path in unknown)}); add their EDGAR filing dates "
                 "with --filing-dates before relying on this paragraph.]")
    return text


# -- writing -----------------------------------------------------------------------------------------
def as_json(report: Item405Report) -> str:
    data = asdict(report)
    data["skipped"] = [{"path": path, "reason": reason} for path, reason in report.skipped]
    data["disclosure"] = report.disclosure()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = ("person", "cik", "late_reports", "transactions_not_timely", "known_failures_to_file",
               "late_filings", "unknown_filing_date", "filings")


def as_csv(report: Item405Report, stream) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for person in report.persons:
        writer.writerow([
            person.name, person.cik or "", person.late_reports, person.late_transactions,
            " | ".join(person.failures_to_file),
            " | ".join(f"Form {f.form} {f.path} filed {f.filed} due {f.due}" for f in person.filings
                       if f.status == "late"),
            " | ".join(f.path for f in person.unknown),
            len(person.filings),
        ])


def _filing_line(filing: JudgedFiling) -> str:
    filed = f"filed {filing.filed} ({filing.filed_from})" if filing.filed else "filing date unknown"
    line = f"Form {filing.form} of {filing.event or '?'}, {filed}"
    if filing.due:
        line += f", due {filing.due}"
    line += f": {filing.status}"
    if filing.status == "late":
        line += f", {filing.business_days_late} business day{'s' if filing.business_days_late != 1 else ''} late"
    if filing.note:
        line += f" ({filing.note})"
    return line + f" — {filing.path}"


def person_details(person: PersonSummary) -> list[tuple[int, str]]:
    """(depth, line) for each filing of a person worth a look: late, of unknown filing date, or
    showing a failure to file, with the transactions not reported on time and the failures."""
    lines = []
    for filing in person.filings:
        if filing.status not in ("late", "unknown filing date") and not filing.failures and "as well" not in filing.note:
            continue
        lines.append((0, _filing_line(filing)))
        failed_rows = {failure for failure in filing.failures}
        lines += [(1, f"not reported on time: {row}") for row in filing.late_transactions
                  if not any(row in failure for failure in failed_rows)]
        lines += [(1, f"known failure to file: {failure}") for failure in filing.failures]
    return lines


def as_markdown(report: Item405Report) -> str:
    lines = [f"# Item 405: {report.issuer} (CIK {report.issuer_cik or '?'}), fiscal year {report.fiscal_year}",
             "", f"Fiscal year {report.fiscal_year_start} to {report.fiscal_year_end}; "
             f"{sum(len(p.filings) for p in report.persons)} report(s) of {len(report.persons)} reporting person(s).",
             "", "| reporting person | late reports | transactions not reported timely | known failures to file |",
             "| --- | ---: | ---: | --- |"]
    for person in report.persons:
        lines.append(f"| {_md(person.name)} | {person.late_reports} | {person.late_transactions} | "
                     f"{len(person.failures_to_file)} |")
    for person in report.persons:
        details = person_details(person)
        if details:
            lines += ["", f"## {_md(person.name)}", ""]
            lines += [("  " * depth) + f"- {_md(text)}" for depth, text in details]
    if report.skipped:
        lines += ["", "## Not judged", ""] + [f"- {_md(path)}: {_md(reason)}" for path, reason in report.skipped]
    lines += ["", "## Draft disclosure", "", report.disclosure(), ""]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def write_rich(report: Item405Report, stream, color: bool | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from form16lint.reporters.rich_report import make_console
    from form16lint.settings import Settings

    settings = Settings()
    settings.color = color
    console = make_console(stream, settings)
    console.print(Text(f"Item 405 · {report.issuer} (CIK {report.issuer_cik or '?'}) · fiscal year "
                       f"{report.fiscal_year} ({report.fiscal_year_start} to {report.fiscal_year_end})", style="bold"))
    table = Table(box=box.SIMPLE_HEAD, header_style="bold")
    table.add_column("reporting person")
    table.add_column("late reports", justify="right")
    table.add_column("transactions not timely", justify="right")
    table.add_column("known failures to file", justify="right")
    table.add_column("reports", justify="right")
    for person in report.persons:
        table.add_row(person.name, str(person.late_reports), str(person.late_transactions),
                      str(len(person.failures_to_file)), str(len(person.filings)),
                      style="yellow" if person.flagged else None)
    console.print(table)
    for person in report.persons:
        details = person_details(person)
        if details:
            console.print(Text(person.name, style="bold"))
        for depth, text in details:
            console.print(Text("  " * (depth + 1) + text, style="dim" if depth else ""), soft_wrap=True)
    for path, reason in report.skipped:
        console.print(Text(f"not judged: {path}: {reason}", style="yellow"), soft_wrap=True)
    console.print()
    console.print(Text("Draft disclosure", style="bold"))
    console.print(report.disclosure(), soft_wrap=False)


# -- the command -------------------------------------------------------------------------------------
def read_documents(paths: list[str]):
    from form16lint.discovery import discover
    from form16lint.engine import read_document
    from form16lint.cli import load_command_plugins

    files, missing = discover(paths)
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(missing))
    if not files:
        raise UsageError("no filings found in " + ", ".join(paths))
    plugins = load_command_plugins(None)  # says on standard error which packs failed to load
    return [read_document(plugins, path) for path in files]


def run_item405(args) -> int:
    import sys

    dates = read_filing_dates(args.filing_dates)
    report = build_report(read_documents(args.paths), args.fiscal_year, args.fiscal_year_end, args.issuer, dates)
    if not report.persons:
        print(f"form16lint: no report of fiscal year {args.fiscal_year} ({report.fiscal_year_start} to "
              f"{report.fiscal_year_end}) among the filings given", file=sys.stderr)

    def write(stream):
        if args.output_format == "json":
            stream.write(as_json(report))
        elif args.output_format == "markdown":
            stream.write(as_markdown(report))
        elif args.output_format == "csv":
            as_csv(report, stream)
        else:
            write_rich(report, stream, False if args.no_color else None)

    if args.output:
        from form16lint.output import atomic_writer

        with atomic_writer(args.output) as stream:
            write(stream)
    else:
        write(sys.stdout)
    unknown = sum(len(p.unknown) for p in report.persons)
    if unknown:
        print(f"form16lint: {unknown} report(s) have no known filing date and were not judged; give their "
              "dates with --filing-dates (an EDGAR form.idx or master.idx, or a CSV)", file=sys.stderr)
    return 0
