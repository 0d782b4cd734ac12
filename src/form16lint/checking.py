"""Checking one input: read it, run the filing rules, and keep only what the rest of the run needs.

What one input gives the run is a :class:`CheckedFile`: its findings, a *header* (the document
reduced to what reports name it by: path, format, form, issuer, owners, period) and the small
per-filing *summaries* the collection rules asked for (:meth:`CollectionRule.summarize`). The
whole document is dropped as soon as its file is checked, so a worker process (``--jobs``) or
a Dask worker sends back a few hundred bytes per filing, and a run's memory grows only with the
headers and summaries, never with the documents.

This module is the one both the engine and the worker processes import: the engine starts
workers, workers never import the engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from form16lint.fieldnames import naming_boxes_of
from form16lint.findings import Finding, Severity, Violation
from form16lint.model import Document, Filing
from form16lint.readers import unreadable
from form16lint.rule import EXTRACTED_FORMATS, CollectionRule, FilingRule, Rule, RuleContext, RunOptions


@dataclass(frozen=True, slots=True)
class Input:
    """One filing to read: a file on disk (``data`` None), or the bytes of an archive member
    whose ``path`` is ``ARCHIVE!member/path``; ``problem`` says why it cannot be read at all
    (an E002 without reading)."""

    path: str
    data: bytes | None = None
    problem: str | None = None


@dataclass(slots=True)
class CheckedFile:
    """What the check of one input keeps: its header, its findings and its summaries."""

    header: Document
    findings: list[Finding]
    summaries: tuple = ()  # one per summariser of the run (see Summarisers), None where no filing


def read_document(plugins, path: str, data: bytes | None = None, limits=None) -> Document:
    """Read one input with the first reader that claims it, within ``limits`` (the defaults when
    None); a failure is an E002 naming the file and the problem, never a crash. ``data`` is the
    input's bytes when they do not come from a file at ``path`` (an archive member). See
    :mod:`form16lint.reading`."""
    from form16lint.limits import ReadLimits
    from form16lint.reading import guarded, read_input

    limits = limits or ReadLimits()
    with guarded(path, limits) as outcome:
        outcome.document = read_input(plugins, path, limits, data)
    return outcome.document


def split_rules(rules: list[Rule], settings) -> tuple[list[FilingRule], list[CollectionRule]]:
    active = [rule for rule in rules if settings.selects(rule.code)]
    return ([rule for rule in active if isinstance(rule, FilingRule)],
            [rule for rule in active if isinstance(rule, CollectionRule)])


def filing_findings(document: Document, filing_rules: list[FilingRule], options: RunOptions) -> list[Finding]:
    """The reader's findings and those of the rules over this one filing."""
    findings = list(document.reader_findings)
    filing = document.filing
    if filing is None:
        return findings
    context = RuleContext(document=document, options=options)
    form = filing.base_form
    with naming_boxes_of(form):  # messages name boxes and columns as this form numbers them
        for rule in filing_rules:
            if not rule.applies_to(form) or not sees_enough(filing, rule):
                continue
            try:
                for violation in rule.check(filing, context) or ():
                    if not filing.hides(violation.pointer, violation.reads):
                        findings.append(make_finding(rule, document, violation))
            except MemoryError:
                raise  # over the memory limit: the whole file's reading and checking stops
            except Exception as error:
                findings.append(crash_finding(rule, document, error))
    return findings


def sees_enough(filing, rule: Rule) -> bool:
    """Whether every part of the filing the rule's judgement rests on (``rule.reads``) was read:
    a rule that would judge what a reader of the printed form could not see does not run."""
    return not (filing.unread and rule.reads and filing.unread_overlapping(rule.reads) is not None)


class Summarisers:
    """The distinct ``summarize`` methods of a run's collection rules: rules that share one
    (the built-in T004, X001 and X002 do) get one summary per filing and one list between them."""

    def __init__(self, collection_rules: list[CollectionRule]):
        self.functions: list = []
        self.rules: list[list[CollectionRule]] = []  # the rules each function serves
        for rule in collection_rules:
            function = getattr(type(rule).summarize, "__func__", type(rule).summarize)
            for index, known in enumerate(self.functions):
                if known is function:
                    self.rules[index].append(rule)
                    break
            else:
                self.functions.append(function)
                self.rules.append([rule])
        self.representatives = [rules[0] for rules in self.rules]

    def summarise(self, document: Document) -> tuple:
        if document.filing is None:
            return (None,) * len(self.representatives)
        return tuple(_summary(rule, document) for rule in self.representatives)


