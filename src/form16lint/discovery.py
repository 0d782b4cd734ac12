"""Which files a run reads: files as given, folders walked for the kinds of file filings come in."""

from __future__ import annotations

import os
from pathlib import Path

FILING_SUFFIXES = frozenset({".xml", ".txt", ".json", ".pdf"})


def discover(paths: list[str]) -> tuple[list[str], list[str]]:
    """Return (files to read, missing paths). A file named explicitly is read whatever its name;
    a folder contributes, recursively and in sorted order, the files with a filing's suffix."""
    files: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name) for name in names
                    if Path(name).suffix.lower() in FILING_SUFFIXES and not name.startswith(".")
                )
            candidates = sorted(found)
        elif path.exists():
            candidates = [given]
        else:
            missing.append(given)
            continue
        for candidate in candidates:
            key = os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                files.append(candidate)
    return files, missing
