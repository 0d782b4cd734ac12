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
