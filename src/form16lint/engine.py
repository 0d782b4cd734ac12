"""The run: read each file, run the rules, turn what they say into findings.

Data flows one way: paths -> documents (readers) -> violations (rules) -> findings -> a
:class:`LintResult` that reporters write.
"""

from __future__ import annotations

import codecs
import gc
import os
import stat
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field

from form16lint import __version__
from form16lint.fieldnames import naming_boxes_of
from form16lint.findings import Finding, Severity, Violation, assign_fingerprints
from form16lint.limits import ReadLimits
from form16lint.messages import excerpt, one_line
from form16lint.model import Document
from form16lint.plugins import Plugins
from form16lint.readers import not_a_filing, unreadable
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
    E002 naming the file and the problem, never a crash."""
    limits = limits or ReadLimits()
    with reading_guarded(path, limits) as guarded:
        guarded.document = _read(plugins, path, limits)
    return guarded.document


def _read(plugins: Plugins, path: str, limits: ReadLimits) -> Document:
    data = read_bytes(path, limits.max_file_size)
    if isinstance(data, Document):
        return data
    if not data.strip():
        return unreadable(path, "unknown", "the file is empty")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unreadable(path, "unknown", "the file is UTF-16 or UTF-32 text (it starts with that byte-order "
                                           "mark); EDGAR expects ASCII text: save it as ASCII or UTF-8 and check again")
    from form16lint.recognition import looks_like_filing, own_output

    own = own_output(data)
    if own is not None:
        return not_a_filing(path, own)
    if data[:1024].lstrip().startswith(b"%PDF") and limits.max_pages:
        from form16lint.limits import pdf_page_count

        pages = pdf_page_count(data)
        if pages > limits.max_pages:
            return unreadable(path, "pdf", f"the PDF has {pages:,} pages, over the limit of {limits.max_pages:,} "
                                           "(a Form 3, 4 or 5 has a few; raise it with --max-pages N)")
    try:
        document = plugins.hook.form16lint_read_document(path=path, data=data)
    except MemoryError:
        raise
    except RecursionError:
        return unreadable(path, "unknown", "it is nested too deeply to read")
    except Exception as error:  # a reader bug must not end the run
        return unreadable(path, "unknown", reader_failure(error))
    if document is None:
        why = looks_like_filing(data, path)
        if why is None:
            return not_a_filing(path, "no reader recognises it and it does not look like one")
        return unreadable(path, "unknown", why)
    return document


def read_bytes(path: str, limit: int) -> bytes | Document:
    """The file's bytes, at most ``limit`` of them; a Document saying why not when it cannot be
    opened, is no regular file (a FIFO would block the run) or is larger than the limit."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return unreadable(path, "unknown", f"the file cannot be opened ({error.strerror or error})")
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            from form16lint.discovery import special_kind

            return unreadable(path, "unknown", f"it is {special_kind(status.st_mode)}, not a file")
        if limit and status.st_size > limit:
            return unreadable(path, "unknown", _too_large(status.st_size, limit))
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1) if limit else stream.read()
    except OSError as error:
        return unreadable(path, "unknown", f"the file cannot be read ({error.strerror or error})")
    finally:
        os.close(handle)
    if limit and len(data) > limit:
        return unreadable(path, "unknown", _too_large(len(data), limit))
    return data


def _too_large(size: int, limit: int) -> str:
    return (f"the file is larger than the limit of {ReadLimits.describe_size(limit)} (no Form 3, 4 or 5 "
            f"comes near it; raise it with --max-file-size MB)")


def reader_failure(error: Exception) -> str:
    """What a reader's exception says about the file: a PDF library's failure is a broken PDF."""
    module = type(error).__module__ or ""
    detail = excerpt(f"{type(error).__name__}: {error}", 200)
    if module.startswith(("pdfminer", "pdfplumber")):
        return f"the PDF is damaged or not a PDF its library can read ({detail})"
    return f"the reader failed: {detail}"


@contextmanager
def reading_guarded(path: str, limits: ReadLimits):
    """Run the reading (and checking) of one file within the time and memory limits; past one,
    the ``document`` of what it yields becomes an E002 saying which limit and how to raise it."""
    from form16lint.limits import LimitExceeded, memory_limit, time_limit

    guarded = _Guarded()
    try:
        with memory_limit(limits.memory_limit), time_limit(limits.time_limit):
            yield guarded
    except LimitExceeded as exceeded:
        guarded.document = unreadable(path, getattr(guarded.document, "format", None) or "unknown",
                                      exceeded.message)
        guarded.findings = None
    except MemoryError:
        gc.collect()
        guarded.document = unreadable(
            path, "unknown", f"reading and checking it needed more memory than the limit of "
                             f"{ReadLimits.describe_size(limits.memory_limit)} (raise it with --memory-limit MB)")
        guarded.findings = None


@dataclass
class _Guarded:
    document: Document | None = None
    findings: list | None = None


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
            if not rule.applies_to(form):
                continue
            try:
                for violation in rule.check(filing, context) or ():
                    findings.append(_finding(rule, document, violation))
            except MemoryError:
                raise  # over the memory limit: the whole file's reading and checking stops
            except Exception as error:
                findings.append(_crash(rule, document, error))
    return findings


def collection_findings(documents: list[Document], collection_rules: list[CollectionRule],
                        options: RunOptions) -> list[Finding]:
    findings: list[Finding] = []
    readable = CheckedDocuments(d for d in documents if d.filing is not None)
    for rule in collection_rules:
        try:
            for document, violation in rule.check(readable, options) or ():
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
    limits = options.limits or ReadLimits()
    with reading_guarded(path, limits) as guarded:
        guarded.document = _read(plugins, path, limits)
        guarded.findings = filing_findings(guarded.document, filing_rules, options)
    if guarded.findings is None:  # over a limit: the E002 says which
        guarded.findings = list(guarded.document.reader_findings)
    return guarded.document, guarded.findings


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
