"""Read the zoo back with form16lint and measure it.

For every file (a PDF, or an extractor's text of it):

* **recall**: of the values the printed form carries (its ``.truth.json``), how many the reader
  recovered equal; values read that the form does not carry are counted apart (``extra``);
* **false alarms**: the codes at warning or error that linting the file gives, apart from E001,
  compared with the codes its XML gives: a code the file gives and the XML does not is a false
  alarm, one the XML gives and the file does not is a missed code;
* **extract then check**: the file's canonical JSON (what ``form16lint extract`` writes) checked
  again must give the same findings as the file itself (code, severity, place in the model,
  message); a finding one gives and the other does not is a round-trip difference.

Each file is linted alone, with no filing date, as a user checking one draft would.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .truth import compare, read_values

ALARM_LEVELS = ("warning", "error")


@dataclass
class FileScore:
    layout: str
    source: str  # "pdf" or the extractor's name
    name: str
    held_out: bool
    total: int
    matched: int
    wrong: list[str]
    extra: list[str]
    false_alarms: list[str]  # codes the file gives and the XML does not
    missed_codes: list[str]  # codes the XML gives and the file does not
    unread: bool = False  # the reader gave no filing at all
    roundtrip: list[str] = field(default_factory=list)  # findings the file and its extracted JSON disagree on
    not_printed: list[str] = field(default_factory=list)  # findings on a field the printed form does not carry

    @property
    def where(self) -> str:
        return self.layout + "/" + (f"{self.name}.pdf" if self.source == "pdf" else f"{self.source}/{self.name}.txt")


@dataclass
class Totals:
    total: int = 0
    matched: int = 0
    extra: int = 0
    files: int = 0
    clean_files: int = 0  # files with no false alarm
    unread: int = 0
    alarms: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)  # codes the XML gives and the file does not
    roundtrip_files: int = 0  # files whose extracted JSON checks differently

    def add(self, score: FileScore) -> None:
        self.total += score.total
        self.matched += score.matched
        self.extra += len(score.extra)
        self.files += 1
        self.clean_files += not score.false_alarms
        self.unread += score.unread
        self.alarms.update(score.false_alarms)
        self.missed.update(score.missed_codes)
        self.roundtrip_files += bool(score.roundtrip)

    @property
    def recall(self) -> float:
        return self.matched / self.total if self.total else 1.0


class Linter:
    """Lints one file at a time and keeps the codes the XML of each filing gives."""

    def __init__(self):
        from form16lint.plugins import load_plugins

        self.plugins = load_plugins(autoload=False)
        self.xml_codes: dict[str, set[str]] = {}

    def lint(self, path: Path):
        document, findings = self.lint_findings(path)
        return document, {f.code for f in findings if str(f.severity) in ALARM_LEVELS}

    def lint_findings(self, path: Path):
        from form16lint.engine import lint
        from form16lint.limits import ReadLimits
        from form16lint.rule import RunOptions
        from form16lint.settings import Settings

        # no time limit: on a loaded machine a long PDF would be an E002 and measure the load, not the reader
        options = RunOptions(limits=ReadLimits(time_limit=0))
        result = lint([str(path)], self.plugins, Settings(), options, keep_documents=True)  # whole documents
        document = result.documents[0] if result.documents else None
        return document, [f for f in result.findings if not f.suppressed]

    def roundtrip(self, document, findings) -> list[str]:
        """Extract then check: the findings the document's canonical JSON gives, compared with
        ``findings`` (the document's own); each one given by one side only, marked "+" (the JSON
        alone) or "-" (the file alone)."""
        import tempfile

        from form16lint.canonical import to_json

        if document is None or document.filing is None:
            return []
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "extracted.json"
            path.write_text(to_json(document.filing), encoding="utf-8")
            again = self.lint_findings(path)[1]
        mine, theirs = Counter(map(_finding_key, findings)), Counter(map(_finding_key, again))
        return sorted([f"+{key}" for key in (theirs - mine).elements()] +
                      [f"-{key}" for key in (mine - theirs).elements()])

    def codes_of_xml(self, zoo: Path, name: str) -> set[str]:
        if name not in self.xml_codes:
            self.xml_codes[name] = self.lint(zoo / "xml" / f"{name}.xml")[1] - {"E001"}
        return self.xml_codes[name]


def _not_printed(pointer: str) -> bool:
    from form16lint.model import NOT_PRINTED, within

    return any(within(pointer, part) for part in NOT_PRINTED)


def _finding_key(finding) -> str:
    return f"{finding.code} {finding.severity} {finding.pointer or '-'}: {finding.message}"


def score_file(linter: Linter, zoo: Path, layout: str, source: str, name: str, held_out: bool,
               roundtrip: bool = True) -> FileScore | None:
    folder = zoo / layout
    path = folder / (f"{name}.pdf" if source == "pdf" else f"{source}/{name}.txt")
    truth_path = folder / f"{name}.truth.json"
    if not path.exists() or not truth_path.exists():
        return None
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    document, findings = linter.lint_findings(path)
    codes = {f.code for f in findings if str(f.severity) in ALARM_LEVELS}
    not_printed = [_finding_key(f) for f in findings if f.pointer and _not_printed(f.pointer)]
    filing = document.filing if document is not None else None
    got = read_values(filing) if filing is not None else {}
    matched, wrong, extra = compare(truth, got)
    expected = linter.codes_of_xml(zoo, name)
    codes -= {"E001"}
    return FileScore(layout, source, name, held_out, len(truth), len(matched), wrong, extra,
                     sorted(codes - expected), sorted(expected - codes), unread=filing is None,
                     roundtrip=linter.roundtrip(document, findings) if roundtrip else [], not_printed=not_printed)


_LINTER: Linter | None = None


def _score_entry(task) -> list[FileScore]:
    global _LINTER
    zoo, entry, sources, layouts, roundtrip = task
    if _LINTER is None:
        _LINTER = Linter()
    scores = []
    for layout in entry["layouts"]:
        if layouts is not None and layout not in layouts:
            continue
        for source in sources:
            if source != "pdf" and source not in entry.get("extractors", [source]):
                continue
            score = score_file(_LINTER, zoo, layout, source, entry["name"], entry["held_out"], roundtrip)
            if score is not None:
                scores.append(score)
    return scores


def score_zoo(zoo: Path, *, layouts=None, sources=None, names=None, held_out_only=False, jobs: int = 1,
              progress=None, roundtrip: bool = True) -> list[FileScore]:
    """Score every file of the zoo (or those of the layouts, sources, filings named), in ``jobs`` processes;
    ``roundtrip`` also checks each file's extracted JSON against it."""
    zoo = Path(zoo)
    manifest = json.loads((zoo / "manifest.json").read_text())
    sources = [name for name in ["pdf"] + manifest["extractors"] if sources is None or name in sources]
    entries = [e for e in manifest["filings"] if (names is None or e["name"] in names)
               and (not held_out_only or e["held_out"])]
    tasks = [(zoo, entry, sources, layouts, roundtrip) for entry in entries]
    scores: list[FileScore] = []
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            for done, found in enumerate(pool.map(_score_entry, tasks), 1):
                scores.extend(found)
                if progress and done % 20 == 0:
                    progress(f"  scored {done}/{len(tasks)} filings")
    else:
        for task in tasks:
            scores.extend(_score_entry(task))
    return scores


