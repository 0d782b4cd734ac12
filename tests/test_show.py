"""``form16lint show`` lays out what was read as the form; ``extract`` gives its canonical JSON."""

from __future__ import annotations

import pytest

from extracted_texts import FORM3, FORM4
from filings import nd_tx, owner, ownership_xml
from form16lint.canonical import from_data, loads
from form16lint.cli import main
from form16lint.engine import read_document


def run(capsys, monkeypatch, *argv):
    monkeypatch.setenv("COLUMNS", "260")
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_text_filing_as_the_form(tmp_path, capsys, monkeypatch):
    path = tmp_path / "form4.txt"
    path.write_text(FORM4)
    code, out, err = run(capsys, monkeypatch, "show", "--no-color", str(path))
    assert code == 0 and not err
    for expected in ("FORM 4", "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", "1. Name and Address of Reporting Person",
                     "DOE JANE Q", "SPRINGFIELD IL 62701", "ACME WIDGETS CORP [ACME]", "03/01/2024",
                     "[X] Director", "[X] Officer", "[ ] 10% Owner", "Chief Financial Officer",
                     "[X] Form filed by One Reporting Person", "Table I - Non-Derivative", "5. Amount Owned Following",
                     "12.50 (1)", "9,000", "By Trust (2)", "Table II - Derivative", "10. D or I", "03/01/2030",
                     "(1) Weighted average price", "Exhibit 24 - Power of Attorney", "/s/ Jane Q. Doe", "03/04/2024"):
        assert expected in out, expected


def test_show_form3_uses_form3_columns(tmp_path, capsys, monkeypatch):
    path = tmp_path / "form3.txt"
    path.write_text(FORM3)
    code, out, _ = run(capsys, monkeypatch, "show", "--no-color", str(path))
    assert code == 0
    assert "Date of Event Requiring Statement" in out and "4. Conversion or Exercise Price" in out
    assert "2. Transaction Date" not in out


def test_show_xml_filing(tmp_path, capsys, monkeypatch):
    path = tmp_path / "f.xml"
    path.write_text(ownership_xml(owners=[owner()], nd_transactions=[nd_tx()]))
    code, out, _ = run(capsys, monkeypatch, "show", "--no-color", str(path))
    assert code == 0 and "FORM 4" in out and "Table I" in out and "read as edgar-xml" in out


def test_show_names_unreadable_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "notes.txt"
    path.write_text("nothing to see")
    code, out, err = run(capsys, monkeypatch, "show", str(path))
    assert code == 1 and not out
    assert str(path) in err and "E003" in err and "not a filing" in err and "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, "show", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err


def test_show_lists_fields_read_without_confidence(shared, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "show", "--no-color", str(shared("seeds", "000_3fc8a5ca8c364909.txt")))
    assert code == 0
    assert "4,051,557" in out and "3,951,557 (2)(3)" in out and "HLUCHYJ MICHAEL" in out
    assert "E001" in out and "ZIP code" in out


@pytest.mark.parametrize("seed", ["000_3fc8a5ca8c364909.txt", "003_3e622c2d1d9abf8c.txt"])
def test_extract_seed_round_trips(shared, plugins, tmp_path, capsys, monkeypatch, seed):
    source = shared("seeds", seed)
    out_path = tmp_path / "out.json"
    code, _, _ = run(capsys, monkeypatch, "extract", str(source), "-o", str(out_path))
    assert code == 0
    assert from_data(loads(out_path.read_text())) == read_document(plugins, str(source)).filing
    again = read_document(plugins, str(out_path))  # the JSON reader reads it back as well
    assert again.format == "json" and again.filing == read_document(plugins, str(source)).filing


def test_extract_text_fixture_round_trips(plugins, tmp_path, capsys, monkeypatch):
    source = tmp_path / "form4.txt"
    source.write_text(FORM4)
    code, out, _ = run(capsys, monkeypatch, "extract", str(source))
    assert code == 0
    assert from_data(loads(out)) == read_document(plugins, str(source)).filing


def test_show_on_a_narrow_terminal_gives_each_row_as_a_card_not_a_cropped_table(tmp_path, capsys, monkeypatch):
    path = tmp_path / "form4.txt"
    path.write_text(FORM4)
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["show", "--no-color", str(path)]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    for expected in ("row 1 (transaction)", "5. Amount Owned Following", "9,000", "By Trust (2)",
                     "10. D or I", "03/01/2030"):
        assert expected in out, expected
