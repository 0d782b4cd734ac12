"""Start-up of a one-file check, as a hook runs it: prints its figures; it is not a test.

    python benchmarks/startup.py [--runs N] [--top K] [--against OTHER_PYTHON] [FILE]

1. Runs, alternated round-robin so that a loaded machine slows each alike, ``python -c pass``,
   the console script ``form16lint check FILE`` and ``python -m form16lint check FILE``, each as a
   whole process, and prints the median wall time and CPU time of each, and how much a check
   adds to the bare interpreter (target: a check at most 0.15 s). With ``--against``, the console
   script of another environment (say, one with the previous release installed) is run in the
   same rotation, so that the two are compared under the same load.
2. Runs the check under ``python -X importtime`` a few times and prints the modules whose own
   import time (median) is largest, and the total by top-level package.

Run it with the Python of the environment form16lint is installed in (the console script is
looked for beside it). Measure a regular install: an editable one under
``PYTHONDONTWRITEBYTECODE=1`` never caches bytecode, and compiles every module on each run; the
script says when form16lint's modules have no cached bytecode. FILE defaults to
examples/seed-form4-sonus-notini.xml.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.15


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    cpu = _child_cpu()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, _child_cpu() - cpu


def bytecode_note() -> str:
    """Whether form16lint's own modules would be loaded from cached bytecode."""
    spec = importlib.util.find_spec("form16lint.model")
    if spec is None or spec.origin is None:
        return "form16lint is not installed in this environment"
    cached = importlib.util.cache_from_source(spec.origin)
    where = "regular install" if "site-packages" in spec.origin else "source tree (editable install)"
    if os.path.exists(cached):
        return f"{where}, bytecode cached"
    return (f"{where}, NO cached bytecode (each run compiles every module; "
            "unset PYTHONDONTWRITEBYTECODE and run python -m compileall, or install regularly)")


def whole_process(path: str, runs: int, against: str | None = None) -> None:
    script = Path(sys.executable).with_name("form16lint")
    commands = {"python -c pass": [sys.executable, "-c", "pass"]}
    if against:
        other = Path(against).with_name("form16lint")
        if not other.exists():
            raise SystemExit(f"startup.py: no form16lint console script beside {against}")
        commands["other env: form16lint check FILE"] = [str(other), "check", path]
    if script.exists():
        commands["form16lint check FILE"] = [str(script), "check", path]
    else:
        print(f"(no console script at {script}: only python -m is measured)")
    commands["python -m form16lint check FILE"] = [sys.executable, "-m", "form16lint", "check", path]
    for command in commands.values():  # warm the file-system cache
        timed(command)
    walls: dict[str, list[float]] = defaultdict(list)
    cpus: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu = timed(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    bare = statistics.median(walls["python -c pass"])
    print(f"whole process, median of {runs} runs alternated ({bytecode_note()}; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}):")
    print(f"  {'command':34} {'wall s':>7} {'CPU s':>7} {'wall - bare':>12} {'min wall':>9}")
    for name in commands:
        wall = statistics.median(walls[name])
        print(f"  {name:34} {wall:7.3f} {statistics.median(cpus[name]):7.3f} {wall - bare:12.3f} "
              f"{min(walls[name]):9.3f}")
    check = statistics.median(walls.get("form16lint check FILE") or walls["python -m form16lint check FILE"])
    print(f"  target: a one-file check at most {TARGET:.2f} s wall: {'met' if check <= TARGET else 'NOT met'}")


def import_times(path: str, runs: int, top: int) -> None:
    """Median self time of each module's import over several runs under -X importtime."""
    # as the console script starts the command (form16lint.startup pauses the cycle collector)
    script = "import sys; from form16lint.startup import main; sys.argv[1:] = ['check', sys.argv[1]]; main()"
    selves: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", script, path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, _, name = line[len("import time:"):].split("|")
            selves[name.strip()].append(int(own))
    medians = {name: statistics.median(times) for name, times in selves.items()}
    packages: dict[str, float] = defaultdict(float)
    for name, own in medians.items():
        packages[name.split(".")[0]] += own
    print(f"\nimports of a one-file check, median self time over {runs} runs under -X importtime "
          f"({len(medians)} modules, {sum(medians.values()) / 1000:.1f} ms in all):")
    for name, own in sorted(medians.items(), key=lambda item: -item[1])[:top]:
        print(f"  {own / 1000:7.2f} ms  {name}")
    print("by top-level package:")
    for name, own in sorted(packages.items(), key=lambda item: -item[1])[:top]:
        print(f"  {own / 1000:7.2f} ms  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "examples" / "seed-form4-sonus-notini.xml"))
    parser.add_argument("--runs", type=int, default=21, help="whole-process runs of each command")
    parser.add_argument("--import-runs", type=int, default=5, help="runs under -X importtime (0: none)")
    parser.add_argument("--top", type=int, default=20, help="modules and packages listed")
    parser.add_argument("--against", metavar="OTHER_PYTHON",
                        help="the python of another environment whose form16lint is run in the same rotation")
    args = parser.parse_args()
    whole_process(args.file, args.runs, args.against)
    if args.import_runs:
        import_times(args.file, args.import_runs, args.top)


if __name__ == "__main__":
    main()
