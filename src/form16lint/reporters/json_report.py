"""``--format json``: one object other tools build on. Keep its shape."""

from __future__ import annotations

import json

from form16lint.findings import plain
from form16lint.reporters import file_summary


def write_json(result, stream, settings=None) -> None:
    report = {
        "tool": {"name": "form16lint", "version": result.version},
        "files": file_summary(result),
        "findings": [
            {
                "code": f.code,
                "severity": str(f.severity),
                "message": f.message,
                "path": f.path,
                "pointer": f.pointer,
                "line": f.line,
                "column": f.column,
                "page": f.page,
                "box": f.box,
                "fingerprint": f.fingerprint,
                "arguments": {name: plain(value) for name, value in f.arguments.items()},
                "suppressed": f.suppressed,
                "suppression_reason": f.suppression_reason,
            }
            for f in result.findings
        ],
        "summary": result.counts(),
        "notes": list(result.notes),  # run-level remarks: a pack that did not load, a file skipped
    }
    if result.notes:  # run-level remarks: members of an archive skipped, a pack that did not load
        report["notes"] = list(result.notes)
    stream.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
