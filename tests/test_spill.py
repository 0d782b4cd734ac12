"""A run's findings and headers past a few thousand wait in a temporary file: the report is the
same, byte for byte, whether they spilled or not."""

import pickle

import pytest

from filings import nd_tx, ownership_xml
from form16lint import spill
from form16lint.cli import main
from form16lint.spill import Spill, sorted_spill


def test_a_spill_reads_back_its_items_in_order_as_often_as_asked():
    items = Spill(keep=5)
    items.extend(range(3))
    assert not items.spilled and items.in_memory() == [0, 1, 2]
    items.extend(range(3, 1000))
    assert items.spilled and len(items) == 1000
    assert list(items) == list(range(1000)) and list(items) == list(range(1000))
    assert items[0] == 0 and items[-1] == 999 and items[500] == 500 and items[10:13] == [10, 11, 12]
    assert list(pickle.loads(pickle.dumps(items))) == list(range(1000))
    with pytest.raises(IndexError):
        items[1000]
    items.close()


def test_sorting_in_spilled_runs_is_sorting(monkeypatch):
    monkeypatch.setattr(spill, "RUN", 7)
    monkeypatch.setattr(spill, "BLOCK", 3)
    pairs = [(index * 7919 % 31, index) for index in range(200)]  # equal keys: stable, as sorted() is
    assert list(sorted_spill(pairs, key=lambda pair: pair[0])) == sorted(pairs, key=lambda pair: pair[0])
    assert sorted_spill(pairs[:5], key=lambda pair: pair[0]) == sorted(pairs[:5], key=lambda pair: pair[0])


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise"])
def test_a_run_that_spills_prints_what_one_in_memory_prints(tmp_path, monkeypatch, capsys, fmt):
    monkeypatch.chdir(tmp_path)
    for index in range(12):
        period = f"2024-{index % 12 + 1:02d}-0{index % 7 + 1}"
        suppression = "<!-- form16lint: ignore S003 reason: reviewed -->\n" if index == 3 else ""
        xml = ownership_xml(period=period, nd_transactions=[nd_tx(date="2023-02-30" if index % 2 else period,
                                                                   after=str(1000 - index))])
        (tmp_path / f"f{index:02d}.xml").write_text(xml.replace("<ownershipDocument>", suppression
                                                                + "<ownershipDocument>", 1))
    in_memory = main(["check", "--format", fmt, "."]), capsys.readouterr().out
    monkeypatch.setattr(spill, "KEEP", 2)
    monkeypatch.setattr(spill, "BLOCK", 2)
    monkeypatch.setattr(spill, "RUN", 3)
    spilled = main(["check", "--format", fmt, "."]), capsys.readouterr().out
    assert spilled == in_memory and in_memory[1].count("X001") + in_memory[1].count("D00") > 2
