"""The test zoo: real filings printed the ways real PDFs and texts arrive, with the truth beside them.

* :mod:`zoo.sec_rendition` — a replica of EDGAR's HTML rendition, printed by :mod:`zoo.chromium`;
* :mod:`zoo.layouts` — every layout: the rendition with and without the browser's header and
  footer, our reportlab renderer's styles, the official Form 3 filled in;
* :mod:`zoo.extractors` — the text extractors people use on those PDFs;
* :mod:`zoo.corpus` — which corpus filings go in, by a stable rule, and the held-out part;
* :mod:`zoo.truth` — what the printed form carries, from the filing's XML;
* :mod:`zoo.build` and :mod:`zoo.scoring` — write the zoo, read it back, and measure.

Import it with the tests folder on ``sys.path`` (pytest does that; ``benchmarks/zoo.py`` too).
"""
