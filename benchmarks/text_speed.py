"""How long linting extracted text takes per filing, beside linting the same filing's XML.

    python benchmarks/text_speed.py [N]

Renders N filings (our test filings and, when the shared corpus sits beside the project, corpus
filings) with the test renderer, extracts each PDF's text with pdfplumber (its layout=True and its
plain extract_text) and, when installed, poppler's pdftotext with and without -layout, pypdf,
PyMuPDF and pdfminer.six (the last four give text in reading order), then times for each

* the XML: the whole lint of the filing's ownership XML (read, every rule, findings);
* the text: the whole lint of each extracted text.

and prints the time per filing of each and their ratio (target: text within 2x of XML). Each figure
is the best of three runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from filings import nd_tx, ownership_xml  # noqa: E402
from render_pdf import STYLES, render_pdf  # noqa: E402

from bench import best_of  # noqa: E402
from form16lint.engine import lint  # noqa: E402
from form16lint.plugins import load_plugins  # noqa: E402
from form16lint.readers.edgar_xml import read_ownership_xml  # noqa: E402
from form16lint.rule import RunOptions  # noqa: E402
from form16lint.settings import Settings  # noqa: E402


def sources(count: int) -> list[bytes]:
    corpus = ROOT.parent / "shared" / "corpus" / "edgar-xml"
    found = [p.read_bytes() for p in sorted(corpus.glob("*.xml"))[::25]][:count] if corpus.exists() else []
    found.append(ownership_xml(nd_transactions=[nd_tx(shares=str(100 + i)) for i in range(30)]).encode())
    return found


def extractions(pdf: Path) -> dict[str, str]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        texts = {"pdfplumber-layout": "\n".join(p.extract_text(layout=True) or "" for p in document.pages),
                 "pdfplumber": "\n".join(p.extract_text() or "" for p in document.pages)}
    if shutil.which("pdftotext"):
        texts["pdftotext-layout"] = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                                                   capture_output=True, check=True).stdout.decode()
        texts["pdftotext"] = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                                            capture_output=True, check=True).stdout.decode()
    # the extractors that give text in reading order, each when installed
    try:
        import pypdf

        texts["pypdf"] = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages)
    except ImportError:
        pass
    try:
        import pymupdf

        with pymupdf.open(str(pdf)) as document:
            texts["pymupdf"] = "".join(page.get_text() for page in document)
    except ImportError:
        pass
    try:
        from pdfminer.high_level import extract_text

        texts["pdfminer"] = extract_text(str(pdf))
    except ImportError:
        pass
    return texts


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    plugins = load_plugins(autoload=False)
    styles = sorted(STYLES)
    xml_time = 0.0
    text_times: dict[str, float] = {}
    filings = 0
    with tempfile.TemporaryDirectory() as folder:
        for index, data in enumerate(sources(count)):
            filing = read_ownership_xml("f.xml", data).filing
            if filing is None:
                continue
            xml = Path(folder) / f"{index}.xml"
            xml.write_bytes(data)
            pdf = Path(folder) / f"{index}.pdf"
            pdf.write_bytes(render_pdf(filing, styles[index % len(styles)]))
            lint([str(xml)], plugins, Settings(), RunOptions())  # warm the imports and the rules
            xml_time += best_of(3, lambda: lint([str(xml)], plugins, Settings(), RunOptions()))
            for how, text in extractions(pdf).items():
                path = Path(folder) / f"{index}-{how}.txt"
                path.write_text(text, encoding="utf-8")
                text_times[how] = text_times.get(how, 0.0) + best_of(
                    3, lambda: lint([str(path)], plugins, Settings(), RunOptions()))
            filings += 1
    per_xml = xml_time / filings * 1000
    print(f"{filings} filings; XML lint {per_xml:.1f} ms per filing")
    for how, seconds in sorted(text_times.items()):
        per_text = seconds / filings * 1000
        print(f"  {how:18s} text lint {per_text:6.1f} ms per filing = {per_text / per_xml:.2f}x the XML "
              "(target: at most 2x)")


if __name__ == "__main__":
    main()
