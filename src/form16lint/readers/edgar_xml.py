"""EDGAR ownership XML (``<ownershipDocument>``), every schema version from X0202 to X0609.

The parser is hardened: the document is decoded first (as libxml2 would decode it), and a
document type, entity or other markup declaration, or XInclude, found in the decoded text is
refused before parsing (so no billion laughs, no external entity, no file read, no network,
whatever the encoding); lxml itself is told to resolve no entities, load no DTD and touch no
network. Every value is located by line and column.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

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
_ROOT = b"<ownershipDocument"
# Markup declarations (a document type, entities, elements, attribute lists, notations): an
# ownership document has none, and each is a way to make the parser read a file, open a
# connection or expand text without bound.
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)", re.IGNORECASE)
# XInclude pulls in other files (or silently nothing, emptying a field).
_XINCLUDE = re.compile(r"www\.w3\.org/200[13]/XInclude", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["'][^>]*\?>""")
# Encodings that keep ASCII as ASCII, one byte a character: markup found in the bytes is the
# markup libxml2 sees, and the bytes are handed to it as they are.
_ASCII_SAFE = frozenset({"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"})
# What libxml2 guesses from the first four bytes of a document without a byte-order mark.
_UNMARKED = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
             (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
             (b"\x00<\x00o", "utf-16-be"), (b"<\x00o\x00", "utf-16-le"))
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@hookimpl(trylast=True)
def form16lint_read_document(path: str, data: bytes):
    head = data[:4096].removeprefix(codecs.BOM_UTF8).lstrip()  # Windows editors write a BOM
    if _ROOT in data[:65536] and head[:1] == b"<":
        return read_ownership_xml(path, data)
    if data.startswith(tuple(marker for marker, _ in _UNMARKED)):  # UTF-16 or UTF-32 without a BOM
        encoding = _encoding(data)
        if encoding and _ROOT.decode() in data[:65536].decode(encoding, "ignore"):
            return read_ownership_xml(path, data)
    return None


