"""EDGAR ownership XML (``<ownershipDocument>``), every schema version from X0202 to X0609.

The parser is hardened: a document type declaration or entity declaration is refused before
parsing (so no billion laughs, no external entity, no file read, no network), and lxml itself is
told to resolve no entities, load no DTD and touch no network. Every value is located by line and
column.
"""

from __future__ import annotations

import re

from form16lint.hookspecs import hookimpl
from form16lint.model import (
    Address,
    DerivativeHolding,
    DerivativeTransaction,
    Document,
    Filing,
    Footnote,
    Issuer,
    Location,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Relationship,
    ReportingOwner,
    Signature,
    camel_case,
)
from form16lint.readers import unreadable
from form16lint.values import bool_value, date_value, decimal_value, text_value

FORMAT = "edgar-xml"
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT = b"<ownershipDocument"


@hookimpl(trylast=True)
def form16lint_read_document(path: str, data: bytes):
    head = data[:4096].lstrip()
    if _ROOT not in data[:65536] or head[:1] != b"<":
        return None
    return read_ownership_xml(path, data)


def read_ownership_xml(path: str, data: bytes, *, fmt: str = FORMAT, line_offset: int = 0) -> Document:
    """Read an ownership document; ``line_offset`` places it inside a larger file."""
    declaration = _DECLARATION.search(data)
    if declaration:
        line = data.count(b"\n", 0, declaration.start()) + 1 + line_offset
        return unreadable(
            path, fmt,
            "the XML declares a document type or entities, which an EDGAR ownership document never "
            "does; form16lint refuses them rather than risk entity expansion or external reads",
            line=line,
        )
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=False, collect_ids=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = (error.position or (None, None))
        where = f" at line {line + line_offset}" if line else ""
        message = error.msg or str(error)
        return unreadable(path, fmt, f"the XML is not well-formed{where}: {message}",
                          line=line + line_offset if line else None, column=column or None)
    if not isinstance(root.tag, str) or etree.QName(root).localname != "ownershipDocument":
        return unreadable(path, fmt, f"the root element is <{root.tag}>, not <ownershipDocument>")
    return _Builder(path, fmt, data, line_offset).build(root)


# -- how each element of the schema becomes a field ----------------------------------------------
# A layout maps a child element's tag to what it holds:
#   (BOXED, field, pointer key, parse)  a <tag><value>…</value><footnoteId/></tag> value
#   (PLAIN, field, pointer key)         a plain <tag>text</tag>
#   (NOTES, field)                      a <footnoteId id=…/> directly inside (transaction coding)
#   (GROUP, layout, pointer key|None)   a wrapper whose children belong to the same object
# Only the first element of a tag counts, as in the schema, which allows one.
BOXED, PLAIN, NOTES, GROUP = range(4)


def _boxes(*specs):
    return {tag: (BOXED, name, "/" + camel_case(name) if key is None else key, parse)
            for tag, name, key, parse in specs}


def _plains(*specs):
    return {tag: (PLAIN, name, "/" + camel_case(name)) for tag, name in specs}


