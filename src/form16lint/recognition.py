"""Whether a file no reader claimed is a filing at all.

A pre-commit hook or a folder run meets ordinary files too: notes, ``package.json``,
``requirements.txt``, web pages, and form16lint's own reports and baselines. Those are skipped
(E003, at info level) so that committing them passes. A file that looks like a filing but that no
reader could take (an ownership document's elements under another root, the filing model's keys
without the canonical marker, the form's printed labels in a page) is broken, and stays an E002.
"""

from __future__ import annotations

import re
import unicodedata

_TAIL = 512
# The summary line that ends form16lint's concise and rich reports.
_SUMMARY = re.compile(rb"\d+ errors?(?:\(s\))?, \d+ warnings?(?:\(s\))?, \d+ info in \d+ files?(?:\(s\))?\s*$")
_JSON_REPORT = re.compile(rb'"tool"\s*:\s*\{\s*"name"\s*:\s*"form16lint"')
_SARIF_DRIVER = re.compile(rb'"driver"\s*:\s*\{\s*"name"\s*:\s*"form16lint"')
# Elements only an EDGAR ownership document has.
_OWNERSHIP_ELEMENTS = (b"<ownershipDocument", b"<issuerCik", b"<rptOwnerCik", b"<reportingOwnerId",
                       b"<nonDerivativeTable", b"<derivativeTable", b"<periodOfReport")
# The printed form's own labels, in letters and digits, lower case.
_FORM_LABELS = ("tableinonderivative", "tableiiderivative", "nameandaddressofreportingperson",
                "issuernameandtickerortradingsymbol", "initialstatementofbeneficialownership",
                "statementofchangesinbeneficialownership", "annualstatementofchangesinbeneficialownership")
_SNIFF = 65536
_MAX_JSON = 8 * 1024 * 1024  # larger JSON is judged by its text alone


def own_output(data: bytes) -> str | None:
    """What kind of form16lint output the bytes are (a report or a baseline), else None."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        if b'"form16lint-baseline"' in head:
            return "form16lint's own baseline (--write-baseline)"
        if _JSON_REPORT.search(head):
            return "form16lint's own JSON report"
        if b"sarif" in head and _SARIF_DRIVER.search(head):
            return "form16lint's own SARIF report"
    if head.startswith(b"<") and b'<testsuites name="form16lint"' in head:
        return "form16lint's own JUnit report"
    if _SUMMARY.search(data[-_TAIL:]):
        return "form16lint's own report"
    return None


def looks_like_filing(data: bytes, path: str = "") -> str | None:
    """Why unclaimed bytes look like a Form 3, 4 or 5, or like a broken file (so that failing to
    read them is an error), or None when they plainly are something else: text, JSON or markup
    of another kind."""
    head = data[:_SNIFF]
    if path.lower().endswith(".pdf"):
        return "it is named .pdf but is not a PDF (it does not start with %PDF)"
    if b"\x00" in head or not _is_utf8(head):
        return "it is binary data, not text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<":
        if any(element in head for element in _OWNERSHIP_ELEMENTS):
            return ("it has elements of an EDGAR ownership document but no <ownershipDocument> root in "
                    "its first 64 KB")
        if _has_form_labels(head):
            return ("it is markup showing the form's labels (a web page of the form?); form16lint reads "
                    "the EDGAR XML, a PDF of the form or text extracted from one")
        return None
    if start in (b"{", b"["):
        return _json_looks_like_filing(data)
    if _has_form_labels(head):
        return ("it has some of the printed form's labels, but too few to be read as text extracted "
                "from a Form 3, 4 or 5 (give the whole text, or the PDF or EDGAR XML)")
    return None


def _json_looks_like_filing(data: bytes) -> str | None:
    marker = ("it is JSON with the filing model's keys but without the canonical marker "
              '"$schema": "https://form16lint.dev/schemas/filing.schema.json"; write it with '
              "`form16lint extract`, or add that key")
    if len(data) > _MAX_JSON:
        return marker if b'"documentType"' in data[:_SNIFF] else None
    import json  # only a file that starts as JSON gets here

    try:
        content = json.loads(data.decode("utf-8-sig"))
    except json.JSONDecodeError as error:
        if b'"documentType"' not in data[:_SNIFF]:
            return None
        return (f"it is JSON that names a documentType but is not valid at line {error.lineno}, column "
                f"{error.colno}: {error.msg}")
    except (ValueError, RecursionError):
        return "it is JSON that names a documentType but cannot be parsed" if b'"documentType"' in data[:_SNIFF] else None
    if isinstance(content, dict) and "documentType" in content:
        return marker
    return None


def _has_form_labels(head: bytes) -> bool:
    text = unicodedata.normalize("NFKC", head.decode("utf-8", "replace"))
    squashed = "".join(char for char in text.lower() if char.isalnum())
    return any(label in squashed for label in _FORM_LABELS)


def _is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # a character cut at the end of the head
    return True