def _encoding(data: bytes) -> str | None:
    """The encoding libxml2 would read ``data`` in: its byte-order mark, else what its first four
    bytes show, else its XML declaration, else UTF-8. None for an encoding Python does not know."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    for start, encoding in _UNMARKED:
        if data.startswith(start):
            return encoding
    declared = _XML_DECLARATION.match(data[:1024])
    if declared is None:
        return "utf-8"
    try:
        return codecs.lookup(declared[1].decode("ascii")).name
    except LookupError:
        return None


def safe_xml(data: bytes) -> tuple[bytes | None, str | None, int | None]:
    """The bytes to hand to libxml2, or why not: (bytes, None, None) or (None, problem, line).

    The document is decoded as libxml2 would decode it (byte-order mark, first bytes, declared
    encoding) and the decoded text, not the raw bytes, is searched for markup declarations and
    XInclude, so that no encoding (UTF-16 without a byte-order mark, UTF-7, ...) hides a DOCTYPE
    from the check. A document not in an ASCII-compatible single-byte encoding or UTF-8 is
    handed over re-encoded as UTF-8, so libxml2 parses exactly the text that was checked."""
    encoding = _encoding(data)
    if encoding is None:
        declared = _XML_DECLARATION.match(data[:1024])
        return None, f"the XML declares an encoding form16lint does not know ({declared[1].decode('ascii')!r})", 1
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return None, f"the XML is not valid {encoding} text (at byte {error.start})", None
    # the patterns search without regard to case, slowly: only where their literal part stands
    found = ("<!" in text and _DECLARATION.search(text)) or ("/200" in text and _XINCLUDE.search(text)) or None
    if found:
        line = text.count("\n", 0, found.start()) + 1
        what = ("uses XInclude to pull in other content" if found.re is _XINCLUDE
                else "declares a document type or entities")
        return None, (f"the XML {what}, which an EDGAR ownership document never does; form16lint refuses "
                      "it rather than risk entity expansion or reading other files"), line
    if encoding.replace("_", "-") in _ASCII_SAFE or encoding == "utf-8-sig":
        return data, None, None
    if encoding.startswith(("utf-16", "utf-32")):
        return None, (f"the file is {encoding.upper()} text without a byte-order mark; EDGAR expects ASCII "
                      "text: save it as ASCII or UTF-8 and check again"), None
    declaration = re.match(r"\s*<\?xml\b[^>]*\?>", text)
    if declaration:  # the same number of lines, now declaring what it is
        text = '<?xml version="1.0" encoding="UTF-8"?>' + "\n" * declaration[0].count("\n") + text[declaration.end():]
    return text.encode("utf-8"), None, None


def read_ownership_xml(path: str, data: bytes, *, fmt: str = FORMAT, line_offset: int = 0) -> Document:
    """Read an ownership document; ``line_offset`` places it inside a larger file."""
    checked, problem, line = safe_xml(data)
    if checked is None:
        return unreadable(path, fmt, problem, line=line + line_offset if line else None)
    data = checked
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        attribute_defaults=False, huge_tree=False, remove_comments=False, collect_ids=False,
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
    too_deep = _too_deep(root)
    if too_deep is not None:
        line = too_deep.sourceline + line_offset if too_deep.sourceline else None
        return unreadable(path, fmt, f"the XML nests elements more than {MAX_DEPTH} deep (an ownership document "
                                     "nests fewer than 10)", line=line)
    return _Builder(path, fmt, data, line_offset).build(root)


MAX_DEPTH = 64


def _too_deep(root):
    """The first element nested deeper than :data:`MAX_DEPTH`, else None. It is the first element
    at depth MAX_DEPTH + 1 (any deeper one comes after its ancestor there): an XPath that libxml2
    walks without a Python step per element finds it."""
    found = _below_max_depth()(root)
    return found[0] if found else None


@cache
def _below_max_depth():
    from lxml import etree

    return etree.XPath("/*" + "/*" * MAX_DEPTH)


# -- what each element holds -------------------------------------------------------------------
# A layout maps an element's tag to what it holds, for one kind of object:
#   (BOXED, field, pointer key, parse)  a <tag><value>…</value><footnoteId id=…/></tag> value
#   (PLAIN, field, pointer key)         a plain <tag>text</tag>
#   (CODING, field)                     <transactionCoding>: the footnotes directly inside it
# The reader walks the document once, in order; every element a layout names belongs to the
# object of that kind begun most recently (a row, an owner, a signature), and the wrappers in
# between (transactionAmounts, ownershipNature, …) need no reading of their own. The schema
# allows one of each field: the first counts.
BOXED, PLAIN, CODING = range(3)


def _boxes(*specs):
    return {tag: (BOXED, name, "/" + camel_case(name) if key is None else key, parse)
            for tag, name, key, parse in specs}


def _plains(*specs):
    return {tag: (PLAIN, name, "/" + camel_case(name)) for tag, name in specs}


def _row_layout(cls) -> dict:
    names = cls.__dataclass_fields__
    layout = _plains(("transactionFormType", "form_type")) | _boxes(
        ("securityTitle", "security_title", None, text_value),
        ("sharesOwnedFollowingTransaction", "shares_owned_following", "/sharesOwnedFollowing", decimal_value),
        ("valueOwnedFollowingTransaction", "value_owned_following", "/valueOwnedFollowing", decimal_value),
        ("directOrIndirectOwnership", "direct_or_indirect", "/directOrIndirect", text_value),
        ("natureOfOwnership", "nature_of_ownership", None, text_value),
    )
    if "transaction_date" in names:
        layout |= _plains(("transactionCode", "code")) | _boxes(
            ("transactionDate", "transaction_date", None, date_value),
            ("deemedExecutionDate", "deemed_execution_date", None, date_value),
            ("equitySwapInvolved", "equity_swap_involved", None, bool_value),
            ("transactionTimeliness", "timeliness", None, text_value),
            ("transactionShares", "shares", None, decimal_value),
            ("transactionPricePerShare", "price_per_share", None, decimal_value),
            ("transactionAcquiredDisposedCode", "acquired_disposed", "/acquiredDisposed", text_value),
        )
        layout["transactionCoding"] = (CODING, "coding_footnotes")
    if "total_value" in names:
        layout |= _boxes(("transactionTotalValue", "total_value", None, decimal_value))
    if "exercise_date" in names:
        layout |= _boxes(
            ("conversionOrExercisePrice", "conversion_or_exercise_price", None, decimal_value),
            ("exerciseDate", "exercise_date", None, date_value),
            ("expirationDate", "expiration_date", None, date_value),
            ("underlyingSecurityTitle", "underlying_title", None, text_value),
            ("underlyingSecurityShares", "underlying_shares", None, decimal_value),
            ("underlyingSecurityValue", "underlying_value", None, decimal_value),
        )
    return layout


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
_OWNER = _plains(("rptOwnerCik", "cik"), ("rptOwnerCcc", "ccc"), ("rptOwnerName", "name"))
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

# row element -> (collection in pointers, field of Filing, row class, layout)
_ROWS = {
    tag: (collection, name, cls, _row_layout(cls))
    for tag, collection, name, cls in (
        ("nonDerivativeTransaction", "nonDerivativeTransactions", "non_derivative_transactions",
         NonDerivativeTransaction),
        ("nonDerivativeHolding", "nonDerivativeHoldings", "non_derivative_holdings", NonDerivativeHolding),
        ("derivativeTransaction", "derivativeTransactions", "derivative_transactions", DerivativeTransaction),
        ("derivativeHolding", "derivativeHoldings", "derivative_holdings", DerivativeHolding),
    )
}
# The elements that begin an object, and the kind of object every field element belongs to.
_BEGINS = "begins"
_KIND_OF = (
    {tag: _BEGINS for tag in (*_ROWS, "issuer", "reportingOwner", "reportingOwnerRelationship",
                              "ownerSignature", "footnote", "remarks")}
    | {tag: "row" for _, _, _, layout in _ROWS.values() for tag in layout}
    | {tag: kind for kind, layout in (("filing", _FILING), ("issuer", _ISSUER), ("owner", _OWNER),
                                      ("address", _ADDRESS), ("relationship", _RELATIONSHIP),
                                      ("signature", _SIGNATURE)) for tag in layout}
)


class _Positions:
    """Where each value was read: kept with the document, which asks for the few positions its
    findings need. It holds the bytes and a list of (pointer, line, tag), not the element tree."""

    def __init__(self, data: bytes, line_offset: int):
        self.data = data
        self.line_offset = line_offset
        self.order: list[tuple[str, int | None, str]] = []  # (pointer, line, tag) in reading order
        self.index: dict[str, int] | None = None  # pointer -> its place in order, made when first asked
        self.lines: list[bytes] | None = None  # the data split into lines, made when first asked

    def locate(self, pointer: str) -> Location | None:
        """Line and column of the element a pointer was read from. The column is where its start
        tag stands on its line; when elements of one name share a line (a minified document),
        the n-th of them read is taken to be the n-th on the line."""
        if self.index is None:
            self._index()
        place = self.index.get(pointer)
        if place is None:
            return None
        _, line, tag = self.order[place]
        if not line:
            return None
        column = None
        if isinstance(tag, str) and line <= len(self.lines):
            starts = self._starts(line, tag)
            ordinal = self.ordinals[place]
            if ordinal < len(starts):
                text = self.lines[line - 1]
                if self._ascii(line):  # a byte is a character: no copy of a long (minified) line
                    column = starts[ordinal] + 1
                else:
                    column = len(text[: starts[ordinal]].decode("utf-8", "replace")) + 1
        return Location(line=line + self.line_offset, column=column)

    def _index(self) -> None:
        """Made when a position is first asked for, in one pass: each pointer's place, and each
        place's ordinal among the elements of its name on its line."""
        self.index = {}
        self.ordinals: list[int] = []
        seen: dict[tuple, int] = {}
        for place, (pointer, line, tag) in enumerate(self.order):
            self.index[pointer] = place
            ordinal = seen.get((line, tag), 0)
            seen[(line, tag)] = ordinal + 1
            self.ordinals.append(ordinal)
        self.lines = self.data.split(b"\n")
        self.starts: dict[tuple, list[int]] = {}
        self.ascii_lines: dict[int, bool] = {}

    def _ascii(self, line: int) -> bool:
        known = self.ascii_lines.get(line)
        if known is None:
            known = self.ascii_lines[line] = self.lines[line - 1].isascii()
        return known

    def _starts(self, line: int, tag: str) -> list[int]:
        """Where each start tag of ``tag`` stands on ``line`` (found once per line and name)."""
        key = (line, tag)
        found = self.starts.get(key)
        if found is None:
            found = self.starts[key] = [match.start() for match in _start_tag(tag).finditer(self.lines[line - 1])]
        return found


