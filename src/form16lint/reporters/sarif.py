"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

What code scanning reads: ``tool.driver`` (name, version, rules with their documentation) and
per result ``ruleId``, ``level``, ``message.text``, a location relative to the repository root
and ``partialFingerprints``. Fingerprints come from :attr:`Finding.fingerprint`, which ignores
line numbers and the message's wording, so an alert survives lines moving and messages being
reworded. The facts a message states travel as data in the result's ``properties.arguments``. Suppressed findings stay in the log with a
``suppressions`` entry, as SARIF intends, and code scanning shows them as dismissed.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from form16lint.fieldnames import describe
from form16lint.findings import plain
from form16lint.paths import repository_path, repository_root

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/form16lint/form16lint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"


def help_uri(rule) -> str | None:
    """A pack may point at its own pages with a ``help_uri`` attribute. The built-in rules have no
    pages of their own: their whole documentation travels in ``help``, which code scanning shows."""
    return getattr(rule, "help_uri", None)


def rule_descriptor(rule) -> dict:
    summary = rule.summary()
    documentation = rule.documentation() or summary
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": documentation},
        "help": {"text": f"{summary}\n\n{documentation}", "markdown": f"**{summary}**\n\n{documentation}"},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {"pack": rule.pack, "forms": sorted(rule.forms)},
    }
    if (uri := help_uri(rule)) is not None:
        descriptor["helpUri"] = uri
    return descriptor


def artifact_location(path: str) -> dict:
    relative = repository_path(path)
    if relative is None:  # outside the repository: an absolute file URI
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(relative), "uriBaseId": ROOT}


def sarif_result(finding, rule_index: dict[str, int], form: str | None = None) -> dict:
    region = {"startLine": finding.line or 1, "startColumn": finding.column or 1}
    location: dict = {"physicalLocation": {"artifactLocation": artifact_location(finding.path), "region": region}}
    properties: dict = {"severity": str(finding.severity)}
    if finding.arguments:  # the facts the message states, as data
        properties["arguments"] = {name: plain(value) for name, value in finding.arguments.items()}
    if finding.pointer:
        properties["pointer"] = finding.pointer
        location["logicalLocations"] = [{
            "name": describe(finding.pointer, form), "fullyQualifiedName": finding.pointer, "kind": "member",
        }]
    if finding.page is not None:
        properties["page"] = finding.page
        if finding.box:
            properties["box"] = finding.box
    result = {
        "ruleId": finding.code,
        "level": LEVELS[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"primaryLocationLineHash": finding.fingerprint,
                                "form16lintFingerprint/v2": finding.fingerprint},
        "properties": properties,
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.suppressed:
        suppression = {"kind": finding.extra.get("suppression_kind", "inSource"), "status": "accepted"}
        if finding.suppression_reason:
            suppression["justification"] = finding.suppression_reason
        result["suppressions"] = [suppression]
    return result


def sarif_log(result) -> dict:
    rules = list(result.rules)
    known = {rule.code for rule in rules}
    for finding in result.findings:  # a code no loaded rule documents still gets a descriptor
        if finding.code not in known:
            known.add(finding.code)
            rules.append(_Undocumented(finding))
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    forms = {d.path: d.filing.document_type for d in result.documents if d.filing is not None}
    root = repository_root().as_uri() + "/"
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "form16lint",
                "version": result.version,
                "semanticVersion": result.version,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in rules],
            }},
            "originalUriBaseIds": {ROOT: {"uri": root}},
            "columnKind": "unicodeCodePoints",
            "results": [sarif_result(finding, rule_index, forms.get(finding.path)) for finding in result.findings],
            "invocations": [{
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": note}} for note in result.notes
                ],
            }],
        }],
    }


class _Undocumented:
    """Stands in for a rule that is not loaded (say, a pack that failed) so every result has one."""

    forms = frozenset()
    pack = "unknown"

    def __init__(self, finding):
        self.code, self.name, self.severity = finding.code, finding.rule or finding.code, finding.severity

    def summary(self) -> str:
        return f"{self.code} ({self.name})"

    def documentation(self) -> str:
        return ""


def write_sarif(result, stream, settings=None) -> None:
    stream.write(json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n")
