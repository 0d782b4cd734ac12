"""The run: read each file, run the rules, turn what they say into findings.

Data flows one way: paths -> documents (readers) -> violations (rules) -> findings -> a
:class:`LintResult` that reporters write.
"""

from __future__ import annotations

import gc
import os
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field

from form16lint import __version__
from form16lint.fieldnames import naming_boxes_of
from form16lint.findings import Finding, Severity, Violation, assign_fingerprints
from form16lint.limits import ReadLimits
from form16lint.messages import one_line
from form16lint.model import Document
from form16lint.plugins import Plugins
from form16lint.readers import unreadable
from form16lint.rule import CheckedDocuments, CollectionRule, FilingRule, Rule, RuleContext, RunOptions
from form16lint.settings import Settings


@dataclass
class LintResult:
    documents: list[Document]
    findings: list[Finding]
    rules: list[Rule]
    version: str = __version__
    notes: list[str] = field(default_factory=list)  # run-level remarks (a pack that did not load)

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            if not finding.suppressed:
                counts[str(finding.severity)] += 1
        return counts

    def failed(self, fail_on: Severity) -> bool:
        return any(f.severity >= fail_on for f in self.findings if not f.suppressed)


def read_document(plugins: Plugins, path: str, limits: ReadLimits | None = None) -> Document:
    """Read one file with the first reader that claims it, within the limits; a failure is an
    E002 naming the file and the problem, never a crash (see :mod:`form16lint.reading`)."""
    from form16lint.reading import guarded, read_input

    limits = limits or ReadLimits()
    with guarded(path, limits) as outcome:
        outcome.document = read_input(plugins, path, limits)
    return outcome.document


def split_rules(rules: list[Rule], settings: Settings) -> tuple[list[FilingRule], list[CollectionRule]]:
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
                    if not filing.hides(violation.pointer):
                        findings.append(_finding(rule, document, violation))
            except MemoryError:
                raise  # over the memory limit: the whole file's reading and checking stops
            except Exception as error:
                findings.append(_crash(rule, document, error))
    return findings


def sees_enough(filing, rule: Rule) -> bool:
    """Whether every part of the filing the rule's judgement rests on (``rule.reads``) was read:
    a rule that would judge what a reader of the printed form could not see does not run."""
    return not (filing.unread and rule.reads and filing.unread_overlapping(rule.reads) is not None)


def collection_findings(documents: list[Document], collection_rules: list[CollectionRule],
                        options: RunOptions) -> list[Finding]:
    findings: list[Finding] = []
    readable = CheckedDocuments(d for d in documents if d.filing is not None)
    for rule in collection_rules:
        try:
            for document, violation in rule.check(readable, options) or ():
                if sees_enough(document.filing, rule) and not document.filing.hides(violation.pointer):
                    findings.append(_finding(rule, document, violation))
        except Exception as error:
            target = readable[0] if readable else Document(path="", format="unknown")
            findings.append(_crash(rule, target, error))
    return findings


def finish(findings: list[Finding], settings: Settings, documents: list[Document] = (),
           known: set[str] | None = None) -> list[Finding]:
    """Apply selection, per-file ignores, suppressions and severity overrides; sort; fingerprint.
    ``known`` are the codes a suppression may name (None: any)."""
    kept = [f for f in findings if settings.selects_in(f.code, f.path)]
    suppressions = [s for document in documents for s in document.suppressions] + list(settings.suppressions)
    if suppressions:
        from form16lint.suppressions import apply_suppressions

        problems = apply_suppressions(kept, suppressions, [d.path for d in documents], settings, known)
        kept += [f for f in problems if settings.selects_in(f.code, f.path)]
    for finding in kept:
        finding.message = one_line(finding.message)
        override = settings.severity.get(finding.code)
        if override is not None:
            finding.severity = override
    kept.sort(key=Finding.sort_key)
    assign_fingerprints(kept, path_key=portable_path)
    return kept


def lint(paths: list[str], plugins: Plugins, settings: Settings, options: RunOptions,
         unread: dict[str, str] | None = None) -> LintResult:
    """Read and check each file (in ``settings.jobs`` processes), then run the collection rules
    over them all; the result is the same whatever the number of processes. ``unread`` maps the
    paths that could not even be found or listed (a missing path, an unreadable folder) to why:
    each is an E002 on that path."""
    rules = plugins.all_rules()
    filing_rules, collection_rules = split_rules(rules, settings)
    with collector_paused():
        if settings.jobs > 1 and len(paths) > 1:
            from form16lint.parallel import check_in_parallel

            checked = check_in_parallel(paths, plugins, filing_rules, settings, options)
        else:
            checked = [check_file(plugins, path, filing_rules, options) for path in paths]
        for path, why in (unread or {}).items():
            document = unreadable(path, "unknown", why)
            checked.append((document, list(document.reader_findings)))
        documents = [document for document, _ in checked]
        findings = [finding for _, found in checked for finding in found]
        findings.extend(collection_findings(documents, collection_rules, options))
        from form16lint.config import known_codes

        findings = finish(findings, settings, documents, known_codes(rules))
    return LintResult(documents=documents, findings=findings, rules=rules, notes=list(plugins.load_errors))


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while a run builds its documents.

    A run allocates many small objects and keeps every document until the collection rules have
    seen them all, so the collector (a pass every 700 allocations, traversing ever more live
    objects) spent a tenth of the run finding nothing to free. The model and the rules make no
    reference cycles (a whole corpus run leaves none for the collector), so reference counting
    frees all there is to free; the collector resumes when the run ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_file(plugins: Plugins, path: str, filing_rules: list[FilingRule],
               options: RunOptions) -> tuple[Document, list[Finding]]:
    """Read one file and run the per-filing rules, all within the limits of ``options``."""
    from form16lint.reading import guarded, read_input

    limits = options.limits or ReadLimits()
    with guarded(path, limits) as outcome:
        outcome.document = read_input(plugins, path, limits)
        outcome.findings = filing_findings(outcome.document, filing_rules, options)
    if outcome.findings is None:  # over a limit: the E002 says which
        outcome.findings = list(outcome.document.reader_findings)
    return outcome.document, outcome.findings


def portable_path(path: str) -> str:
    """The path relative to the repository root (else absolute), with forward slashes, so that
    fingerprints do not depend on the folder a run starts from."""
    from form16lint.paths import repository_path

    return repository_path(path) or os.path.abspath(path).replace(os.sep, "/")


def _finding(rule: Rule, document: Document, violation: Violation) -> Finding:
    location = document.locate(violation.pointer)
    return Finding(
        code=rule.code,
        severity=violation.severity or rule.severity,
        message=violation.message,
        path=document.path,
        pointer=violation.pointer,
        line=location.line,
        column=location.column,
        page=location.page,
        box=location.box,
        rule=rule.name,
    )


def _crash(rule: Rule, document: Document, error: Exception) -> Finding:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return Finding(
        code="F001",
        severity=Severity.ERROR,
        message=(f"rule {rule.code} ({rule.name}, from {rule.pack}) failed with an internal error: "
                 f"{type(error).__name__}: {error}{where}. The other rules still ran; this rule's "
                 "findings for this file are missing."),
        path=document.path,
        rule="rule-crashed",
    )
