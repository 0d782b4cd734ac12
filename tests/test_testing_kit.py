"""form16lint.testing: how a fragment becomes a whole filing, and how a case is judged."""

import json

import pytest
from lxml import etree

from form16lint.testing import RuleCase, check_case, filing_from_fragment, load_cases


def parsed(fragment):
    return etree.fromstring(filing_from_fragment(fragment).encode())


def test_a_row_fragment_is_merged_onto_a_complete_template_row():
    document = parsed("<nonDerivativeTransaction><transactionDate><value>2024-02-29</value></transactionDate>"
                      "</nonDerivativeTransaction>")
    row, = document.findall("nonDerivativeTable/nonDerivativeTransaction")
    assert row.findtext("transactionDate/value") == "2024-02-29"
    assert row.findtext("transactionCoding/transactionCode") == "S"  # the rest is the template's
    assert row.findtext("postTransactionAmounts/sharesOwnedFollowingTransaction/value") == "900"


def test_fragments_pick_the_base_of_their_form_replace_omit_and_keep_comments():
    document = parsed('<documentType>5</documentType>\n<!-- form16lint: ignore S007 reason: test -->\n'
                      '<reportingOwner><reportingOwnerRelationship><officerTitle omit="true"/>'
                      '</reportingOwnerRelationship></reportingOwner>\n<reportingOwner/>')
    assert document.findtext("documentType") == "5" and document.findtext("periodOfReport") == "2023-12-31"
    owners = document.findall("reportingOwner")
    assert len(owners) == 2 and owners[0].find("reportingOwnerRelationship/officerTitle") is None
    assert owners[1].findtext("reportingOwnerRelationship/officerTitle") == "Chief Executive Officer"
    comment = owners[0].getprevious()
    assert isinstance(comment, etree._Comment) and "ignore S007" in comment.text


def test_a_json_fragment_is_merged_into_the_base_filings_json():
    filing = json.loads(filing_from_fragment('{"issuer": {"tradingSymbol": "MSFT"}, "remarks": null}'))
    assert filing["issuer"] == {"cik": "0000320193", "name": "Apple Inc.", "tradingSymbol": "MSFT"}
    assert filing["documentType"] == "4" and "remarks" not in filing


def test_a_whole_document_is_used_as_it_is_and_a_sketch_is_refused():
    whole = "<ownershipDocument><documentType>4</documentType>"
    assert filing_from_fragment(whole) == whole
    with pytest.raises(ValueError, match="transactionCode"):
        filing_from_fragment("<transactionCode>K</transactionCode>")


def test_a_case_that_does_not_hold_says_what_was_found(tmp_path):
    case = RuleCase(code="S003", name="wrong pointer", expect_fail=True, pointers=["/periodOfReport"],
                    fragments=["<nonDerivativeTransaction><transactionDate><value>2023-02-30</value>"
                               "</transactionDate></nonDerivativeTransaction>"])
    with pytest.raises(AssertionError, match="/nonDerivativeTransactions/0/transactionDate"):
        check_case(case)
    (tmp_path / "X.toml").write_text('code = "S003"\n[[case]]\nname = "x"\nfial = "<documentType>4</documentType>"\n')
    with pytest.raises(ValueError, match="unknown keys"):
        load_cases(tmp_path / "*.toml")
