"""Write the zoo to a folder, reusing what is already there.

    <zoo>/manifest.json                     the filings (source, form, traits, held out), layouts, extractors
    <zoo>/xml/<name>.xml                    the ownership XML (the truth's source, linted for the codes)
    <zoo>/<layout>/<name>.pdf               the filing printed in that layout
    <zoo>/<layout>/<name>.truth.json        what that print carries (field -> value)
    <zoo>/<layout>/<extractor>/<name>.txt   the text an extractor gives of that PDF

Which layouts and extractors each filing gets is in the manifest (see :func:`plan` and ``build``).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import corpus as corpus_module
from .extractors import EXTRACTORS, QUICK, extract_all, missing
from .layouts import LAYOUTS


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data.encode() if isinstance(data, str) else data)
    os.replace(tmp, path)


def _one(task) -> list[str]:
    """Render one filing in one layout and extract its text; returns problems (empty when all went well)."""
    out, corpus_filing, layout_name, extractor_names, force = task
    layout = LAYOUTS[layout_name]
    folder = out / layout_name
    pdf = folder / f"{corpus_filing.name}.pdf"
    problems = []
    if force or not pdf.exists():
        try:
            _write(pdf, layout.make(corpus_filing))
        except Exception as error:  # a layout that cannot print this filing is reported, not fatal
            return [f"{layout_name}/{corpus_filing.name}: {type(error).__name__}: {error}"]
    truth = folder / f"{corpus_filing.name}.truth.json"
    if force or not truth.exists():
        _write(truth, json.dumps(layout.truth(corpus_filing.filing), indent=1, ensure_ascii=False))
    wanted = [name for name in extractor_names
              if force or not (folder / name / f"{corpus_filing.name}.txt").exists()]
    texts = {}
    try:
        texts = extract_all(pdf, wanted)
    except Exception:  # one extractor failed: take them one by one to know which
        for name in wanted:
            try:
                texts.update(extract_all(pdf, [name]))
            except Exception as error:
                problems.append(f"{layout_name}/{name}/{corpus_filing.name}: {type(error).__name__}: {error}")
    for name, text in texts.items():
        _write(folder / name / f"{corpus_filing.name}.txt", text)
    return problems


PRIMARY = ("sec-browser", "sec-plain")


def plan(filings, layouts, others_per_filing: int | None) -> dict[str, list[str]]:
    """filing name -> its layouts. Every filing gets the SEC rendition both ways; of the other
    layouts it fits, ``others_per_filing`` (None: all), each time the one given to the fewest
    filings so far (the one fewest filings fit first among equals), so that every layout gets its
    share of the corpus."""
    given = dict.fromkeys(layouts, 0)
    fit_count = {name: sum(bool(LAYOUTS[name].fits(f)) for f in filings) for name in layouts}
    out = {}
    for f in filings:
        fitting = [name for name in layouts if LAYOUTS[name].fits(f)]
        primary = [name for name in fitting if name in PRIMARY]
        others = [name for name in fitting if name not in PRIMARY]
        if others_per_filing is not None:
            # the least given first; among those, the one fewest filings fit (the official Form 3)
            others = sorted(others, key=lambda name: (given[name], fit_count[name], layouts.index(name)))
            others = others[:others_per_filing]
        for name in primary + others:
            given[name] += 1
        out[f.name] = [name for name in layouts if name in primary + others]
    return out


def build(out: Path, filings, layouts=None, extractors=None, *, jobs: int = 2, force: bool = False,
          others_per_filing: int | None = None, slow_extractors: str = "all", progress=print) -> dict:
    """Write the zoo for ``filings`` (CorpusFiling) into ``out``; returns the manifest.

    ``slow_extractors`` "held-out" runs the slow extractors (those not in ``QUICK``) only on the
    held-out filings' PDFs, the quick ones on every PDF: the whole zoo in reasonable time."""
    out = Path(out)
    layouts = [name for name in (layouts or LAYOUTS) if LAYOUTS[name].needs() is None]
    extractors = [name for name in (extractors or EXTRACTORS) if missing(name) is None]
    for f in filings:
        xml = out / "xml" / f"{f.name}.xml"
        if force or not xml.exists():
            _write(xml, f.xml)
    chosen = plan(filings, layouts, others_per_filing)

    def extractors_for(f):
        if slow_extractors == "all" or f.held_out:
            return extractors
        return [name for name in extractors if name in QUICK]

    tasks = [(out, f, layout, extractors_for(f), force) for f in filings for layout in chosen[f.name]]
    problems: list[str] = []
    done = 0
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            for found in pool.map(_one, tasks, chunksize=1):
                problems += found
                done += 1
                if progress and done % 50 == 0:
                    progress(f"  {done}/{len(tasks)} prints")
    else:
        for task in tasks:
            problems += _one(task)
    manifest = {
        "filings": [{"name": f.name, "source": f"{f.path.parent.name}/{f.path.name}", "form": f.form,
                     "traits": f.traits, "held_out": f.held_out,
                     "layouts": chosen[f.name], "extractors": extractors_for(f)} for f in filings],
        "layouts": {name: LAYOUTS[name].description for name in layouts},
        "extractors": extractors,
        "problems": problems,
    }
    _write(out / "manifest.json", json.dumps(manifest, indent=1))
    return manifest


def build_from_corpus(out: Path, corpus: Path, count: int, **kwargs) -> dict:
    return build(out, corpus_module.select(corpus, count), **kwargs)
