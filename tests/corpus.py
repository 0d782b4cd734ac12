"""The real EDGAR filings of ../shared/corpus, both folders, linted once a test session.

``edgar-xml`` (330 bare ownership documents, INDEX.tsv beside the folder) and ``edgar-more`` (320
more, mostly whole EDGAR submissions, its own INDEX.tsv). Each filing is linted as a user would
lint it: plainly, and with its EDGAR filing date from the index (as ``--filing-date`` gives it),
each file with its own date; the rules across filings see the whole corpus at once.

Accepted filings are mostly right, so an error on one is a false alarm until shown otherwise.
KNOWN_ERRORS pins every error-level finding the rules give on the 650 filings, each read against
its filing and found a true defect of the filing as it stands.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime

from form16lint.engine import check_file, collection_findings, finish, split_rules
from form16lint.findings import Finding
from form16lint.model import Document
from form16lint.rule import RunOptions
from form16lint.settings import Settings

FOLDERS = {"edgar-xml": ("INDEX.tsv",), "edgar-more": ("edgar-more", "INDEX.tsv")}
FILINGS = 650

# (file, code, pointer): why it is a true defect of the filing as it stands.
KNOWN_ERRORS = {
    ("cjavdev-sec_edgar__filing16.xml", "E002", ""):
        "not well-formed as found: EDGAR's old 1024-character line wrap split a closing tag (line 178)",
    ("datamule-python__000089924321047607_doc4.xml", "N005", "/nonDerivativeTransactions/3/pricePerShare"):
        "the weighted average $1,005.129 lies below the range F5 gives ($1,005.600 to $1,006.390); F5 repeats "
        "the next footnote's range",
    ("datamule-python__000120919113014365_doc4.xml", "B001", "/nonDerivativeTransactions/3/sharesOwnedFollowing"):
        "a sale (code S) keyed as acquired (A): 8,991 + 5,494 cannot leave 3,497; 8,991 - 5,494 does",
    ("ManpreetDhillon13_SecForm4Analysis__sampleForm4.xml", "B001", "/nonDerivativeTransactions/2/sharesOwnedFollowing"):
        "both funds' balances fall short by the same share (1,678 and 1,400 of 3,078, the 2,469:2,060 ratio of "
        "every row): a sale of 3,078 shares is missing from the table, or the first rows' amounts are wrong",
    ("ManpreetDhillon13_SecForm4Analysis__sampleForm4.xml", "B001", "/nonDerivativeTransactions/3/sharesOwnedFollowing"):
        "the other fund's side of the same missing sale",
    ("RxDataLab_go-edgar__wave_derivatives_input.xml", "B001", "/nonDerivativeTransactions/8/sharesOwnedFollowing"):
        "36.000 shares keyed for 36,000 (the option exercise of the row before is 36,000; the balance drops "
        "by 36,000)",
    ("RxDataLab_go-edgar__wave_derivatives_input.xml", "N005", "/nonDerivativeTransactions/8/pricePerShare"):
        "the weighted average $20.25 lies above the range F6 gives ($20.00 to $20.22)",
    ("factoredai_insiderTradingAPI_v1__0001179110-20-004028.txt", "D004", "/nonDerivativeTransactions/2/transactionDate"):
        "a purchase dated 2020-03-30 on a Form 4 signed and filed 2020-03-20",
    ("rs-kellogg_edgar2data__1366868_2_0001628280-20-004909.txt", "D001", "/nonDerivativeTransactions/1/transactionDate"):
        "box 3 gives 2019-12-06, a transaction date and no fiscal-year end of the issuer (calendar year); "
        "the rows of 2019-12-09 and 2019-12-11 fall after it",
    ("rs-kellogg_edgar2data__1366868_2_0001628280-20-004909.txt", "D001", "/nonDerivativeTransactions/2/transactionDate"):
        "the same Form 5's second row after its box 3 date",
}


@dataclass
class CorpusRun:
    documents: list[Document]
    findings: list[Finding]
    index: dict[str, dict]  # file name -> its INDEX.tsv entry

    def errors(self) -> set[tuple[str, str, str]]:
        return {(name(f.path), f.code, f.pointer) for f in self.findings if str(f.severity) == "error"}

    def codes(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]


def name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def entries(shared) -> list[tuple[str, dict]]:
    """(path, INDEX.tsv entry) of every corpus filing, both folders."""
    found = []
    for folder, index in FOLDERS.items():
        base = shared("corpus", folder)
        with open(shared("corpus", *index), newline="") as handle:
            for entry in csv.DictReader(handle, delimiter="\t"):
                found.append((str(base / entry["file"]), entry))
    return found


_RUNS: dict[tuple, tuple] = {}  # (id of the plugins, the files, dated) -> (documents, findings)


def _run(plugins, paths_and_dates: tuple[tuple[str, str], ...], dated: bool) -> tuple:
    key = (id(plugins), paths_and_dates, dated)
    if key not in _RUNS:
        _RUNS[key] = _lint(plugins, paths_and_dates, dated)
    return _RUNS[key]


def _lint(plugins, paths_and_dates: tuple[tuple[str, str], ...], dated: bool) -> tuple:
    settings = Settings()
    filing_rules, collection_rules = split_rules(plugins.all_rules(), settings)
    documents, findings = [], []
    for path, filed in paths_and_dates:
        day = datetime.strptime(filed, "%Y%m%d").date() if dated and filed else None
        document, found = check_file(plugins, path, filing_rules, RunOptions(filing_date=day))
        documents.append(document)
        findings.extend(found)
    findings.extend(collection_findings(documents, collection_rules, RunOptions()))
    return documents, finish(findings, settings, documents)


def corpus_run(shared, plugins, *, dated: bool) -> CorpusRun:
    """Every corpus filing linted with every rule, with its INDEX filing date (``dated``) or plainly;
    computed once a session for each."""
    found = entries(shared)
    documents, findings = _run(plugins, tuple((path, entry["filed"]) for path, entry in found), dated)
    return CorpusRun(documents, findings, {entry["file"]: entry for _, entry in found})
