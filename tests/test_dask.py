"""--dask local:2: filing rules on the workers, the collection rules after a shuffle keyed by
what each compares (T004 by issuer, X001 by reporting person and issuer, X002 by accession number
and outline); the report is the one one process prints, byte for byte, in the same order."""

from __future__ import annotations

import json
import shutil
import tarfile
from pathlib import Path

import pytest

from filings import nd_holding, nd_tx, owner, ownership_xml
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
    _renamed_issuer(folder)
    (folder / "suppressed.xml").write_text(_sale("2024-03-01", "900").replace(  # F002: a code no rule has
        "<ownershipDocument>", "<!-- form16lint: ignore Z999 reason: no such rule -->\n<ownershipDocument>", 1))
    for index in range(30):  # other issuers, to fill several partitions and buckets
        (folder / f"other-{index:02d}.xml").write_text(_sale(
            "2024-03-01", str(900 + index), issuer_cik=f"{index + 1000:010d}", issuer_name=f"OTHER {index} INC",
            ticker=f"OT{chr(65 + index % 26)}"))
    if shared is not None:  # the whole real corpus
        for name in ("edgar-xml", "edgar-more"):
            for path in sorted(shared("corpus", name).iterdir()):
                if path.suffix in (".xml", ".txt"):
                    shutil.copy(path, folder / f"{name}-{path.name}")


def _renamed_issuer(folder: Path) -> None:
    """One issuer name under two CIKs, and a person's filing that gives the name alone: one
    process keys it by the CIK the first filing gives the name (another person's), so it does not
    chain with the person's filing under the second CIK. A bucket that held only the person's
    filings would key it by the second CIK and chain them (a break: 400 + 0 is not 300)."""
    someone_else = [owner(cik="0001000999", name="ROE RICHARD")]
    (folder / "acme-a-first.xml").write_text(_sale("2024-01-02", "50", owners=someone_else, issuer_cik="0000555001",
                                                   issuer_name="Acme Widgets Inc", ticker="ACMW"))
    (folder / "acme-b-name-only.xml").write_text(_sale("2024-02-01", "400", issuer_cik="",
                                                       issuer_name="ACME WIDGETS INC", ticker="ACMW"))
    (folder / "acme-c-second-cik.xml").write_text(ownership_xml(
        period="2024-03-01", signatures=(("/s/ Jane Doe", "2024-03-01"),), issuer_cik="0000555002",
        issuer_name="Acme Widgets, Inc.", ticker="ACMW", nd_holdings=[nd_holding(after="300")]))


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
    with tarfile.open(batch.parent / "feed.tar.gz", "w:gz") as feed:  # members read here, sent as bytes
        for name in ("march.xml", "april.xml", "may.xml", "by-name.xml"):
            feed.add(batch / name, arcname=f"feed/2024/{name}")
    alone = _run(capsys, "--format", "json", "batch", "feed.tar.gz")
    on_dask = _run(capsys, "--format", "json", "--dask", "local:2", "--output-dir", str(tmp_path / "out"),
                   "batch", "feed.tar.gz")
    assert on_dask == alone
    assert "feed.tar.gz!feed/2024/may.xml" in {entry["path"] for entry in json.loads(alone[1])["files"]}
    codes = {finding["code"] for finding in json.loads(alone[1])["findings"]}
    assert {"T004", "X001", "X002", "F002"} <= codes
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


class Immediate:
    """A stand-in for a dask Client that runs each task when it is submitted, here."""

    def __init__(self, workers: int):
        self.workers = workers

    def scheduler_info(self):
        return {"workers": dict.fromkeys(range(self.workers))}

    def submit(self, function, *args, **placement):
        return function(*args)

    def gather(self, values):
        return values

    def who_has(self, futures):
        return {}


@pytest.fixture(scope="module")
def partitions(batch):
    """The batch checked as the workers check it, in partitions of 16."""
    from form16lint.checking import Summarisers, split_rules
    from form16lint.cluster import check_partition
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    settings, options = Settings(), RunOptions()
    _, collection_rules = split_rules(load_plugins().all_rules(), settings)
    paths = sorted(str(path) for path in batch.iterdir())
    parts = [check_partition("test", number, paths[start:start + 16], settings, options)
             for number, start in enumerate(range(0, len(paths), 16))]
    return parts, Summarisers(collection_rules), options


def _one_process(parts, summarisers, options):
    from form16lint.checking import Collected
    from form16lint.engine import summary_findings

    collected = Collected()
    collected.summaries = [[summary for part in parts for _, summary in part["summaries"][group]]
                           for group in range(len(summarisers.rules))]
    collected.failed = [[] for _ in summarisers.rules]
    return summary_findings(collected, summarisers, options)


def _rows(findings):
    from form16lint.findings import Finding

    return [(f.code, f.path, f.pointer, str(f.severity), f.message)
            for f in sorted(findings, key=Finding.sort_key)]


