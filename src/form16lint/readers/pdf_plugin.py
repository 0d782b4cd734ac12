"""The PDF reader's plugin: it claims a file that starts as a PDF does, and only then imports the
reader (:mod:`form16lint.readers.pdf`, and pdfplumber with it), so that a run over XML never
loads either."""

from __future__ import annotations

from form16lint.hookspecs import hookimpl


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


@hookimpl
def form16lint_read_document(path: str, data: bytes):
    if not is_pdf(data):
        return None
    from form16lint.readers.pdf import read_pdf

    return read_pdf(path, data)
