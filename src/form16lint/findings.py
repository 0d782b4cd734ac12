"""Findings: what a rule says about a filing, with where it stands and a stable fingerprint."""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: the pointer into the model, the message, and the facts it states.

    With ``arguments``, the second field is a template that names them (``"{field} is {day},
    after the form was signed on {signed}"``; a literal brace is doubled), ``message`` is the
    template filled in, and the facts travel as data:
    figures as ``Decimal`` or ``int``, dates as ``date``, codes and fields as strings. The
    fingerprint is made of the code, the pointer and the arguments that identify the problem
    (``identity`` names them; by default every argument but ``field``, the words that name the
    pointer), never of the wording, so rewording a template churns no baseline. The engine adds
    the code, severity, file, position and fingerprint.
    """

    pointer: str
    template: str  # the message itself when there are no arguments
    severity: Severity | None = None  # None: the rule's (configured) severity
    arguments: Mapping[str, object] = field(default_factory=dict)
    identity: tuple[str, ...] | None = None  # the arguments that identify the problem; None: all but "field"
    # The parts of the model (JSON pointers, "*" for any one step) this judgement rests on beyond
    # ``pointer``, when they are not all the rule's (``Rule.reads``): S005 comparing the Form 5 flags
    # with the rows' transaction form types. Where one was not read, or is a field the printed form
    # does not carry, the engine drops the violation (``Filing.hides``).
    reads: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The message with its arguments filled in."""
        return render(self.template, self.arguments)

    def identifying(self) -> dict[str, object]:
        names = self.identity if self.identity is not None else [n for n in self.arguments if n not in WORDING]
        return {name: self.arguments[name] for name in names if name in self.arguments}


WORDING = frozenset({"field"})  # arguments that only say a thing in words: never part of a fingerprint


def render(template: str, arguments: Mapping[str, object]) -> str:
    """``template`` with ``arguments`` filled in as ``str.format`` does, with two more format
    specs for figures as counsel reads them: ``{shares:figure}`` (4051557 -> "4,051,557", 1250.50
    -> "1,250.5") and ``{price:money}`` (1005.600 -> "$1,005.600"); dates take ``strftime``
    specs (``{day:%m/%d/%Y}``). A template without arguments is the message itself."""
    return _FORMATTER.vformat(template, (), arguments) if arguments else template


def figure(amount) -> str:
    """4051557 -> "4,051,557"; 1250.50 -> "1,250.5": thousands separators, no exponent."""
    return format(Decimal(amount).normalize(), ",f")


def money(amount) -> str:
    """1005.600 -> "$1,005.600": a price with thousands separators and the decimals as filed."""
    return "$" + format(amount, ",f")


class _Formatter(string.Formatter):
    SPECS = {"figure": figure, "money": money}

    def format_field(self, value, format_spec):
        special = self.SPECS.get(format_spec)
        return special(value) if special else format(value, format_spec)


_FORMATTER = _Formatter()


def plain(value):
    """An argument as JSON carries it: dates ISO, exact figures as numbers, the rest as it is."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2 ** 53 else float(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass(slots=True)
class Finding:
    """One finding of a run, as reporters write it."""

    code: str
    severity: Severity
    message: str
    path: str
    pointer: str = ""
    line: int | None = None
    column: int | None = None
    page: int | None = None
    box: str | None = None
    rule: str | None = None  # the rule's name, e.g. "balance-mismatch"
    fingerprint: str = ""
    suppressed: bool = False
    suppression_reason: str | None = None
    extra: dict = field(default_factory=dict)
    template: str | None = None  # the message before its arguments were filled in
    arguments: dict = field(default_factory=dict)  # the facts the message states (see Violation)
    identity: dict = field(default_factory=dict)  # the arguments that identify the problem

    def sort_key(self):
        return (self.path, self.line or 0, self.page or 0, self.column or 0, self.code, self.pointer)

    def with_severity(self, severity: Severity) -> "Finding":
        return replace(self, severity=severity)


def assign_fingerprints(findings: list[Finding], path_key=lambda path: path) -> None:
    """Give every finding a fingerprint that survives moved lines, reordered inputs and reworded
    messages.

    The fingerprint hashes the file (as ``path_key`` normalises it), the code, the pointer and
    the arguments that identify the problem: never the line, never the message's wording.
    Findings that agree on all of these in one file are told apart by their order of occurrence.
    """
    seen: dict[str, int] = {}
    for finding in findings:
        _fingerprint(finding, seen, path_key)


def fingerprinted(findings, path_key=lambda path: path):
    """:func:`assign_fingerprints` for findings sorted by path, given back one at a time: the
    occurrences are counted for the current file only, so nothing grows with the run."""
    seen: dict[str, int] = {}
    current = None
    for finding in findings:
        if finding.path != current:
            seen, current = {}, finding.path
        _fingerprint(finding, seen, path_key)
        yield finding


def _fingerprint(finding: Finding, seen: dict[str, int], path_key) -> None:
    facts = "\x1e".join(f"{name}={_fact(value)}" for name, value in sorted(finding.identity.items()))
    basis = "\x1f".join(("v2", path_key(finding.path), finding.code, finding.pointer, facts))
    occurrence = seen.get(basis, 0)
    seen[basis] = occurrence + 1
    from hashlib import sha256  # imported on the first finding: a clean check never needs it

    finding.fingerprint = sha256(f"{basis}\x1f{occurrence}".encode()).hexdigest()[:20]


def _fact(value) -> str:
    if isinstance(value, Decimal):  # exact: 1000, 1000.0 and 1E+3 are one figure
        return format(value.normalize(), "f")
    plain_value = plain(value)
    return str(plain_value).lower() if isinstance(plain_value, bool) else str(plain_value)


def legacy_fingerprints(findings: list[Finding], path_key=lambda path: path) -> list[str]:
    """The fingerprints form16lint gave before version 2 of the scheme (file, code, pointer and
    message), so that a baseline written then still matches findings whose message is unchanged."""
    from hashlib import sha256

    seen: dict[str, int] = {}
    prints = []
    for finding in findings:
        basis = "\x1f".join((path_key(finding.path), finding.code, finding.pointer, finding.message))
        occurrence = seen.get(basis, 0)
        seen[basis] = occurrence + 1
        prints.append(sha256(f"{basis}\x1f{occurrence}".encode()).hexdigest()[:20])
    return prints
