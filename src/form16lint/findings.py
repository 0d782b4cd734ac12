"""Findings: what a rule says about a filing, with where it stands and a stable fingerprint."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field, replace


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
    """What a rule yields: the pointer into the model and the message. The engine adds the rest."""

    pointer: str
    message: str
    severity: Severity | None = None  # None: the rule's (configured) severity


@dataclass(slots=True)
class Finding:
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

    def sort_key(self):
        return (self.path, self.line or 0, self.page or 0, self.column or 0, self.code, self.pointer)

    def with_severity(self, severity: Severity) -> "Finding":
        return replace(self, severity=severity)


def assign_fingerprints(findings: list[Finding], path_key=lambda path: path) -> None:
    """Give every finding a fingerprint that survives moved lines and reordered inputs.

    The fingerprint hashes the file (as ``path_key`` normalises it), the code, the pointer and
    the message; line numbers play no part. Identical findings in one file are told apart by
    their order of occurrence.
    """
    seen: dict[str, int] = {}
    for finding in findings:
        basis = "\x1f".join((path_key(finding.path), finding.code, finding.pointer, finding.message))
        occurrence = seen.get(basis, 0)
        seen[basis] = occurrence + 1
        digest = hashlib.sha256(f"{basis}\x1f{occurrence}".encode()).hexdigest()
        finding.fingerprint = digest[:20]
