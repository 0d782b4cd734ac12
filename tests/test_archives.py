"""Archives read in place: the same per-filing findings as the same filings in a folder, member
paths as ARCHIVE!member/path in every format, non-filings skipped with a count."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from form16lint.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _folder(tmp_path: Path, shared=None) -> Path:
    """feed/ with the examples at the top and, when the shared corpus is there, 60 real filings
    (XML and whole EDGAR submissions) two folders down; and a file that is not a filing."""
    feed = tmp_path / "feed"
    deep = feed / "2024" / "QTR1"
    deep.mkdir(parents=True)
    for path in sorted(EXAMPLES.iterdir()):
        if path.is_file() and path.suffix in (".xml", ".json", ".txt"):
            shutil.copy(path, feed / path.name)
    if shared is not None:
        for folder in ("edgar-xml", "edgar-more"):
            for path in sorted(shared(folder).iterdir())[:31]:
                if path.suffix in (".xml", ".txt"):
                    shutil.copy(path, deep / path.name)
    (feed / "README.md").write_text("not a filing\n")
    return feed


def _pack(feed: Path, archive: Path) -> Path:
    files = sorted(p for p in feed.rglob("*") if p.is_file())
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in files:
                zipped.write(path, path.relative_to(feed.parent).as_posix())
    else:
        mode = {".gz": "w:gz", ".bz2": "w:bz2", ".tar": "w"}[archive.suffix]
        with tarfile.open(archive, mode) as tar:
            tar.add(feed, arcname="feed")
    return archive


def _json(capsys, *args) -> dict:
    main(["check", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


def _per_filing(report: dict, prefix: str = "") -> list:
    """Findings with the archive prefix taken off every path, in the paths and in the messages."""
    strip = lambda text: text.replace(prefix, "") if prefix else text
    return sorted((strip(f["path"]), f["code"], f["line"], f["column"], f["pointer"], strip(f["message"]),
                   f["severity"]) for f in report["findings"])


@pytest.fixture
def corpus(request):
    try:
        from conftest import shared_path

        shared_path("corpus", "edgar-xml")
        return lambda folder: shared_path("corpus", folder)
    except pytest.skip.Exception:
        return None


@pytest.mark.parametrize("name", ["feed.tar.gz", "feed.zip", "feed.tar.bz2", "feed.tar", "feed.tgz"])
def test_an_archive_gives_the_findings_of_the_same_folder(tmp_path, monkeypatch, capsys, corpus, name):
    monkeypatch.chdir(tmp_path)
    feed = _folder(tmp_path, corpus)
    archive = _pack(feed, tmp_path / (name if name != "feed.tgz" else "feed.tar.gz"))
    if name == "feed.tgz":
        archive = archive.rename(tmp_path / "feed.tgz")
    from_folder = _json(capsys, "feed")
    from_archive = _json(capsys, archive.name)
    prefix = f"{archive.name}!"
    assert _per_filing(from_archive, prefix) == _per_filing(from_folder)
    assert from_archive["summary"] == from_folder["summary"]
    paths = {entry["path"] for entry in from_archive["files"]}
    assert len(paths) == len(from_folder["files"]) and all(path.startswith(prefix + "feed/") for path in paths)
    if corpus is not None:
        assert any(path.startswith(prefix + "feed/2024/QTR1/") for path in paths)  # nested folders
    assert from_archive["notes"] == [f"{archive.name}: {len(paths)} member(s) read as filings; skipped 1 that are "
                                     "not filings (1 files without a filing's suffix)"]


def test_member_paths_in_sarif_and_concise(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    archive = _pack(_folder(tmp_path), tmp_path / "feed.tar.gz")
    assert main(["check", "--format", "concise", archive.name]) == 0
    out = capsys.readouterr().out
    assert "feed.tar.gz!feed/seed-form4-sonus-notini.xml:39:30: D005 [warning]" in out
    main(["check", "--format", "sarif", archive.name])
    sarif = json.loads(capsys.readouterr().out)
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"]}
    assert "feed.tar.gz%21feed/seed-form4-sonus-notini.xml" in uris


def test_other_edgar_submissions_links_and_bad_archives(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    form4 = (EXAMPLES / "seed-form4-sonus-notini.xml").read_bytes()
    ten_k = (b"<SEC-DOCUMENT>0000950123-24-000001.txt : 20240102\n<SEC-HEADER>\nACCESSION NUMBER:\t"
             b"0000950123-24-000001\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n</SEC-DOCUMENT>\n")
    with tarfile.open(tmp_path / "day.nc.tar.gz", "w:gz") as tar:
        for name, data in (("0000950123-24-000001.nc", ten_k), ("a/form4.xml", form4), ("a/nested.zip", b"PK")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("a/link.xml")
        link.type, link.linkname = tarfile.SYMTYPE, "form4.xml"
        tar.addfile(link)
    report = _json(capsys, "day.nc.tar.gz")
    assert [entry["path"] for entry in report["files"]] == ["day.nc.tar.gz!a/form4.xml"]
    assert report["notes"] == ["day.nc.tar.gz: 1 member(s) read as filings; skipped 3 that are not filings "
                               "(1 EDGAR submissions of other forms, 1 archives inside the archive (not opened), "
                               "1 links and special files)"]
    (tmp_path / "broken.tar.gz").write_bytes((tmp_path / "day.nc.tar.gz").read_bytes()[:60])
    report = _json(capsys, "broken.tar.gz")
    errors = [f for f in report["findings"] if f["code"] == "E002"]
    assert [f["path"] for f in errors] == ["broken.tar.gz"] and "the archive cannot be read" in errors[0]["message"]


def test_an_archive_is_never_unpacked_to_disk(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    archive = _pack(_folder(tmp_path), tmp_path / "feed.zip")
    shutil.rmtree(tmp_path / "feed")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    _json(capsys, archive.name)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
