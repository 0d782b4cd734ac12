"""Round trip: a filing read from XML, drawn as the form by our renderer, read back by the PDF reader,
must agree with the original on every field the printed form shows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from filings import d_holding, d_tx, nd_holding, nd_tx, owner, ownership_xml
from form16lint.readers.edgar_xml import read_ownership_xml
from form16lint.readers.pdf import read_pdf
from render_pdf import STYLES, printed_view, render_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS_SAMPLE = 60

# Our own filings: every form, both tables, holdings, markers everywhere, a joint filing, a long
# Table I that runs onto a second page.
BUILT = {
    "form4": ownership_xml(
        aff10b5one=1,
        nd_transactions=[nd_tx(notes={"price": ["F1"]}, price="10.25"),
                         nd_tx(code="M", shares="4,000".replace(",", ""), ad="A", price=None,
                               notes={"price": ["F2"], "after": ["F1", "F3"]})],
        nd_holdings=[nd_holding(di="I", nature="By Spouse Trust", notes={"nature": ["F3"]})],
        d_transactions=[d_tx(), d_tx(code="M", ad="D", shares="4000", exercisable=None,
                                     notes={"exercisable": ["F2"]})],
        footnotes={"F1": "The price is a weighted average.", "F2": "Exercised under the plan.",
                   "F3": "Held by the reporting person's spouse as trustee."},
        remarks="Exhibit 24 - Power of Attorney"),
    "form3": ownership_xml(document_type="3", nd_transactions=(),
                           nd_holdings=[nd_holding(after="5000"), nd_holding(di="I", nature="By LLC")],
                           d_holdings=[d_holding(notes={"exercisable": ["F1"]})],
                           footnotes={"F1": "Vests in four equal annual installments."}),
    "form5-amendment": ownership_xml(
        document_type="5/A", original="2024-02-01", period="2023-12-31", form3_holdings=1,
        nd_transactions=[nd_tx(code="G", price="0", date="2023-06-12", shares="10350"),
                         nd_tx(code="G", price="0", date="2023-08-15", shares="50000")],
        owners=[owner(director=1, officer=1, other=1, other_text="Member of 13(d) group")]),
    "joint": ownership_xml(owners=[owner(), owner(cik="0001000002", name="DOE FAMILY TRUST", officer=0,
                                                 director=0, ten_percent=1, street="2 ELM ST",
                                                 city="AUSTIN", state="TX", zip_code="78701")],
                           nd_transactions=[nd_tx()],
                           signatures=(("/s/ Jane Doe", "2024-03-04"), ("/s/ Doe Trust", "2024-03-05"))),
    "long": ownership_xml(nd_transactions=[nd_tx(shares=str(100 + i), after=str(10000 - 100 * i),
                                                 title="Class A Common Stock, par value $0.01 per share")
                                           for i in range(30)]),
}


def _filing(data: bytes, name="filing.xml"):
    return read_ownership_xml(name, data).filing


def _agreement(filing, style) -> tuple[int, int, list[str]]:
    expected = printed_view(filing)
    document = read_pdf("filing.pdf", render_pdf(filing, style))
    assert document.filing is not None, [f.message for f in document.reader_findings]
    got = printed_view(document.filing)
    keys = set(expected) | set(got)
    wrong = [f"{key}: {expected.get(key)!r} != {got.get(key)!r}" for key in sorted(keys)
             if _norm(expected.get(key)) != _norm(got.get(key))]
    return len(keys) - len(wrong), len(keys), wrong


def _norm(value):
    """Empty text, no value and an empty footnote list are the same on paper."""
    if isinstance(value, tuple) and len(value) == 2:
        text, notes = value
        return (_norm(text), tuple(notes))
    if value in ("", None, ()):
        return None
    return value


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_filings_round_trip_exactly(name, style):
    filing = _filing(BUILT[name].encode())
    agreed, total, wrong = _agreement(filing, style)
    assert not wrong, wrong


def test_long_table_runs_onto_a_second_page():
    pdf = render_pdf(_filing(BUILT["long"].encode()), "ruled-glyph-super")
    document = read_pdf("long.pdf", pdf)
    assert len(document.filing.non_derivative_transactions) == 30
    pages = {document.locations[f"/nonDerivativeTransactions/{i}"].page for i in range(30)}
    assert pages == {1, 2}


def test_findings_on_pdf_input_carry_page_and_box():
    document = read_pdf("f.pdf", render_pdf(_filing(BUILT["form4"].encode())))
    location = document.locate("/nonDerivativeTransactions/1/sharesOwnedFollowing")
    assert location.page == 1
    assert location.box == "Table I, row 2, column 5"
    assert document.locate("/issuer/tradingSymbol").box == "box 2 (Issuer Name and Ticker or Trading Symbol)"


def _corpus_files(shared) -> list[Path]:
    corpus = shared("corpus", "edgar-xml")
    files = sorted(corpus.glob("*.xml"))
    step = max(1, len(files) // CORPUS_SAMPLE)
    return files[::step][:CORPUS_SAMPLE]


def test_corpus_and_examples_round_trip(shared, capsys):
    """Every example and a spread of 60 corpus filings, each in one of the styles in turn.

    The threshold: our renderer and reader are both ours, so anything short of full agreement is a
    reader bug, except text the printed form itself cannot keep apart (a city with a comma in a joint
    filing's owner list, an officer title wrapped over two lines beside an "other" text). Those are
    rare; we allow 0.5% of fields."""
    files = sorted(EXAMPLES.glob("*.xml")) if EXAMPLES.exists() else []
    files += _corpus_files(shared)
    styles = sorted(STYLES)
    agreed = total = 0
    misses: list[str] = []
    for index, path in enumerate(files):
        filing = _filing(path.read_bytes(), str(path))
        if filing is None:
            continue
        ok, count, wrong = _agreement(filing, styles[index % len(styles)])
        agreed += ok
        total += count
        misses.extend(f"{path.name}: {w}" for w in wrong)
    share = agreed / total
    with capsys.disabled():
        print(f"\nPDF round trip over {len(files)} filings: agreement {agreed}/{total} fields = {share:.1%}")
        for miss in misses[:20]:
            print("  ", miss)
    assert len(files) >= 50
    assert agreed == total, misses[:20]  # every field the form shows, in every filing


def _e002(document) -> str:
    assert document.filing is None
    [finding] = document.reader_findings
    assert finding.code == "E002"
    return finding.message


def test_the_blank_official_form_is_a_form_with_no_data(shared):
    path = shared("reference", "sec-form3-blank-official.pdf")
    assert "blank Form 3: a form with no data" in _e002(read_pdf(str(path), path.read_bytes()))


def test_the_sec_specification_is_not_a_filing(shared):
    path = shared("reference", "edgar-ownership-xml-techspec-v3.pdf")
    assert "is not a Form 3, 4 or 5" in _e002(read_pdf(str(path), path.read_bytes()))


def test_an_image_only_pdf_is_unreadable():
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    from PIL import Image

    scan = Image.new("RGB", (200, 150), "white")
    pdf.drawImage(ImageReader(scan), 50, 50, 300, 300)
    pdf.showPage()
    pdf.save()
    assert "image-only" in _e002(read_pdf("scan.pdf", buffer.getvalue()))


def test_an_encrypted_pdf_is_unreadable():
    from reportlab.lib import pdfencrypt

    buffer = io.BytesIO()
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.drawString(50, 50, "FORM 4")
    pdf.showPage()
    pdf.save()
    assert "encrypted" in _e002(read_pdf("locked.pdf", buffer.getvalue()))


def test_an_unreadable_field_gives_e001_with_field_and_page():
    filing = _filing(ownership_xml(nd_transactions=[nd_tx(date="13/45/2024")]).encode())
    document = read_pdf("f.pdf", render_pdf(filing))
    [finding] = [f for f in document.reader_findings if f.code == "E001"]
    assert str(finding.severity) == "warning"
    assert "transactionDate ('13/45/2024')" in finding.message and "page 1" in finding.message
    assert finding.box == "Table I, row 1" and finding.page == 1


def test_the_plugin_claims_only_pdf(lint_text):
    result = lint_text(render_pdf(_filing(BUILT["form4"].encode())), name="f.pdf")
    assert result.documents[0].format == "pdf"
    assert not [f for f in result.findings if f.code in ("E001", "E002")]