def _summary(rule: CollectionRule, document: Document):
    try:
        return rule.summarize(document)
    except Exception as error:  # reported by the collection step as the rule's F001
        return SummaryFailed(document.path, f"{type(error).__name__}: {error}")


@dataclass(frozen=True, slots=True)
class SummaryFailed:
    """A summariser that raised on one filing: reported by the collection step as F001."""

    path: str
    error: str


def check_input(plugins, item: Input | str, filing_rules: list[FilingRule], summarisers: Summarisers,
                options: RunOptions, keep_document: bool = False) -> CheckedFile:
    """Read and check one input; keep its findings, header and summaries, drop the document
    (unless ``keep_document``: a report that shows whole filings asked for it)."""
    if isinstance(item, str):
        item = Input(item)
    if item.problem is not None:
        document = unreadable(item.path, "unknown", item.problem)
        findings = list(document.reader_findings)
    else:
        from form16lint.limits import ReadLimits
        from form16lint.reading import guarded, read_input

        limits = options.limits or ReadLimits()
        with guarded(item.path, limits) as outcome:  # the time and memory limits cover the rules too
            outcome.document = read_input(plugins, item.path, limits, item.data)
            outcome.findings = filing_findings(outcome.document, filing_rules, options)
        document = outcome.document
        findings = outcome.findings if outcome.findings is not None else list(document.reader_findings)
    header = document if keep_document else header_of(document)
    checked = CheckedFile(header=header, findings=findings, summaries=summarisers.summarise(document))
    _LAST_HEADER[:] = [None, None]
    return checked


def header_of(document: Document) -> Document:
    """The document reduced to what reports say of it: path, format, form, issuer, owners,
    period and EDGAR's metadata; no rows, footnotes or positions."""
    filing = document.filing
    return Document(path=document.path, format=document.format,
                    filing=filing_header(filing) if filing is not None else None,
                    suppressions=document.suppressions)


_LAST_HEADER: list = [None, None]  # (filing, its header): the header and the summaries share one


def filing_header(filing: Filing) -> Filing:
    """The filing without its tables, footnotes, remarks and signatures (what was not read, and
    whether it was read off the printed form, stay: findings on it are filtered by them). Asked twice in a row for
    one filing (its document's header, then a summary), it gives the same object, which is kept
    and sent once."""
    if _LAST_HEADER[0] is filing:
        return _LAST_HEADER[1]
    header = Filing(document_type=filing.document_type, schema_version=filing.schema_version,
                    period_of_report=filing.period_of_report,
                    date_of_original_submission=filing.date_of_original_submission,
                    issuer=filing.issuer, reporting_owners=filing.reporting_owners, metadata=filing.metadata,
                    read_from=filing.read_from, unread=filing.unread)
    _LAST_HEADER[:] = [filing, header]
    return header


def make_finding(rule: Rule, document, violation: Violation) -> Finding:
    """A rule's violation as a finding on ``document`` (a Document or a summary of one: anything
    with a ``path`` and a ``locate(pointer)``)."""
    location = document.locate(violation.pointer)
    arguments = dict(violation.arguments)
    return Finding(
        code=rule.code,
        severity=violation.severity or rule.severity,
        message=violation.message,
        template=violation.template if arguments else None,
        arguments=arguments,
        identity=violation.identifying(),
        path=document.path,
        pointer=violation.pointer,
        line=location.line,
        column=location.column,
        page=location.page,
        box=location.box,
        rule=rule.name,
    )


def crash_finding(rule: Rule, document, error: Exception | str) -> Finding:
    if isinstance(error, str):
        what = error
    else:
        import traceback  # only when a rule crashed: not imported on every run

        frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
        where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
        what = f"{type(error).__name__}: {error}{where}"
    return Finding(
        code="F001",
        severity=Severity.ERROR,
        message=(f"rule {rule.code} ({rule.name}, from {rule.pack}) failed with an internal error: "
                 f"{what}. The other rules still ran; this rule's findings for this file are missing."),
        path=document.path,
        rule="rule-crashed",
    )


@dataclass
class Collected:
    """What a run gathers from its checked inputs, in input order."""

    headers: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    summaries: list[list] = field(default_factory=list)  # per summariser, the summaries in input order
    failed: list[list[SummaryFailed]] = field(default_factory=list)

    def add(self, checked: CheckedFile) -> None:
        self.headers.append(checked.header)
        self.findings.extend(checked.findings)
        if not self.summaries:
            self.summaries = [[] for _ in checked.summaries]
            self.failed = [[] for _ in checked.summaries]
        for index, summary in enumerate(checked.summaries):
            if isinstance(summary, SummaryFailed):
                self.failed[index].append(summary)
            elif summary is not None:
                self.summaries[index].append(summary)
