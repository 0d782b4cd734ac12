"""The limits every input is read under: its size, a PDF's pages, the time and the memory one file
may take. A file over a limit is an E002 that names the limit and how to raise it, never a run
that hangs or exhausts the machine.

The defaults are far above what any real filing needs (the largest of 650 real EDGAR filings is
160 KB and reads in milliseconds; a PDF of a Form 4 has a few pages), so they only stop hostile or
broken input: a 2,000-page PDF, a decompression bomb, a file that makes a reader or rule loop.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from dataclasses import dataclass

from form16lint.lazy_regex import LazyRegex

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """How much one input may take: bytes, pages, seconds and memory."""

    max_file_size: int = 50 * MB  # bytes read from one file at most
    max_pages: int = 200  # pages of one PDF
    time_limit: float = 20.0  # seconds to read and check one file (0: none)
    memory_limit: int = 2048 * MB  # address space one file may add while it is read and checked (0: none)

    @staticmethod
    def describe_size(size: int) -> str:
        return f"{size / MB:g} MB" if size >= MB else f"{size:,} bytes"


class LimitExceeded(BaseException):
    """Raised inside the reading and checking of one file when it runs over a limit.

    A BaseException, so that no reader's or rule's ``except Exception`` takes it for its own
    failure and carries on."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@contextmanager
def time_limit(seconds: float, what: str = "--time-limit"):
    """Raise :class:`LimitExceeded` in the code running inside when ``seconds`` have passed.

    It uses SIGALRM, so it works in the main thread of a process (the command's, or each worker
    of ``--jobs``); elsewhere, or with 0 seconds, it does nothing. If the code swallows the
    exception it is raised again every half second."""
    if not (seconds and seconds > 0 and hasattr(signal, "setitimer")):
        yield
        return
    state = {"armed": True}

    def expire(signum, frame):
        if state["armed"]:
            raise LimitExceeded(f"reading and checking it took longer than the time limit of {seconds:g} s "
                                f"(raise it with {what} SECONDS)")

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread: a handler can be set there only
        installed = False
    else:
        installed = True
    if not installed:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        try:
            state["armed"] = False  # the alarm may still strike before this line: the cleanup below runs anyway
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, previous)


@contextmanager
def memory_limit(budget: int):
    """Let the code inside add at most ``budget`` bytes of address space (RLIMIT_AS, on systems
    that have it); past that an allocation fails with MemoryError. The previous limit comes back
    afterwards."""
    try:
        import resource
    except ImportError:  # not on this platform
        resource = None
    in_use = _address_space() if resource and budget and budget > 0 else None
    if in_use is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = in_use + budget
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        yield  # already tighter than ours
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int | None:
    """This process's address space in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


_PAGE_COUNT = LazyRegex(rb"/Type\s*/Pages\b[^>]{0,200}?/Count\s+(\d{1,9})|/Count\s+(\d{1,9})[^>]{0,200}?/Type\s*/Pages\b")
_PAGE_OBJECT = LazyRegex(rb"/Type\s*/Page\b(?!s)")


def pdf_page_count(data: bytes) -> int:
    """How many pages a PDF says it has: from its bytes (the largest ``/Count`` of a page tree
    node, or the number of page objects), else, when those are hidden in compressed object
    streams, the page tree's ``/Count`` as pdfminer reads it from the cross-reference table
    without reading any page. 0 when it cannot tell (the reader then says what is wrong)."""
    counts = [int(a or b) for a, b in _PAGE_COUNT.findall(data)]
    found = max(max(counts, default=0), len(_PAGE_OBJECT.findall(data)))
    if found:
        return found
    try:
        from io import BytesIO

        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        document = PDFDocument(PDFParser(BytesIO(data)))
        count = resolve1(resolve1(document.catalog.get("Pages")).get("Count"))
        return count if isinstance(count, int) else 0
    except Exception:  # a broken PDF: the reader will say how
        return 0
