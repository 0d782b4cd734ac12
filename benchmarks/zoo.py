"""The test zoo: real filings printed the ways real PDFs arrive, read back, measured.

    python benchmarks/zoo.py [--out DIR] [--sample N] [--jobs J] [--layouts A,B] [--extractors X,Y]
                             [--held-out] [--build-only] [--force] [--fields] [--alarms]

Builds the zoo (or reuses what DIR already holds): N filings chosen by a stable rule from both
folders of the shared corpus (default 180, plus a few amended), each printed as the SEC's HTML
rendition by Chromium with and without the browser's header and footer, and in ``--others`` more
layouts taking turns (our reportlab form in four styles, a firm's template in four styles, the
official Form 3 filled in), and each PDF's text taken by every extractor. Then lints every PDF and text alone and prints recall per layout and per extractor (the
printed values read back equal to the XML's), and the false alarms by code (codes at warning or
error the file gives that its XML does not, E001 apart). ``--held-out`` measures only the quarter
of filings set aside for measuring. ``--fields`` adds the fields most often missed, ``--alarms``
every file with a false alarm, a missed code, or whose ``extract`` JSON checks differently from it.
Each file is also extracted to canonical JSON and that JSON checked: its findings must equal the
file's (``--no-roundtrip`` skips this, halving the time).

Needs ../shared (the corpus), Chromium and poppler-utils (Debian packages chromium, poppler-utils)
and the test extra (pip install '.[test]').
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from zoo import corpus  # noqa: E402
from zoo.build import build  # noqa: E402
from zoo.scoring import alarm_report, report, score_zoo, worst_fields  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".zoo", help="the zoo's folder (default: .zoo)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=180, help="how many corpus filings (default 180)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--others", type=int, default=1,
                        help="layouts besides the two SEC prints given to each filing, taking turns "
                             "(default 1; -1: every layout for every filing)")
    parser.add_argument("--slow-extractors", choices=("all", "held-out"), default="held-out",
                        help="run pdfplumber, pdfminer and the tabbed style on every PDF, or only on the "
                             "held-out filings' (default; the quick extractors run on every PDF)")
    parser.add_argument("--layouts", help="comma-separated layout names (default: all)")
    parser.add_argument("--extractors", help="comma-separated extractor names (default: all)")
    parser.add_argument("--held-out", action="store_true", help="measure only the held-out filings")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--measure-only", action="store_true", help="measure what DIR holds, build nothing")
    parser.add_argument("--force", action="store_true", help="render and extract again what exists")
    parser.add_argument("--fields", action="store_true", help="also print the fields most often missed")
    parser.add_argument("--alarms", action="store_true",
                        help="also print every file with a false alarm or a missed code, and extract-then-check differences")
    parser.add_argument("--no-roundtrip", action="store_true", help="do not check the extracted JSON of each file")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="also print the N files with the lowest recall, with what they missed and alarmed")
    args = parser.parse_args(argv)
    layouts = args.layouts.split(",") if args.layouts else None
    extractors = args.extractors.split(",") if args.extractors else None
    if not args.measure_only:
        if not args.corpus.is_dir():
            print(f"{args.corpus} is absent: the zoo is built from the shared corpus", file=sys.stderr)
            return 2
        start = time.perf_counter()
        filings = corpus.select(args.corpus, args.sample)
        manifest = build(args.out, filings, layouts, extractors, jobs=args.jobs, force=args.force,
                         others_per_filing=None if args.others < 0 else args.others,
                         slow_extractors=args.slow_extractors)
        print(f"zoo in {args.out}: {len(filings)} filings ({sum(f.held_out for f in filings)} held out), "
              f"layouts {', '.join(manifest['layouts'])}; extractors {', '.join(manifest['extractors'])} "
              f"({time.perf_counter() - start:.0f} s)")
        for problem in manifest["problems"]:
            print("  could not make:", problem)
        if args.build_only:
            return 0
    start = time.perf_counter()
    scores = score_zoo(args.out, layouts=layouts, sources=None if extractors is None else ["pdf", *extractors],
                       held_out_only=args.held_out, jobs=args.jobs, roundtrip=not args.no_roundtrip)
    print(report(scores, title="held-out part of the zoo" if args.held_out else "zoo"))
    print(f"(measured in {time.perf_counter() - start:.0f} s)")
    if args.fields:
        print("\nfields most often missed:")
        for key, count in worst_fields(scores, 25):
            print(f"  {count:>6}  {key}")
    if args.misses:
        print(f"\nthe {args.misses} files with the lowest recall:")
        for s in sorted(scores, key=lambda s: s.matched / s.total if s.total else 1)[:args.misses]:
            print(f"  {s.matched}/{s.total} {s.where}\n    missed: {', '.join(s.wrong[:12])}"
                  f"{' ...' if len(s.wrong) > 12 else ''}\n    false alarms: {', '.join(s.false_alarms) or '-'}")
    if args.alarms:
        print("\nfiles with a false alarm, a missed code, or an extract-then-check difference:")
        print(alarm_report(scores) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