@pytest.mark.parametrize("workers", [1, 2, 3, 8, 64])
def test_the_shuffle_gives_the_collection_findings_of_one_process(partitions, workers):
    from form16lint.cluster import _collection_on_cluster

    parts, summarisers, options = partitions
    alone = _rows(_one_process(parts, summarisers, options))
    on_buckets = _rows(_collection_on_cluster(Immediate(workers), [part["summaries"] for part in parts], summarisers,
                                              [[] for _ in summarisers.rules], options))
    assert on_buckets == alone
    codes = {row[0] for row in alone}
    assert {"T004", "X001", "X002"} <= codes
    assert not [row for row in alone if "acme-c-second-cik" in row[1] and row[0] == "X001"]


def test_each_rule_is_keyed_by_what_it_compares(partitions):
    """Every group a rule compares lies whole in one bucket; the buckets are many, not one."""
    from form16lint.cluster import COPIES, ISSUER, PERSON, ShufflePlan, shuffle_facts

    parts, summarisers, _ = partitions
    facts = [((number, position), *rest) for number, part in enumerate(parts)
             for position, *rest in shuffle_facts(part["summaries"], 0)]
    plan = ShufflePlan(facts)
    for grouping in (ISSUER, PERSON, COPIES):
        count, by_part = plan.routes(grouping, 8)
        assert count == 8
        routes = [by_part.get(number, {}).get(position, (None, ())) for number, position in plan.orders]
        placed = {}
        for key, (bucket, _) in zip(plan.keys[grouping], routes):
            if key is not None:
                assert placed.setdefault(key, bucket) == bucket
        assert len(set(placed.values())) == 8
        if grouping == PERSON:  # the filing that gives a name its CIK is in every bucket keying it so
            assert plan.witness
            for index, witness in plan.witness.items():
                assert routes[index][0] in (routes[witness][0], *routes[witness][1])
    assert len(set(plan.keys[PERSON])) > len(set(plan.keys[ISSUER])) / 2  # persons split issuers further


def test_a_guest_keys_the_issuer_as_one_process_and_says_nothing(batch):
    """A bucket holding a person's filings under two CIKs of one name, and the filing that gives
    the name its first CIK as a guest, keys the issuers as one process (no X001); without the
    guest it would chain the two (an X001)."""
    from form16lint.checking import Summarisers, split_rules
    from form16lint.cluster import check_partition, run_bucket
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    settings, options = Settings(select=["X001", "X002", "T004"]), RunOptions()
    _, rules = split_rules(load_plugins().all_rules(), settings)
    names = ("acme-a-first.xml", "acme-b-name-only.xml", "acme-c-second-cik.xml")
    part = check_partition("guest", 0, [str(batch / name) for name in names], settings, options)
    assert len(Summarisers(rules).rules) == 1
    first, name_only, second = part["summaries"][0]
    x001 = [rule for rule in rules if rule.code == "X001"]
    assert run_bucket([[(*first, True), (*name_only, False), (*second, False)]], x001, options) == []
    chained = run_bucket([[(*name_only, False), (*second, False)]], x001, options)
    assert [(f.code, Path(f.path).name) for f in chained] == [("X001", "acme-c-second-cik.xml")]


def test_the_plan_keys_issuers_and_copies_as_one_process():
    from form16lint.cluster import COPIES, ISSUER, PERSON, ShufflePlan

    owners_a, owners_b = b"a", b"b"
    facts = [((0, 0), "apple", "320193", "0001-24-1", owners_a, b"o1"),
             ((0, 1), "apple", None, None, owners_a, b"o2"),        # name only: the CIK another filing gives
             ((1, 0), "orange", None, None, owners_a, b"o3"),        # name only, no CIK anywhere
             ((1, 1), "pear", "42", "0001-24-1", owners_b, b"o4"),   # another issuer, same accession
             ((2, 0), "plum", "77", None, owners_b, b"o4"),          # the same outline as (1, 1)
             ((2, 1), "plum", "77", None, None, b"o5")]              # no reporting person
    plan = ShufflePlan(facts)
    issuer, copies, person = plan.keys[ISSUER], plan.keys[COPIES], plan.keys[PERSON]
    assert issuer == ["320193", "320193", "name:orange", "42", "77", "77"]
    assert copies[0] == copies[3] == copies[4] and len({copies[0], copies[1], copies[2], copies[5]}) == 4
    assert person[0] == person[1] == person[3] == person[4]  # one person-issuer, joined with its copies
    assert len({person[0], person[2], person[5]}) == 3
    assert plan.witness == {1: 0}


def test_a_bad_address_is_a_usage_error(capsys):
    assert main(["check", "--dask", "local:x", str(EXAMPLES)]) == 2
    assert "local:N" in capsys.readouterr().err
