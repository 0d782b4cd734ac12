"""--format github (workflow command annotations) and --format junit (a test case per file)."""

from xml.etree import ElementTree

from filings import nd_tx, ownership_xml
from form16lint.cli import main
from form16lint.findings import Finding, Severity
from form16lint.reporters.github import annotation

BROKEN = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")])
CLEAN = ownership_xml(nd_transactions=[nd_tx()])


def test_github_annotations(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.xml").write_text(BROKEN)
    (tmp_path / "good.xml").write_text(CLEAN)
    assert main(["check", "--select", "S", "--format", "github", "bad.xml", "good.xml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=bad.xml,line=")
    assert ",col=" in lines[0] and ",title=S003 " in lines[0] and "2023-02-30" in lines[0]


def test_github_escaping():
    finding = Finding(code="B001", severity=Severity.INFO, message="50% off\r\nnext: a, b", path="a,b:c.xml",
                      line=3, column=4, rule="balance-mismatch")
    assert annotation(finding) == (
        "::notice file=a%2Cb%3Ac.xml,line=3,col=4,title=B001 balance-mismatch::B001 50%25 off%0D%0Anext: a, b")


def test_junit_one_case_per_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.xml").write_text(ownership_xml(nd_transactions=[nd_tx(date="2023-02-30", ad="B")]))
    (tmp_path / "good.xml").write_text(CLEAN)
    assert main(["check", "--select", "S", "--format", "junit", "bad.xml", "good.xml"]) == 1
    root = ElementTree.fromstring(capsys.readouterr().out)
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"bad.xml", "good.xml"}
    assert [f.get("type") for f in cases["bad.xml"].iter("failure")] == ["S003", "S003"]
    assert list(cases["good.xml"]) == []
    assert root.get("failures") == "2" and root.get("tests") == "2"


def test_junit_failure_of_a_pdf_finding_names_page_and_box_as_concise_does():
    from form16lint.engine import LintResult
    from form16lint.model import Document
    from form16lint.reporters.junit import junit_tree

    finding = Finding(code="S003", severity=Severity.ERROR, message="not a real date", path="draft.pdf",
                      page=1, box="box 2 (Date of Event Requiring Statement)")
    tree = junit_tree(LintResult(documents=[Document(path="draft.pdf", format="pdf")], findings=[finding], rules=[]))
    failure, = tree.iter("failure")
    assert failure.text == "draft.pdf (page 1, box 2 (Date of Event Requiring Statement)): S003 not a real date"
