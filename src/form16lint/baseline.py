"""Baselines, to adopt form16lint on a repository of old filings.

``--write-baseline FILE`` records the current findings by fingerprint (which ignores line numbers,
so edits elsewhere in a file do not turn old findings into new ones); ``--baseline FILE`` then
reports only findings not recorded there and lists the recorded ones that no longer occur, so
the file can be pruned as the old filings are corrected.
"""

from __future__ import annotations

import json

from form16lint.errors import UsageError

FORMAT_KEY = "form16lint-baseline"


def write_baseline(path: str, findings) -> int:
    from form16lint.engine import portable_path
    from form16lint.output import atomic_writer

    entries = sorted(
        ({"fingerprint": f.fingerprint, "code": f.code, "path": portable_path(f.path), "message": f.message}
         for f in findings if not f.suppressed),
        key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]),
    )
    with atomic_writer(path) as stream:
        stream.write(json.dumps({FORMAT_KEY: 1, "findings": entries}, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def read_baseline(path: str) -> list[dict]:
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
    return entries


def apply_baseline(result, path: str) -> list[dict]:
    """Drop the findings the baseline records; return its entries that no longer occur."""
    entries = read_baseline(path)
    recorded = {entry["fingerprint"] for entry in entries}
    current = {finding.fingerprint for finding in result.findings}
    result.findings = [f for f in result.findings if f.fingerprint not in recorded]
    return [entry for entry in entries if entry["fingerprint"] not in current]
