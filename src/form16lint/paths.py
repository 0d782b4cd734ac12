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
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repository_path(path: str) -> str | None:
    """``path`` relative to the repository root with forward slashes, or None when outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(repository_root()).as_posix()
    except ValueError:
        return None
