"""form16lint at scale: prints its figures; it is not a test.

    python benchmarks/scale.py [startup|throughput|cpu|jobs|memory|all] [--sizes 1000,10000,100000] [--rounds 5]

startup     ``form16lint check ONE.xml``, whole process: median and min of 21 runs (target 0.15 s).
throughput  the 650 real filings of ../shared/corpus (edgar-xml and edgar-more): filings per second
            for one process, --jobs 2 and --dask local:2 (whole commands; Dask also without its
            cluster's start-up), beside bare lxml parsing of the same bytes (the XML block of an
            EDGAR submission, as the reader parses it) in one process.
cpu         CPU time of bare lxml parsing and of the whole lint of the 650 filings, in one
            process: their ratio is what the load of a shared machine disturbs least.
jobs        2,000 filings (copies of the corpus in a temporary folder): --jobs 2 over one process,
            five rounds alternated, wall and CPU time (workers included), the median ratio, and
            whether the two outputs are byte-identical (target <= 0.6x).
memory      peak RSS of a lint of N copies of the corpus filings streamed from memory (inputs as
            an archive's members are: path and bytes, nothing on disk), with all rules and with the
            collection rules (T004, X001, X002) off, for each N.

The machine is shared: run it at a quiet moment, and repeat; every figure is printed with what
was measured.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("edgar-xml", "edgar-more")
EXE = [sys.executable, "-m", "form16lint"]
ENV = {**os.environ, "FORM16LINT_DISABLE_PLUGIN_AUTOLOAD": "1", "FORM16LINT_NO_PROGRESS": "1"}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
_XML_BLOCK = re.compile(rb"<XML>\s*?\n?(.*?)</XML>", re.DOTALL | re.IGNORECASE)


def corpus_files() -> list[Path]:
    files = []
    for folder in FOLDERS:
        files += sorted(p for p in (CORPUS / folder).iterdir() if p.suffix in (".xml", ".txt"))
    return files


def wall(command: list[str], runs: int = 1, cwd=None) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=cwd)
        times.append(time.perf_counter() - start)
    return times


def startup() -> None:
    one = str(ROOT / "examples" / "seed-form4-sonus-notini.xml")
    wall(EXE + ["check", one])  # compile bytecode, warm the file cache
    python = wall([sys.executable, "-c", "pass"], runs=21)
    check = wall(EXE + ["check", one], runs=21)
    concise = wall(EXE + ["check", "--format", "concise", one], runs=21)
    print(f"python -c pass:                    median {statistics.median(python) * 1000:5.0f} ms  "
          f"min {min(python) * 1000:4.0f} ms")
    print(f"form16lint check ONE.xml:          median {statistics.median(check) * 1000:5.0f} ms  "
          f"min {min(check) * 1000:4.0f} ms  (target <= 150 ms median)")
    print(f"form16lint check --format concise: median {statistics.median(concise) * 1000:5.0f} ms  "
          f"min {min(concise) * 1000:4.0f} ms")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def bare_parse_seconds(files: list[Path], clock=time.perf_counter) -> float:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    blobs = []
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".txt":
            blocks = [m.group(1) for m in _XML_BLOCK.finditer(data) if b"<ownershipDocument" in m.group(1)]
            data = blocks[0] if blocks else data
        blobs.append(data)
    best = float("inf")
    for _ in range(5):
        start = clock()
        for blob in blobs:
            try:
                etree.fromstring(blob, parser)
            except etree.XMLSyntaxError:
                pass
        best = min(best, clock() - start)
    return best


def cpu() -> None:
    """CPU time (this process's, so less at the mercy of the machine's load than wall time) of
    bare lxml parsing and of the whole lint of the corpus, each in a fresh process, alternated."""
    folders = [str(CORPUS / folder) for folder in FOLDERS]
    ratios = []
    for _ in range(3):
        out = subprocess.run([sys.executable, __file__, "--cpu-in-process", *folders], capture_output=True,
                             text=True, env=ENV).stdout.split()
        parse, lint_seconds, count = float(out[0]), float(out[1]), int(out[2])
        ratios.append(lint_seconds / parse)
        print(f"CPU time, {count} filings: bare lxml parse {parse:5.2f} s, whole lint in one process "
              f"{lint_seconds:5.2f} s ({count / lint_seconds:4.0f} filings/s): {lint_seconds / parse:4.1f}x; "
              f"load average {os.getloadavg()[0]:.1f}")
    print(f"  median lint / bare parse, CPU time: {statistics.median(ratios):.1f}x (aim 5x)")


def cpu_in_process(folders: list[str]) -> None:
    from form16lint.discovery import discover
    from form16lint.engine import lint
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    files, _ = discover(folders)
    plugins = load_plugins(autoload=False)
    lint([str(ROOT / "examples" / "clean-form4.xml")], plugins, Settings(), RunOptions())  # imports
    parse = bare_parse_seconds([Path(f) for f in files], clock=time.process_time)
    start = time.process_time()
    lint(files, plugins, Settings(), RunOptions())  # once, as a run does: no cache warmed by an earlier one
    print(parse, time.process_time() - start, len(files))


def throughput() -> None:
    files = corpus_files()
    folders = [str(CORPUS / folder) for folder in FOLDERS]
    parse = bare_parse_seconds(files)
    print(f"corpus: {len(files)} filings")
    print(f"bare lxml parse (one process):  {parse:6.2f} s  {len(files) / parse:7.0f} filings/s")
    runs = {"one process": [], "--jobs 2": [], "--dask local:2": []}
    for _ in range(3):
        runs["one process"] += wall(EXE + ["check", "--format", "json", *folders])
        runs["--jobs 2"] += wall(EXE + ["check", "--format", "json", "--jobs", "2", *folders])
        runs["--dask local:2"] += wall(EXE + ["check", "--format", "json", "--dask", "local:2", *folders])
    for label, times in runs.items():
        best = min(times)
        print(f"{label + ':':31} {best:6.2f} s  {len(files) / best:7.0f} filings/s  "
              f"({best / parse:4.1f}x bare parse; runs {', '.join(f'{t:.2f}' for t in times)})")
    inner = subprocess.run([sys.executable, __file__, "--lint-in-process", *folders], capture_output=True,
                           text=True, env=ENV).stdout.split()
    if inner:
        lint_seconds, dask_seconds = float(inner[0]), float(inner[1])
        print(f"lint alone, in process:          {lint_seconds:6.2f} s  ({lint_seconds / parse:4.1f}x bare parse: "
              "the whole lint without interpreter start-up and report)")
        print(f"dask local:2, cluster started:   {dask_seconds:6.2f} s  (without the cluster's start-up)")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def lint_in_process(folders: list[str]) -> None:
    from form16lint.cluster import connect, lint_on_cluster
    from form16lint.discovery import discover
    from form16lint.engine import lint
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    files, _ = discover(folders)
    plugins = load_plugins(autoload=False)
    lint([str(ROOT / "examples" / "clean-form4.xml")], plugins, Settings(), RunOptions())  # imports
    start = time.perf_counter()
    lint(files, plugins, Settings(), RunOptions())
    alone = time.perf_counter() - start
    client = connect("local:2")
    try:
        lint_on_cluster(client, files[:20], plugins, Settings(), RunOptions())  # workers load the rules
        start = time.perf_counter()
        lint_on_cluster(client, files, plugins, Settings(), RunOptions())
        on_dask = time.perf_counter() - start
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    print(alone, on_dask)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the command's worker processes included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def jobs(rounds: int = 5) -> None:
    files = corpus_files()
    with tempfile.TemporaryDirectory() as folder:
        for index in range(2000):
            source = files[index % len(files)]
            target = Path(folder) / f"copy{index // len(files)}" / source.name
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(source, target)
        outputs = {}
        for jobs_count in ("1", "2"):
            done = subprocess.run(EXE + ["check", "--format", "json", "--jobs", jobs_count, folder],
                                  capture_output=True, env=ENV)
            outputs[jobs_count] = done.stdout
        print(f"2,000 filings: --jobs 2 output byte-identical to one process: {outputs['1'] == outputs['2']}")
        ratios, cpu = [], {"1": [], "2": []}
        for round_number in range(rounds):  # alternated, so both see the same load
            one, one_cpu = timed(EXE + ["check", "--format", "json", "--jobs", "1", folder])
            two, two_cpu = timed(EXE + ["check", "--format", "json", "--jobs", "2", folder])
            ratios.append(two / one)
            cpu["1"].append(one_cpu)
            cpu["2"].append(two_cpu)
            print(f"  round {round_number + 1}: one process {one:6.2f} s (CPU {one_cpu:5.2f} s), --jobs 2 {two:6.2f} s "
                  f"(CPU {two_cpu:5.2f} s): {two / one:.2f}x; load average {os.getloadavg()[0]:.1f}")
        print(f"  median --jobs 2 / one process: {statistics.median(ratios):.2f}x (target <= 0.6x); median CPU "
              f"{statistics.median(cpu['1']):.2f} s / {statistics.median(cpu['2']):.2f} s")


def memory(sizes: list[int]) -> None:
    for size in sizes:
        for rules in ("all", "filing"):
            out = subprocess.run([sys.executable, __file__, "--memory-run", str(size), rules],
                                 capture_output=True, text=True, env=ENV).stdout.split()
            if len(out) != 6:
                print(f"{size:>7} filings, {rules} rules: failed")
                continue
            seconds, peak, findings, headers_kb, summaries_kb, baseline = out
            print(f"{size:>7} filings, {'all rules' if rules == 'all' else 'collection rules off'}: "
                  f"peak RSS {float(peak):7.1f} MB (after imports {float(baseline):5.1f} MB), {int(findings):>7} findings, "
                  f"held per filing: header {float(headers_kb):.2f} KB, summaries {float(summaries_kb):.2f} KB; "
                  f"{float(seconds):6.1f} s")


def memory_run(size: int, rules: str) -> None:
    import pickle

    from form16lint.checking import Input
    from form16lint.engine import lint
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    blobs = [(path.name, path.read_bytes()) for path in corpus_files()]
    plugins = load_plugins(autoload=False)
    settings = Settings()
    if rules == "filing":
        settings.ignore = ["T004", "X001", "X002"]
    lint([str(ROOT / "examples" / "clean-form4.xml")], plugins, Settings(), RunOptions())  # imports
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def inputs():
        for index in range(size):
            name, data = blobs[index % len(blobs)]
            yield Input(f"feed.tar!copy{index // len(blobs):04d}/{name}", data)

    from form16lint import engine

    kept = {}
    original = engine.summary_findings

    def measured(collected, summarisers, options):
        sample = list(islice(collected.headers, 1000))  # not all: they may wait in a file
        kept["headers"] = len(pickle.dumps(sample)) / max(1, len(sample)) / 1024
        groups = [group[:1000] for group in collected.summaries]
        kept["summaries"] = sum(len(pickle.dumps(group)) / max(1, len(group)) for group in groups) / 1024
        return original(collected, summarisers, options)

    engine.summary_findings = measured
    start = time.perf_counter()
    result = lint(inputs(), plugins, settings, RunOptions())
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(seconds, peak, len(result.findings), kept.get("headers", 0), kept.get("summaries", 0), baseline)


def main(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if argv[:1] == ["--lint-in-process"]:
        lint_in_process(argv[1:])
        return 0
    if argv[:1] == ["--cpu-in-process"]:
        cpu_in_process(argv[1:])
        return 0
    if argv[:1] == ["--memory-run"]:
        memory_run(int(argv[1]), argv[2])
        return 0
    if not (CORPUS / "edgar-xml").exists():
        print(f"the corpus is not at {CORPUS}")
        return 2
    what = argv[0] if argv and not argv[0].startswith("--") else "all"
    sizes = [1000, 10000, 100000]
    if "--sizes" in argv:
        sizes = [int(size) for size in argv[argv.index("--sizes") + 1].split(",")]
    if what in ("startup", "all"):
        startup()
    if what in ("throughput", "all"):
        throughput()
    if what in ("cpu", "throughput", "all"):
        cpu()
    if what in ("jobs", "all"):
        jobs(int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 5)
    if what in ("memory", "all"):
        memory(sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
