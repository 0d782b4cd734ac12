"""Baselines, to adopt form16lint on a repository of old filings.

``--write-baseline FILE`` records the current findings by fingerprint (which ignores line numbers,
so edits elsewhere in a file do not turn old findings into new ones); ``--baseline FILE`` then
reports only findings not recorded there and lists the recorded ones that no longer occur, so
the file can be pruned as the old filings are corrected.

Version 2 of the file records fingerprints made of the code, the pointer and the arguments that
identify each problem (see :func:`form16lint.findings.assign_fingerprints`), so rewording a
message leaves the baseline valid. A version 1 file (fingerprints that hashed the message) still
matches every finding whose message has not changed since, and the run says to write it again.
"""

from __future__ import annotations

import json

from form16lint.errors import UsageError
from form16lint.findings import legacy_fingerprints, plain

FORMAT_KEY = "form16lint-baseline"
VERSION = 2


def write_baseline(path: str, findings) -> int:
    from form16lint.output import atomic_writer

    entries = sorted(
        ({"fingerprint": f.fingerprint, "code": f.code, "path": _shown_path(f.path), "pointer": f.pointer,
          "arguments": {name: plain(value) for name, value in f.identity.items()}, "message": f.message}
         for f in findings if not f.suppressed),
        key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]),
    )
    with atomic_writer(path) as stream:
        stream.write(json.dumps({FORMAT_KEY: VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def read_baseline(path: str) -> tuple[int, list[dict]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise UsageError(f"cannot read the baseline {path}: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"the baseline {path} is not JSON: {error}") from None
    entries = data.get("findings") if isinstance(data, dict) and FORMAT_KEY in data else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "fingerprint" in e for e in entries):
        raise UsageError(f"{path} is not a form16lint baseline (write one with --write-baseline)")
    version = data[FORMAT_KEY]
    if version not in (1, VERSION):
        raise UsageError(f"{path} is a form16lint baseline of version {version!r}, which this form16lint does not "
                         f"read (it reads versions 1 and {VERSION})")
    return version, entries


def apply_baseline(result, path: str, notes=None) -> list[dict]:
    """Drop the findings the baseline records; return its entries that no longer occur. A note
    for the user (a baseline to write again) is appended to ``notes``."""
    version, entries = read_baseline(path)
    recorded = {entry["fingerprint"] for entry in entries}
    if version == 1:
        prints = legacy_fingerprints(result.findings, path_key=_shown_path)
        if notes is not None:
            notes.append(f"the baseline {path} is of version 1, whose fingerprints change when a message is "
                         "reworded: write it again with --write-baseline")
    else:
        prints = [finding.fingerprint for finding in result.findings]
    current = set(prints)
    result.findings = [f for f, key in zip(result.findings, prints) if key not in recorded]
    return [entry for entry in entries if entry["fingerprint"] not in current]


def _shown_path(path: str) -> str:
    """The path as the baseline shows it, and as version 1 fingerprints took it: relative to the
    working directory's repository (or to the working directory), else absolute."""
    import os

    from form16lint.paths import repository_path

    return repository_path(path) or os.path.abspath(path).replace(os.sep, "/")
