"""--jobs N prints exactly what one process prints, in the same order."""

import pytest

from filings import nd_tx, ownership_xml
from form16lint.cli import main


def _outputs(capsys, paths, fmt):
    runs = {}
    for jobs in ("1", "2"):
        status = main(["check", "--format", fmt, "--jobs", jobs, *paths])
        runs[jobs] = (status, capsys.readouterr().out)
    return runs


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif"])
def test_jobs_on_written_filings(tmp_path, monkeypatch, capsys, fmt):
    monkeypatch.chdir(tmp_path)
    for index in range(6):
        date = "2023-02-30" if index % 2 else "2024-03-01"
        (tmp_path / f"f{index}.xml").write_text(ownership_xml(nd_transactions=[nd_tx(date=date)]))
    (tmp_path / "broken.xml").write_text("<ownershipDocument><documentType>4")
    runs = _outputs(capsys, ["."], fmt)
    assert runs["1"] == runs["2"] and runs["1"][0] == 1 and runs["1"][1]


def test_jobs_on_the_corpus(shared, capsys):
    corpus = str(shared("corpus", "edgar-xml"))
    runs = _outputs(capsys, [corpus], "json")
    assert runs["1"] == runs["2"]