def _row_layout(cls) -> dict:
    names = cls.__dataclass_fields__
    layout = _boxes(("securityTitle", "security_title", None, text_value))
    coding = _plains(("transactionFormType", "form_type"))
    if "conversion_or_exercise_price" in names:
        layout |= _boxes(("conversionOrExercisePrice", "conversion_or_exercise_price", None, decimal_value))
    if "transaction_date" in names:
        layout |= _boxes(
            ("transactionDate", "transaction_date", None, date_value),
            ("deemedExecutionDate", "deemed_execution_date", None, date_value),
            ("transactionTimeliness", "timeliness", None, text_value),
        )
        coding |= _plains(("transactionCode", "code")) | {"footnoteId": (NOTES, "coding_footnotes")}
        coding |= _boxes(("equitySwapInvolved", "equity_swap_involved", None, bool_value))
        amounts = _boxes(
            ("transactionShares", "shares", None, decimal_value),
            ("transactionPricePerShare", "price_per_share", None, decimal_value),
            ("transactionAcquiredDisposedCode", "acquired_disposed", "/acquiredDisposed", text_value),
        )
        if "total_value" in names:
            amounts |= _boxes(("transactionTotalValue", "total_value", None, decimal_value))
        layout["transactionAmounts"] = (GROUP, amounts, None)
    layout["transactionCoding"] = (GROUP, coding, "/code" if "transaction_date" in names else None)
    if "exercise_date" in names:
        layout |= _boxes(
            ("exerciseDate", "exercise_date", None, date_value),
            ("expirationDate", "expiration_date", None, date_value),
        )
        layout["underlyingSecurity"] = (GROUP, _boxes(
            ("underlyingSecurityTitle", "underlying_title", None, text_value),
            ("underlyingSecurityShares", "underlying_shares", None, decimal_value),
            ("underlyingSecurityValue", "underlying_value", None, decimal_value),
        ), None)
    layout["postTransactionAmounts"] = (GROUP, _boxes(
        ("sharesOwnedFollowingTransaction", "shares_owned_following", "/sharesOwnedFollowing", decimal_value),
        ("valueOwnedFollowingTransaction", "value_owned_following", "/valueOwnedFollowing", decimal_value),
    ), None)
    layout["ownershipNature"] = (GROUP, _boxes(
        ("directOrIndirectOwnership", "direct_or_indirect", "/directOrIndirect", text_value),
        ("natureOfOwnership", "nature_of_ownership", None, text_value),
    ), None)
    return layout


# table element -> row element -> (collection in pointers, field of Filing, row class, layout)
_TABLES = {
    table: {tag: (collection, name, cls, _row_layout(cls)) for tag, collection, name, cls in rows}
    for table, rows in {
        "nonDerivativeTable": [
            ("nonDerivativeTransaction", "nonDerivativeTransactions", "non_derivative_transactions",
             NonDerivativeTransaction),
            ("nonDerivativeHolding", "nonDerivativeHoldings", "non_derivative_holdings", NonDerivativeHolding),
        ],
        "derivativeTable": [
            ("derivativeTransaction", "derivativeTransactions", "derivative_transactions", DerivativeTransaction),
            ("derivativeHolding", "derivativeHoldings", "derivative_holdings", DerivativeHolding),
        ],
    }.items()
}
_FILING = _plains(("schemaVersion", "schema_version"), ("documentType", "document_type")) | _boxes(
    ("periodOfReport", "period_of_report", None, date_value),
    ("dateOfOriginalSubmission", "date_of_original_submission", None, date_value),
    ("notSubjectToSection16", "not_subject_to_section16", None, bool_value),
    ("form3HoldingsReported", "form3_holdings_reported", None, bool_value),
    ("form4TransactionsReported", "form4_transactions_reported", None, bool_value),
    ("noSecuritiesOwned", "no_securities_owned", None, bool_value),
    ("aff10b5One", "aff10b5_one", None, bool_value),
)
_ISSUER = _plains(("issuerCik", "cik"), ("issuerName", "name"), ("issuerTradingSymbol", "trading_symbol"))
_OWNER_ID = _plains(("rptOwnerCik", "cik"), ("rptOwnerCcc", "ccc"), ("rptOwnerName", "name"))
_ADDRESS = _plains(
    ("rptOwnerStreet1", "street1"), ("rptOwnerStreet2", "street2"), ("rptOwnerCity", "city"),
    ("rptOwnerState", "state"), ("rptOwnerZipCode", "zip_code"), ("rptOwnerStateDescription", "state_description"),
)
_RELATIONSHIP = _plains(("officerTitle", "officer_title"), ("otherText", "other_text")) | _boxes(
    ("isDirector", "is_director", None, bool_value),
    ("isOfficer", "is_officer", None, bool_value),
    ("isTenPercentOwner", "is_ten_percent_owner", None, bool_value),
    ("isOther", "is_other", None, bool_value),
)
_SIGNATURE = _plains(("signatureName", "name")) | _boxes(("signatureDate", "date", None, date_value))


