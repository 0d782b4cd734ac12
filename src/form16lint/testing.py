"""Test rules as data: filing fragments, the findings they must give, and the examples a rule documents.

A **fragment** is the part of an EDGAR ownership document a test is about, merged into a clean
base filing of its form (a Form 4 unless the fragment gives another ``documentType``):

- each top-level element of the fragment replaces the base's elements of that name, merged onto
  the base's own (or, for a row, onto a complete template row of its kind): only what the
  fragment gives changes, so ``<nonDerivativeTransaction><transactionDate><value>2024-02-30
  </value></transactionDate></nonDerivativeTransaction>`` is the base's sale dated February 30;
- rows (``nonDerivativeTransaction``, ``derivativeHolding``, ...) go into their table, and the
  fragment's rows of a kind replace the base's rows of that kind;
- an element with the attribute ``omit="true"`` removes the base's element of that name, and an
  empty top-level element (``<reportingOwner/>``) stands for the base's own, unchanged;
- a comment just before a top-level element stays before it (suppressions are comments);
- a canonical JSON object is merged the same way into the canonical JSON of the base filing
  (objects key by key, ``null`` removing a key; arrays item by item);
- a whole ``<ownershipDocument>``, a canonical JSON document with its ``$schema``, or any other
  text (extracted text) is used as it is; the content decides the file's ending.

A **case file** is TOML, one per code::

    code = "S007"

    [[case]]
    name = "indirect without a nature"
    fail = '''
    <nonDerivativeTransaction>
      <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction>
    '''
    pointers = ["/nonDerivativeTransactions/0/natureOfOwnership"]
    severity = "error"

    [[case]]
    name = "held directly"
    pass = "<documentType>4</documentType>"

``fail`` must give findings of the code at exactly ``pointers`` (in any order), each of
``severity``; ``pass`` must give none. Either may be a list of fragments: filings checked
together, for rules across filings. A case may set ``filing-date`` (``--filing-date``),
``issuer-map`` (ticker to CIKs, for T003) and ``suffix`` (the file name's ending, when the
content should not decide it). :func:`documented_cases` reads a rule's own "Failing example" and "Passing
example" (every fenced block of each, one filing a block) the same way, with the rule's
``example_options`` (``{"filing-date": ..., "issuer-map": ...}``) if it sets any.

A third-party pack tests its rules with one test::

    import pytest
    from form16lint.testing import check_case, load_cases, documented_cases

    CASES = load_cases("tests/rule_cases/*.toml") + documented_cases(extra=("mypack.rules",))

    @pytest.mark.parametrize("case", CASES, ids=str)
    def test_rule_case(case):
        check_case(case, extra=("mypack.rules",))
"""

from __future__ import annotations

import copy
import glob as globbing
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from form16lint.findings import Finding, Severity

# The base filings a fragment is merged into: clean (no finding of any built-in rule).
_OWNER = """<reportingOwner>
<reportingOwnerId><rptOwnerCik>0001000001</rptOwnerCik><rptOwnerName>DOE JANE</rptOwnerName></reportingOwnerId>
<reportingOwnerAddress><rptOwnerStreet1>1 MAIN ST</rptOwnerStreet1><rptOwnerCity>SPRINGFIELD</rptOwnerCity>\
<rptOwnerState>IL</rptOwnerState><rptOwnerZipCode>62701</rptOwnerZipCode></reportingOwnerAddress>
<reportingOwnerRelationship><isDirector>0</isDirector><isOfficer>1</isOfficer><isTenPercentOwner>0</isTenPercentOwner>\
<isOther>0</isOther><officerTitle>Chief Executive Officer</officerTitle></reportingOwnerRelationship>
</reportingOwner>"""
_ISSUER = ("<issuer><issuerCik>0000320193</issuerCik><issuerName>Apple Inc.</issuerName>"
           "<issuerTradingSymbol>AAPL</issuerTradingSymbol></issuer>")
_OWNERSHIP = "<ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>"
_TERMS = ("<exerciseDate><value>2025-03-01</value></exerciseDate><expirationDate><value>2034-03-01</value>"
          "</expirationDate><underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value>"
          "</underlyingSecurityTitle><underlyingSecurityShares><value>4000</value></underlyingSecurityShares>"
          "</underlyingSecurity>")
