"""form16lint on a SLURM cluster through dask-jobqueue: prints its figures; it is not a test.

    python benchmarks/slurm.py [--jobs 2] [--memory 3GB] [--queue batch] [--rounds 3] [PATH...]

Starts a ``dask_jobqueue.SLURMCluster`` whose workers are SLURM jobs (one worker of one core a
job), waits for them, then times the whole command ``form16lint check --dask ADDRESS --format
json PATH...`` against its scheduler, alternated with the same command in one process, and says
whether the two reports are byte-identical. The default paths are the 650 real filings of
../shared/corpus (edgar-xml and edgar-more). Needs ``pip install 'form16lint[dask]' dask-jobqueue``
and a SLURM controller whose nodes see this Python environment and the paths (README: "A run on
a SLURM cluster").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXE = [sys.executable, "-m", "form16lint", "check", "--format", "json"]
ENV = {**os.environ, "FORM16LINT_NO_PROGRESS": "1"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--jobs", type=int, default=2, help="SLURM jobs, one dask worker each")
    parser.add_argument("--cores", type=int, default=1, help="cores a job")
    parser.add_argument("--memory", default="3GB", help="memory a job")
    parser.add_argument("--queue", default=None, help="SLURM partition (default: the cluster's default)")
    parser.add_argument("--walltime", default="00:30:00")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = args.paths or [str(CORPUS / "edgar-xml"), str(CORPUS / "edgar-more")]
    for path in paths:
        if not Path(path).exists():
            print(f"slurm.py: {path} does not exist", file=sys.stderr)
            return 2
    try:
        from dask.distributed import Client
        from dask_jobqueue import SLURMCluster
    except ImportError as error:
        print(f"slurm.py: needs dask.distributed and dask-jobqueue ({error})", file=sys.stderr)
        return 2

    started = time.perf_counter()
    cluster = SLURMCluster(cores=args.cores, processes=1, memory=args.memory, queue=args.queue,
                           walltime=args.walltime, job_name="form16lint")
    cluster.scale(jobs=args.jobs)
    client = Client(cluster)
    client.wait_for_workers(args.jobs, timeout=300)
    ready = time.perf_counter() - started
    workers = client.scheduler_info()["workers"]
    print("job script dask-jobqueue submits (sbatch):")
    print("    " + cluster.job_script().replace("\n", "\n    ").rstrip())
    print(f"scheduler: {cluster.scheduler_address}")
    jobs = ", ".join(sorted(str(job.job_id) for job in cluster.workers.values()))
    hosts = ", ".join(sorted({worker["host"] for worker in workers.values()}))
    print(f"workers:   {len(workers)} (SLURM jobs {jobs}), on {hosts}; ready after {ready:.1f} s")
    print(subprocess.run(["squeue", "--name", "form16lint", "--format", "%.8i %.10P %.12j %.3t %.6C %.8m %R"],
                         capture_output=True, text=True).stdout.rstrip())

    timings: dict[str, list[float]] = {"one process": [], f"--dask (SLURM, {args.jobs} workers)": []}
    outputs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.rounds):
            for label, extra in (("one process", []),
                                 (f"--dask (SLURM, {args.jobs} workers)", ["--dask", cluster.scheduler_address])):
                target = Path(scratch) / "out.json"
                start = time.perf_counter()
                with target.open("wb") as out:
                    status = subprocess.run(EXE + extra + paths, stdout=out, env=ENV).returncode
                timings[label].append(time.perf_counter() - start)
                outputs[label] = target.read_bytes()
                if status not in (0, 1):
                    print(f"slurm.py: {label} exited {status}", file=sys.stderr)
                    return 2
    client.close()
    cluster.close()

    report = json.loads(outputs["one process"])
    print(f"inputs:    {len(report['files'])} files, {len(report['findings'])} findings "
          f"({sum(f['code'] in ('T004', 'X001', 'X002') for f in report['findings'])} from T004/X001/X002)")
    for label, seconds in timings.items():
        print(f"{label:28} median {statistics.median(seconds):6.2f} s  "
              f"(runs: {', '.join(f'{s:.2f}' for s in seconds)})")
    same = len(set(outputs.values())) == 1
    print(f"reports byte-identical: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
