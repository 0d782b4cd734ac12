"""The extracted-text reader's plugin. It is asked last, when no other reader took the file (XML,
JSON, EDGAR submissions and PDFs are claimed before it), and only then imports the reader
(:mod:`form16lint.readers.extracted_text`), which decides whether the text is a printed form's."""

from __future__ import annotations

from form16lint.hookspecs import hookimpl


@hookimpl(trylast=True)
def form16lint_read_document(path: str, data: bytes):
    from form16lint.readers.extracted_text import read_if_claimed

    return read_if_claimed(path, data)
