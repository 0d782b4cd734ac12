"""Fields named in the words of the form they are on: Forms 3, 4 and 5 number boxes differently."""

import pytest

from filings import ownership_xml
from form16lint.fieldnames import describe, naming_boxes_of


@pytest.mark.parametrize("pointer, form, words", [
    ("/periodOfReport", "3", "box 2, date of event requiring statement"),
    ("/periodOfReport", "4", "box 3, date of earliest transaction"),
    ("/periodOfReport", "5/A", "box 3, statement for issuer's fiscal year ended"),
    ("/issuer", "3", "box 3, issuer"),
    ("/issuer", "4", "box 2, issuer"),
    ("/dateOfOriginalSubmission", "3/A", "box 5, date of original filing (amendments)"),
    ("/reportingOwners/0/relationship", "3", "reporting person 1, relationship (box 4)"),
    ("/reportingOwners/0/relationship", "4", "reporting person 1, relationship (box 5)"),
    ("/nonDerivativeHoldings/1/natureOfOwnership", "3",
     "Table I holding row 2, nature of indirect beneficial ownership (column 4)"),
    ("/nonDerivativeTransactions/0/natureOfOwnership", "4",
     "Table I transaction row 1, nature of indirect ownership (column 7)"),
    ("/derivativeHoldings/0/conversionOrExercisePrice", "3",
     "Table II holding row 1, conversion or exercise price (column 4)"),
    ("/derivativeTransactions/0/conversionOrExercisePrice", "4",
     "Table II transaction row 1, conversion or exercise price (column 2)"),
    ("/nonDerivativeTransactions/0/sharesOwnedFollowing", "5",
     "Table I transaction row 1, amount owned at the end of the issuer's fiscal year (column 5)"),
])
def test_boxes_and_columns_follow_the_form(pointer, form, words):
    assert describe(pointer, form) == words


def test_without_a_form_the_words_fit_every_form():
    assert "box" not in describe("/periodOfReport")
    with naming_boxes_of("3"):
        assert describe("/periodOfReport") == "box 2, date of event requiring statement"
    assert "box" not in describe("/periodOfReport")


def test_a_rule_on_a_form3_names_the_form3_box(lint_text):
    xml = ownership_xml(document_type="3", period="2024-02-30", nd_transactions=[])
    finding, = [f for f in lint_text(xml).findings if f.code == "S003"]
    assert "box 2, date of event requiring statement" in finding.message
