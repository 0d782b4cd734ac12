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


def test_jobs_workers_send_back_no_documents_and_print_the_same(tmp_path, monkeypatch, capsys):
    """Enough files for several batches, so worker processes really run; what they send back
    holds headers (no tables) and summaries, never a document with its rows."""
    import os
    import pickle

    from form16lint import parallel
    from form16lint.model import Document

    monkeypatch.chdir(tmp_path)
    for index in range(3 * parallel.BATCH + 5):
        period = f"2024-{index % 12 + 1:02d}-0{index % 7 + 1}"
        (tmp_path / f"f{index:02d}.xml").write_text(ownership_xml(
            period=period, nd_transactions=[nd_tx(date=period, after=str(1000 - index))]))
    original = parallel.check_input
    pid = os.getpid()
    workers = tmp_path.parent / f"{tmp_path.name}-workers"
    workers.mkdir()

    def checked_in_a_worker(*args):  # inherited by the forked workers
        checked = original(*args)
        if os.getpid() != pid:  # this process checks batches too, while the workers have enough queued
            (workers / str(os.getpid())).touch()
            assert not checked.header.filing.non_derivative_transactions
            assert not any(isinstance(summary, Document) for summary in checked.summaries)
            assert len(pickle.dumps(checked)) < 8000
        return checked

    monkeypatch.setattr(parallel, "check_input", checked_in_a_worker)
    runs = _outputs(capsys, ["."], "json")
    assert runs["1"] == runs["2"] and '"X001"' in runs["1"][1]
    assert list(workers.iterdir()), "no batch was checked in a worker process"
