"""``--output-dir DIR``: findings written as partitioned files, for runs over whole archives.

    DIR/findings/part-00000.jsonl   one finding a line, as in the JSON report, in report order
    DIR/findings/part-00000.parquet the same rows, when pyarrow is installed (form16lint[parquet])
    DIR/files.jsonl                 one line per input: path, format, form, issuer, owners, period

Each part holds at most :data:`ROWS_PER_PART` findings; parts are written whole to a temporary
name and renamed, so a reader never sees half a part. Existing parts in DIR are replaced.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROWS_PER_PART = 100_000
COLUMNS = ("code", "severity", "message", "path", "pointer", "line", "column", "page", "box", "fingerprint",
           "suppressed", "suppression_reason")


def finding_row(finding) -> dict:
    return {"code": finding.code, "severity": str(finding.severity), "message": finding.message,
            "path": finding.path, "pointer": finding.pointer, "line": finding.line, "column": finding.column,
            "page": finding.page, "box": finding.box, "fingerprint": finding.fingerprint,
            "suppressed": finding.suppressed, "suppression_reason": finding.suppression_reason}


def write_partitions(result, folder: str) -> list[Path]:
    """Write the findings and files of ``result`` under ``folder``; return the parts written."""
    from form16lint.reporters import file_summary

    root = Path(folder)
    parts_dir = root / "findings"
    parts_dir.mkdir(parents=True, exist_ok=True)
    for old in parts_dir.glob("part-*"):
        old.unlink()
    parquet = _pyarrow()
    written = []
    rows = [finding_row(finding) for finding in result.findings]
    for number, start in enumerate(range(0, max(len(rows), 1), ROWS_PER_PART)):
        chunk = rows[start:start + ROWS_PER_PART]
        target = parts_dir / f"part-{number:05d}.jsonl"
        _atomic(target, lambda path: path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n"
                                                             for row in chunk), encoding="utf-8"))
        written.append(target)
        if parquet is not None:
            pyarrow, pq = parquet
            table = pyarrow.Table.from_pylist(chunk, schema=_schema(pyarrow))
            target = parts_dir / f"part-{number:05d}.parquet"
            _atomic(target, lambda path: pq.write_table(table, str(path)))
            written.append(target)
    files = root / "files.jsonl"
    _atomic(files, lambda path: path.write_text("".join(json.dumps(entry, ensure_ascii=False) + "\n"
                                                        for entry in file_summary(result)), encoding="utf-8"))
    return written


def _atomic(target: Path, write) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet as pq
    except ImportError:
        return None
    return pyarrow, pq


def _schema(pyarrow):
    text, integer = pyarrow.string(), pyarrow.int64()
    types = {"line": integer, "column": integer, "page": integer, "suppressed": pyarrow.bool_()}
    return pyarrow.schema([(name, types.get(name, text)) for name in COLUMNS])
