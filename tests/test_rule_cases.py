"""Every rule's cases, as data: one TOML file a code in rule_cases/, and each rule's documented
failing and passing examples, run by one generic test (form16lint.testing)."""

from pathlib import Path

import pytest

from form16lint.plugins import load_plugins
from form16lint.testing import check_case, documented_cases, load_cases

CASES_FOLDER = Path(__file__).parent / "rule_cases"
CASES = load_cases(CASES_FOLDER / "*.toml")
DOCUMENTED = documented_cases()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_case(case):
    check_case(case)


@pytest.mark.parametrize("case", DOCUMENTED, ids=str)
def test_documented_example(case):
    check_case(case)


def test_every_code_has_a_failing_and_a_passing_case():
    have = {(case.code, case.expect_fail) for case in CASES}
    for rule in load_plugins(autoload=False).all_rules():
        if rule.code in ("E001", "E003", "F001"):  # a text reader's doubt, a file skipped as no filing, a rule's crash: see their own tests
            continue
        assert (rule.code, True) in have and (rule.code, False) in have, f"rule_cases/{rule.code}.toml"
        assert all(case.severity and case.pointers is not None for case in CASES
                   if case.code == rule.code and case.expect_fail), f"{rule.code}: say pointers and severity"


def test_every_rule_documents_a_failing_and_a_passing_example_that_run():
    documented = {(case.code, case.expect_fail) for case in DOCUMENTED}
    for rule in load_plugins(autoload=False, blocked=()).registry.filing_rules() + \
            load_plugins(autoload=False).registry.collection_rules():
        assert (rule.code, True) in documented and (rule.code, False) in documented, rule.code
