"""Text from a PDF as the extractors people use give it.

Each extractor is a function ``pdf path -> text`` (pages joined as the tool joins them, or by a
newline). ``EXTRACTORS`` names them; :func:`available` says which can run here and why not.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def pdftotext_layout(path: Path) -> str:
    return _pdftotext(path, "-layout")


def pdftotext_plain(path: Path) -> str:
    return _pdftotext(path)


def _pdftotext(path: Path, *options: str) -> str:
    done = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          timeout=120, check=True)
    return done.stdout.decode("utf-8", errors="replace")


def pdfplumber_text(path: Path) -> str:
    return _pdfplumber_family(path, ["pdfplumber"])["pdfplumber"]


def pdfplumber_layout(path: Path) -> str:
    return _pdfplumber_family(path, ["pdfplumber-layout"])["pdfplumber-layout"]


def pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def pymupdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(str(path)) as document:
        return "".join(page.get_text() for page in document)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def tabbed_text(path: Path) -> str:
    """The seeds' style: one line per printed line, cells (runs of words with a wide gap between)
    split by a tab, pages parted by a blank line."""
    return _pdfplumber_family(path, ["tabbed"])["tabbed"]


def _tabbed_page(page) -> str:
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2.5:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        text = line[0]["text"]
        for before, word in zip(line, line[1:]):
            height = max(1.0, before["bottom"] - before["top"])
            text += ("\t" if word["x0"] - before["x1"] > 0.9 * height else " ") + word["text"]
        out.append(text)
    return "\n".join(out)


_PLUMBER = {
    "pdfplumber": (lambda page: page.extract_text() or "", "\n", ""),
    "pdfplumber-layout": (lambda page: page.extract_text(layout=True) or "", "\n", ""),
    "tabbed": (_tabbed_page, "\n\n", "\n"),
}


def _pdfplumber_family(path: Path, names) -> dict[str, str]:
    """The pdfplumber-based texts of a PDF, opened once (parsing the PDF is most of their cost)."""
    import pdfplumber

    pages: dict[str, list[str]] = {name: [] for name in names}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for name in names:
                pages[name].append(_PLUMBER[name][0](page))
    return {name: _PLUMBER[name][1].join(texts) + _PLUMBER[name][2] for name, texts in pages.items()}


def extract_all(path: Path, names) -> dict[str, str]:
    """name -> text for each extractor named; the pdfplumber-based ones share one parse."""
    out = {}
    plumber = [name for name in names if name in _PLUMBER]
    if plumber:
        out.update(_pdfplumber_family(path, plumber))
    for name in names:
        if name not in _PLUMBER:
            out[name] = EXTRACTORS[name](path)
    return out


EXTRACTORS = {
    "pdftotext-layout": pdftotext_layout,
    "pdftotext": pdftotext_plain,
    "pdfplumber": pdfplumber_text,
    "pdfplumber-layout": pdfplumber_layout,
    "pypdf": pypdf_text,
    "pymupdf": pymupdf_text,
    "pdfminer": pdfminer_text,
    "tabbed": tabbed_text,
}
# the extractors that take a fraction of a second a page; the others parse the PDF's layout in Python
QUICK = ("pdftotext-layout", "pdftotext", "pypdf", "pymupdf")
_NEEDS = {"pdftotext-layout": "pdftotext", "pdftotext": "pdftotext", "pdfplumber": "pdfplumber",
          "pdfplumber-layout": "pdfplumber", "pypdf": "pypdf", "pymupdf": "pymupdf", "pdfminer": "pdfminer",
          "tabbed": "pdfplumber"}


def missing(name: str) -> str | None:
    """Why the extractor cannot run here, or None."""
    need = _NEEDS[name]
    if need == "pdftotext":
        return None if shutil.which("pdftotext") else "pdftotext is not installed (Debian package: poppler-utils)"
    try:
        __import__(need)
    except ImportError:
        return f"the Python package {need} is not installed (pip install '.[test]')"
    return None


def available() -> dict:
    return {name: fn for name, fn in EXTRACTORS.items() if missing(name) is None}