@cache
def _start_tag(tag: str) -> re.Pattern:
    return re.compile(b"<" + re.escape(tag.encode()) + rb"[\s/>]")


class _Builder:
    """Turns the element tree into the model in one walk over the elements, recording the line
    each value stands on; columns are found later, only if a finding needs one."""

    def __init__(self, path: str, fmt: str, data: bytes, line_offset: int):
        self.document = Document(path=path, format=fmt)
        self.positions = _Positions(data, line_offset)
        self.document.locator = self.positions.locate
        self.order = self.positions.order
        self.pointers: dict[tuple[int, str], list[str]] | None = None  # the reverse, for suppressions
        self.filing: dict = {}
        # kind of object -> (its fields so far, its pointer, its layout): where fields go now
        self.current: dict[str, tuple[dict, str, dict]] = {"filing": (self.filing, "", _FILING)}
        self.owners: list[tuple[dict, dict, dict]] = []  # (owner, address, relationship) fields
        self.rows: dict[str, list[tuple[type, dict]]] = {name: [] for _, name, _, _ in _ROWS.values()}
        self.signatures: list[dict] = []
        self.footnotes: list[Footnote] = []

    # -- the document ------------------------------------------------------------------------
    def build(self, root) -> Document:
        self.order.append(("", root.sourceline, root.tag))
        current = self.current
        for element in root.iter():  # every element, in document order
            tag = element.tag
            kind = _KIND_OF.get(tag)
            if kind is None:
                continue
            if kind is _BEGINS:
                self._begin(tag, element)
                continue
            target = current.get(kind)
            if target is None:
                continue  # a field outside any object of its kind
            fields, pointer, layout = target
            spec = layout.get(tag)
            if spec is None or spec[1] in fields:
                continue  # not a column of this kind of row, or a second one of the field
            if spec[0] == BOXED:
                fields[spec[1]] = self._boxed(element, pointer + spec[2], spec[3])
            elif spec[0] == PLAIN:
                self.order.append((pointer + spec[2], element.sourceline, tag))
                text = element.text
                fields[spec[1]] = (text.strip() or None) if text else None
            else:  # CODING: where the code stands until its own element is found, and the notes
                self.order.append((pointer + "/code", element.sourceline, tag))
                fields[spec[1]] = [note.get("id") or "" for note in element.iterfind("footnoteId")]
        self.document.filing = self._filing()
        if b"<!--" in self.positions.data:
            self._suppressions(root)
        return self.document

    def _begin(self, tag: str, element) -> None:
        """Begin the object an element opens, and record where it stands."""
        if tag in _ROWS:
            collection, name, cls, layout = _ROWS[tag]
            rows = self.rows[name]
            pointer = f"/{collection}/{len(rows)}"
            rows.append((cls, fields := {}))
            self.current["row"] = (fields, pointer, layout)
        elif tag == "reportingOwner":
            pointer = f"/reportingOwners/{len(self.owners)}"
            self.owners.append(((owner := {}), (address := {}), (relationship := {})))
            self.current["owner"] = (owner, pointer, _OWNER)
            self.current["address"] = (address, pointer + "/address", _ADDRESS)
            self.current["relationship"] = (relationship, pointer + "/relationship", _RELATIONSHIP)
        elif tag == "reportingOwnerRelationship":
            if "relationship" not in self.current:
                return
            pointer = self.current["relationship"][1]
        elif tag == "ownerSignature":
            pointer = f"/signatures/{len(self.signatures)}"
            self.signatures.append(fields := {})
            self.current["signature"] = (fields, pointer, _SIGNATURE)
        elif tag == "footnote":
            pointer = f"/footnotes/{len(self.footnotes)}"
            self.footnotes.append(Footnote(id=element.get("id") or "", text=_joined_text(element)))
        elif tag == "remarks":
            if "remarks" in self.filing:
                return
            pointer = "/remarks"
            self.filing["remarks"] = _joined_text(element) or None
        else:  # issuer
            if "issuer" in self.current:
                return  # the schema allows one issuer; the first counts
            pointer = "/issuer"
            self.current["issuer"] = ({}, pointer, _ISSUER)
        self.order.append((pointer, element.sourceline, tag))

    def _filing(self) -> Filing:
        fields = self.filing
        if "issuer" in self.current:
            fields["issuer"] = Issuer(**self.current["issuer"][0])
        for name, rows in self.rows.items():
            fields[name] = [cls(**row) for cls, row in rows]
        return Filing(
            **fields,
            reporting_owners=[
                ReportingOwner(**owner, address=Address(**address), relationship=Relationship(**relationship))
                for owner, address, relationship in self.owners
            ],
            footnotes=self.footnotes,
            signatures=[Signature(**signature) for signature in self.signatures],
        )

    # -- values --------------------------------------------------------------------------------
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
            line = comment.sourceline + self.positions.line_offset if comment.sourceline else None
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