TEMPLATE_ROWS = {
    "nonDerivativeTransaction": (
        "<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>"
        "<transactionDate><value>2024-03-01</value></transactionDate><transactionCoding>"
        "<transactionFormType>4</transactionFormType><transactionCode>S</transactionCode>"
        "<equitySwapInvolved>0</equitySwapInvolved></transactionCoding><transactionAmounts>"
        "<transactionShares><value>100</value></transactionShares><transactionPricePerShare><value>10.00</value>"
        "</transactionPricePerShare><transactionAcquiredDisposedCode><value>D</value>"
        "</transactionAcquiredDisposedCode></transactionAmounts><postTransactionAmounts>"
        "<sharesOwnedFollowingTransaction><value>900</value></sharesOwnedFollowingTransaction>"
        f"</postTransactionAmounts>{_OWNERSHIP}</nonDerivativeTransaction>"),
    "nonDerivativeHolding": (
        "<nonDerivativeHolding><securityTitle><value>Common Stock</value></securityTitle><postTransactionAmounts>"
        "<sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>"
        f"</postTransactionAmounts>{_OWNERSHIP}</nonDerivativeHolding>"),
    "derivativeTransaction": (
        "<derivativeTransaction><securityTitle><value>Stock Option (right to buy)</value></securityTitle>"
        "<conversionOrExercisePrice><value>20.00</value></conversionOrExercisePrice><transactionDate>"
        "<value>2024-03-01</value></transactionDate><transactionCoding><transactionFormType>4</transactionFormType>"
        "<transactionCode>A</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>"
        "<transactionAmounts><transactionShares><value>4000</value></transactionShares><transactionPricePerShare>"
        "<value>0</value></transactionPricePerShare><transactionAcquiredDisposedCode><value>A</value>"
        f"</transactionAcquiredDisposedCode></transactionAmounts>{_TERMS}<postTransactionAmounts>"
        "<sharesOwnedFollowingTransaction><value>4000</value></sharesOwnedFollowingTransaction>"
        f"</postTransactionAmounts>{_OWNERSHIP}</derivativeTransaction>"),
    "derivativeHolding": (
        "<derivativeHolding><securityTitle><value>Stock Option (right to buy)</value></securityTitle>"
        f"<conversionOrExercisePrice><value>20.00</value></conversionOrExercisePrice>{_TERMS}"
        "<postTransactionAmounts><sharesOwnedFollowingTransaction><value>4000</value>"
        f"</sharesOwnedFollowingTransaction></postTransactionAmounts>{_OWNERSHIP}</derivativeHolding>"),
}
_ROW_TABLE = {"nonDerivativeTransaction": "nonDerivativeTable", "nonDerivativeHolding": "nonDerivativeTable",
              "derivativeTransaction": "derivativeTable", "derivativeHolding": "derivativeTable"}


def _base(form: str, period: str, signed: str, table: str) -> str:
    return (f'<?xml version="1.0"?>\n<ownershipDocument>\n<schemaVersion>X0508</schemaVersion>\n'
            f"<documentType>{form}</documentType>\n<periodOfReport>{period}</periodOfReport>\n"
            f"<notSubjectToSection16>0</notSubjectToSection16>\n{_ISSUER}\n{_OWNER}\n{table}\n"
            f"<ownerSignature><signatureName>/s/ Jane Doe</signatureName><signatureDate>{signed}</signatureDate>"
            "</ownerSignature>\n</ownershipDocument>\n")


