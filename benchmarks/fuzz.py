"""form16lint fuzzing at length: prints its figures; it is not a test.

    python benchmarks/fuzz.py [--inputs 100000] [--seed 1] [--pdf-share 0.02] [--time-limit 10]

Mutates real filings (the shared corpus beside the project when it is there, else examples/) and
fixtures in each input format (EDGAR XML, submission text, canonical JSON, extracted text, PDF)
with the mutations of tests/fuzzing.py, one to four at a time, and checks each mutant as a run
does (reading and the per-filing rules, within the limits). It prints how many inputs of each
format ran, every distinct failure (an exception escaping, an F001, a file over the time
limit) with one input that shows it, saved under --save, and the time per input.
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import kind, mutate, run_one, seeds  # noqa: E402

# How often each input format is fuzzed: PDFs cost a hundred times more per input.
SHARES = {"xml": 0.3, "submission": 0.2, "json": 0.2, "text": 0.28, "pdf": 0.02}


def signature(text: str) -> str:
    """A failure without its particulars: the rule, the exception and where it was raised."""
    text = re.sub(r"\b\d+(\.\d+)?\b", "N", text)
    return text[:160]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per file (the run's limit)")
    parser.add_argument("--save", default=None, help="folder to save one input of each failure in")
    parser.add_argument("--progress", type=int, default=5000, help="print a line every N inputs")
    args = parser.parse_args()

    from form16lint.engine import split_rules
    from form16lint.limits import ReadLimits
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    plugins = load_plugins(autoload=False)
    rules = split_rules(plugins.all_rules(), Settings())[0]
    options = RunOptions(limits=ReadLimits(time_limit=args.time_limit))
    pool = seeds(corpus_sample=200)
    by_kind: dict[str, list] = {}
    for seed in pool:
        by_kind.setdefault(kind(seed), []).append(seed)
    kinds = [name for name in SHARES if name in by_kind]
    weights = [SHARES[name] for name in kinds]
    others = [seed for seed in pool if kind(seed) != "pdf"]
    rng = random.Random(args.seed)
    save = Path(args.save) if args.save else None
    if save:
        save.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="form16lint-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))

    formats: Counter = Counter()
    codes: Counter = Counter()
    failures: dict[str, tuple[int, str]] = {}  # signature -> (count, seed name)
    times: list[float] = []
    started = time.perf_counter()
    print("form16lint fuzz: seeds " + ", ".join(f"{name} {len(by_kind[name])}" for name in kinds) + " "
          f"({'shared corpus' if any('__' in s.name for s in pool) else 'examples'}), {args.inputs:,} inputs, "
          f"seed {args.seed}, time limit {args.time_limit:g} s", flush=True)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        done = _fuzz(args, rng, kinds, weights, by_kind, others, work, options, plugins, rules, save,
                     formats, codes, failures, times, started)
    except KeyboardInterrupt:  # Ctrl-C, SIGINT or SIGTERM: the figures of the inputs done so far
        done = len(times)
        print(f"interrupted after {done:,} inputs")
    slow, escaped, f001 = _TALLY["slow"], _TALLY["escaped"], _TALLY["f001"]
    args.inputs = done
    elapsed = time.perf_counter() - started

    print()
    print(f"inputs: {args.inputs:,} in {elapsed:,.0f} s ({args.inputs / elapsed:,.0f} a second)")
    print("by seed format: " + ", ".join(f"{name} {count:,}" for name, count in sorted(formats.items())))
    ordered = sorted(times)
    print(f"time per input: median {statistics.median(times) * 1000:.1f} ms, 99th percentile "
          f"{ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000:.1f} ms, max {ordered[-1]:.2f} s; over the limit: {slow}")
    print("inputs with each code (top 12): " + ", ".join(f"{code} {count:,}" for code, count in codes.most_common(12)))
    print(f"exceptions escaping: {escaped}; F001 findings: {f001}; distinct failures: {len(failures)}")
    for key, (count, example) in sorted(failures.items(), key=lambda item: -item[1][0]):
        print(f"  {count:6,} x {key}  (e.g. from {example})")
    return 0


_TALLY = {"slow": 0, "escaped": 0, "f001": 0}


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _fuzz(args, rng, kinds, weights, by_kind, others, work, options, plugins, rules, save,
          formats, codes, failures, times, started) -> int:
    for number in range(1, args.inputs + 1):
        chosen = rng.choices(kinds, weights)[0]
        seed = rng.choice(by_kind[chosen])
        data = seed.data
        for _ in range(rng.randint(1, 4)):
            data = mutate(data, rng, others)
        suffix = seed.name.rsplit(".", 1)[-1]
        formats[chosen] += 1
        outcome = run_one(plugins, rules, work / f"input.{suffix}", data, options)
        times.append(outcome.seconds)
        codes.update(set(outcome.codes))
        problems = []
        if outcome.escaped:
            problems.append("escaped: " + outcome.escaped)
            _TALLY["escaped"] += 1
        problems += ["F001: " + message for message in outcome.f001]
        _TALLY["f001"] += len(outcome.f001)
        if outcome.seconds > args.time_limit or any(code == "E002" for code in outcome.codes) and outcome.seconds >= args.time_limit * 0.95:
            _TALLY["slow"] += 1
            problems.append(f"over the time limit: a {chosen} input")
        for problem in problems:
            key = signature(problem)
            count, example = failures.get(key, (0, seed.name))
            failures[key] = (count + 1, example)
            if count == 0:
                print(f"  new failure after {number:,} inputs: {problem[:300]}  (from {seed.name})", flush=True)
                if save:
                    (save / f"failure-{len(failures):03d}.{suffix}").write_bytes(data)
        if args.progress and number % args.progress == 0:
            elapsed = time.perf_counter() - started
            print(f"  {number:,} inputs in {elapsed:,.0f} s; {sum(c for c, _ in failures.values())} failures "
                  f"({len(failures)} distinct)", flush=True)
    return args.inputs


if __name__ == "__main__":
    sys.exit(main())
