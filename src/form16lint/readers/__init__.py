"""Built-in readers. Each is a plugin implementing ``form16lint_read_document``: it looks at the
bytes and returns a Document when the content is its format, or None to let another reader try."""

from __future__ import annotations

from form16lint.fieldnames import describe
from form16lint.lazy_regex import LazyRegex
from form16lint.findings import Finding, Severity, render
from form16lint.model import Document, Location, UnreadRegion


def unreadable(path: str, fmt: str, why: str, *, line: int | None = None, column: int | None = None,
               page: int | None = None) -> Document:
    """A Document with no filing and the E002 finding that says why."""
    document = Document(path=path, format=fmt)
    template, arguments = "could not be read as a Form 3, 4 or 5: {reason}", {"reason": why}
    document.reader_findings.append(
        Finding(
            code="E002",
            severity=Severity.ERROR,
            message=render(template, arguments),
            template=template,
            arguments=arguments,
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
                 field: str | None = None, signed_page: int | None = None, covers: tuple[str, ...] = ()) -> None:
    """Record a region of a printed form (PDF, text) that could not be read with confidence: an
    :class:`~form16lint.model.UnreadRegion` on the filing, so that no rule reports on it, and the
    one E001 that names it.

    ``pointer`` is the region's place in the model (a box's value, a row, "/derivativeTransactions"
    for Table II, "/footnotes", "/signatures"), ``covers`` more pointers it spans (Table II's
    holdings), ``field`` its name in the form's words where the pointer names no single field,
    ``problem`` what was read or not, ``location`` where (page and box, or line) and
    ``signed_page`` the page of the signed form that carries it when the input keeps no pages.
    The rest of the filing is still read and checked. A region recorded twice gives one E001."""
    form = document.filing.document_type if document.filing else None
    region = UnreadRegion(pointers=[pointer, *covers], region=field or describe(pointer, form), reason=problem,
                          page=location.page, box=location.box, line=location.line, column=location.column,
                          form_page=signed_page if not location.page else None)
    if document.filing is not None:
        if any(known.pointers == region.pointers for known in document.filing.unread):
            return
        document.filing.unread.append(region)
    document.reader_findings.append(unread_finding(document.path, region))


_PRINTED_DATE = LazyRegex(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def doubt_form_words(document: Document) -> None:
    """Mark unread every value of a printed form's filing (PDF, text) that holds the form's own
    words, a label or caption: the reader ran over into the next box or line, and a rule judging
    the value (its length, its shape) would judge the misreading. The footnotes and remarks are
    free text that may quote the form, and are left as read."""
    from form16lint.model import Value, walk
    from form16lint.readers.printed_form import holds_form_words

    filing = document.filing
    if filing is None:
        return
    for pointer, leaf in list(walk(filing)):
        if pointer.startswith(("/footnotes", "/remarks", "/unread", "/metadata")):  # free text, or no value read
            continue
        text = leaf.value if isinstance(leaf, Value) else leaf
        text = leaf.raw if isinstance(leaf, Value) and leaf.raw is not None else text
        if isinstance(text, str) and holds_form_words(text):
            shown = text if len(text) <= 60 else text[:57] + "..."
            unsure_field(document, pointer, f"it holds the form's own printed words ({shown!r})",
                         document.locations.get(pointer) or document.locations.get("") or Location())
    for index, owner in enumerate(filing.reporting_owners):
        # box 5's descriptions stand beside box 3's date: a date in one is a run-over, not a title
        for key, text in (("officerTitle", owner.relationship.officer_title),
                          ("otherText", owner.relationship.other_text)):
            if isinstance(text, str) and _PRINTED_DATE.search(text):
                pointer = f"/reportingOwners/{index}/relationship/{key}"
                unsure_field(document, pointer, f"it holds a date, box 3's or a signature's ({text[:57]!r})",
                             document.locations.get(pointer) or document.locations.get("") or Location())


def unread_finding(path: str, region: UnreadRegion) -> Finding:
    """The E001 that names an unread region, its problem, where it is and what to do."""
    location = Location(line=region.line, column=region.column, page=region.page, box=region.box)
    page = region.page or region.form_page
    on_form = f"on page {page} of the signed form" if page else "on the signed form"
    template = ("{field} could not be read with confidence {place}: {problem}; check it {on_form} "
                "and enter it plainly in the draft, or lint the filing's EDGAR XML instead")
    arguments = {"field": region.region, "place": _place(location), "problem": region.reason, "on_form": on_form}
    return Finding(
        code="E001", severity=Severity.WARNING, message=render(template, arguments), template=template,
        arguments=arguments, path=path, pointer=region.pointers[0],
        line=region.line, column=region.column, page=region.page, box=region.box, rule="unreadable-field",
    )


def _place(location: Location) -> str:
    if location.page:
        return f"on page {location.page}" + (f" ({location.box})" if location.box else "")
    if location.line:
        return f"at line {location.line}"
    return "in the text"
