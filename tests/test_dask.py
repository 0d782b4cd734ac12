"""--dask local:2: filing rules on the workers, the collection rules after a shuffle by issuer;
the report is the one one process prints, byte for byte, in the same order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from filings import nd_tx, ownership_xml
from form16lint.cli import main

pytest.importorskip("dask.distributed", reason="--dask needs the dask extra")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _sale(period, after, **kwargs):
    return ownership_xml(period=period, signatures=(("/s/ Jane Doe", period),),
                         nd_transactions=[nd_tx(date=period, after=after)], **kwargs)


def _batch(folder: Path, shared=None) -> None:
    """Filings that give every collection rule something to say: tickers that differ (T004),
    a balance that breaks (X001), a copy (X002), an issuer known by CIK in one filing and by
    name only in another, plus the examples and, when present, 80 real filings."""
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    (folder / "march.xml").write_text(_sale("2024-03-01", "900"))
    (folder / "april.xml").write_text(_sale("2024-04-02", "700"))
    (folder / "april-copy.xml").write_text(_sale("2024-04-02", "700"))
    (folder / "may.xml").write_text(_sale("2024-05-01", "600", ticker="AAPL.X"))
    (folder / "by-name.xml").write_text(_sale("2024-06-03", "500", issuer_cik="", ticker="APPL"))
    for index in range(30):  # other issuers, to fill several partitions and buckets
        (folder / f"other-{index:02d}.xml").write_text(_sale(
            "2024-03-01", str(900 + index), issuer_cik=f"{index + 1000:010d}", issuer_name=f"OTHER {index} INC",
            ticker=f"OT{chr(65 + index % 26)}"))
    if shared is not None:
        for name in ("edgar-xml", "edgar-more"):
            for path in sorted(shared("corpus", name).iterdir())[:40]:
                if path.suffix in (".xml", ".txt"):
                    shutil.copy(path, folder / f"{name}-{path.name}")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    from conftest import SHARED, shared_path

    folder = tmp_path_factory.mktemp("dask") / "batch"
    _batch(folder, shared_path if (SHARED / "corpus").exists() else None)
    return folder


def _run(capsys, *args) -> tuple[int, str]:
    status = main(["check", *args])
    return status, capsys.readouterr().out


def test_dask_local_cluster_prints_what_one_process_prints(batch, monkeypatch, capsys, tmp_path):
    from form16lint import cluster

    monkeypatch.chdir(batch.parent)
    monkeypatch.setattr(cluster, "PARTITION", 16)  # several partitions on a small batch
    alone = _run(capsys, "--format", "json", "batch")
    on_dask = _run(capsys, "--format", "json", "--dask", "local:2", "--output-dir", str(tmp_path / "out"), "batch")
    assert on_dask == alone
    codes = {finding["code"] for finding in json.loads(alone[1])["findings"]}
    assert {"T004", "X001", "X002"} <= codes
    rows = [json.loads(line) for line in (tmp_path / "out" / "findings" / "part-00000.jsonl").open()]
    assert [row["fingerprint"] for row in rows] == [f["fingerprint"] for f in json.loads(alone[1])["findings"]]
    assert len((tmp_path / "out" / "files.jsonl").read_text().splitlines()) == len(json.loads(alone[1])["files"])
    try:
        import pyarrow.parquet as pq
    except ImportError:  # Parquet parts are written only with the parquet extra
        assert not list((tmp_path / "out" / "findings").glob("*.parquet"))
    else:
        table = pq.read_table(tmp_path / "out" / "findings" / "part-00000.parquet")
        assert table.column("fingerprint").to_pylist() == [row["fingerprint"] for row in rows]


def test_shard_keys_follow_issuers_as_one_process_keys_them():
    from form16lint.cluster import shard_keys

    facts = [((0, 0), "apple", "320193", "0001-24-1"),
             ((0, 1), "apple", None, None),             # name only: the CIK another filing gives
             ((1, 0), "orange", None, None),            # name only, no CIK anywhere
             ((1, 1), "pear", "42", "0001-24-1"),       # another issuer, same accession: one bucket
             ((2, 0), "plum", "77", None)]
    keys = shard_keys(facts)
    assert keys[(0, 0)] == keys[(0, 1)] == keys[(1, 1)]
    assert len({keys[(0, 0)], keys[(1, 0)], keys[(2, 0)]}) == 3


def test_a_bad_address_is_a_usage_error(capsys):
    assert main(["check", "--dask", "local:x", str(EXAMPLES)]) == 2
    assert "local:N" in capsys.readouterr().err