BASE_FILINGS = {
    # A Form 3 holding 1,000 shares, signed within its 10 days.
    "3": _base("3", "2024-03-01", "2024-03-05",
               f"<nonDerivativeTable>{TEMPLATE_ROWS['nonDerivativeHolding']}</nonDerivativeTable>"),
    # A Form 4 reporting a sale of 100 shares on 2024-03-01, signed within two business days.
    "4": _base("4", "2024-03-01", "2024-03-04",
               f"<nonDerivativeTable>{TEMPLATE_ROWS['nonDerivativeTransaction']}</nonDerivativeTable>"),
    # A Form 5 for the fiscal year 2023 reporting only a holding, signed within its 45 days.
    "5": _base("5", "2023-12-31", "2024-02-10",
               f"<nonDerivativeTable>{TEMPLATE_ROWS['nonDerivativeHolding']}</nonDerivativeTable>"),
}
# The order of the document's top-level elements (EDGAR's schema), for elements the base lacks.
TOP_ORDER = ("schemaVersion", "documentType", "periodOfReport", "dateOfOriginalSubmission", "noSecuritiesOwned",
             "notSubjectToSection16", "form3HoldingsReported", "form4TransactionsReported", "aff10b5One", "issuer",
             "reportingOwner", "nonDerivativeTable", "derivativeTable", "footnotes", "remarks", "ownerSignature")


# -- fragments -------------------------------------------------------------------------------------
def filing_from_fragment(fragment: str) -> str:
    """The whole filing a fragment stands for (see the module's documentation)."""
    text = fragment.strip()
    if text.startswith("{") and '"$schema"' not in text:
        return _json_filing(text)
    if not text.startswith("<") or re.match(r"<(\?xml|ownershipDocument\b)", text):
        return fragment
    from lxml import etree

    try:
        pieces = etree.fromstring(f"<fragment>{text}</fragment>".encode())
    except etree.XMLSyntaxError as error:
        raise ValueError(f"the fragment is not well-formed XML: {error}") from None
    form_element = pieces.find("documentType")
    form = (form_element.text or "4").strip().split("/")[0] if form_element is not None else "4"
    document = etree.fromstring(BASE_FILINGS.get(form, BASE_FILINGS["4"]).encode())
    comments: list = []
    given: dict[str, list] = {}
    for piece in pieces:
        if not isinstance(piece.tag, str):  # a comment: keep it for the element it precedes
            comments.append(piece)
            continue
        if piece.tag not in TOP_ORDER and piece.tag not in _ROW_TABLE:
            raise ValueError(f"<{piece.tag}> is not an element of an ownership document's top level nor a table "
                             f"row: a fragment gives whole top-level elements or rows ({', '.join(TOP_ORDER)}, "
                             f"{', '.join(_ROW_TABLE)})")
        given.setdefault(piece.tag, []).append((comments, piece))
        comments = []
    for tag, items in given.items():
        _place(document, tag, items)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8").decode() + "\n"


def suffix_of(fragment: str) -> str:
    """The file name ending a fragment's filing is written with: its content decides."""
    text = fragment.strip()
    return ".json" if text.startswith("{") else ".xml" if text.startswith("<") else ".txt"


def _json_filing(text: str) -> str:
    """A canonical JSON fragment merged into the canonical JSON of the base filing of its form."""
    import json

    from form16lint.canonical import to_json
    from form16lint.readers.edgar_xml import read_ownership_xml

    try:
        patch = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"the fragment is not JSON: {error}") from None
    form = str(patch.get("documentType") or "4").split("/")[0]
    document = read_ownership_xml("base.xml", BASE_FILINGS.get(form, BASE_FILINGS["4"]).encode())
    base = json.loads(to_json(document.filing))
    return json.dumps(_merge_json(base, patch), indent=2) + "\n"


