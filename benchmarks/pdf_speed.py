"""How long linting a PDF takes per page, beside pdfplumber's own open + extract_words.

    python benchmarks/pdf_speed.py [N] [--zoo DIR [--per-layout K]] [--cpu]

Renders N filings (our test filings and, when the shared corpus sits beside the project, corpus
filings) in every style of the test renderer, then for each PDF times

* pdfplumber alone: open the PDF and run ``extract_words`` on every page;
* form16lint: the whole lint of that file (read with the PDF reader, every rule, findings).

(``--zoo``: K PDFs of each layout of a built zoo instead, the layouts users bring; ``--cpu``:
CPU time of this process instead of wall time, steadier on a machine shared with other work)
and prints the time per page of each and their ratio (target: at most 1.2x). The two are run in
turns, three times each, and each figure is the best of its three, so that disk and allocator
warm-up do not count and a busy machine slows both alike; the overall ratio is given with the
median of the files' ratios.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from filings import nd_tx, ownership_xml  # noqa: E402
from render_pdf import STYLES, render_pdf  # noqa: E402

from form16lint.engine import lint  # noqa: E402
from form16lint.plugins import load_plugins  # noqa: E402
from form16lint.readers.edgar_xml import read_ownership_xml  # noqa: E402
from form16lint.rule import RunOptions  # noqa: E402
from form16lint.settings import Settings  # noqa: E402


def sources(count: int) -> list[bytes]:
    corpus = ROOT.parent / "shared" / "corpus" / "edgar-xml"
    found = [p.read_bytes() for p in sorted(corpus.glob("*.xml"))[:: 30]][:count] if corpus.exists() else []
    found.append(ownership_xml(nd_transactions=[nd_tx(shares=str(100 + i)) for i in range(30)]).encode())
    return found


def rendered(folder: str, count: int):
    """PDFs of ``count`` filings in every style of the test renderer, written to ``folder``."""
    for index, data in enumerate(sources(count)):
        filing = read_ownership_xml("x.xml", data).filing
        for style in STYLES:
            path = Path(folder) / f"{index}-{style}.pdf"
            path.write_bytes(render_pdf(filing, style))
            yield path


def from_zoo(zoo: Path, per_layout: int):
    """``per_layout`` PDFs of each layout of a built zoo (benchmarks/zoo.py --build-only)."""
    for layout in sorted(p for p in zoo.iterdir() if p.is_dir() and p.name != "xml"):
        yield from sorted(layout.glob("*.pdf"))[:per_layout]


def main(argv=None) -> None:
    import argparse
    import time

    import pdfplumber

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=6)
    parser.add_argument("--zoo", type=Path, help="time PDFs of this built zoo instead of rendering")
    parser.add_argument("--per-layout", type=int, default=2)
    parser.add_argument("--cpu", action="store_true", help="CPU time of this process, not wall time")
    args = parser.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter

    def timed(work) -> float:
        start = clock()
        work()
        return clock() - start

    plugins = load_plugins(autoload=False)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        paths = from_zoo(args.zoo, args.per_layout) if args.zoo else rendered(folder, args.count)
        for path in paths:
            def plumber():
                with pdfplumber.open(path) as pdf:
                    for page in pdf.pages:
                        page.extract_words()

            def ours():
                lint([str(path)], plugins, Settings(), RunOptions())

            with pdfplumber.open(path) as pdf:
                pages = len(pdf.pages)
            plumber_times, our_times = [], []
            for _ in range(3):  # in turns: load on the machine falls on both
                plumber_times.append(timed(plumber))
                our_times.append(timed(ours))
            rows.append((path.name, pages, min(plumber_times), min(our_times)))
    pages = sum(r[1] for r in rows)
    plumber_total = sum(r[2] for r in rows)
    ours_total = sum(r[3] for r in rows)
    print(f"{'file':40} {'pages':>5} {'pdfplumber ms/page':>19} {'form16lint ms/page':>19} {'ratio':>6}")
    for name, n, a, b in rows:
        print(f"{name:40} {n:5} {1000 * a / n:19.1f} {1000 * b / n:19.1f} {b / a:6.2f}")
    ratios = sorted(r[3] / r[2] for r in rows)
    print(f"{'all':40} {pages:5} {1000 * plumber_total / pages:19.1f} {1000 * ours_total / pages:19.1f} "
          f"{ours_total / plumber_total:6.2f}  (target <= 1.20; median of the files' ratios "
          f"{ratios[len(ratios) // 2]:.2f})")


if __name__ == "__main__":
    main()
