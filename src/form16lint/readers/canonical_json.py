"""form16lint's canonical JSON of a filing, validated against ``schemas/filing.schema.json``.

A violation of the schema is an S001 finding naming the JSON pointer; the model is still built
from what can be read, so the other rules run too.
"""

from __future__ import annotations

import re

from form16lint import SCHEMA_ID
from form16lint.findings import Finding, Severity, render
from form16lint.hookspecs import hookimpl
from form16lint.model import Document
from form16lint.readers import unread_finding, unreadable

FORMAT = "json"


# The canonical schema's marker: ``"$schema": "https://form16lint.dev/schemas/filing.schema.json"``,
# which ``form16lint extract`` writes first. Only JSON that carries it is claimed, so that no other
# JSON (package.json, form16lint's own reports and baselines) is read as a filing.
_MARKER = re.compile(rb'"\$schema"\s*:\s*"' + re.escape(SCHEMA_ID.encode()) + rb'"')
_SNIFF = 65536


@hookimpl
def form16lint_read_document(path: str, data: bytes):
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{") or not _MARKER.search(head):
        return None
    return read_canonical_json(path, data)


def read_canonical_json(path: str, data: bytes) -> Document:
    import json  # here, not at the top: a run that reads no JSON never loads these

    from form16lint.canonical import from_data, loads
    from form16lint.json_positions import json_locations

    try:
        text = data.decode("utf-8-sig")
        content = loads(text)
    except UnicodeDecodeError as error:
        return unreadable(path, FORMAT, f"the JSON is not UTF-8 ({error.reason} at byte {error.start})")
    except json.JSONDecodeError as error:
        return unreadable(path, FORMAT, f"the JSON is not valid at line {error.lineno}, column "
                                        f"{error.colno}: {error.msg}", line=error.lineno, column=error.colno)
    if not isinstance(content, dict):
        return unreadable(path, FORMAT, "the JSON is not an object describing one filing")
    document = Document(path=path, format=FORMAT, locations=json_locations(text))
    from form16lint.schema import schema_violations

    for pointer, message in schema_violations(content):
        location = document.locate(pointer)
        template, arguments = "the JSON does not follow the filing schema at {at}: {problem}", \
            {"at": pointer or "/", "problem": message}
        document.reader_findings.append(Finding(
            code="S001", severity=Severity.ERROR, path=path, pointer=pointer,
            message=render(template, arguments), template=template, arguments=arguments,
            line=location.line, column=location.column, rule="schema-violation",
        ))
    document.suppressions = _suppressions(path, content.get("suppressions"), document)
    try:
        document.filing = from_data(content)
    except (TypeError, ValueError, AttributeError) as error:
        if not document.reader_findings:
            return unreadable(path, FORMAT, f"the JSON cannot be read as a filing: {error}")
        document.filing = None  # the S001 findings say why
    if document.filing is not None:
        # the regions the reader of a printed form could not read: the same E001s as that reading
        document.reader_findings.extend(unread_finding(path, region) for region in document.filing.unread)
    return document


def _suppressions(path: str, entries, document: Document) -> list:
    """The reserved key ``suppressions``: [{code, pointer, reason}]; S001 reports a bad shape."""
    from form16lint.suppressions import Suppression

    found = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("code"), str):
            reason = entry.get("reason")
            found.append(Suppression(
                code=entry["code"], pointer=str(entry.get("pointer", "")), path=path,
                reason=reason.strip() or None if isinstance(reason, str) else None,
                line=document.locate(f"/suppressions/{index}").line,
            ))
    return found
