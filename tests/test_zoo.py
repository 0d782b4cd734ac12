"""A fixed small sample of the test zoo, built and read back on every run.

Real filings of the shared corpus printed in every layout of the zoo (the SEC rendition printed by
Chromium with and without its header and footer, our reportlab styles, a firm's template in four
styles, the official Form 3 filled in), each PDF's text taken by every extractor, then linted alone.
The test prints recall per layout and per extractor and the false alarms by code, and asserts the
floors measured so far, so that the figures cannot fall back; the readers' work raises them.
The whole zoo is measured by ``python benchmarks/zoo.py``.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from zoo import corpus, official_form
from zoo.build import build
from zoo.chromium import chromium_binary
from zoo.extractors import EXTRACTORS, missing
from zoo.layouts import LAYOUTS
from zoo.scoring import Totals, alarm_report, report, score_zoo, totals_by

SAMPLE = 4  # corpus filings (their traits take turns), the first of them amended, a Form 3 that fits the
OTHERS = 2  # official form; each printed as the SEC rendition both ways and in OTHERS more layouts

# The floors measured on this sample (recall of printed values), two points under the figure (the
# browser's header carries the time of printing); raise them as the readers improve.
FLOOR_LAYOUT = {
    "sec-browser": 0.61, "sec-plain": 0.61, "official-form3": 0.58,
    "rl-ruled-glyph-super": 0.71, "rl-unruled-bracket-cell": 0.66, "rl-ruled-drawn-unicode": 0.62,
    "rl-unruled-glyph-super-norepeat": 0.62, "firm-letter-times-grid": 0.39, "firm-a4-courier-unruled": 0.51,
    "firm-a4-landscape-serif-rows": 0.66, "firm-letter-narrow-grid": 0.66,
}
FLOOR_SOURCE = {
    "pdf": 0.97, "pdftotext-layout": 0.77, "pdftotext": 0.34, "pdfplumber": 0.66, "pdfplumber-layout": 0.74,
    "pypdf": 0.52, "pymupdf": 0.38, "pdfminer": 0.35, "tabbed": 0.68,
}
FLOOR_OVERALL = 0.60
MAX_FALSE_ALARMS = 50  # codes at warning or error the files give and their XML does not (E001 apart); 41 measured


@pytest.fixture(scope="module")
def zoo_scores(tmp_path_factory):
    corpus_dir = shared_path("corpus")
    if chromium_binary() is None:
        pytest.skip("Chromium is absent (Debian package chromium): the zoo prints the SEC rendition with it")
    unable = sorted({why for layout in LAYOUTS.values() if (why := layout.needs())})
    if unable:
        pytest.skip("the zoo cannot draw all its layouts here: " + "; ".join(unable))
    absent = [name for name in EXTRACTORS if missing(name)]
    if absent:
        pytest.skip(f"extractors absent: {', '.join(f'{n} ({missing(n)})' for n in absent)}")
    everything = corpus.all_filings(corpus_dir)
    chosen = corpus.choose(everything, SAMPLE)
    amended = corpus.amended(chosen[0])
    official = next(f for f in corpus.choose(everything, len(everything)) if official_form.fits(f.filing))
    filings = chosen + [f for f in (amended, official) if f is not None and f not in chosen]
    out = tmp_path_factory.mktemp("zoo")
    manifest = build(out, filings, jobs=2, others_per_filing=OTHERS, progress=None)
    assert not manifest["problems"], manifest["problems"]
    return manifest, score_zoo(out)


@pytest.mark.slow
def test_zoo_sample_figures(zoo_scores, capsys):
    manifest, scores = zoo_scores
    with capsys.disabled():
        print("\n" + report(scores, title=f"zoo sample ({len(manifest['filings'])} filings)"))
    assert len(manifest["layouts"]) >= 6 and {"sec-browser", "sec-plain"} <= set(manifest["layouts"])
    assert len(manifest["extractors"]) >= 4
    overall = Totals()
    for s in scores:
        overall.add(s)
    by_layout = totals_by(scores, lambda s: s.layout)
    by_source = totals_by(scores, lambda s: s.source)
    low = [f"layout {name}: {by_layout[name].recall:.1%} < {floor:.1%}" for name, floor in FLOOR_LAYOUT.items()
           if name in by_layout and by_layout[name].recall < floor]
    low += [f"source {name}: {by_source[name].recall:.1%} < {floor:.1%}" for name, floor in FLOOR_SOURCE.items()
            if name in by_source and by_source[name].recall < floor]
    assert not low, low
    assert overall.recall >= FLOOR_OVERALL
    assert sum(overall.alarms.values()) <= MAX_FALSE_ALARMS


@pytest.mark.slow
def test_every_layout_and_extractor_gave_files(zoo_scores):
    manifest, scores = zoo_scores
    assert {s.layout for s in scores} == set(manifest["layouts"]) == set(LAYOUTS)
    assert {s.source for s in scores} == {"pdf", *manifest["extractors"]}


# Issue 9 item 3 on this sample: the codes at warning or error a PDF gives are its XML's (E001
# apart). The ceilings are the figures measured on this sample; the target is zero.
MAX_PDF_FALSE_ALARMS = 0
MAX_PDF_MISSED_CODES = 0


@pytest.mark.slow
def test_zoo_sample_no_false_alarm(zoo_scores, capsys):
    """No false alarm from a misreading: the codes of each PDF are those of its XML; no file reports
    on a field the printed form does not carry; each file's extracted JSON checks as the file does."""
    manifest, scores = zoo_scores
    pdf = Totals()
    for s in scores:
        if s.source == "pdf":
            pdf.add(s)
    with capsys.disabled():
        print(f"\nzoo sample, item 3: PDF {pdf.files} files, {sum(pdf.alarms.values())} false alarms "
              f"({dict(pdf.alarms)}), {sum(pdf.missed.values())} missed codes ({dict(pdf.missed)}); "
              f"{sum(bool(s.roundtrip) for s in scores)} of {len(scores)} files check differently once "
              f"extracted; {sum(bool(s.not_printed) for s in scores)} report on a field not printed")
        print(alarm_report(scores) or "  every file gives its XML's codes")
    assert not [s.where for s in scores if s.not_printed]
    assert not [(s.where, s.roundtrip) for s in scores if s.roundtrip]
    assert sum(pdf.alarms.values()) <= MAX_PDF_FALSE_ALARMS, pdf.alarms
    assert sum(pdf.missed.values()) <= MAX_PDF_MISSED_CODES, pdf.missed
