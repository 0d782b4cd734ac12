"""Where the repository is, and paths as code scanning and CI want them: relative to its root."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path


def repository_root(start: str | None = None) -> Path:
    """The git toplevel above ``start`` (default: the working directory), else ``start`` itself.

    A ``.git`` folder or file (worktrees and submodules have a file) marks the toplevel; looking
    for it costs no subprocess, which keeps the pre-commit path fast.
    """
    return _toplevel(start or os.getcwd())


@lru_cache(maxsize=8)
def _toplevel(start: str) -> Path:
    for folder in folders_up(start):
        if (folder / ".git").exists():
            return folder
    return Path(start).resolve()


def folders_up(start: str | os.PathLike | None = None) -> tuple[Path, ...]:
    """``start`` (default: the working directory) and each folder above it, nearest first: where
    the repository root, the configuration file and the suppressions sidecar are looked for."""
    here = Path(start or os.getcwd()).resolve()
    return (here, *here.parents)


def repository_path(path: str) -> str | None:
    """``path`` relative to the repository root with forward slashes, or None when outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(repository_root()).as_posix()
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern:
    """A glob as a regular expression: ``*`` and ``?`` stay within a folder, ``**`` crosses them."""
    out, index = [], 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        elif pattern[index] == "[" and "]" in pattern[index + 2:]:
            end = pattern.index("]", index + 2)
            body = pattern[index + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            index = end + 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out) + r"\Z")


def glob_matches(pattern: str, path: str, root: str | os.PathLike) -> bool:
    """Whether ``path`` matches ``pattern`` taken relative to the folder ``root``.

    A pattern with a slash matches the path relative to ``root`` or one of its parent folders
    (``filings/old`` covers everything below it); one without a slash matches any single part of
    it (``*.pdf`` a file name, ``drafts`` a folder anywhere). However the file was named on the
    command line (relative, absolute, from a subfolder), the same relative path is matched.
    """
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    if relative.startswith("../") or relative == "..":
        return False
    regex = _glob(pattern.strip("/"))
    parts = relative.split("/")
    if "/" not in pattern.strip("/"):
        return any(regex.match(part) for part in parts)
    return any(regex.match("/".join(parts[:end])) for end in range(len(parts), 0, -1))
