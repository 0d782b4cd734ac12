"""Which real filings go into the zoo: chosen by a stable rule from both corpus folders.

Every filing of ``corpus/edgar-xml`` (ownership XML) and ``corpus/edgar-more`` (mostly whole EDGAR
submissions, the XML inside ``<XML>...</XML>``) is read and described by what makes it hard to
print and read back: its form, an amendment, many rows, several owners, many derivative rows, the
10b5-1 box, long footnotes, remarks, several signatures. The traits take turns to bring in their next
filing (up to a cap a trait), then the zoo fills up with the rest in a fixed pseudo-random order (the
SHA-256 of the file name), so the choice never depends on the machine or the order of listing.

A filing is in the held-out part when the SHA-256 of its file name falls in the last quarter: the
part the readers were not tuned on, and the part the figures that count are measured on.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from form16lint.readers.edgar_xml import read_ownership_xml

FOLDERS = ("edgar-xml", "edgar-more")
_XML_BLOCK = re.compile(rb"<XML>\s*?\n?(.*?)</XML>", re.DOTALL | re.IGNORECASE)
# trait -> how many filings with it the zoo takes at most (before filling up)
TRAITS = {
    "form3": 30, "form5": 30, "amendment": 30, "owners>1": 30, "rows>=20": 30, "derivative>=5": 30,
    "10b5-1": 30, "long-footnotes": 30, "remarks": 30, "signatures>1": 20,
}


@dataclass
class CorpusFiling:
    name: str  # a short stable name: folder initial, then the file name without its extension
    path: Path
    xml: bytes  # the ownership XML alone
    filing: object  # the Filing read from it
    traits: list[str] = field(default_factory=list)

    @property
    def held_out(self) -> bool:
        return held_out(self.path.name)

    @property
    def form(self) -> str:
        return self.filing.document_type or "?"


def _key(file_name: str) -> str:
    """The order filings are taken in."""
    return hashlib.sha256(b"zoo-order:" + file_name.encode()).hexdigest()


def held_out(file_name: str) -> bool:
    """A quarter of the corpus, by the file name alone: the part measured, never tuned on."""
    return int(hashlib.sha256(file_name.encode()).hexdigest()[:4], 16) >= 0xC000


def ownership_xml(data: bytes) -> bytes | None:
    """The ownership XML of a file: the file itself, or the ownership document inside a submission."""
    if b"<ownershipDocument" not in data:
        return None
    if b"<XML>" in data or b"<xml>" in data:
        for match in _XML_BLOCK.finditer(data):
            if b"<ownershipDocument" in match.group(1):
                return match.group(1).lstrip()
        return None
    return data


def traits(filing) -> list[str]:
    out = []
    form = filing.base_form
    if form == "3":
        out.append("form3")
    if form == "5":
        out.append("form5")
    if filing.is_amendment or filing.date_of_original_submission.value is not None:
        out.append("amendment")
    if len(filing.reporting_owners) > 1:
        out.append("owners>1")
    rows = sum(len(r) for _, r in filing.tables())
    if rows >= 20:
        out.append("rows>=20")
    if len(filing.derivative_transactions) + len(filing.derivative_holdings) >= 5:
        out.append("derivative>=5")
    if filing.aff10b5_one.value:
        out.append("10b5-1")
    if any(len(n.text or "") >= 600 for n in filing.footnotes):
        out.append("long-footnotes")
    if filing.remarks:
        out.append("remarks")
    if len(filing.signatures) > 1:
        out.append("signatures>1")
    return out


def _short_name(folder: str, path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.stem)
    return f"{folder.split('-')[-1][0]}-{stem}"[:90]


def all_filings(corpus: Path) -> list[CorpusFiling]:
    """Every readable ownership filing of both folders, in a stable order."""
    out = []
    for folder in FOLDERS:
        for path in sorted((corpus / folder).iterdir()):
            if path.suffix.lower() not in (".xml", ".txt"):
                continue
            xml = ownership_xml(path.read_bytes())
            if xml is None:
                continue
            document = read_ownership_xml(path.name, xml)
            filing = document.filing
            if filing is None or filing.base_form not in ("3", "4", "5"):
                continue
            out.append(CorpusFiling(_short_name(folder, path), path, xml, filing, traits(filing)))
    return out


def choose(filings: list[CorpusFiling], count: int) -> list[CorpusFiling]:
    """``count`` filings: the traits take turns, each its next filing (in hash order) until its
    cap, then both folders evenly, then the rest, all in hash order."""
    ordered = sorted(filings, key=lambda f: _key(f.path.name))
    chosen: dict[str, CorpusFiling] = {}
    queues = {trait: [f for f in ordered if trait in f.traits] for trait in TRAITS}
    taken = dict.fromkeys(TRAITS, 0)
    progress = True
    while progress and len(chosen) < count:
        progress = False
        for trait, cap in TRAITS.items():
            queue = queues[trait]
            while queue and queue[0].name in chosen:
                queue.pop(0)
            if queue and taken[trait] < cap and len(chosen) < count:
                f = queue.pop(0)
                chosen[f.name] = f
                taken[trait] += 1
                progress = True
    for folder in FOLDERS:  # both folders, evenly, before the rest
        for f in ordered:
            if len(chosen) >= count or sum(c.path.parent.name == folder for c in chosen.values()) >= count // 2:
                break
            if f.path.parent.name == folder:
                chosen.setdefault(f.name, f)
    for f in ordered:
        if len(chosen) >= count:
            break
        chosen.setdefault(f.name, f)
    return sorted(chosen.values(), key=lambda f: f.name)


AMENDED_PER_FORM = 3


def amended(original: CorpusFiling) -> CorpusFiling | None:
    """The filing as its amendment: document type X/A and box 4 (date of original filing) filled in.

    The corpus has only two real amendments; box 4 and the /A are what a reader must see, so the zoo
    amends a few real filings of each form (named ``...-amended``) by the XML's own two fields."""
    xml = original.xml
    period = re.search(rb"<periodOfReport>\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*</periodOfReport>", xml)
    kind = re.search(rb"<documentType>\s*([345])\s*</documentType>", xml)
    if not period or not kind or b"<dateOfOriginalSubmission" in xml:
        return None
    year, rest = period[1][:4], period[1][4:]
    original_date = str(int(year) + 1).encode() + rest if rest != b"-02-29" else str(int(year) + 1).encode() + b"-02-28"
    xml = xml[:kind.start()] + b"<documentType>" + kind[1] + b"/A</documentType>" + xml[kind.end():]
    period = re.search(rb"</periodOfReport>", xml)
    xml = (xml[:period.end()] + b"\n    <dateOfOriginalSubmission>" + original_date + b"</dateOfOriginalSubmission>"
           + xml[period.end():])
    filing = read_ownership_xml(original.path.name, xml).filing
    if filing is None or not filing.is_amendment:
        return None
    return CorpusFiling(original.name + "-amended", original.path, xml, filing, traits(filing))


def select(corpus: Path, count: int) -> list[CorpusFiling]:
    """``count`` real filings chosen by :func:`choose`, plus a few of them amended (see :func:`amended`)."""
    chosen = choose(all_filings(corpus), count)
    extra = []
    for form in ("3", "4", "5"):
        same = [f for f in sorted(chosen, key=lambda f: _key(f.path.name)) if f.filing.base_form == form
                and "amendment" not in f.traits]
        extra += [a for a in map(amended, same[:AMENDED_PER_FORM]) if a is not None]
    return sorted(chosen + extra, key=lambda f: f.name)
