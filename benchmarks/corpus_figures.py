"""Findings by code on a corpus of real filings, plainly and with each file's EDGAR filing date.

    python benchmarks/corpus_figures.py CORPUS_ROOT

CORPUS_ROOT holds ``INDEX.tsv`` and folders of filings, each folder either listed in the root's
INDEX.tsv or carrying its own (the layout of the shared corpus: ``edgar-xml`` listed in the root
index, ``edgar-more`` with its own). Files are split into a tuning part (two thirds) and a held-out
part (one third) by a stable hash of the file name; the script prints, for each way of running,
the findings by code and folder, and for each part how many filings have an error-level finding,
so that the false-error rate can be measured on the held-out part only.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from form16lint.engine import check_file, collection_findings, finish, split_rules
from form16lint.plugins import load_plugins
from form16lint.rule import RunOptions
from form16lint.settings import Settings


def part(name: str) -> str:
    """"held" for about a third of the file names, "tune" for the rest; stable across runs."""
    return "held" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def entries(root: Path) -> list[tuple[Path, dict]]:
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        index = folder / "INDEX.tsv" if (folder / "INDEX.tsv").exists() else root / "INDEX.tsv"
        with open(index, newline="") as handle:
            for entry in csv.DictReader(handle, delimiter="\t"):
                if (folder / entry["file"]).exists():
                    found.append((folder / entry["file"], entry))
    return found


def run(plugins, found, dated: bool):
    settings = Settings()
    filing_rules, collection_rules = split_rules(plugins.all_rules(), settings)
    documents, findings = [], []
    for path, entry in found:
        filed = datetime.strptime(entry["filed"], "%Y%m%d").date() if dated and entry["filed"] else None
        document, found_here = check_file(plugins, str(path), filing_rules, RunOptions(filing_date=filed))
        documents.append(document)
        findings.extend(found_here)
    findings.extend(collection_findings(documents, collection_rules, RunOptions()))
    return finish(findings, settings, documents)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    found = entries(Path(argv[0]))
    plugins = load_plugins(autoload=False)
    parts = Counter(part(path.name) for path, _ in found)
    print(f"{len(found)} filings: {parts['tune']} tuning, {parts['held']} held out")
    for dated in (False, True):
        findings = run(plugins, found, dated)
        print(f"\n== {'with INDEX filing dates' if dated else 'plain'}")
        folders = sorted({Path(f.path).parent.name for f in findings})
        counts = Counter((f.code, str(f.severity), Path(f.path).parent.name) for f in findings)
        print(f"{'code':6} {'severity':8} " + " ".join(f"{folder:>12}" for folder in folders))
        for code, severity in sorted({(c, s) for c, s, _ in counts}):
            print(f"{code:6} {severity:8} " + " ".join(f"{counts[(code, severity, folder)]:>12}" for folder in folders))
        with_errors = {Path(f.path).name for f in findings if str(f.severity) == "error"}
        for which in ("tune", "held"):
            hit = sorted(name for name in with_errors if part(name) == which)
            print(f"{which}: {len(hit)} of {parts[which]} filings with an error: {', '.join(hit)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
