"""How the --dask shuffle spreads the collection rules' summaries: prints its figures; not a test.

    python benchmarks/shuffle.py [--workers 2,8,64] [PATH...]

Checks the inputs as the workers do (partitions of 128), makes the shuffle plan from the facts
the workers would report, and prints, per rule and number of workers, the groups the rule
compares, the buckets, and the summaries the largest and smallest bucket hold (guests included):
what the most loaded worker holds of the run's summaries. The default inputs are the 650 real
filings of ../shared/corpus.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> int:
    from form16lint.cluster import COPIES, ISSUER, PARTITION, PERSON, ShufflePlan, check_partition, shuffle_facts
    from form16lint.discovery import discover
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--workers", default="2,8,64")
    args = parser.parse_args()
    paths = args.paths or [str(CORPUS / "edgar-xml"), str(CORPUS / "edgar-more")]
    files = discover(paths).files
    settings, options = Settings(), RunOptions()
    parts = [check_partition("shuffle", number, files[start:start + PARTITION], settings, options)
             for number, start in enumerate(range(0, len(files), PARTITION))]
    facts = [((number, position), *rest) for number, part in enumerate(parts)
             for position, *rest in shuffle_facts(part["summaries"], 0)]
    plan = ShufflePlan(facts)
    print(f"{len(files)} inputs, {len(facts)} summaries, {len(parts)} partitions of {PARTITION}")
    for workers in (int(count) for count in args.workers.split(",")):
        for grouping, rule in ((ISSUER, "T004"), (PERSON, "X001"), (COPIES, "X002")):
            count, by_part = plan.routes(grouping, 2 * workers)
            sizes, guests = [0] * count, 0
            for routes in by_part.values():
                for bucket, guest_of in routes.values():
                    if bucket is not None:
                        sizes[bucket] += 1
                    for other in guest_of:
                        sizes[other] += 1
                        guests += 1
            groups = len({key for key in plan.keys[grouping] if key is not None})
            print(f"{workers:3} workers  {rule} ({grouping:6}): {groups:6} groups in {count:4} buckets; largest "
                  f"{max(sizes):6} summaries ({max(sizes) / max(1, len(facts)):4.0%}), smallest {min(sizes):6}; "
                  f"{guests} guest(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
