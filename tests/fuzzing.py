"""Mutation fuzzing of every input format: seeds, mutations, and one checked run per input.

Shared by ``tests/test_fuzz.py`` (hypothesis chooses the seeds and mutations, a bounded number
of examples) and ``benchmarks/fuzz.py`` (a seeded random stream of 100,000 inputs or more). The
seeds are real filings (the shared EDGAR corpus beside the project when it is there, else
``examples/``) and fixtures written here in each format: EDGAR XML, submission text, canonical
JSON, extracted text and PDF.
"""

from __future__ import annotations

import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# Values that broke readers or rules before, and their kin.
NUMBERS = [b"NaN", b"Infinity", b"-Infinity", b'""', b"1E+999999", b"1E-999999", b"9" * 5000, b"-0", b"0.00000",
           "１３０００".encode(), "١٢٣".encode(), b"1,000", b"$5", b"12.5.3", b"1e400", b"-1", b"99999999999999999",
           b"0x1F", b"1_000"]
DATES = [b"9999-12-31", b"0001-01-01", b"2023-02-30", b"2024-13-01", b"02/30/2023", b"12/31/9999", b"1/1/00",
         "２０２４-０３-０１".encode(), b"", b"2024-03-01T25:00:00"]
TOKENS = [b"<", b">", b"&", b"&amp;", b"&#0;", b"\x00", b"\r", b"\n" * 3, b"\t", b"]]>", b"<!--", b"-->",
          b"<![CDATA[", b"<!DOCTYPE x>", b'<!ENTITY a "b">', b"<footnoteId id=\"F1\"/>", b"<value></value>",
          b"<value>", b"</value>", b"{", b"}", b"[", b"]", b'"', b",", b":", b"null", b"true", b"%PDF-1.4",
          b"endstream", b"endobj", b"xref", b"/Count 99999", b"(1)", b"(99)", b"\xff\xfe", b"\xef\xbb\xbf",
          "Ｔａｂｌｅ".encode(), b"Table I - Non-Derivative", b"<XML>", b"</XML>", b"<ownershipDocument>"]
_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_DATE = re.compile(rb"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")


@dataclass
class Seed:
    name: str  # with the suffix of its format
    data: bytes


def seeds(*, corpus_sample: int = 60, pdfs: bool = True) -> list[Seed]:
    """Fixtures in each format, plus real filings: ``corpus_sample`` of the shared corpus (spread
    over it), else the examples."""
    found = fixtures(pdfs=pdfs)
    real = []
    for folder, pattern in ((SHARED_CORPUS / "edgar-xml", "*.xml"), (SHARED_CORPUS / "edgar-more", "*.txt")):
        if folder.is_dir():
            real += sorted(folder.glob(pattern))
    if real:
        step = max(1, len(real) // corpus_sample)
        real = real[::step][:corpus_sample]
    else:
        real = sorted((ROOT / "examples").iterdir())
    real_seeds = [Seed(path.name, path.read_bytes()) for path in real if path.is_file()]
    found += real_seeds
    found += _as_json(real_seeds[::4])
    return found


def kind(seed: Seed) -> str:
    """The input format a seed is in: xml, submission, json, text or pdf."""
    suffix = seed.name.rsplit(".", 1)[-1].lower()
    if suffix == "txt":
        return "submission" if b"<SEC-DOCUMENT>" in seed.data[:4096] or b"<SEC-HEADER>" in seed.data[:8192] \
            else "text"
    return suffix


def _as_json(xml_seeds: list[Seed]) -> list[Seed]:
    """The canonical JSON of real filings, as extract writes it."""
    import tempfile

    from form16lint.canonical import to_json
    from form16lint.engine import read_document
    from form16lint.plugins import load_plugins

    plugins = load_plugins(autoload=False)
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in xml_seeds:
            path = Path(folder) / seed.name
            path.write_bytes(seed.data)
            filing = read_document(plugins, str(path)).filing
            if filing is not None:
                found.append(Seed(seed.name.rsplit(".", 1)[0] + ".json", to_json(filing).encode()))
    return found


def fixtures(*, pdfs: bool = True) -> list[Seed]:
    from extracted_texts import FORM3, FORM4, FORM5
    from filings import d_tx, nd_tx, ownership_xml

    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"]}), nd_tx(date="2024-03-02", code="P", ad="A")],
                        d_transactions=[d_tx()], footnotes={"F1": "Weighted average price; range $9.50 to $10.50."},
                        remarks="Remarks.")
    submission = ("<SEC-DOCUMENT>0000320193-24-000001.txt : 20240305\n<SEC-HEADER>0000320193-24-000001.hdr.sgml\n"
                  "ACCESSION NUMBER:\t\t0000320193-24-000001\nCONFORMED SUBMISSION TYPE:\t4\n"
                  "FILED AS OF DATE:\t\t20240305\n<ACCEPTANCE-DATETIME>20240305183057\n</SEC-HEADER>\n"
                  "<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<TEXT>\n<XML>\n" + xml + "</XML>\n</TEXT>\n</DOCUMENT>\n"
                  "</SEC-DOCUMENT>\n")
    found = [Seed("fixture.xml", xml.encode()), Seed("fixture-submission.txt", submission.encode()),
             Seed("fixture-form3.txt", FORM3.encode()), Seed("fixture-form4.txt", FORM4.encode()),
             Seed("fixture-form5.txt", FORM5.encode())]
    filing = _filing_of(xml)
    if filing is not None:
        from form16lint.canonical import to_json

        found.append(Seed("fixture.json", to_json(filing).encode()))
        if pdfs:
            try:
                from render_pdf import render_pdf

                found.append(Seed("fixture.pdf", render_pdf(filing)))
            except Exception:  # reportlab missing: no PDF seed
                pass
    return found


