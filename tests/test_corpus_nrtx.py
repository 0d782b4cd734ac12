"""The N, R, T and X rules over the 650 real, accepted EDGAR filings of ../shared/corpus.

Every error these rules give is pinned in corpus.KNOWN_ERRORS with why it is a true defect (two
weighted-average prices outside the range their footnote gives)."""

from corpus import KNOWN_ERRORS, corpus_run


def test_corpus_nrtx(shared, plugins):
    run = corpus_run(shared, plugins, dated=False)
    errors = {error for error in run.errors() if error[1][0] in "NRTX"}
    assert errors == {error for error in KNOWN_ERRORS if error[1][0] in "NRTX"}
    for code in ("N001", "N002", "N003"):  # EDGAR enforces these: none on accepted filings
        assert run.codes(code) == []
    # several listed classes in box 2 ("WSO; WSOB") are symbols, not a malformed ticker
    assert run.codes("T001") == []
    # the corpus is a sample, not anyone's complete series: most breaks between filings are filings
    # missing from it, reported as info where a person's filings break more than once
    x001 = run.codes("X001")
    assert sum(str(f.severity) == "warning" for f in x001) <= 13 < sum(str(f.severity) == "info" for f in x001)
