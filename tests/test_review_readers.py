"""The PDF and extracted-text readers: what a code review found wrong, each case read as counsel
would meet it."""

from __future__ import annotations

import pytest

from extracted_texts import FORM4


def _findings(result, *codes):
    return {(f.code, f.pointer): f for f in result.findings if f.code in codes}


# -- a date that is not a real date is kept for S003, not dropped -----------------------------------
@pytest.mark.parametrize("pointer, old, new", [
    ("/periodOfReport", "100 MAIN STREET\t\t03/01/2024", "100 MAIN STREET\t\t13/45/2024"),
    ("/signatures/0/date", "/s/ Jane Q. Doe\t03/04/2024", "/s/ Jane Q. Doe\t13/45/2024"),
    ("/dateOfOriginalSubmission", "Original Filed (Month/Day/Year)",
     "Original Filed (Month/Day/Year) 13/45/2024"),
])
def test_text_date_that_is_not_a_real_date_is_s003_not_missing(lint_text, pointer, old, new):
    assert old in FORM4
    result = lint_text(FORM4.replace(old, new), name="filing.txt")
    found = _findings(result, "S002", "S003")
    assert ("S003", pointer) in found, sorted(found)
    assert "'13/45/2024'" in found[("S003", pointer)].message
    assert ("S002", pointer) not in found


# -- PDF: Table II's amount is located in the sub-column it stands in ---------------------------------
def _pdf_of(xml: str) -> bytes:
    from form16lint.readers.edgar_xml import read_ownership_xml
    from render_pdf import render_pdf

    return render_pdf(read_ownership_xml("filing.xml", xml.encode()).filing)


def test_pdf_table2_amount_is_located_in_the_column_it_was_read_from():
    from filings import d_tx, ownership_xml
    from form16lint.readers.pdf import read_pdf

    pdf = _pdf_of(ownership_xml(d_transactions=[d_tx(code="A", ad="A"), d_tx(code="M", ad="D", price="0")]))
    document = read_pdf("f.pdf", pdf)
    acquired, disposed = document.filing.derivative_transactions
    assert (acquired.acquired_disposed.value, disposed.acquired_disposed.value) == ("A", "D")
    assert document.locate("/derivativeTransactions/0/shares").box == "Table II, row 1, column 5"  # its first sub-column, (A)
    assert document.locate("/derivativeTransactions/1/shares").box == "Table II, row 2, column 5 (D)"
    assert document.locate("/derivativeTransactions/1/acquiredDisposed").box == "Table II, row 2, column 5 (D)"
    assert document.locate("/derivativeTransactions/0/code").box == "Table II, row 1, column 4"
