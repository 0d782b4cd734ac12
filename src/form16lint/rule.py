"""The rule classes a pack subclasses.

A rule is a class whose attributes declare it and whose docstring documents it, in the sections
``What it checks``, ``Why it matters`` (with the rule of law), ``Failing example`` and ``Passing
example``; ``form16lint explain CODE`` renders that docstring. Its ``check`` yields
:class:`~form16lint.findings.Violation` objects: a JSON pointer into the filing and a message
that a filing lawyer can act on. The engine adds the code, severity, file, source position and
fingerprint.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Iterable, Sequence

from form16lint.findings import Severity, Violation

if TYPE_CHECKING:
    from form16lint.limits import ReadLimits
    from form16lint.model import Document, Filing

ALL_FORMS = frozenset({"3", "4", "5"})
EXTRACTED_FORMATS = frozenset({"pdf", "text"})  # inputs read off the printed form


@dataclass
class RunOptions:
    """What a run knows beyond the filings: the user's answers to "when" and "against what"."""

    filing_date: date | None = None  # --filing-date: "if I file on this day"
    issuer_map: dict[str, set[str]] | None = None  # ticker -> issuer CIKs, from --issuer-map
    extra: dict = field(default_factory=dict)
    limits: "ReadLimits | None" = None  # size, pages, time and memory for one file (None: the defaults)
    packs: dict[str, dict] = field(default_factory=dict)  # pack name -> its configuration keys' values

    def pack(self, name: str) -> dict:
        """The values of the configuration keys pack ``name`` declares (defaults where the
        configuration sets none); a rule asks for its own with ``options.pack(self.pack)``."""
        return self.packs.get(name, {})


@dataclass
class RuleContext:
    """What a filing rule may know about the filing besides its content."""

    document: "Document"
    options: RunOptions
    _memo: dict = field(default_factory=dict, repr=False)

    def shared(self, compute, filing):
        """``compute(filing, context)``, computed once for this filing however many rules ask:
        rules of a family that read the same thing (the vesting footnotes, say) share one
        reading. The context is passed on so that one shared reading can build on another."""
        return _once(self._memo, compute, filing, self)

    @property
    def source_format(self) -> str:
        return self.document.format

    @property
    def extracted(self) -> bool:
        """True for a filing read off the printed form (PDF, text, or the canonical JSON extracted
        from one) rather than from EDGAR XML."""
        filing = self.document.filing
        return self.document.format in EXTRACTED_FORMATS or bool(filing is not None and filing.printed)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case, e.g. "balance-mismatch"
    severity: ClassVar[Severity]
    forms: ClassVar[frozenset[str]] = ALL_FORMS  # base forms; amendments go with their form
    # The parts of the filing (JSON pointers, "" for the whole) the rule's judgement rests on
    # beyond the value each violation points at: S005 reads the four tables, N002 the whole
    # filing. Where a reader of the printed form could not read one of them (``Filing.unread``),
    # the engine does not run the rule on that filing. A violation whose own pointer overlaps
    # an unread region is dropped whatever the rule declares.
    reads: ClassVar[tuple[str, ...]] = ()
    pack: str = "form16lint"  # set by the engine to the registering plugin's name

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.splitlines()[0].strip() if doc else cls.name

    @classmethod
    def documentation(cls) -> str:
        """The docstring after its summary line: the Markdown that ``explain`` renders."""
        doc = inspect.getdoc(cls) or ""
        return doc.partition("\n")[2].strip()

    def applies_to(self, form: str | None) -> bool:
        return form is None or form in self.forms


class FilingRule(Rule):
    """A rule over one filing at a time."""

    def check(self, filing: "Filing", context: RuleContext) -> Iterable[Violation]:
        raise NotImplementedError


def _once(memo: dict, compute, *arguments):
    """``compute(*arguments)`` the first time it is asked for; after that, what ``memo`` kept."""
    if compute not in memo:
        memo[compute] = compute(*arguments)
    return memo[compute]


class CheckedDocuments(list):
    """The documents of a run that hold a filing, as collection rules receive them, with a memo:
    rules that read the same thing across the filings (X001 and X002 both look for repeated
    filings) share one reading, as :meth:`RuleContext.shared` lets filing rules do."""

    def __init__(self, documents: Iterable["Document"] = ()):
        super().__init__(documents)
        self._memo: dict = {}

    def shared(self, compute):
        """``compute(documents)``, computed once for the run however many rules ask."""
        return _once(self._memo, compute, self)


class CollectionRule(Rule):
    """A rule over all the filings checked together. Each violation names the document it is
    about through ``Violation.pointer`` relative to that document, yielded as a pair. The
    documents come as :class:`CheckedDocuments`.

    A run keeps no documents: as each file is checked (in a worker process with ``--jobs``, on a
    cluster with ``--dask``), the rule's :meth:`summarize` makes what the rule needs of it, and
    ``check`` receives those summaries in place of the documents. A summary must be small and
    picklable, and have the document's ``path`` and a ``locate(pointer)`` for the pointers the
    rule reports. Rules whose classes share one ``summarize`` function get one summary per filing
    between them, and one :class:`CheckedDocuments` (so one ``shared`` memo)."""

    def summarize(self, document: "Document"):
        """What this rule needs of one filing (only filings that were read are summarised). The
        default keeps the whole document: right, but it costs memory and, with ``--jobs``, the
        time to send each document back to the parent process."""
        return document

    def check(self, documents: Sequence["Document"], options: RunOptions) -> Iterable[tuple["Document", Violation]]:
        raise NotImplementedError
