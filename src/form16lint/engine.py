"""The run: read each file, run the rules, turn what they say into findings.

Data flows one way: paths -> documents (readers) -> violations (rules) -> findings -> a
:class:`LintResult` that reporters write. Each input is checked by :mod:`form16lint.checking`
(here, or also in worker processes with ``--jobs``); the run keeps the collection rules'
summaries, and its findings and headers, which past a few thousand wait in a temporary file
(:mod:`form16lint.spill`); never the whole document.
"""

from __future__ import annotations

import gc
import itertools
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable

from form16lint import __version__
from form16lint.checking import (  # noqa: F401 (read_document, split_rules, filing_findings: the engine's API)
    CheckedFile,
    Collected,
    Input,
    Summarisers,
    check_input,
    crash_finding,
    filing_findings,
    make_finding,
    read_document,
    sees_enough,
    split_rules,
)
from form16lint.findings import Finding, Severity, assign_fingerprints, fingerprinted
from form16lint.limits import ReadLimits
from form16lint.messages import one_line
from form16lint.model import Document
from form16lint.plugins import Plugins
from form16lint.rule import CheckedDocuments, CollectionRule, Rule, RunOptions
from form16lint.settings import Settings
from form16lint.spill import Spill, sorted_spill


@dataclass
class LintResult:
    """The outcome of a run: the findings, the rules run and the documents kept."""

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


def check_file(plugins: Plugins, path: str, filing_rules, options: RunOptions) -> tuple[Document, list[Finding]]:
    """One file read and checked here, within the limits of ``options``, for tools that keep
    whole documents: the document and the findings of the reader and the filing rules."""
    from form16lint.reading import guarded, read_input

    limits = options.limits or ReadLimits()
    with guarded(path, limits) as outcome:
        outcome.document = read_input(plugins, path, limits)
        outcome.findings = filing_findings(outcome.document, filing_rules, options)
    if outcome.findings is None:  # over a limit: the E002 says which
        outcome.findings = list(outcome.document.reader_findings)
    return outcome.document, outcome.findings


def collection_findings(documents: list[Document], collection_rules: list[CollectionRule],
                        options: RunOptions) -> list[Finding]:
    """The collection rules over whole documents (as :func:`check_file` gives them): each
    document is summarised for the rules as a run would summarise it."""
    summarisers = Summarisers(collection_rules)
    collected = Collected()
    for document in documents:
        collected.add(CheckedFile(header=document, findings=[], summaries=summarisers.summarise(document)))
    return summary_findings(collected, summarisers, options)


def summary_findings(collected: Collected, summarisers: Summarisers, options: RunOptions) -> list[Finding]:
    """Run the collection rules over the summaries of the checked filings, in input order."""
    findings: list[Finding] = []
    for index, rules in enumerate(summarisers.rules):
        summaries = CheckedDocuments(collected.summaries[index] if index < len(collected.summaries) else ())
        failed = collected.failed[index] if index < len(collected.failed) else ()
        for rule in rules:
            findings.extend(crash_finding(rule, failure, failure.error) for failure in failed)
            findings.extend(run_collection_rule(rule, summaries, options))
    return findings


def run_collection_rule(rule: CollectionRule, summaries: CheckedDocuments, options: RunOptions) -> list[Finding]:
    findings: list[Finding] = []
    try:
        for summary, violation in rule.check(summaries, options) or ():
            filing = summary.filing  # a summary's filing is the header: it keeps what was not read
            if sees_enough(filing, rule) and not filing.hides(violation.pointer, violation.reads):
                findings.append(make_finding(rule, summary, violation))
    except Exception as error:
        target = summaries[0] if summaries else Document(path="", format="unknown")
        findings.append(crash_finding(rule, target, error))
    return findings