class _Builder:
    """Turns the element tree into the model in one pass over the elements, recording the line
    each value stands on; columns are found later, only if a finding needs one."""

    def __init__(self, path: str, fmt: str, data: bytes, line_offset: int):
        self.document = Document(path=path, format=fmt)
        self.document.refine_locations = self._add_locations
        self.data = data
        self.line_offset = line_offset
        self.order: list[tuple[str, int | None, str]] = []  # (pointer, line, tag) in reading order
        self.pointers: dict[tuple[int, str], list[str]] | None = None  # the reverse, for suppressions

    # -- the document ------------------------------------------------------------------------
    def build(self, root) -> Document:
        self.order.append(("", root.sourceline, root.tag))
        fields: dict = {}
        owners, signatures, footnotes = [], [], []
        seen = set()
        for child in root:
            tag = child.tag
            if tag == "reportingOwner":
                owners.append(self._owner(child, f"/reportingOwners/{len(owners)}"))
            elif tag == "ownerSignature":
                pointer = f"/signatures/{len(signatures)}"
                self.order.append((pointer, child.sourceline, tag))
                signature: dict = {}
                self._fill(child, _SIGNATURE, pointer, signature)
                signatures.append(Signature(**signature))
            elif tag in seen:
                continue  # the schema allows one of each of the rest; the first counts
            elif tag in _TABLES:
                seen.add(tag)
                self._table(child, _TABLES[tag], fields)
            elif tag == "issuer":
                seen.add(tag)
                self.order.append(("/issuer", child.sourceline, tag))
                issuer: dict = {}
                self._fill(child, _ISSUER, "/issuer", issuer)
                fields["issuer"] = Issuer(**issuer)
            elif tag == "footnotes":
                seen.add(tag)
                for note in child.iterfind("footnote"):
                    self.order.append((f"/footnotes/{len(footnotes)}", note.sourceline, "footnote"))
                    footnotes.append(Footnote(id=note.get("id") or "", text=_joined_text(note)))
            elif tag == "remarks":
                seen.add(tag)
                self.order.append(("/remarks", child.sourceline, tag))
                fields["remarks"] = _joined_text(child) or None
            elif tag in _FILING:
                seen.add(tag)
                self._fill_one(child, _FILING[tag], "", fields)
        filing = Filing(**fields, reporting_owners=owners, footnotes=footnotes, signatures=signatures)
        self.document.filing = filing
        if b"<!--" in self.data:
            self._suppressions(root)
        return self.document

    def _table(self, table, rows: dict, fields: dict) -> None:
        for element in table:
            found = rows.get(element.tag)
            if found is None:
                continue
            collection, name, cls, layout = found
            out = fields.setdefault(name, [])
            pointer = f"/{collection}/{len(out)}"
            self.order.append((pointer, element.sourceline, element.tag))
            row: dict = {}
            self._fill(element, layout, pointer, row)
            out.append(cls(**row))

    def _owner(self, element, pointer: str) -> ReportingOwner:
        self.order.append((pointer, element.sourceline, element.tag))
        owner: dict = {}
        seen = set()
        for child in element:
            tag = child.tag
            if tag in seen:
                continue
            seen.add(tag)
            if tag == "reportingOwnerId":
                self._fill(child, _OWNER_ID, pointer, owner)
            elif tag == "reportingOwnerAddress":
                address: dict = {}
                self._fill(child, _ADDRESS, pointer + "/address", address)
                owner["address"] = Address(**address)
            elif tag == "reportingOwnerRelationship":
                relationship: dict = {}
                self.order.append((pointer + "/relationship", child.sourceline, tag))
                self._fill(child, _RELATIONSHIP, pointer + "/relationship", relationship)
                owner["relationship"] = Relationship(**relationship)
        return ReportingOwner(**owner)

    # -- values --------------------------------------------------------------------------------
    def _fill(self, element, layout: dict, pointer: str, fields: dict) -> None:
        """Read the children of ``element`` that ``layout`` names into ``fields``."""
        seen = set()
        for child in element:
            tag = child.tag
            spec = layout.get(tag)
            if spec is None:
                continue
            if spec[0] == NOTES:
                fields.setdefault(spec[1], []).append(child.get("id") or "")
            elif tag not in seen:
                seen.add(tag)
                self._fill_one(child, spec, pointer, fields)

    def _fill_one(self, element, spec: tuple, pointer: str, fields: dict) -> None:
        kind = spec[0]
        if kind == BOXED:
            fields[spec[1]] = self._boxed(element, pointer + spec[2], spec[3])
        elif kind == PLAIN:
            self.order.append((pointer + spec[2], element.sourceline, element.tag))
            text = element.text
            fields[spec[1]] = (text.strip() or None) if text else None
        else:  # GROUP
            if spec[2] is not None:
                self.order.append((pointer + spec[2], element.sourceline, element.tag))
            self._fill(element, spec[1], pointer, fields)

    def _boxed(self, element, pointer: str, parse):
        """A ``<tag><value>…</value><footnoteId id="F1"/></tag>`` value, or a plain ``<tag>…</tag>``."""
        footnotes = []
        value_element = None
        for child in element:
            name = child.tag
            if name == "value":
                value_element = child
            elif name == "footnoteId":
                footnotes.append(child.get("id") or "")
        if value_element is not None:
            self.order.append((pointer, value_element.sourceline, "value"))
            text = value_element.text
        else:
            self.order.append((pointer, element.sourceline, element.tag))
            text = element.text if not footnotes else None  # flags carry their value directly
        text = text.strip() if text else None
        return parse(text or None, footnotes)

    # -- positions -----------------------------------------------------------------------------
    def _add_locations(self) -> None:
        """Line and column of every value read. Each element's start tag is found on its line in
        reading order, so that several elements of one name on one line (a minified document)
        get their own columns."""
        lines = self.data.split(b"\n")
        cursor: dict[tuple[int, str], int] = {}
        locations = self.document.locations
        for pointer, line, tag in self.order:
            if not line:
                continue
            column = None
            if isinstance(tag, str) and line <= len(lines):
                text = lines[line - 1]
                index = text.find(b"<" + tag.encode(), cursor.get((line, tag), 0))
                if index >= 0:
                    cursor[(line, tag)] = index + 1
                    column = len(text[:index].decode("utf-8", "replace")) + 1
            locations[pointer] = Location(line=line + self.line_offset, column=column)

    # -- suppressions: <!-- form16lint: ignore CODE reason: … --> before the element covered ------
    def _suppressions(self, root) -> None:
        from lxml import etree

        from form16lint.suppressions import Suppression, parse_comment

        comments = [*root.itersiblings(etree.Comment, preceding=True), *root.iter(etree.Comment)]
        for comment in comments:
            parsed = parse_comment(comment.text)
            if parsed is None:
                continue
            codes, reason = parsed
            line = comment.sourceline + self.line_offset if comment.sourceline else None
            pointer = self._pointer_of(self._next_element(comment))
            for code in codes or ["?"]:
                self.document.suppressions.append(
                    Suppression(code=code, reason=reason, path=self.document.path, pointer=pointer, line=line))

    @staticmethod
    def _next_element(node):
        node = node.getnext()
        while node is not None and not isinstance(node.tag, str):
            node = node.getnext()
        return node

    def _pointer_of(self, element) -> str | None:
        """The pointer recorded for an element (or for the ``<value>`` it wraps, which is what a
        boxed value records), else for its nearest recorded ancestor."""
        if self.pointers is None:
            self.pointers = {}
            for pointer, line, tag in self.order:
                self.pointers.setdefault((line, tag), []).append(pointer)
        if element is not None and (element.sourceline, element.tag) not in self.pointers:
            inner = element.find("value")
            if inner is not None and (inner.sourceline, inner.tag) in self.pointers:
                element = inner
        while element is not None:
            found = self.pointers.get((element.sourceline, element.tag))
            if found:
                same = [e for e in element.getroottree().iter(element.tag) if e.sourceline == element.sourceline]
                index = same.index(element)
                return found[index] if index < len(found) else found[0]
            element = element.getparent()
        return None


def _joined_text(element) -> str:
    """All the text inside an element, its whitespace runs made single spaces."""
    return " ".join("".join(element.itertext()).split())

