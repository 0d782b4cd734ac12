"""Built-in readers. Each is a plugin implementing ``form16lint_read_document``: it looks at the
bytes and returns a Document when the content is its format, or None to let another reader try."""

from __future__ import annotations

from form16lint.findings import Finding, Severity
from form16lint.model import Document, Location


def unreadable(path: str, fmt: str, why: str, *, line: int | None = None, column: int | None = None,
               page: int | None = None) -> Document:
    """A Document with no filing and the E002 finding that says why."""
    document = Document(path=path, format=fmt)
    document.reader_findings.append(
        Finding(
            code="E002",
            severity=Severity.ERROR,
            message=f"could not be read as a Form 3, 4 or 5: {why}",
            path=path,
            line=line,
            column=column,
            page=page,
            rule="unreadable-input",
        )
    )
    if line or page:
        document.locations[""] = Location(line=line, column=column, page=page)
    return document


def unsure_field(document: Document, pointer: str, message: str, location: Location) -> None:
    """Record an E001: a field of a printed form (PDF, text) that could not be read with confidence.
    The message names the field and the page; the rest of the filing is still read and checked."""
    document.reader_findings.append(Finding(
        code="E001", severity=Severity.WARNING, message=message, path=document.path, pointer=pointer,
        line=location.line, column=location.column, page=location.page, box=location.box,
        rule="unreadable-field",
    ))