def _merge_json(base, patch):
    """Objects merge key by key (null removes a key); arrays merge item by item, an item beyond
    the base's merged onto the base's first; anything else replaces."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = _merge_json(base.get(key), value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(patch, list):
        return [_merge_json(base[index] if index < len(base) else (base[0] if base else None), item)
                for index, item in enumerate(patch)]
    return patch


def _place(document, tag: str, items) -> None:
    """Put the fragment's elements named ``tag`` (with their comments) in place of the base's."""
    table_tag = _ROW_TABLE.get(tag)
    parent = document
    if table_tag:
        parent = document.find(table_tag)
        if parent is None:
            parent = _insert(document, _new(table_tag))
        template = _template(tag)
    else:
        template = document.find(tag)
    old = parent.findall(tag)
    anchor = old[0] if old else None
    for comments, element in items:
        if element.get("omit") == "true":
            continue
        if template is None:
            merged = copy.deepcopy(element)
        elif len(element) == 0 and not (element.text or "").strip():  # <reportingOwner/>: the base's own
            merged = copy.deepcopy(template)
        else:
            merged = _merge(copy.deepcopy(template), element)
        for comment in comments:
            _put(parent, copy.deepcopy(comment), anchor, document)
        _put(parent, merged, anchor, document)
    for element in old:
        parent.remove(element)
    if table_tag and len(parent) == 0:
        document.remove(parent)


def _template(tag: str):
    from lxml import etree

    return etree.fromstring(TEMPLATE_ROWS[tag])


def _new(tag: str):
    from lxml import etree

    return etree.Element(tag)


def _put(parent, element, anchor, document) -> None:
    if anchor is not None:
        anchor.addprevious(element)
    elif parent is document:
        _insert(document, element)
    else:
        parent.append(element)


def _insert(document, element):
    """Insert a top-level element where EDGAR's order puts it."""
    rank = TOP_ORDER.index(element.tag) if element.tag in TOP_ORDER else len(TOP_ORDER)
    for child in document:
        if isinstance(child.tag, str) and child.tag in TOP_ORDER and TOP_ORDER.index(child.tag) > rank:
            child.addprevious(element)
            return element
    document.append(element)
    return element


def _merge(base, fragment):
    """``base`` with what ``fragment`` gives: children matched by name and order, merged when
    both have children, replaced otherwise; ``omit="true"`` removes."""
    children = [child for child in fragment if isinstance(child.tag, str)]
    if not children:
        replacement = copy.deepcopy(fragment)
        replacement.tail = base.tail
        return replacement
    seen: dict[str, int] = {}
    for child in children:
        index = seen.get(child.tag, 0)
        seen[child.tag] = index + 1
        matches = base.findall(child.tag)
        target = matches[index] if index < len(matches) else None
        if child.get("omit") == "true":
            if target is not None:
                base.remove(target)
            continue
        if target is None:
            base.append(copy.deepcopy(child))
        else:
            merged = _merge(target, child)
            if merged is not target:
                target.addprevious(merged)
                base.remove(target)
    return base


# -- cases -----------------------------------------------------------------------------------------
@dataclass
class RuleCase:
    """One test of one code: filings (fragments) that must fail with findings at ``pointers`` of
    ``severity``, or must pass."""

    code: str
    name: str
    fragments: list[str]
    expect_fail: bool
    pointers: list[str] | None = None  # None: any pointers, at least one finding
    severity: Severity | None = None
    filing_date: date | None = None
    issuer_map: dict[str, set[str]] | None = None
    suffix: str | None = None  # None: as the content decides
    source: str = ""
    extra: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}-{'fail' if self.expect_fail else 'pass'}-{self.name}"


def load_cases(pattern: str | os.PathLike) -> list[RuleCase]:
    """Every case of the TOML case files ``pattern`` (a glob) matches, in file order."""
    import tomllib

    cases: list[RuleCase] = []
    for path in sorted(globbing.glob(str(pattern))):
        with open(path, "rb") as handle:
            try:
                data = tomllib.load(handle)
            except tomllib.TOMLDecodeError as error:
                raise ValueError(f"{path}: not valid TOML: {error}") from None
        code = data.get("code")
        if not isinstance(code, str):
            raise ValueError(f"{path}: says no code (code = \"B001\")")
        for number, entry in enumerate(data.get("case", []), 1):
            cases.extend(_cases_of(code, entry, f"{path} case {number}"))
    return cases


def _cases_of(code: str, entry: dict, source: str) -> list[RuleCase]:
    unknown = set(entry) - {"name", "fail", "pass", "pointers", "severity", "filing-date", "issuer-map", "suffix"}
    if unknown:
        raise ValueError(f"{source}: unknown keys {sorted(unknown)}")
    common = dict(
        code=code, name=_slug(entry.get("name") or source), source=source,
        filing_date=entry.get("filing-date"),
        issuer_map={ticker: set(ciks) for ticker, ciks in entry["issuer-map"].items()} if "issuer-map" in entry else None,
        suffix=entry.get("suffix"),
    )
    cases = []
    if "fail" in entry:
        severity = entry.get("severity")
        cases.append(RuleCase(fragments=_listed(entry["fail"]), expect_fail=True, pointers=entry.get("pointers"),
                              severity=Severity.parse(severity) if severity else None, **common))
    if "pass" in entry:
        cases.append(RuleCase(fragments=_listed(entry["pass"]), expect_fail=False, **common))
    if not cases:
        raise ValueError(f"{source}: gives neither fail nor pass")
    return cases


