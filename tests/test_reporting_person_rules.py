"""R001-R003: the relationship boxes and the individual/joint filing box."""

import pytest

from filings import nd_holding, nd_tx, owner, ownership_xml

from form16lint.model import Document, Filing, ReportingOwner, Value
from form16lint.rule import RuleContext, RunOptions
from form16lint_rules.reporting_person import JointFilingBoxMismatch

CLEAN = ownership_xml(owners=[owner(), owner(cik="0001000002", name="ROE RICHARD", officer=0, other=1,
                                        other_text="Member of 13(d) group")],
                      nd_transactions=[nd_tx()])


@pytest.mark.parametrize("code", ["R001", "R002", "R003"])
def test_silent_on_clean_filing(codes_for, code):
    assert codes_for(CLEAN, code) == []


def test_r001_no_box_checked(codes_for):
    xml = ownership_xml(owners=[owner(officer=0)], nd_transactions=[nd_tx()])
    found = codes_for(xml, "R001")
    assert [f.pointer for f in found] == ["/reportingOwners/0/relationship"]
    assert "reporting person 1 (DOE JANE) has none of the relationships checked in box 5" in found[0].message


def test_r001_on_a_form3_names_its_box_4(codes_for):
    xml = ownership_xml(document_type="3", owners=[owner(officer=0)], nd_holdings=[nd_holding()])
    found = codes_for(xml, "R001")
    assert "has none of the relationships checked in box 4" in found[0].message


def test_r002_officer_without_title_and_other_without_text(codes_for):
    xml = ownership_xml(owners=[owner(title=None, other=1)], nd_transactions=[nd_tx()])
    found = {f.pointer: f.message for f in codes_for(xml, "R002")}
    assert set(found) == {"/reportingOwners/0/relationship/officerTitle", "/reportingOwners/0/relationship/otherText"}
    assert "marked Officer but no officer title" in found["/reportingOwners/0/relationship/officerTitle"]


def _check_joint(joint, owners):
    filing = Filing(document_type="4", joint_filing=Value(joint),
                    reporting_owners=[ReportingOwner(name=f"Person {n}") for n in range(owners)])
    context = RuleContext(document=Document(path="f.txt", format="text", filing=filing), options=RunOptions())
    return list(JointFilingBoxMismatch().check(filing, context))


def test_r003_joint_box_against_owner_count():
    [one] = _check_joint(True, 1)
    assert one.pointer == "/jointFiling" and "names only 1" in one.message
    [two] = _check_joint(False, 2)
    assert "names 2" in two.message
    assert _check_joint(True, 2) == [] and _check_joint(False, 1) == []
    assert _check_joint(None, 3) == []  # EDGAR XML carries no box: nothing to compare
