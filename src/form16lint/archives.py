"""Archives read in place: ``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2``, ``.tar.xz`` and ``.zip``.

EDGAR's bulk downloads (the daily feed's ``.nc.tar.gz`` of submissions, quarterly ``.zip`` files,
vendors' tarballs of ownership XML) are read member by member, streaming, without unpacking
anything to disk. Each member that is a filing becomes an :class:`~form16lint.checking.Input`
whose path is ``ARCHIVE!member/path`` (the archive as given, ``!``, the member's path inside it,
folders included), so findings, JSON and SARIF name it that way; a filing in a nested folder of
the archive is found as in a folder.

A member is read as a filing when its name has a filing's suffix (``.xml``, ``.txt``, ``.json``,
``.pdf``, and ``.nc``, the daily feed's submissions), except EDGAR submissions of other forms
(a 10-K in the daily feed): those, folders, links, hidden files and other names are skipped and
counted, and the run says how many. An archive that cannot be read, or breaks off part way, is
an E002 on the archive, after the members read before the break.

Whether a path is an archive is told by its first bytes, as readers tell formats, not by its name.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from typing import Iterable, Iterator

from form16lint.checking import Input

SEPARATOR = "!"
MEMBER_SUFFIXES = frozenset({".xml", ".txt", ".json", ".pdf", ".nc"})
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # a member larger than this is an E002, never read into memory
SECTION16_TYPES = frozenset({"3", "3/A", "4", "4/A", "5", "5/A"})
_SUBMISSION_TYPE = re.compile(rb"(?:CONFORMED SUBMISSION TYPE:|<TYPE>)[ \t]*([^\s<]+)")
_SUBMISSION_MARKERS = (b"<SEC-DOCUMENT>", b"<SEC-HEADER>", b"<SUBMISSION>", b"ACCESSION NUMBER:")
_ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".zip")


def archive_kind(path: str) -> str | None:
    """"zip" or "tar" (compressed or not) when the file's first bytes say so, else None. Only a
    regular file is opened (a FIFO or a device is left to the run's own guards)."""
    if not os.path.isfile(path):
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")):
        return "tar"  # compressed: a tar inside, or an E002 that says it is not one
    return None


class ArchiveInputs:
    """The inputs of a run with every archive among them opened in place: iterate it to get
    paths (files on disk) and :class:`Input` (archive members), in order. Archives are read
    only as the run consumes them; :attr:`skipped` then counts, per archive, what was skipped."""

    def __init__(self, paths: Iterable[str], *, given: Iterable[str] = (), excluded=None):
        """``given``: the paths named on the command line, the only ones sniffed (a folder's walk
        yields only names with a filing's suffix); ``excluded(path)``: the configuration's
        ``exclude``, applied to members too."""
        self.paths = list(paths)
        named = set(given)
        self.kinds = {path: archive_kind(path) if path in named else None for path in self.paths}
        self.excluded = excluded
        self.skipped: dict[str, Counter] = {}
        self.read: Counter = Counter()

    @property
    def has_archives(self) -> bool:
        return any(self.kinds.values())

    def count_hint(self) -> int | None:
        """The number of inputs when no archive is among them (archives are not read ahead)."""
        return None if self.has_archives else len(self.paths)

    def __iter__(self) -> Iterator[str | Input]:
        for path in self.paths:
            kind = self.kinds[path]
            if kind is None:
                yield path
            else:
                yield from self._members(path, kind)

    def _members(self, archive: str, kind: str) -> Iterator[Input]:
        import tarfile
        import zipfile

        skipped = self.skipped.setdefault(archive, Counter())
        try:
            source = _zip_members(archive) if kind == "zip" else _tar_members(archive)
            for name, size, is_file, read in source:
                if is_file is None:  # a folder: its files come as members of their own
                    continue
                reason = _skip_reason(name, is_file, size)
                if reason:
                    skipped[reason] += 1
                    continue
                path = f"{archive}{SEPARATOR}{name}"
                if self.excluded is not None and self.excluded(path):
                    skipped["excluded by the configuration"] += 1
                    continue
                if size > MAX_MEMBER_BYTES:
                    yield Input(path, problem=f"the archive member is {size:,} bytes, over the "
                                              f"{MAX_MEMBER_BYTES:,} bytes form16lint reads from an archive")
                    continue
                data = read()
                if _other_submission(data):
                    skipped["EDGAR submissions of other forms"] += 1
                    continue
                self.read[archive] += 1
                yield Input(path, data)
        except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            where = f" after {self.read[archive]} filing(s)" if self.read[archive] else ""
            yield Input(archive, problem=f"the archive cannot be read{where}: {error}")

    def notes(self) -> list[str]:
        """One line per archive that had members skipped."""
        lines = []
        for archive, skipped in self.skipped.items():
            if skipped:
                what = ", ".join(f"{count} {reason}" for reason, count in sorted(skipped.items()))
                lines.append(f"{archive}: {self.read[archive]} member(s) read as filings; skipped {sum(skipped.values())} "
                             f"that are not filings ({what})")
        return lines


def _skip_reason(name: str, is_file: bool, size: int) -> str | None:
    if not is_file:
        return "links and special files"
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if any(part.startswith(".") for part in parts) or (parts and parts[0] == "__MACOSX"):
        return "hidden files"
    lowered = name.lower()
    if lowered.endswith(_ARCHIVE_SUFFIXES) or lowered.endswith(".gz"):
        return "archives inside the archive (not opened)"
    if posixpath.splitext(posixpath.basename(lowered))[1] not in MEMBER_SUFFIXES:
        return "files without a filing's suffix"
    return None


def _other_submission(data: bytes) -> bool:
    """An EDGAR submission whose type is not a Form 3, 4 or 5 (or amendment)."""
    head = data[:4096]
    if not any(marker in head for marker in _SUBMISSION_MARKERS):
        return False
    match = _SUBMISSION_TYPE.search(head)
    return bool(match) and match[1].decode("ascii", "replace").upper() not in SECTION16_TYPES


def _member_name(name: str) -> str:
    return "/".join(part for part in name.replace("\\", "/").split("/") if part not in ("", "."))


def _tar_members(archive: str):
    """(name, size, is a regular file, read()) per member, reading the archive as a stream."""
    import tarfile

    with tarfile.open(archive, mode="r|*") as tar:
        for member in tar:
            yield (_member_name(member.name), member.size, None if member.isdir() else member.isfile(),
                   lambda member=member: tar.extractfile(member).read())


def _zip_members(archive: str):
    import zipfile

    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            is_file = None if info.is_dir() else (info.external_attr >> 28) in (0, 0o10)  # not a link
            yield (_member_name(info.filename), info.file_size, is_file,
                   lambda info=info: zipped.read(info))