def _filing_of(xml: str):
    import tempfile

    from form16lint.engine import read_document
    from form16lint.plugins import load_plugins

    with tempfile.NamedTemporaryFile(suffix=".xml") as handle:
        handle.write(xml.encode())
        handle.flush()
        return read_document(load_plugins(autoload=False), handle.name).filing


# -- mutations ----------------------------------------------------------------------------------
def mutate(data: bytes, rng: random.Random, others: list[Seed] = ()) -> bytes:
    """One mutation of ``data`` chosen by ``rng``."""
    operation = rng.choice(OPERATIONS)
    return operation(data, rng, others) if data else rng.choice(TOKENS)


def _span(data: bytes, rng: random.Random, longest: int = 64) -> tuple[int, int]:
    start = rng.randrange(len(data))
    return start, min(len(data), start + rng.randint(1, longest))


def _flip(data, rng, others):
    position = rng.randrange(len(data))
    return data[:position] + bytes([data[position] ^ (1 << rng.randrange(8))]) + data[position + 1:]


def _delete(data, rng, others):
    start, end = _span(data, rng, 256)
    return data[:start] + data[end:]


def _insert_token(data, rng, others):
    position = rng.randrange(len(data) + 1)
    return data[:position] + rng.choice(TOKENS) + data[position:]


def _duplicate(data, rng, others):
    start, end = _span(data, rng, 512)
    return data[:end] + data[start:end] * rng.randint(1, 50) + data[end:]


def _truncate(data, rng, others):
    return data[:rng.randrange(len(data))]


def _splice(data, rng, others):
    if not others:
        return _truncate(data, rng, others)
    other = rng.choice(others).data
    return data[:rng.randrange(len(data))] + other[rng.randrange(len(other)):]


def _number(data, rng, others):
    matches = list(_NUMBER.finditer(data[:200_000]))
    if not matches:
        return _insert_token(data, rng, others)
    found = rng.choice(matches)
    return data[:found.start()] + rng.choice(NUMBERS) + data[found.end():]


def _date(data, rng, others):
    matches = list(_DATE.finditer(data[:200_000]))
    if not matches:
        return _number(data, rng, others)
    found = rng.choice(matches)
    return data[:found.start()] + rng.choice(DATES) + data[found.end():]


def _swap_lines(data, rng, others):
    lines = data.split(b"\n")
    if len(lines) < 3:
        return _flip(data, rng, others)
    first, second = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[first], lines[second] = lines[second], lines[first]
    return b"\n".join(lines)


def _unicode(data, rng, others):
    """Non-ASCII look-alikes: full-width digits and letters, or a text re-encoded."""
    if rng.random() < 0.5:
        start, end = _span(data, rng, 128)
        try:
            text = data[start:end].decode("ascii")
        except UnicodeDecodeError:
            return _flip(data, rng, others)
        wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and c not in "<>/" else c for c in text)
        return data[:start] + wide.encode() + data[end:]
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-7", "latin-1", "cp1252", "utf-32"])
    try:
        return data.decode("utf-8").encode(encoding)
    except (UnicodeDecodeError, UnicodeEncodeError):
        return _flip(data, rng, others)


OPERATIONS = (_flip, _delete, _insert_token, _duplicate, _truncate, _splice, _number, _number, _date, _date,
              _swap_lines, _unicode)


# -- one checked run ------------------------------------------------------------------------------
@dataclass
class Outcome:
    seconds: float
    codes: list[str] = field(default_factory=list)
    f001: list[str] = field(default_factory=list)  # F001 messages
    escaped: str | None = None  # an exception that got out of check_file


def run_one(plugins, rules, path: Path, data: bytes, options) -> Outcome:
    """Check ``data`` written at ``path``, as a run does (reading and per-filing rules within the
    limits), and say what came out."""
    from form16lint.engine import check_file

    path.write_bytes(data)
    started = time.perf_counter()
    try:
        _, findings = check_file(plugins, str(path), rules, options)
    except BaseException as error:  # noqa: BLE001 - what the fuzzer is looking for
        if isinstance(error, KeyboardInterrupt):
            raise
        return Outcome(time.perf_counter() - started, escaped=f"{type(error).__name__}: {error}"[:500])
    seconds = time.perf_counter() - started
    return Outcome(seconds, [f.code for f in findings], [f.message for f in findings if f.code == "F001"])
