"""V001-V005 over the 650 real, accepted EDGAR filings of ../shared/corpus: no crash, no false errors.

Accepted filings are mostly right, so an error-level V finding (V003, V004) on one is a false alarm
until shown otherwise. Real practice the rules accept: restricted and performance stock units whose
date exercisable equals their expiration date (they settle when they vest), vesting told as history
before the grant, and a row coded A but disposed of, which is no grant. The warnings are bounded by
the parse results below."""

from corpus import corpus_run, entries
from form16lint.engine import read_document
from form16lint.readers.edgar_xml import read_ownership_xml
from form16lint_rules.vesting import derivative_terms


def test_corpus_v_rules(shared, plugins):
    run = corpus_run(shared, plugins, dated=False)
    assert run.codes("V003") == [] and run.codes("V004") == []
    assert len(run.codes("V001")) + len(run.codes("V002")) + len(run.codes("V005")) <= 2


def test_corpus_schedules_parse(shared, plugins):
    parsed = 0
    for path in sorted(shared("corpus", "edgar-xml").glob("*.xml")):
        filing = read_ownership_xml(str(path), path.read_bytes()).filing
        if filing is not None:
            parsed += sum(1 for terms in derivative_terms(filing) if terms.schedule is not None)
    assert parsed >= 31  # measured: 31 Table II rows whose vesting footnote states a computable schedule
    more = 0
    for path, _ in entries(shared):
        if "/edgar-more/" in path.replace("\\", "/"):
            filing = read_document(plugins, path).filing
            more += sum(1 for terms in derivative_terms(filing) if terms.schedule is not None) if filing else 0
    assert more >= 36  # measured: 36 in edgar-more
