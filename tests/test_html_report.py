"""`--format html`: one self-contained page, checked as text and printed by a real browser."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from filings import d_tx, nd_holding, nd_tx, owner, ownership_xml
from form16lint.cli import main
from form16lint.readers.edgar_xml import read_ownership_xml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCREENSHOT = ROOT / "docs" / "html-report.png"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    """Real seed filings, a draft with errors of several kinds, a PDF and an unreadable file; named
    relative to the working folder, as a user names them."""
    monkeypatch.chdir(tmp_path)
    folder = Path("filings")
    folder.mkdir()
    for name in ("seed-form4-sonus-notini.xml", "seed-form5-sonus-hluchyj.xml", "clean-form4.xml"):
        shutil.copy(EXAMPLES / name, folder / name)
    me = owner(cik="0001000001", name="DOE JANE")
    (folder / "a-first.xml").write_text(ownership_xml(owners=[me], period="2024-02-01",
                                                      signatures=(("/s/ Jane Doe", "2024-02-02"),), nd_transactions=[
        nd_tx(date="2024-02-01", code="P", ad="A", shares="1000", after="5000"),
        nd_tx(date="2024-02-01", code="P", ad="A", shares="300", after="700", di="I", nature="By Spouse")]))
    (folder / "b-draft.xml").write_text(ownership_xml(
        owners=[me], document_type="4/A", period="2024-03-01", signatures=(("/s/ Jane Doe", "2024-03-20"),),
        nd_transactions=[nd_tx(date="2024-03-01", shares="100", after="4900"),
                         nd_tx(date="2024-03-01", shares="100", after="4700"),  # 4900 - 100 is not 4700: B001
                         nd_tx(date="2024-03-04", shares="50", after="600", di="I", nature=None)],  # S007
        nd_holdings=[nd_holding(after="200", di="I", nature="By 401(k) Plan")],
        d_transactions=[d_tx(date="2024-03-01")]))
    (folder / "c-late.xml").write_text(ownership_xml(
        owners=[me], period="2024-04-01", signatures=(("/s/ Jane Doe", "2024-04-15"),),
        nd_transactions=[nd_tx(date="2024-04-01", code="S", shares="900", after="3800")]))  # D005
    from render_pdf import render_pdf

    pdf_source = ownership_xml(owners=[me], document_type="4", period="2024-05-01",
                               nd_transactions=[nd_tx(date="2024-05-01", code="Q", shares="10", after="4040")])
    (folder / "d-printed.pdf").write_bytes(render_pdf(read_ownership_xml("x.xml", pdf_source.encode()).filing))
    (folder / "e-broken.xml").write_text("<ownershipDocument><oops></ownershipDocument>")
    return folder


def run(inputs, tmp_path, capsys):
    report = (tmp_path / "report.html").resolve()
    main(["check", str(inputs), "--format", "html", "-o", str(report)])
    main(["check", str(inputs), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return report, findings


def page_text(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_page_is_self_contained_and_holds_every_finding(inputs, tmp_path, capsys):
    report, findings = run(inputs, tmp_path, capsys)
    markup = report.read_text()
    assert {f["code"] for f in findings} >= {"B001", "S007", "S002", "D005", "C001", "E002"}
    assert any(f["page"] is not None for f in findings)  # the PDF's findings say page and box
    text = page_text(markup)
    for finding in findings:
        assert " ".join(finding["message"].split()) in text, finding["code"]
    # nothing to load: no external resource of any kind, and a policy that forbids it
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(", markup)
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", markup)
    assert "default-src 'none'" in markup
    # accessible: headings, captions, header cells, severity in words as well as colour
    assert markup.count("<h2") >= 4 and "<caption>" in markup and 'scope="col"' in markup
    assert re.search(r'<span class="sev sev-error"><span aria-hidden="true">✖</span> error</span>', markup)
    # each finding marked at its place, with the rule's documentation a click away
    assert "<details><summary>About B001" in markup and "What it checks" in markup
    assert 'class="cell-error"' in markup  # B001 marks the amount owned following cell
    pdf_where = next(f for f in findings if f["path"].endswith(".pdf") and f["page"])
    assert f"page {pdf_where['page']}" in text
    # charts: per person and security, direct and indirect apart, late filing and balance break marked
    assert "DOE JANE · Apple Inc. · Common Stock" in text
    chart = re.search(r'<figure class="chart"[^>]*>(?:(?!</figure>).)*DOE JANE · Apple Inc\. · Common Stock'
                      r'(?:(?!</figure>).)*</figure>', markup, re.S).group(0)
    assert "Direct" in chart and "Indirect: By Spouse" in chart
    assert "in a late filing" in chart and "balance does not follow" in chart


@pytest.mark.slow
def test_printed_by_chromium(inputs, tmp_path, capsys):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian package chromium): the browser test needs it")
    from PIL import Image

    report, findings = run(inputs, tmp_path, capsys)
    profile = tmp_path / "profile"
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
              "--enable-logging=stderr", "--v=0", "--window-size=1200,1500"]
    url = report.as_uri()
    dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    # the page's script marks the document once it ran, and records any error it meets
    opening = re.search(r"<html[^>]*>", dom.stdout).group(0)
    assert 'data-script-ready="yes"' in opening
    assert "data-script-error" not in opening and '<p id="script-error"' not in dom.stdout
    assert not re.search(r"Uncaught|SyntaxError|ReferenceError|TypeError", dom.stderr)
    text = page_text(dom.stdout)
    assert f"Showing {len(findings)} of {len(findings)} findings." in text  # the filter ran
    for finding in findings:
        assert " ".join(finding["message"].split()) in text, finding["code"]
    # the table filters and sorts in the browser; the address's fragment presets both
    errors = sorted((f["code"] for f in findings if f["severity"] == "error"), reverse=True)
    view = subprocess.run(common + ["--dump-dom", url + "#severity=error&sort=1&order=desc"],
                          capture_output=True, text=True, timeout=120)
    assert f"Showing {len(errors)} of {len(findings)} findings." in page_text(view.stdout)
    body = re.search(r'<table id="findings-table".*?<tbody>(.*?)</tbody>', view.stdout, re.S).group(1)
    shown = re.findall(r'<tr data-severity="(\w+)" data-code="(\w+)"[^>]*?>', body)
    visible = [code for severity, code in shown if severity == "error"]
    assert visible == errors  # sorted by code, descending
    assert len(re.findall(r"<tr [^>]*hidden", body)) == len(findings) - len(errors)
    shot = tmp_path / "report.png"
    result = subprocess.run(common + [f"--screenshot={shot}", url], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 1500)
    colours = image.getcolors(maxcolors=1 << 20) or []
    inked = sum(count for count, rgb in colours if sum(rgb) < 600) / (image.width * image.height)
    assert len(colours) > 50 and inked > 0.02, "the screenshot is blank"
    if os.environ.get("FORM16LINT_WRITE_SCREENSHOT"):  # refresh the README's pictures from this very test
        SCREENSHOT.parent.mkdir(exist_ok=True)
        _save_small(image, SCREENSHOT)
        # the same page showing only one part: the draft laid out as the form, then the charts
        parts = {"html-report-filing.png": "header,main>section:not(#filings),.filing:not(#filing-2)",
                 "html-report-charts.png": "header,main>section:not(#charts)"}
        for name, hidden in parts.items():
            page = tmp_path / "part.html"
            page.write_text(report.read_text().replace("</style>", hidden + "{display:none}</style>", 1))
            picture = tmp_path / "part.png"
            subprocess.run(common + [f"--screenshot={picture}", page.as_uri()], capture_output=True, timeout=120)
            _save_small(Image.open(picture).convert("RGB"), SCREENSHOT.with_name(name))


def _save_small(image, target: Path) -> None:
    image.resize((960, 1200)).quantize(colors=256).save(target, optimize=True)