def totals_by(scores: list[FileScore], key) -> dict[str, Totals]:
    out: dict[str, Totals] = defaultdict(Totals)
    for score in scores:
        out[key(score)].add(score)
    return dict(sorted(out.items()))


def report(scores: list[FileScore], *, title: str = "zoo") -> str:
    """The figures as text: recall and false alarms per layout, per source (PDF or extractor), overall."""
    lines = []
    overall = Totals()
    for s in scores:
        overall.add(s)

    def table(heading: str, groups: dict[str, Totals]) -> None:
        lines.append(f"{heading:<34} {'files':>6} {'recall':>8} {'values':>15} {'extra':>6} "
                     f"{'clean':>7} {'unread':>6} {'json≠':>6}  false alarms / missed codes")
        for name, t in groups.items():
            alarms = " ".join(f"{code}:{n}" for code, n in t.alarms.most_common(8)) or "-"
            missed = " ".join(f"{code}:{n}" for code, n in t.missed.most_common(6)) or "-"
            lines.append(f"{name:<34} {t.files:>6} {t.recall:>8.1%} {t.matched:>7}/{t.total:<7} {t.extra:>6} "
                         f"{t.clean_files:>7} {t.unread:>6} {t.roundtrip_files:>6}  {alarms} / {missed}")
        lines.append("")

    lines.append(f"{title}: {overall.files} files, recall {overall.recall:.2%} ({overall.matched}/{overall.total} "
                 f"printed values), {overall.files - overall.clean_files} files with a false alarm, "
                 f"{sum(overall.alarms.values())} false alarms, {sum(overall.missed.values())} missed codes, "
                 f"{overall.roundtrip_files} files whose extracted JSON checks differently")
    lines.append("")
    table("layout", totals_by(scores, lambda s: s.layout))
    table("source (pdf or extractor)", totals_by(scores, lambda s: s.source))
    layouts = sorted({s.layout for s in scores})
    sources = sorted({s.source for s in scores}, key=lambda name: (name != "pdf", name))
    cells = totals_by(scores, lambda s: (s.layout, s.source))
    lines.append("recall, layout x source".ljust(34) + "".join(f"{name[:11]:>12}" for name in sources))
    for layout in layouts:
        lines.append(f"{layout:<34}" + "".join(
            f"{cells[(layout, name)].recall:>12.1%}" if (layout, name) in cells else f"{'':>12}" for name in sources))
    lines.append("")
    table("part", totals_by(scores, lambda s: "held-out" if s.held_out else "tuning"))
    lines.append("false alarms by code: " + " ".join(f"{c}:{n}" for c, n in overall.alarms.most_common()))
    lines.append("missed codes by code: " + " ".join(f"{c}:{n}" for c, n in overall.missed.most_common()))
    lines.append("('clean': files with no false alarm; 'json≠': files whose `extract` JSON, checked, "
                 "gives other findings than the file)")
    return "\n".join(lines)


def alarm_report(scores: list[FileScore]) -> str:
    """Every file that gives a code its XML does not, misses one its XML gives, whose extracted
    JSON checks differently, or that reports on a field the printed form does not carry."""
    lines = []
    for s in scores:
        if not (s.false_alarms or s.missed_codes or s.roundtrip or s.not_printed):
            continue
        lines.append(f"  {s.where}: extra {' '.join(s.false_alarms) or '-'}; missed {' '.join(s.missed_codes) or '-'}")
        lines.extend(f"    extract-then-check {diff}" for diff in s.roundtrip)
        lines.extend(f"    on a field the printed form does not carry: {key}" for key in s.not_printed)
    return "\n".join(lines)


def worst_fields(scores: list[FileScore], top: int = 15) -> list[tuple[str, int]]:
    """The fields most often missed, with the row numbers folded (Table I row 3 -> row *)."""
    counter: Counter = Counter()
    for s in scores:
        for key in s.wrong:
            parts = key.split("/")
            counter["/".join("*" if p.isdigit() else p for p in parts)] += 1
    return counter.most_common(top)
