"""form16lint benchmark: prints its figures; it is not a test.

    python benchmarks/bench.py [CORPUS_FOLDER]

1. Lints every filing of the folder in one process (read + all rules) and prints filings per
   second, beside the time lxml alone takes to parse the same bytes (target: within 5x), and
   how much of the lint is reading the files into the model. Each lint is timed in a fresh
   process, as a real run is: best of five.
2. Runs `form16lint check FILE` as a whole process several times and prints the median wall
   time (target: under 0.3 s).
3. Peak memory (max RSS) of the lint run.
The corpus defaults to ../shared/corpus/edgar-xml beside the project.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def one_cold_run(what: str, folder: str) -> None:
    """In a fresh process: time one lint (or one reading) of the folder and print
    "seconds peak-MB". The rules keep what they read of each footnote text for the run, so a
    second lint in the same process would find them all read already: a real run is the
    first. Imports (and the lazy ones of the rules) are done first on an example outside it."""
    from form16lint.engine import collector_paused, lint, read_document
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    paths = sorted(str(p) for p in Path(folder).glob("*.xml"))
    plugins = load_plugins(autoload=False)
    lint([str(ROOT / "examples" / "clean-form4.xml")], plugins, Settings(), RunOptions())
    start = time.perf_counter()
    if what == "lint":
        lint(paths, plugins, Settings(), RunOptions())
    else:
        with collector_paused():  # as lint() reads
            [read_document(plugins, path) for path in paths]
    seconds = time.perf_counter() - start
    print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def cold(what: str, folder: Path, runs: int = 5) -> tuple[float, float]:
    """(best seconds, peak MB) over several fresh processes."""
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--one-cold-run", what, str(folder)],
                             capture_output=True, text=True, check=True).stdout.split()
        results.append((float(out[0]), float(out[1])))
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> int:
    if sys.argv[1:2] == ["--one-cold-run"]:
        one_cold_run(sys.argv[2], sys.argv[3])
        return 0
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "edgar-xml"
    paths = sorted(str(p) for p in folder.glob("*.xml"))
    if not paths:
        print(f"no .xml filings in {folder}")
        return 2
    blobs = [Path(p).read_bytes() for p in paths]

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def parse_all():
        for blob in blobs:
            try:
                etree.fromstring(blob, parser)
            except etree.XMLSyntaxError:
                pass

    parse_all()
    parse = best_of(5, parse_all)
    read, _ = cold("read", folder)
    full, peak_mb = cold("lint", folder)
    size_mb = sum(map(len, blobs)) / 1e6
    print(f"corpus: {len(paths)} filings, {size_mb:.1f} MB")
    print(f"bare lxml parse:      {parse * 1000:8.1f} ms  ({len(paths) / parse:8.0f} filings/s)")
    print(f"form16lint lint:      {full * 1000:8.1f} ms  ({len(paths) / full:8.0f} filings/s)")
    print(f"  of which reading:   {read * 1000:8.1f} ms  (files to model; the rest is rules and report)")
    print(f"ratio lint / parse:   {full / parse:8.1f}x  (target <= 5x)")
    print(f"peak memory (RSS):    {peak_mb:8.1f} MB  (the lint process)")

    one = str(ROOT / "examples" / "clean-form4.xml")
    command = [sys.executable, "-m", "form16lint", "check", one, "--format", "concise"]
    subprocess.run(command, capture_output=True)  # warm the file cache
    walls = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True)
        walls.append(time.perf_counter() - start)
    print(f"one-file check, whole process: median {statistics.median(walls) * 1000:.0f} ms "
          f"(min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}; target < 300 ms)")
    if _editable_install():
        print("  (an editable install: its import hook makes every start slower than an installed "
              "copy's; `pip install .` in a fresh virtualenv measures what users get)")
    return 0


def _editable_install() -> bool:
    """True when form16lint is imported from this checkout rather than from site-packages."""
    import form16lint

    return ROOT in Path(form16lint.__file__).resolve().parents


if __name__ == "__main__":
    raise SystemExit(main())