def _listed(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_SECTION = re.compile(r"^## (Failing|Passing) example\s*$(.*?)(?=^## |\Z)", re.M | re.S)
_BLOCK = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)


def rule_examples(rule) -> list[RuleCase]:
    """The cases a rule's documentation gives: its "Failing example" must give at least one
    finding of its code, its "Passing example" none."""
    options = dict(getattr(rule, "example_options", {}) or {})
    cases = []
    for section, body in _SECTION.findall(rule.documentation()):
        blocks = [text for language, text in _BLOCK.findall(body)]
        cases.append(RuleCase(
            code=rule.code, name="documented", fragments=blocks, expect_fail=section == "Failing",
            filing_date=options.get("filing-date"), source=f"{rule.code}'s documentation",
            issuer_map={k: set(v) for k, v in options["issuer-map"].items()} if "issuer-map" in options else None,
        ))
    return cases


def documented_cases(*, extra: tuple = (), packs: tuple | None = None) -> list[RuleCase]:
    """The documented examples of every rule of the loaded packs (``packs``: only these packs'
    rules, by name), the core's own codes left out."""
    from form16lint.core_codes import CORE_PACK
    from form16lint.plugins import load_plugins

    plugins = load_plugins(autoload=False, extra=extra)
    return [case for rule in plugins.all_rules()
            if rule.pack != CORE_PACK and (packs is None or rule.pack in packs)
            for case in rule_examples(rule)]


# -- running them ----------------------------------------------------------------------------------
def lint_fragments(fragments: list[str], code: str, *, filing_date: date | None = None,
                   issuer_map=None, suffix: str | None = None, extra: tuple = ()) -> list[Finding]:
    """The findings of ``code`` when the filings the fragments stand for are checked together."""
    from form16lint.engine import lint
    from form16lint.plugins import load_plugins
    from form16lint.rule import RunOptions
    from form16lint.settings import Settings

    plugins = _plugins(extra)
    with tempfile.TemporaryDirectory(prefix="form16lint-case-") as folder:
        paths = []
        for number, fragment in enumerate(fragments, 1):
            path = Path(folder) / f"filing-{number}{suffix or suffix_of(fragment)}"
            path.write_text(filing_from_fragment(fragment), encoding="utf-8")
            paths.append(str(path))
        settings = Settings(select=[code])
        options = RunOptions(filing_date=filing_date, issuer_map=issuer_map)
        result = lint(paths, plugins, settings, options)
    return [finding for finding in result.findings if finding.code == code]


_PLUGINS: dict[tuple, object] = {}


def _plugins(extra: tuple):
    if extra not in _PLUGINS:
        from form16lint.plugins import load_plugins

        _PLUGINS[extra] = load_plugins(autoload=False, extra=extra)
    return _PLUGINS[extra]


def check_case(case: RuleCase, *, extra: tuple = ()) -> None:
    """Raise AssertionError, saying what was found, unless the case holds."""
    assert case.fragments, f"{case} ({case.source}) gives no filing: put the example in a fenced block (```xml)"
    findings = lint_fragments(case.fragments, case.code, filing_date=case.filing_date, issuer_map=case.issuer_map,
                              suffix=case.suffix, extra=extra)
    found = "\n".join(f"  {f.severity} {f.pointer or '(the file)'}: {f.message}" for f in findings) or "  nothing"
    where = f"{case} ({case.source})"
    if not case.expect_fail:
        assert not findings, f"{where} must give no {case.code}, but gave:\n{found}"
        return
    assert findings, f"{where} must give {case.code}, but gave nothing"
    if case.pointers is not None:
        assert sorted(f.pointer for f in findings) == sorted(case.pointers), \
            f"{where} must give {case.code} at {sorted(case.pointers)}, but gave:\n{found}"
    if case.severity is not None:
        assert all(f.severity == case.severity for f in findings), \
            f"{where} must give {case.code} as {case.severity}, but gave:\n{found}"
