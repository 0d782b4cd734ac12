"""``--format junit``: JUnit XML for CI test views; one test case per file, a failure per finding
that fails the run (reaches ``--fail-on``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from form16lint.findings import Severity
from form16lint.reporters.concise import location

if TYPE_CHECKING:
    from xml.etree import ElementTree


def junit_tree(result, fail_on: Severity = Severity.ERROR) -> ElementTree.Element:
    """One test case per file; a failure for each finding that reaches ``fail_on`` (those that
    make the exit status 1), the other findings in the case's output, so that the counts agree
    with the exit status."""
    from xml.etree import ElementTree  # imported when this format is written, not on every run

    by_path: dict[str, list] = {}
    for finding in result.findings:
        if not finding.suppressed:
            by_path.setdefault(finding.path, []).append(finding)
    paths = [document.path for document in result.documents]
    paths += [path for path in by_path if path not in paths]
    failures = sum(1 for found in by_path.values() for f in found if f.severity >= fail_on)
    suites = ElementTree.Element("testsuites", name="form16lint", tests=str(len(paths)), failures=str(failures))
    suite = ElementTree.SubElement(suites, "testsuite", name="form16lint", tests=str(len(paths)),
                                   failures=str(failures), errors="0", skipped="0")
    for path in paths:
        case = ElementTree.SubElement(suite, "testcase", name=path, classname="form16lint")
        below = []
        for finding in by_path.get(path, []):
            line = f"{location(finding)}: {finding.code} [{finding.severity}] {finding.message}"
            if finding.severity < fail_on:
                below.append(line)
                continue
            failure = ElementTree.SubElement(case, "failure", type=finding.code,
                                             message=f"{finding.code} [{finding.severity}] {finding.message}")
            failure.text = f"{location(finding)}: {finding.code} {finding.message}"
        if below:
            ElementTree.SubElement(case, "system-out").text = "\n".join(below)
    return suites


def write_junit(result, stream, settings=None) -> None:
    from xml.etree import ElementTree

    tree = junit_tree(result, getattr(settings, "fail_on", Severity.ERROR))
    ElementTree.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(tree, encoding="unicode") + "\n")
