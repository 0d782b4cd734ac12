"""Where the repository is, and paths as code scanning and CI want them: relative to its root."""

from __future__ import annotations

import os
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


def path_in_its_repository(path: str) -> str | None:
    """``path`` relative to the git toplevel above the file itself (not above the working
    directory), with forward slashes; None when no repository holds it."""
    absolute = Path(os.path.abspath(path))
    root = _own_toplevel(str(absolute.parent))
    return absolute.relative_to(root).as_posix() if root is not None else None


@lru_cache(maxsize=64)
def _own_toplevel(folder: str) -> Path | None:
    for candidate in folders_up(folder):
        if (candidate / ".git").exists():
            return candidate
    return None


@lru_cache(maxsize=256)
def _spec(pattern: str):
    """One glob as git reads a line of .gitignore (the pathspec package, imported only when a
    configuration or sidecar has globs)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([pattern])


def glob_matches(pattern: str, path: str, root: str | os.PathLike) -> bool:
    """Whether ``path`` matches ``pattern`` taken relative to the folder ``root``, as .gitignore
    globs match: ``*`` stays in a folder, ``**`` crosses folders, a glob without ``/`` matches any
    one part of the path (``*.pdf`` a file name, ``drafts`` a folder anywhere), and a glob that
    names a folder covers everything below it. However the file was named on the command line
    (relative, absolute, from a subfolder), the same relative path is matched.
    """
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    if relative.startswith("../") or relative == "..":
        return False
    return _spec(pattern).match_file(relative)
