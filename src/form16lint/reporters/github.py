"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=PATH,line=L,col=C,title=CODE::message``, with the escaping the runner expects:
``%``, CR and LF in the message; those and ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from form16lint.paths import repository_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    properties = {"file": repository_path(finding.path) or finding.path}
    if finding.line is not None:
        properties["line"] = str(finding.line)
        if finding.column is not None:
            properties["col"] = str(finding.column)
    properties["title"] = f"{finding.code} {finding.rule}" if finding.rule else finding.code
    where = f" (page {finding.page})" if finding.page is not None else ""
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[str(finding.severity)]} {fields}::{escape_data(finding.code + where + ' ' + finding.message)}"


def write_github(result, stream, settings=None) -> None:
    for finding in result.findings:
        if not finding.suppressed:
            stream.write(annotation(finding) + "\n")
