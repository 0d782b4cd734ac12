"""EDGAR submission text files: the SGML header EDGAR wraps around a filing, with the ownership
XML inside ``<XML>…</XML>``. The header gives the accession number, the filing date (FILED AS OF
DATE) and the acceptance time; positions stay those of the whole file."""

from __future__ import annotations

import re
from datetime import datetime

from form16lint.hookspecs import hookimpl
from form16lint.model import Document
from form16lint.readers import unreadable
from form16lint.readers.edgar_xml import read_ownership_xml
from form16lint.values import parse_date

FORMAT = "edgar-submission"
_MARKERS = (b"<SEC-DOCUMENT>", b"<SEC-HEADER>", b"ACCESSION NUMBER:", b"<ACCEPTANCE-DATETIME>")
_XML_BLOCK = re.compile(rb"<XML>\s*?\n?(.*?)</XML>", re.DOTALL | re.IGNORECASE)
_ACCESSION = re.compile(rb"ACCESSION[ -]NUMBER:\s*([0-9]{10}-[0-9]{2}-[0-9]{6})")
_FILED = re.compile(rb"FILED AS OF DATE:\s*(\d{8})")
_ACCEPTED = re.compile(rb"ACCEPTANCE-DATETIME[>:]\s*(\d{14})")


@hookimpl(tryfirst=True)
def form16lint_read_document(path: str, data: bytes):
    head = data[:8192]
    if not any(marker in head for marker in _MARKERS):
        return None
    return read_submission(path, data)


def read_submission(path: str, data: bytes) -> Document:
    block = _ownership_block(data)
    if block is None:
        return unreadable(path, FORMAT, "an EDGAR submission with no ownership document (<XML> block "
                                        "holding <ownershipDocument>) inside")
    start, end = block
    line_offset = data.count(b"\n", 0, start)
    document = read_ownership_xml(path, data[start:end], fmt=FORMAT, line_offset=line_offset)
    if document.filing is None:
        return document
    metadata = document.filing.metadata
    if (match := _ACCESSION.search(data)):
        metadata.accession_number = match[1].decode()
    if (match := _FILED.search(data)):
        metadata.filing_date = parse_date(_iso(match[1].decode()))
    if (match := _ACCEPTED.search(data)):
        try:
            metadata.acceptance_datetime = datetime.strptime(match[1].decode(), "%Y%m%d%H%M%S")
        except ValueError:
            pass
    return document


def _ownership_block(data: bytes) -> tuple[int, int] | None:
    """Where the first ``<XML>…</XML>`` block holding an ownership document starts and ends.
    Each block's end is looked for once, from its start: a file of unclosed <XML> tags takes
    one pass, not one pass per tag."""
    upper = data.upper()
    position = 0
    while True:
        opening = upper.find(b"<XML>", position)
        if opening < 0:
            return None
        closing = upper.find(b"</XML>", opening)
        if closing < 0:
            return None
        block = _XML_BLOCK.match(data, opening, closing + len(b"</XML>"))
        if block is not None and b"<ownershipDocument" in block.group(1):
            return block.start(1), block.end(1)
        position = closing + len(b"</XML>")


def _iso(compact: str) -> str:
    return f"{compact[:4]}-{compact[4:6]}-{compact[6:]}"
