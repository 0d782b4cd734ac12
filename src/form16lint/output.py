"""Writing reports and extracts: atomically, so a reader never sees half a file and an
interrupted run leaves the old file as it was."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager

from form16lint.errors import UsageError


@contextmanager
def atomic_writer(path: str):
    """Write ``path`` through a temporary file beside it; every problem with the path is a
    UsageError naming ``path`` as the user gave it, never the temporary file."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise UsageError(f"cannot write {path}: it is a folder; give a file name")
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".form16lint-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error} (in the folder {folder})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.chmod(temporary, _mode(path))  # mkstemp makes 0600; a report is as readable as any new file
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _mode(path: str) -> int:
    """The replaced file's permissions, else those the umask gives a new file."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
