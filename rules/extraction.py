"""E001 — what the PDF and text readers report about fields they could not read."""

from __future__ import annotations

from form16lint.findings import Severity
from form16lint.rule import FilingRule


class FieldNotReadable(FilingRule):
    """A field of a PDF or text filing could not be read with confidence.

    ## What it checks
    Every field the PDF and extracted-text readers look for: form type, boxes 1 to 6, every
    column of every Table I and Table II row, footnotes and signature. When a label cannot be
    found, a value is cut short by the extraction (a street ending mid-word, a ZIP code with a
    stray character), a column holds no value where the form requires one, or a box could be
    read two ways, the reader says so here, naming the field in the form's words and the page.
    What it did read is kept, and every other rule still runs on it. Findings of this code come
    from the reader, not from a check over the model.

    ## Why it matters
    A linter that silently drops a field it could not read would let the rules that need that
    field stay quiet, and a clean report would be taken for a clean filing. Counsel must check
    such a field against the PDF by hand before relying on the report or filing with EDGAR.

    ## Failing example
    ```text
    (Street) WESTFO	ORD MA)1886 Zip)
    E001 reporting person 1, address, zipCode could not be read with confidence on page 1:
    the ZIP code reads ')1886', not five digits
    ```

    ## Passing example
    ```text
    (Street)
    WESTFORD MA 01886
    (City) (State) (Zip)
    ```
    """

    code = "E001"
    name = "unreadable-field"
    severity = Severity.WARNING

    def check(self, filing, context):
        return ()
