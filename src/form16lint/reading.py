"""Reading one input safely: the guards around every reader.

The bytes are read without blocking (a FIFO would hang the run) and within the size limit; a PDF
over the page limit is refused before a PDF library sees it; the reading and checking of one
input run within the time and memory limits (:mod:`form16lint.limits`); form16lint's own reports
and files that are plainly no filing are skipped (E003, :mod:`form16lint.recognition`); and
whatever goes wrong is an E002 naming the file and the problem, never a traceback.
"""

from __future__ import annotations

import codecs
import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass

from form16lint.limits import LimitExceeded, ReadLimits, memory_limit, time_limit
from form16lint.messages import excerpt
from form16lint.model import Document
from form16lint.readers import doubt_form_words, not_a_filing, unreadable
from form16lint.rule import EXTRACTED_FORMATS


def read_input(plugins, path: str, limits: ReadLimits, data: bytes | None = None) -> Document:
    """Read one input with the first reader that claims it: the file at ``path``, or ``data``
    when its bytes come from elsewhere (an archive member). Run it inside :func:`guarded`."""
    if data is None:
        data = read_bytes(path, limits.max_file_size)
        if isinstance(data, Document):
            return data
    elif limits.max_file_size and len(data) > limits.max_file_size:
        return unreadable(path, "unknown", _too_large(len(data), limits.max_file_size))
    if not data.strip():
        return unreadable(path, "unknown", "the file is empty")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unreadable(path, "unknown", "the file is UTF-16 or UTF-32 text (it starts with that byte-order "
                                           "mark); EDGAR expects ASCII text: save it as ASCII or UTF-8 and check again")
    from form16lint.recognition import looks_like_filing, own_output

    own = own_output(data)
    if own is not None:
        return not_a_filing(path, own)
    if data[:1024].lstrip().startswith(b"%PDF") and limits.max_pages:
        from form16lint.limits import pdf_page_count

        pages = pdf_page_count(data)
        if pages > limits.max_pages:
            return unreadable(path, "pdf", f"the PDF has {pages:,} pages, over the limit of {limits.max_pages:,} "
                                           "(a Form 3, 4 or 5 has a few; raise it with --max-pages N)")
    try:
        document = plugins.hook.form16lint_read_document(path=path, data=data)
    except MemoryError:
        raise
    except RecursionError:
        return unreadable(path, "unknown", "it is nested too deeply to read")
    except Exception as error:  # a reader bug must not end the run
        return unreadable(path, "unknown", reader_failure(error))
    if document is not None and document.filing is not None and document.format in EXTRACTED_FORMATS:
        document.filing.read_from = document.format  # kept in its canonical JSON
        doubt_form_words(document)
    if document is None:
        why = looks_like_filing(data, path)
        if why is None:
            return not_a_filing(path, "no reader recognises it and it does not look like one")
        return unreadable(path, "unknown", why)
    return document


def read_bytes(path: str, limit: int) -> bytes | Document:
    """The file's bytes, at most ``limit`` of them; a Document saying why not when it cannot be
    opened, is no regular file (a FIFO would block the run) or is larger than the limit."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return unreadable(path, "unknown", f"the file cannot be opened ({error.strerror or error})")
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            from form16lint.discovery import special_kind

            return unreadable(path, "unknown", f"it is {special_kind(status.st_mode)}, not a file")
        if limit and status.st_size > limit:
            return unreadable(path, "unknown", _too_large(status.st_size, limit))
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1) if limit else stream.read()
    except OSError as error:
        return unreadable(path, "unknown", f"the file cannot be read ({error.strerror or error})")
    finally:
        os.close(handle)
    if limit and len(data) > limit:
        return unreadable(path, "unknown", _too_large(len(data), limit))
    return data


def _too_large(size: int, limit: int) -> str:
    return (f"the file is larger than the limit of {ReadLimits.describe_size(limit)} (no Form 3, 4 or 5 "
            f"comes near it; raise it with --max-file-size MB)")


def reader_failure(error: Exception) -> str:
    """What a reader's exception says about the file: a PDF library's failure is a broken PDF."""
    module = type(error).__module__ or ""
    detail = excerpt(f"{type(error).__name__}: {error}", 200)
    if module.startswith(("pdfminer", "pdfplumber")):
        return f"the PDF is damaged or not a PDF its library can read ({detail})"
    return f"the reader failed: {detail}"


@contextmanager
def guarded(path: str, limits: ReadLimits):
    """Run the reading (and checking) of one input within the time and memory limits; past one,
    the ``document`` of what it yields becomes an E002 saying which limit and how to raise it,
    and its ``findings`` None."""
    outcome = Outcome()
    try:
        with memory_limit(limits.memory_limit), time_limit(limits.time_limit):
            yield outcome
    except LimitExceeded as exceeded:
        outcome.document = unreadable(path, getattr(outcome.document, "format", None) or "unknown",
                                      exceeded.message)
        outcome.findings = None
    except MemoryError:
        gc.collect()
        outcome.document = unreadable(
            path, "unknown", f"reading and checking it needed more memory than the limit of "
                             f"{ReadLimits.describe_size(limits.memory_limit)} (raise it with --memory-limit MB)")
        outcome.findings = None


@dataclass
class Outcome:
    """What reading one input gave: the document, or the findings that stand for it."""

    document: Document | None = None
    findings: list | None = None
