"""B, D and C rules over the 650 real, accepted EDGAR filings of ../shared/corpus (both folders),
each linted with its EDGAR filing date from INDEX.tsv so that D005 judges real deadlines.

The errors these rules give are pinned in corpus.KNOWN_ERRORS with why each is a true defect.
The variants real filers use are accepted or warned (each rule's documentation lists them):
Form 5 year-end amounts, adjustments a footnote explains, 52-53-week fiscal years, earlier
years reported late, several accounts and relatives told apart by footnotes.
"""

from corpus import KNOWN_ERRORS, corpus_run, name


def test_corpus_bdc(shared, plugins):
    run = corpus_run(shared, plugins, dated=True)
    errors = {error for error in run.errors() if error[1][0] in "BCD"}
    assert errors == {error for error in KNOWN_ERRORS if error[1][0] in "BCD"}
    late = run.codes("D005")
    assert len(late) == 31  # real late filings, in both folders
    assert {run.index[name(f.path)]["file"].startswith("rs-kellogg") for f in late} == {True, False}
    # a Form 5's gaps between rows are warnings at most (Form 4 transactions of the year lie between)
    form5 = [f for f in run.codes("B001") if run.index[name(f.path)]["form"] == "5"]
    assert form5 and all(str(f.severity) == "warning" for f in form5)


def test_corpus_dates_without_index_fall_back_to_signatures(shared, plugins):
    plain = corpus_run(shared, plugins, dated=False)
    assert len(plain.codes("D005")) == 29  # EDGAR submissions carry their own filing date