def finish(findings: Iterable[Finding], settings: Settings, documents: Iterable[Document] = (),
           known: set[str] | None = None) -> list[Finding] | Spill:
    """Apply selection, per-file ignores, suppressions and severity overrides; sort; fingerprint.
    ``known`` are the codes a suppression may name (None: any). The findings are read once, as
    they come; past a few thousand they are sorted in runs spilled to a temporary file and given
    back as a :class:`~form16lint.spill.Spill`, else as a list."""
    suppressions = [s for document in documents for s in document.suppressions] + list(settings.suppressions)
    if suppressions:
        from form16lint.suppressions import ineffective_suppressions, mark_suppressed

    def kept():
        for finding in findings:
            if settings.selects_in(finding.code, finding.path):
                if suppressions:
                    mark_suppressed(finding, suppressions)
                yield finding
        if suppressions:  # once every finding was marked: the suppressions that did not work
            problems = ineffective_suppressions(suppressions, [d.path for d in documents], settings, known)
            yield from (f for f in problems if settings.selects_in(f.code, f.path))

    def worded():
        for finding in kept():
            finding.message = one_line(finding.message)
            override = settings.severity.get(finding.code)
            if override is not None:
                finding.severity = override
            yield finding

    ordered = sorted_spill(worded(), key=Finding.sort_key)
    if isinstance(ordered, list):
        assign_fingerprints(ordered, path_key=portable_path)
        return ordered
    return Spill(fingerprinted(ordered, path_key=portable_path))


def lint(paths: Iterable[str | Input], plugins: Plugins, settings: Settings, options: RunOptions,
         progress=None, keep_documents: bool = False, unread: dict[str, str] | None = None) -> LintResult:
    """Read and check each input (in ``settings.jobs`` processes), then run the collection rules
    over the summaries of them all; the result is the same whatever the number of processes.
    Inputs are file paths or :class:`Input` (an archive member's bytes), consumed as they come,
    so an archive is streamed; ``progress(count)`` is called as inputs are done. The result's
    documents are headers (no tables), unless ``keep_documents`` (a reporter that shows whole
    filings declares ``needs_documents``). ``unread`` maps the paths that could not even be
    found or listed (a missing path, an unreadable folder) to why: each is an E002 on that path."""
    if unread:
        paths = itertools.chain(paths, (Input(path, problem=why) for path, why in unread.items()))
    rules = plugins.all_rules()
    filing_rules, collection_rules = split_rules(rules, settings)
    summarisers = Summarisers(collection_rules)
    # findings and headers past a few thousand wait in a temporary file (whole documents, kept
    # for a report that shows them, stay in memory): only the summaries grow with the run
    collected = Collected(headers=[] if keep_documents else Spill(), findings=Spill())
    with collector_paused():
        if settings.jobs > 1:
            from form16lint.parallel import check_in_parallel

            checked = check_in_parallel(paths, plugins, filing_rules, summarisers, settings, options,
                                        keep_documents)
        else:
            checked = (check_input(plugins, item, filing_rules, summarisers, options, keep_documents)
                       for item in paths)
        for each in checked:
            collected.add(each)
            if progress is not None:
                progress(1)
        findings = collected.findings
        findings.extend(summary_findings(collected, summarisers, options))
        from form16lint.config import known_codes

        findings = finish(findings, settings, collected.headers, known_codes(rules))
    headers = collected.headers.in_memory() if isinstance(collected.headers, Spill) else collected.headers
    return LintResult(documents=headers, findings=findings, rules=rules, notes=list(plugins.load_errors))


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while a run builds its documents.

    A run allocates many small objects and keeps the headers, findings and summaries of every
    filing until the collection rules have seen them all, so the collector (a pass every 700
    allocations, traversing ever more live objects) spent a tenth of the run finding nothing to
    free. The model and the rules make no
    reference cycles (a whole corpus run leaves none for the collector), so reference counting
    frees all there is to free; the collector resumes when the run ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def portable_path(path: str) -> str:
    """The path relative to the root of the repository that holds the file (else absolute), with
    forward slashes, so that fingerprints do not depend on the folder a run starts from nor on
    how the file was named: ``x.xml``, ``./x.xml`` and ``/home/me/repo/x.xml`` are one file."""
    from form16lint.paths import path_in_its_repository

    return path_in_its_repository(path) or os.path.abspath(path).replace(os.sep, "/")
