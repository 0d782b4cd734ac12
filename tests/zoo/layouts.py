"""Every layout of the zoo: how one filing becomes a PDF.

A :class:`Layout` makes the PDF bytes of a filing (``make``), says whether the filing fits it
(``fits``: the official Form 3 takes only Form 3s whose rows fit its ruled lines) and what of the
filing it prints (``truth``).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .chromium import chromium_binary, print_html
from .sec_rendition import render_html
from .truth import printed_values


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    make: Callable  # (CorpusFiling) -> PDF bytes
    fits: Callable = lambda corpus_filing: True
    truth: Callable = lambda filing: printed_values(filing)
    needs: Callable = lambda: None  # () -> why it cannot run here, or None


def _no_chromium():
    return None if chromium_binary() else "Chromium is not installed (Debian package: chromium)"


def _page_name(corpus_filing) -> str:
    issuer = (corpus_filing.filing.issuer.cik or "0").lstrip("0") or "0"
    return f"Archives/edgar/data/{issuer}/{corpus_filing.name[:40]}/xslF345X05/form{corpus_filing.filing.base_form}.html"


def _sec(header_footer: bool):
    def make(corpus_filing) -> bytes:
        with tempfile.TemporaryDirectory(prefix="zoo-") as tmp:
            out = Path(tmp) / "out.pdf"
            print_html(render_html(corpus_filing.filing), out, header_footer=header_footer,
                       name=_page_name(corpus_filing))
            return out.read_bytes()
    return make


def _reportlab(style: str):
    def make(corpus_filing) -> bytes:
        from render_pdf import render_pdf

        return render_pdf(corpus_filing.filing, style)
    return make


LAYOUTS: dict[str, Layout] = {}


def _add(layout: Layout) -> None:
    LAYOUTS[layout.name] = layout


_add(Layout("sec-browser", "EDGAR's HTML rendition printed by Chromium with its header and footer "
            "(date, title, address, page n/m)", _sec(True), needs=_no_chromium))
_add(Layout("sec-plain", "EDGAR's HTML rendition printed by Chromium without header and footer",
            _sec(False), needs=_no_chromium))
for _style, _description in {
    "ruled-glyph-super": "our reportlab form, landscape Letter: ruled, ☒ glyphs, raised markers",
    "unruled-bracket-cell": "our reportlab form: unruled, [X], markers as (1) in the cell",
    "ruled-drawn-unicode": "our reportlab form: ruled, drawn boxes, Unicode superscript markers",
    "unruled-glyph-super-norepeat": "our reportlab form: unruled, long tables run on without a repeated header",
}.items():
    _add(Layout(f"rl-{_style}", _description, _reportlab(_style)))


def _firm(style: str):
    def make(corpus_filing) -> bytes:
        from .firm_template import render_firm

        return render_firm(corpus_filing.filing, style)
    return make


def _firm_missing(style: str):
    def needs():
        from .firm_template import FIRM_STYLES, fonts_missing

        return fonts_missing(FIRM_STYLES[style])
    return needs


for _style, _description in {
    "letter-times-grid": "a firm's template, portrait Letter, Times, ruled grid, drawn boxes, raised markers",
    "a4-courier-unruled": "a firm's template, portrait A4, Courier, unruled, [X], markers as (1), notes (1)",
    "a4-landscape-serif-rows": "a firm's template, landscape A4, DejaVu Serif, rules between rows, ☒, ⁽¹⁾",
    "letter-narrow-grid": "a firm's template, portrait Letter, Liberation Sans Narrow, ruled, ☒, raised markers",
}.items():
    _add(Layout(f"firm-{_style}", _description, _firm(_style), needs=_firm_missing(_style)))


def _official(corpus_filing) -> bytes:
    from .official_form import render_official

    return render_official(corpus_filing.filing, corpus_filing.path.parents[2])


def _official_fits(corpus_filing) -> bool:
    from .official_form import BLANK, fits

    return fits(corpus_filing.filing) and corpus_filing.path.parents[2].joinpath(*BLANK).exists()


def _official_truth(filing) -> dict:
    from .official_form import truth

    return truth(filing)


_add(Layout("official-form3", "the SEC's official blank Form 3 with the values typed in (Form 3s that fit it)",
            _official, fits=_official_fits, truth=_official_truth))
