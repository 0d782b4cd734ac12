"""Suppressions: a finding the filer has reviewed and accepts, with the reason written down.

Three places hold them:

* EDGAR XML: a comment just before the element it covers (the element and everything in it)::

      <!-- form16lint: ignore S007 reason: nature of ownership given in footnote F2 -->
      <nonDerivativeTransaction>…

  A comment before the root element covers the whole document.
* canonical JSON: the reserved top-level key ``suppressions``: ``[{"code", "pointer", "reason"}]``.
* anything else (PDF, text): a sidecar ``.form16lint-ignore.toml``, found from the working
  directory upwards, with ``[[ignore]]`` entries ``file`` (a glob relative to its folder),
  ``code``, ``pointer`` (optional: the whole file) and ``reason``.

A suppression without a reason is not honoured. Suppressed findings stay in the JSON and SARIF
reports, marked; F002 reports a suppression that matched nothing or gives no reason.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from form16lint.config import RULE_CODE
from form16lint.errors import UsageError
from form16lint.findings import Finding, Severity, render

SIDECAR = ".form16lint-ignore.toml"
_COMMENT = re.compile(r"^\s*form16lint:\s*ignore\b\s*(?P<codes>[A-Za-z0-9,\s]*?)\s*(?:\breason:\s*(?P<reason>.*?))?\s*$",
                      re.DOTALL)


@dataclass(slots=True)
class Suppression:
    """One suppression written by the user: a code, the reason given, and where it stands."""

    code: str
    reason: str | None
    path: str  # the file it is written in: the filing itself, or the sidecar
    pointer: str | None = ""  # "" covers the whole document; None: the comment precedes no element
    line: int | None = None
    file_glob: str | None = None  # sidecar entries: which files they cover
    kind: str = "inSource"  # SARIF's suppression kind: inSource, or external for the sidecar
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not self.reason or self.pointer is None or finding.code != self.code:
            return False
        if self.file_glob is None:
            if finding.path != self.path:
                return False
        else:
            from form16lint.paths import glob_matches

            if not glob_matches(self.file_glob, finding.path, os.path.dirname(os.path.abspath(self.path))):
                return False
        return not self.pointer or finding.pointer == self.pointer or finding.pointer.startswith(self.pointer + "/")

    def where(self) -> str:
        return f"line {self.line}" if self.line else (f"for {self.file_glob}" if self.file_glob else "")


def parse_comment(text: str) -> tuple[list[str], str | None] | None:
    """``form16lint: ignore S007, S008 reason: …`` -> (codes, reason); None for other comments."""
    match = _COMMENT.match(text or "")
    if not match:
        return None
    codes = [code.upper() for code in re.split(r"[\s,]+", match["codes"]) if code]
    reason = " ".join((match["reason"] or "").split()) or None
    return codes, reason


def load_sidecar(start: str | None = None) -> list[Suppression]:
    """The entries of the first ``.form16lint-ignore.toml`` from ``start`` upwards."""
    from form16lint.paths import folders_up

    for folder in folders_up(start):
        path = folder / SIDECAR
        if path.is_file():
            return read_sidecar(path)
    return []


def read_sidecar(path: Path) -> list[Suppression]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot be read as TOML: {error}") from None
    unknown = set(data) - {"ignore"}
    if unknown:
        raise UsageError(f"{path}: unknown key {sorted(unknown)[0]!r} (write [[ignore]] entries)")
    entries = data.get("ignore", [])
    if not isinstance(entries, list):
        raise UsageError(f"{path}: 'ignore' must be a list of [[ignore]] tables")
    found = []
    for number, entry in enumerate(entries, 1):
        where = f"{path}: [[ignore]] entry {number}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where} is not a table")
        unknown = set(entry) - {"file", "code", "pointer", "reason"}
        if unknown:
            raise UsageError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        for key in ("file", "code"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise UsageError(f"{where}: {key!r} is required (a string)")
        code = entry["code"].strip().upper()
        if not RULE_CODE.match(code):
            raise UsageError(f"{where}: bad value for 'code': {entry['code']!r} is not a rule code")
        pointer = entry.get("pointer", "")
        reason = entry.get("reason")
        if not isinstance(pointer, str) or (reason is not None and not isinstance(reason, str)):
            raise UsageError(f"{where}: 'pointer' and 'reason' must be strings")
        found.append(Suppression(code=code, reason=(reason or "").strip() or None, path=str(path),
                                 pointer=pointer, file_glob=entry["file"].strip(), kind="external"))
    return found


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression], paths: list[str],
                       settings, known: set[str] | None = None) -> list[Finding]:
    """Mark the findings suppressions cover; return the F002 findings for the ones that did not
    work: no reason given, or nothing matched (only judged for codes this run checks, in files
    it read)."""
    if not suppressions:
        return []
    for finding in findings:
        mark_suppressed(finding, suppressions)
    return ineffective_suppressions(suppressions, paths, settings, known)


def mark_suppressed(finding: Finding, suppressions: list[Suppression]) -> None:
    """Mark the finding suppressed by the first suppression that covers it (which is then used)."""
    for suppression in suppressions:
        if suppression.covers(finding):
            suppression.used = True
            finding.suppressed = True
            finding.suppression_reason = suppression.reason
            finding.extra["suppression_kind"] = suppression.kind
            break


def ineffective_suppressions(suppressions: list[Suppression], paths: list[str], settings,
                             known: set[str] | None = None) -> list[Finding]:
    """The F002 findings for the suppressions that did not work, once every finding was marked
    (:func:`mark_suppressed`)."""
    problems = []
    for suppression in suppressions:
        subject = f"the suppression of {suppression.code}"
        if suppression.where():
            subject += f" ({suppression.where()})"
        if not suppression.reason:
            problems.append(_f002(suppression, subject, "no-reason", "{subject} gives no reason, so it is not "
                                  "honoured: add 'reason: …' saying why the finding is acceptable"))
        elif known is not None and suppression.code not in known:
            problems.append(_f002(suppression, subject, "unknown-code", "{subject} names a code no rule has: "
                                  "check the code (`form16lint rules` lists them)"))
        elif suppression.pointer is None:
            problems.append(_f002(suppression, subject, "no-element", "{subject} is not followed by an element, "
                                  "so it covers nothing: put the comment just before the element"))
        elif not suppression.used and _judged(suppression, paths, settings):
            problems.append(_f002(suppression, subject, "unused", "{subject} matched no finding: {code} no "
                                  "longer fires there, so remove the suppression"))
    return problems


def _judged(suppression: Suppression, paths: list[str], settings) -> bool:
    if suppression.file_glob is None:
        return settings.selects_in(suppression.code, suppression.path)
    from form16lint.paths import glob_matches

    folder = os.path.dirname(os.path.abspath(suppression.path))
    return any(glob_matches(suppression.file_glob, path, folder) and settings.selects_in(suppression.code, path)
               for path in paths)


def _f002(suppression: Suppression, subject: str, problem: str, template: str) -> Finding:
    """An F002 finding: ``problem`` (no-reason, no-element, unused) and the suppressed code
    identify it; ``subject`` says which suppression in words."""
    arguments = {"subject": subject, "code": suppression.code, "problem": problem}
    return Finding(code="F002", severity=Severity.WARNING, message=render(template, arguments), template=template,
                   arguments=arguments, identity={"code": suppression.code, "problem": problem},
                   path=suppression.path,
                   pointer=suppression.pointer or "", line=suppression.line, rule="ineffective-suppression")
