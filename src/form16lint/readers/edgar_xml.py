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


class _Builder:
    """Turns the element tree into the model, recording where each value stands."""

    def __init__(self, path: str, fmt: str, data: bytes, line_offset: int):
        self.document = Document(path=path, format=fmt)
        self.document.refine_locations = self._add_columns
        self.locations = self.document.locations
        self.data = data
        self.line_offset = line_offset
        self.order: list[tuple[str, int, str]] = []  # (pointer, line, tag) in document order
        self.pointers: dict[tuple[int, str], list[str]] = {}  # (line, tag) -> pointers, in order

    # -- positions -----------------------------------------------------------------------------
    def _locate(self, pointer: str, element) -> None:
        """Record the line now; the column is found later, only if a finding needs it."""
        line = element.sourceline
        if line:
            self.locations[pointer] = Location(line=line + self.line_offset)
            self.order.append((pointer, line, element.tag))
            self.pointers.setdefault((line, element.tag), []).append(pointer)

    def _add_columns(self) -> None:
        """Find each element's start tag on its line, in document order, so that several
        elements of the same name on one line (a minified document) get their own columns."""
        lines = self.data.split(b"\n")
        cursor: dict[tuple[int, str], int] = {}
        for pointer, line, tag in self.order:
            if not isinstance(tag, str) or not 0 < line <= len(lines):
                continue
            text = lines[line - 1]
            index = text.find(b"<" + tag.encode(), cursor.get((line, tag), 0))
            if index >= 0:
                cursor[(line, tag)] = index + 1
                column = len(text[:index].decode("utf-8", "replace")) + 1
                self.locations[pointer] = Location(line=line + self.line_offset, column=column)

    # -- value helpers ---------------------------------------------------------------------------
    @staticmethod
    def _text(element) -> str | None:
        if element is None:
            return None
        text = element.text
        return text.strip() if text is not None else ""

    def _plain(self, parent, tag: str, pointer: str) -> str | None:
        element = parent.find(tag) if parent is not None else None
        if element is None:
            return None
        self._locate(pointer, element)
        return self._text(element) or None

    def _boxed(self, parent, tag: str, pointer: str, parse=text_value):
        """A ``<tag><value>…</value><footnoteId id="F1"/></tag>`` value, or a plain ``<tag>…</tag>``."""
        element = parent.find(tag) if parent is not None else None
        if element is None:
            return parse(None)
        footnotes = []
        value_element = None
        for child in element:  # one pass: lxml lookups dominate the reader's time
            name = child.tag
            if name == "value":
                value_element = child
            elif name == "footnoteId":
                footnotes.append(child.get("id") or "")
        if value_element is not None:
            self._locate(pointer, value_element)
            text = value_element.text
        else:
            self._locate(pointer, element)
            text = element.text if not footnotes else None  # flags carry their value directly
        text = text.strip() if text else None
        return parse(text or None, footnotes)

    # -- the document ------------------------------------------------------------------------
    def build(self, root) -> Document:
        filing = Filing()
        self.document.filing = filing
        self._locate("", root)
        filing.schema_version = self._plain(root, "schemaVersion", "/schemaVersion")
        filing.document_type = self._plain(root, "documentType", "/documentType")
        filing.period_of_report = self._boxed(root, "periodOfReport", "/periodOfReport", date_value)
        filing.date_of_original_submission = self._boxed(
            root, "dateOfOriginalSubmission", "/dateOfOriginalSubmission", date_value)
        for tag, name in (
            ("notSubjectToSection16", "not_subject_to_section16"),
            ("form3HoldingsReported", "form3_holdings_reported"),
            ("form4TransactionsReported", "form4_transactions_reported"),
            ("noSecuritiesOwned", "no_securities_owned"),
            ("aff10b5One", "aff10b5_one"),
        ):
            setattr(filing, name, self._boxed(root, tag, "/" + camel_case(name), bool_value))

        issuer = root.find("issuer")
        self._locate("/issuer", issuer) if issuer is not None else None
        filing.issuer = Issuer(
            cik=self._plain(issuer, "issuerCik", "/issuer/cik"),
            name=self._plain(issuer, "issuerName", "/issuer/name"),
            trading_symbol=self._plain(issuer, "issuerTradingSymbol", "/issuer/tradingSymbol"),
        )
        for index, element in enumerate(root.iterfind("reportingOwner")):
            filing.reporting_owners.append(self._owner(element, f"/reportingOwners/{index}"))

        table = root.find("nonDerivativeTable")
        if table is not None:
            self._rows(table, "nonDerivativeTransaction", "nonDerivativeTransactions",
                       NonDerivativeTransaction, filing.non_derivative_transactions)
            self._rows(table, "nonDerivativeHolding", "nonDerivativeHoldings",
                       NonDerivativeHolding, filing.non_derivative_holdings)
        table = root.find("derivativeTable")
        if table is not None:
            self._rows(table, "derivativeTransaction", "derivativeTransactions",
                       DerivativeTransaction, filing.derivative_transactions)
            self._rows(table, "derivativeHolding", "derivativeHoldings",
                       DerivativeHolding, filing.derivative_holdings)

        notes = root.find("footnotes")
        if notes is not None:
            for index, element in enumerate(notes.iterfind("footnote")):
                pointer = f"/footnotes/{index}"
                self._locate(pointer, element)
                text = " ".join("".join(element.itertext()).split())
                filing.footnotes.append(Footnote(id=element.get("id") or "", text=text))
        remarks = root.find("remarks")
        if remarks is not None:
            self._locate("/remarks", remarks)
            filing.remarks = " ".join("".join(remarks.itertext()).split()) or None
        for index, element in enumerate(root.iterfind("ownerSignature")):
            pointer = f"/signatures/{index}"
            self._locate(pointer, element)
            filing.signatures.append(Signature(
                name=self._plain(element, "signatureName", pointer + "/name"),
                date=self._boxed(element, "signatureDate", pointer + "/date", date_value),
            ))
        self._suppressions(root)
        return self.document

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

    def _owner(self, element, pointer: str) -> ReportingOwner:
        self._locate(pointer, element)
        ident = element.find("reportingOwnerId")
        address = element.find("reportingOwnerAddress")
        relation = element.find("reportingOwnerRelationship")
        rel = pointer + "/relationship"
        if relation is not None:
            self._locate(rel, relation)
        return ReportingOwner(
            cik=self._plain(ident, "rptOwnerCik", pointer + "/cik"),
            ccc=self._plain(ident, "rptOwnerCcc", pointer + "/ccc"),
            name=self._plain(ident, "rptOwnerName", pointer + "/name"),
            address=Address(**{
                name: self._plain(address, tag, f"{pointer}/address/{camel_case(name)}")
                for tag, name in (
                    ("rptOwnerStreet1", "street1"), ("rptOwnerStreet2", "street2"),
                    ("rptOwnerCity", "city"), ("rptOwnerState", "state"),
                    ("rptOwnerZipCode", "zip_code"), ("rptOwnerStateDescription", "state_description"),
                )
            }),
            relationship=Relationship(
                is_director=self._boxed(relation, "isDirector", rel + "/isDirector", bool_value),
                is_officer=self._boxed(relation, "isOfficer", rel + "/isOfficer", bool_value),
                is_ten_percent_owner=self._boxed(
                    relation, "isTenPercentOwner", rel + "/isTenPercentOwner", bool_value),
                is_other=self._boxed(relation, "isOther", rel + "/isOther", bool_value),
                officer_title=self._plain(relation, "officerTitle", rel + "/officerTitle"),
                other_text=self._plain(relation, "otherText", rel + "/otherText"),
            ),
        )

    def _rows(self, table, tag: str, collection: str, cls, out: list) -> None:
        for index, element in enumerate(table.iterfind(tag)):
            pointer = f"/{collection}/{index}"
            self._locate(pointer, element)
            out.append(self._row(element, pointer, cls))

    def _row(self, element, pointer: str, cls):
        boxed = self._boxed
        fields = {"security_title": boxed(element, "securityTitle", pointer + "/securityTitle")}
        names = cls.__dataclass_fields__
        if "conversion_or_exercise_price" in names:
            fields["conversion_or_exercise_price"] = boxed(
                element, "conversionOrExercisePrice", pointer + "/conversionOrExercisePrice", decimal_value)
        coding = element.find("transactionCoding")
        if "transaction_date" in names:
            fields["transaction_date"] = boxed(element, "transactionDate", pointer + "/transactionDate", date_value)
            fields["deemed_execution_date"] = boxed(
                element, "deemedExecutionDate", pointer + "/deemedExecutionDate", date_value)
            if coding is not None:
                self._locate(pointer + "/code", coding)
                fields["code"] = self._plain(coding, "transactionCode", pointer + "/code")
                fields["equity_swap_involved"] = boxed(
                    coding, "equitySwapInvolved", pointer + "/equitySwapInvolved", bool_value)
                fields["coding_footnotes"] = [n.get("id") or "" for n in coding.iterfind("footnoteId")]
            fields["timeliness"] = boxed(element, "transactionTimeliness", pointer + "/timeliness")
            amounts = element.find("transactionAmounts")
            fields["shares"] = boxed(amounts, "transactionShares", pointer + "/shares", decimal_value)
            if "total_value" in names:
                fields["total_value"] = boxed(amounts, "transactionTotalValue", pointer + "/totalValue",
                                              decimal_value)
            fields["price_per_share"] = boxed(
                amounts, "transactionPricePerShare", pointer + "/pricePerShare", decimal_value)
            fields["acquired_disposed"] = boxed(
                amounts, "transactionAcquiredDisposedCode", pointer + "/acquiredDisposed")
        if coding is not None:
            fields["form_type"] = self._plain(coding, "transactionFormType", pointer + "/formType")
        if "exercise_date" in names:
            fields["exercise_date"] = boxed(element, "exerciseDate", pointer + "/exerciseDate", date_value)
            fields["expiration_date"] = boxed(element, "expirationDate", pointer + "/expirationDate", date_value)
            under = element.find("underlyingSecurity")
            fields["underlying_title"] = boxed(under, "underlyingSecurityTitle", pointer + "/underlyingTitle")
            fields["underlying_shares"] = boxed(
                under, "underlyingSecurityShares", pointer + "/underlyingShares", decimal_value)
            fields["underlying_value"] = boxed(
                under, "underlyingSecurityValue", pointer + "/underlyingValue", decimal_value)
        post = element.find("postTransactionAmounts")
        fields["shares_owned_following"] = boxed(
            post, "sharesOwnedFollowingTransaction", pointer + "/sharesOwnedFollowing", decimal_value)
        fields["value_owned_following"] = boxed(
            post, "valueOwnedFollowingTransaction", pointer + "/valueOwnedFollowing", decimal_value)
        nature = element.find("ownershipNature")
        fields["direct_or_indirect"] = boxed(nature, "directOrIndirectOwnership", pointer + "/directOrIndirect")
        fields["nature_of_ownership"] = boxed(nature, "natureOfOwnership", pointer + "/natureOfOwnership")
        return cls(**fields)
