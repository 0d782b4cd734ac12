"""Built-in readers. Each is a plugin implementing ``form16lint_read_document``: it looks at the
bytes and returns a Document when the content is its format, or None to let another reader try."""

from __future__ import annotations

from form16lint.fieldnames import describe
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


def not_a_filing(path: str, why: str) -> Document:
    """A Document for a file that is plainly no filing (a note, a web page, a report of
    form16lint's own): skipped, with the E003 finding (info) that says so."""
    document = Document(path=path, format="skipped")
    document.reader_findings.append(Finding(
        code="E003", severity=Severity.INFO, path=path, rule="not-a-filing",
        message=f"skipped: not a filing ({why}); form16lint checks EDGAR ownership XML, EDGAR submission "
                "text, form16lint JSON, PDFs of the form and text extracted from them",
    ))
    return document


def unsure_field(document: Document, pointer: str, problem: str, location: Location, *,
                 field: str | None = None, signed_page: int | None = None) -> None:
    """Record an E001: a field of a printed form (PDF, text) that could not be read with confidence.

    The message names the field in the words of the filing's form (``field`` where the pointer
    names no single field), says what was read or not (``problem``), where (page and box, or line)
    and what to do; ``signed_page`` is the page of the signed form that carries the field when the
    input keeps no pages. The rest of the filing is still read and checked."""
    form = document.filing.document_type if document.filing else None
    field = field or describe(pointer, form)
    page = location.page or signed_page
    on_form = f"on page {page} of the signed form" if page else "on the signed form"
    message = (f"{field} could not be read with confidence {_place(location)}: {problem}; check it {on_form} "
               "and enter it plainly in the draft, or lint the filing's EDGAR XML instead")
    document.reader_findings.append(Finding(
        code="E001", severity=Severity.WARNING, message=message, path=document.path, pointer=pointer,
        line=location.line, column=location.column, page=location.page, box=location.box,
        rule="unreadable-field",
    ))


def _place(location: Location) -> str:
    if location.page:
        return f"on page {location.page}" + (f" ({location.box})" if location.box else "")
    if location.line:
        return f"at line {location.line}"
    return "in the text"
