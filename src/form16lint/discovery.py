"""Which files a run reads: files as given, folders walked for the kinds of file filings come in.

Nothing given is silently dropped: a path that does not exist, a symbolic link loop or a folder
that cannot be listed is a problem the run reports as a finding on that path; a FIFO, socket or
device is skipped with a note (opening one could block the run for ever).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

FILING_SUFFIXES = frozenset({".xml", ".txt", ".json", ".pdf"})


@dataclass
class Discovered:
    """What the paths given name: the files to read, and what could not be read or was skipped."""

    files: list[str] = field(default_factory=list)  # regular files to read, in order
    problems: dict[str, str] = field(default_factory=dict)  # path -> why it cannot be read
    missing: list[str] = field(default_factory=list)  # paths given on the command line that are not there
    notes: list[str] = field(default_factory=list)  # what was skipped, and why

    def __iter__(self):  # callers that unpack (files, missing)
        return iter((self.files, self.missing))


def discover(paths: list[str]) -> Discovered:
    """A file named explicitly is read whatever its name; a folder contributes, recursively and in
    sorted order, the files with a filing's suffix (hidden files and folders left out)."""
    found = Discovered()
    seen: set[str] = set()

    def add(candidate: str) -> None:
        key = os.path.normpath(candidate)
        if key not in seen:
            seen.add(key)
            found.files.append(candidate)

    for given in paths:
        try:
            status = os.stat(given)
        except OSError as error:
            found.missing.append(given)
            found.problems[given] = _why_not_there(given, error)
            continue
        if stat.S_ISDIR(status.st_mode):
            for candidate in _walk(given, found):
                add(candidate)
        elif stat.S_ISREG(status.st_mode):
            add(given)
        else:
            found.notes.append(f"skipped {given}: {special_kind(status.st_mode)}, not a file")
    return found


def _walk(folder: str, found: Discovered) -> list[str]:
    candidates = []

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        found.problems[where] = f"the folder cannot be read ({error.strerror or error})"

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if Path(name).suffix.lower() not in FILING_SUFFIXES or name.startswith("."):
                continue
            path = os.path.join(root, name)
            try:
                mode = os.stat(path).st_mode
            except OSError as error:
                found.problems[path] = _why_not_there(path, error)
                continue
            if stat.S_ISREG(mode):
                candidates.append(path)
            else:
                found.notes.append(f"skipped {path}: {special_kind(mode)}, not a file")
    return sorted(candidates)


def _why_not_there(path: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "it is a symbolic link loop (a link that leads back to itself)"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return f"it is a symbolic link to {os.readlink(path)}, which does not exist"
        return "no such file or folder"
    return f"it cannot be opened ({error.strerror or error})"


def special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
