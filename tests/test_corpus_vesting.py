"""V001-V005 over the real, accepted EDGAR filings of ../shared/corpus: no crash, no false errors.

Accepted filings are mostly right, so an error-level V finding (V003, V004) on one is a false alarm
until shown otherwise. Every derivative row of the corpus was studied: none has a vesting or
exercisable date before its grant or an expiration not after its exercisable or grant date (the
one row whose exercisable date precedes its transaction date is an exercise, code M, of an
option granted years earlier). So the bound on V errors is zero; the warnings are bounded by the
parse results below, measured when the rules were written.
"""

from collections import Counter

from form16lint.engine import lint
from form16lint.readers.edgar_xml import read_ownership_xml
from form16lint.rule import RunOptions
from form16lint.settings import Settings
from form16lint_rules.vesting import derivative_terms


def test_corpus_v_rules(shared, plugins):
    corpus = shared("corpus", "edgar-xml")
    settings = Settings()
    settings.select = ["V", "F001"]
    result = lint([str(corpus)], plugins, settings, RunOptions())
    codes = Counter(f.code for f in result.findings)
    assert codes["F001"] == 0, [f.message for f in result.findings if f.code == "F001"]
    assert codes["V003"] == 0 and codes["V004"] == 0, [f.message for f in result.findings if str(f.severity) == "error"]
    assert codes["V001"] + codes["V002"] + codes["V005"] <= 3


def test_corpus_schedules_parse(shared):
    parsed = 0
    for path in sorted(shared("corpus", "edgar-xml").glob("*.xml")):
        filing = read_ownership_xml(str(path), path.read_bytes()).filing
        if filing is not None:
            parsed += sum(1 for terms in derivative_terms(filing) if terms.schedule is not None)
    assert parsed >= 31  # measured: 31 Table II rows whose vesting footnote states a computable schedule
