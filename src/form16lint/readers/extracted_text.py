"""Text extracted from a PDF of Form 3, 4 or 5: the layout scrambled, the labels noisy.

Extraction tools flatten the form into lines of tab-separated fragments: a label may be split
("Tabl e I - Non-Deriv ative") or glued, a number may be cut across two cells with the cut
characters repeated ("3,9" then "951,557"), and OCR misreads a few letters ("Machinatan").
This reader therefore

- normalises the text with Unicode NFKC, so "⁽²⁾⁽³⁾" reads "(2)(3)";
- finds labels whitespace-insensitively, on letters and digits alone, and accepts any of several
  fragments of a label, so one broken word does not lose the box;
- rebuilds numbers cut across cells by the rule of thousands grouping: "3,9" + "951,557" can only
  be "3,951,557", and "50," + "000" only "50,000";
- reads each row as the sequence of columns the form prints, attaching a footnote marker such as
  "(1)" to the value it follows (a marker alone stands for the value, as in "price: (1)").

Every value read is located by line and column. A field it cannot read with confidence gets an
E001 finding naming the field and the line; the rest of the filing is still read.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from dataclasses import dataclass

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
    Value,
)
from form16lint.fieldnames import box, column
from form16lint.readers import unsure_field
from form16lint.readers.printed_form import (CHECK_MARK, FORM_TITLES, MARKERS, footnote_id, footnote_ids,
                                             form_of_title, marked_before, split_issuer)
from form16lint.values import date_value, decimal_value

FORMAT = "text"
# Extracted text keeps no page breaks we can trust, so a value is located by line alone; the
# header boxes, though, are on page 1 of the signed form, and an E001 on one says so.
_HEADER = ("/documentType", "/issuer", "/reportingOwners", "/periodOfReport", "/dateOfOriginalSubmission",
           "/jointFiling")

# Phrases only a printed Form 3, 4 or 5 carries, letters and digits only, lower case.
_CLAIM = ("tableinonderivative", "nameandaddressofreportingperson", "issuernameandtickerortradingsymbol",
          *(title for title, _ in FORM_TITLES))

# Alternative fragments of each label, squashed (letters and digits, lower case): the first one
# found in the text marks the label.
LABELS = {
    "name": ("nameandaddressofreportingperson", "nameandaddress", "namean"),
    "issuer": ("issuernameandtickerortradingsymbol", "tickerortradingsymbol", "issuername"),
    "box3": ("dateofearliesttransaction", "statementforissuersfiscalyearended", "fiscalyearended",
             "dateofeventrequiringstatement", "dateofevent"),
    "box4": ("ifamendmentdateoforiginalfiled", "dateoforiginalfiled", "ifamendment"),
    "box5": ("relationshipofreportingperson", "relationshipof"),
    "box6": ("individualorjointgroupfiling", "individualorjoint"),
    "table1": ("tableinonderivativesecurities", "tableinonderivative", "tableinonderiv"),
    "table2": ("tableiiderivativesecurities", "tableiiderivative", "tableiideriv"),
    "explanation": ("explanationofresponses", "explanationof"),
    "remarks": ("remarks",),
    "signature": ("signatureofreportingperson", "signatureofreporting"),
}

_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_GLUED_MARKERS = re.compile(rf"^(.*?\d)({MARKERS.pattern})$")
_NUMBER_FRAGMENT = re.compile(r"^[\d,.]+$")
_VALID_NUMBER = re.compile(r"^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_PRICE = re.compile(r"^\$\s?[\d,]*\.?\d+$")
_CODES = set("PSVADFIMCEHOXGLWZJKU")
_ACQUIRE = {"I": set("PAL") | set("MCXO"), "II": set("PAL")}
_DISPOSE = {"I": set("SDFU"), "II": set("SDFU") | set("MCXOEH")}
# where box 2's "NAME [TICKER]" stands in the text after its label
_NAME_AND_TICKER = re.compile(r"[A-Z0-9][^\[\]\t\n]*?\s*\[\s*([A-Za-z0-9.\-]{1,10})\s*\]")
_US_STATE = re.compile(r"^(.*?)[\s,]+([A-Z]{2})\s*(\S*)\s*$")
_SNIFF = 65536  # bytes read to decide whether a file is an extracted form


@hookimpl(trylast=True)
def form16lint_read_document(path: str, data: bytes):
    if not _claims(data):
        return None
    return read_extracted_text(path, data.decode("utf-8-sig", errors="replace"))


def _claims(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"<", b"{", b"[") or head.startswith(b"%PDF") or b"\x00" in data[:4096]:
        return False  # XML, JSON, a submission or a PDF: another reader's
    if b"<ownershipDocument" in data[:_SNIFF] or b"<SEC-DOCUMENT>" in data[:4096] or b"<SUBMISSION>" in data[:4096]:
        return False
    try:  # the form's phrases stand at its top: the first 64 KiB tell, cut where they may be
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(data[:_SNIFF])
    except UnicodeDecodeError:
        return False
    squashed = _squash(unicodedata.normalize("NFKC", text))[0]
    return sum(phrase in squashed for phrase in _CLAIM) >= 2


def _squash(text: str) -> tuple[str, list[int]]:
    """Letters and digits of ``text`` in lower case, with each one's offset in ``text``."""
    chars, offsets = [], []
    for offset, char in enumerate(text):
        if char.isalnum():
            chars.append(char.lower())
            offsets.append(offset)
    return "".join(chars), offsets


@dataclass
class _Token:
    text: str
    start: int  # offset in the text
    end: int
    cell: int  # index of the tab-separated cell on its line


class _Text:
    """The normalised text with line/column arithmetic and whitespace-insensitive label search."""

    def __init__(self, text: str):
        text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
        # TeX escapes some extractors leave ("\\$3.99", "25\\%")
        self.text = re.sub(r"\\([$%&_])", r"\1", text)
        self.squashed, self.offsets = _squash(self.text)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def location(self, offset: int) -> Location:
        line = self.line_of(offset)
        return Location(line=line + 1, column=offset - self.line_starts[line] + 1)

    def label(self, key: str) -> tuple[int, int] | None:
        """(start, end) offsets of the label named ``key``."""
        for fragment in LABELS[key]:
            found = self.squashed.find(fragment)
            if found >= 0:
                return self.offsets[found], self.offsets[found + len(fragment) - 1] + 1
        return None

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_text(self, index: int) -> str:
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        return self.text[self.line_starts[index]:end]

    def tokens(self, start: int, end: int) -> list[_Token]:
        """Whitespace-separated tokens between two offsets, each with its cell number."""
        found = []
        for line in range(self.line_of(start), self.line_of(max(start, end - 1)) + 1):
            base = self.line_starts[line]
            text = self.line_text(line)
            for match in re.finditer(r"[^\s]+", text):
                offset = base + match.start()
                if start <= offset < end:
                    found.append(_Token(match.group(), offset, base + match.end(), text.count("\t", 0, match.start())))
        return found


def _valid(number: str) -> bool:
    return bool(_VALID_NUMBER.match(number))


def _merge_fragments(tokens: list[_Token]) -> list[_Token]:
    """Join numbers that extraction cut across cells, checked against thousands grouping."""
    merged: list[_Token] = []
    for token in tokens:
        previous = merged[-1] if merged else None
        if previous is not None and _NUMBER_FRAGMENT.match(token.text) and _NUMBER_FRAGMENT.match(
                previous.text.lstrip("$")) and previous.end <= token.start:
            joined = _join_number(previous.text, token.text)
            if joined is not None:
                merged[-1] = _Token(joined, previous.start, token.end, token.cell)
                continue
        merged.append(token)
    return merged


def _join_number(left: str, right: str) -> str | None:
    if _valid(left):  # a complete number absorbs only the repeated tail of its own cut
        debris = len(right) <= 3 and "," not in right and left.endswith(right) and len(right) < len(left)
        return left if debris else None
    if _valid(left + right):
        return left + right
    for overlap in range(1, min(len(left), len(right))):
        if left[-overlap:] == right[:overlap] and _valid(left + right[overlap:]):
            return left + right[overlap:]
    return left + right if not _valid(right) and re.fullmatch(r"\$?[\d,.]*", left + right) else None


def _split_markers(tokens: list[_Token]) -> list[_Token]:
    """Separate a marker glued to its value: "3,951,557(2)(3)" reads as the value then "(2)(3)"."""
    result = []
    for token in tokens:
        match = _GLUED_MARKERS.match(token.text)
        if match and not MARKERS.fullmatch(token.text):
            cut = token.start + len(match[1])
            result.append(_Token(match[1], token.start, cut, token.cell))
            result.append(_Token(match[2], cut, token.end, token.cell))
        else:
            result.append(token)
    return result


class _Reader:
    def __init__(self, path: str, text: str):
        self.doc = _Text(text)
        self.document = Document(path=path, format=FORMAT)
        self.filing = Filing()
        self.document.filing = self.filing
        self.titled_row = None  # (row, title cell) of the last table row read with a title

    # -- bookkeeping -------------------------------------------------------------------------------
    def put(self, pointer: str, offset: int | None) -> None:
        if offset is not None:
            self.document.locations[pointer] = self.doc.location(offset)

    def box(self, field: str) -> str:
        """A header box as this form numbers it: a Form 3's issuer is box 3, a Form 4's box 2."""
        return box(field, self.filing.document_type)

    def column(self, pointer: str) -> str:
        return column(pointer, self.filing.document_type)

    def unsure(self, pointer: str, why: str, offset: int | None = None) -> None:
        location = self.doc.location(offset) if offset is not None else Location()
        unsure_field(self.document, pointer, why, location, signed_page=1 if pointer.startswith(_HEADER) else None)

    # -- the form ----------------------------------------------------------------------------------
    def read(self) -> Document:
        self.labels = {key: self.doc.label(key) for key in LABELS}
        self.read_form_type()
        self.read_issuer()
        self.read_owner()
        self.read_dates()
        self.read_tables()
        self.read_footnotes_and_signature()
        return self.document

    def end_of(self, key: str, *after: str, default: int | None = None) -> int:
        """The start of the first of the labels ``after`` that follows label ``key``."""
        base = self.labels[key][1] if self.labels.get(key) else 0
        ends = [self.labels[name][0] for name in after if self.labels.get(name) and self.labels[name][0] > base]
        return min(ends) if ends else (default if default is not None else len(self.doc.text))

    def read_form_type(self) -> None:
        heading = re.search(r"^\s*FORM\s*([345])\s*(/\s*A)?\b", self.doc.text[:2000], re.IGNORECASE | re.MULTILINE)
        titled = form_of_title(self.doc.squashed[:20000])
        base = heading.group(1) if heading else titled
        if heading and titled and heading.group(1) != titled:
            self.unsure("/documentType", f"the heading says Form {heading.group(1)} but the title is that of "
                                         f"Form {titled}; read as Form {heading.group(1)}", heading.start(1))
        if base is None:
            self.unsure("/documentType", "neither a 'FORM 3/4/5' heading nor a form title was found")
            return
        amended = bool(heading and heading.group(2))
        box4 = self.labels.get("box4")
        if box4:
            end = self.end_of("box4", "box5", "box6", "table1", "name")
            found = _DATE.search(self.doc.text, box4[1], end)
            if found:
                self.filing.date_of_original_submission = date_value(found.group())
                self.put("/dateOfOriginalSubmission", found.start())
                amended = True
        self.filing.document_type = base + ("/A" if amended else "")
        self.put("/documentType", heading.start(1) if heading else None)

    def read_issuer(self) -> None:
        label = self.labels.get("issuer")
        found = _NAME_AND_TICKER.search(self.doc.text, label[1] if label else 0)
        if found is None:
            where = label[0] if label else None
            self.unsure("/issuer/name", f"no 'NAME [TICKER]' follows the {self.box('issuer')} label", where)
            self.unsure("/issuer/tradingSymbol", f"no 'NAME [TICKER]' follows the {self.box('issuer')} label", where)
            return
        name, ticker, cik = split_issuer(found.group())
        self.filing.issuer = Issuer(name=name, trading_symbol=ticker, cik=cik)
        if name:
            self.put("/issuer/name", found.start() + found.group().find(name))
        self.put("/issuer/tradingSymbol", found.start(1))

    def read_dates(self) -> None:
        label = self.labels.get("box3")
        if label is None:
            self.unsure("/periodOfReport", f"the {self.box('periodOfReport')} label was not found")
            return
        end = self.end_of("box3", "box4", "box6", "table1")
        found = _DATE.search(self.doc.text, label[1], end)
        if found is None:
            self.unsure("/periodOfReport", f"no date in {self.box('periodOfReport')}", label[0])
            return
        self.filing.period_of_report = date_value(found.group())
        self.put("/periodOfReport", found.start())

    # -- boxes 1, 5 and 6 --------------------------------------------------------------------------
    def read_owner(self) -> None:
        owner = ReportingOwner()
        self.filing.reporting_owners.append(owner)
        self.put("/reportingOwners/0", self.labels["name"][0] if self.labels.get("name") else None)
        self.read_name_and_address(owner)
        self.read_relationship(owner.relationship)
        self.read_joint()

    def read_name_and_address(self, owner: ReportingOwner) -> None:
        text = self.doc.text
        pointer = "/reportingOwners/0"
        last = re.search(r"\(\s*Last\s*\)", text)
        if last is None:
            self.unsure(f"{pointer}/name", "the '(Last) (First) (Middle)' caption of box 1 was not found")
            return
        line = self.doc.line_of(last.start())
        line_start = self.doc.line_starts[line]
        cell = text.count("\t", line_start, last.start())
        cell_start = text.rfind("\t", line_start, last.start()) + 1 or line_start
        cell_start = max(cell_start, line_start)
        before = text[cell_start:last.start()]
        before_label = re.search(r"Name\s*an(?:d)?(?:\s*Address(?:\s*of\s*Reporting\s*Person\*?)?)?", before)
        name_offset = None
        if before_label:
            name_offset = cell_start + before_label.end()
            before = before[before_label.end():]
        name = re.sub(r"^[\s\d.*]+", "", before).strip()
        if name:
            name_offset = (name_offset or cell_start) + before.find(name)
        else:
            # the name stands on the lines above the caption, in the same cell
            label_line = self.doc.line_of(self.labels["name"][0]) if self.labels.get("name") else line - 3
            parts = []
            for above in range(label_line + 1, line):
                piece = self._cell(above, cell)
                if piece[0] and not re.search(r"name|address|reporting", piece[0], re.IGNORECASE):
                    parts.append(piece)
            if parts:
                name = " ".join(piece for piece, _ in parts)
                name_offset = parts[0][1]
        # the caption line may carry more text than the caption: a scrambled box keeps the street there
        rest_of_cell = re.sub(r"\(\s*(First|Middle)\s*\)", " ", self._cell(line, cell)[0][last.end() - cell_start:])
        scrambled = bool(rest_of_cell.strip()) or not re.search(r"\(\s*First\s*\)", text)
        if name and scrambled and len(name.split()) == 1:
            completed = self._complete_name(name)
            if completed:
                name = completed
            else:
                self.unsure(f"{pointer}/name", f"the text of box 1 is cut short ('{name}')", name_offset)
        if not name:
            self.unsure(f"{pointer}/name", "box 1 holds no name above its '(Last)' caption", last.start())
        owner.name = name.upper() or None
        self.put(f"{pointer}/name", name_offset)
        self.read_address(owner.address, line, cell, rest_of_cell.strip(), last.end(), scrambled)

    def _cell(self, line: int, cell: int) -> tuple[str, int]:
        text = self.doc.line_text(line)
        cells = text.split("\t")
        if cell >= len(cells):
            return "", self.doc.line_starts[line]
        offset = self.doc.line_starts[line] + sum(len(c) + 1 for c in cells[:cell])
        piece = cells[cell]
        stripped = piece.strip()
        return stripped, offset + (piece.find(stripped) if stripped else 0)

    def _complete_name(self, fragment: str) -> str | None:
        """A surname cut short in box 1, completed from where the text names the person in full
        ("Mr. Michael Hluchyj"): LAST FIRST [MIDDLE], as the box prints it."""
        pattern = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+([A-Z][a-z]+)\s+(?:([A-Z]\.?|[A-Z][a-z]+)\s+)?("
                             + re.escape(fragment) + r"[\w'-]*)", re.IGNORECASE)
        found = pattern.search(self.doc.text)
        if not found:
            return None
        return " ".join(part for part in (found.group(3), found.group(1), found.group(2)) if part).upper()

    def read_address(self, address: Address, line: int, cell: int, rest: str, rest_offset: int,
                     scrambled: bool) -> None:
        text = self.doc.text
        pointer = "/reportingOwners/0/address"
        street_caption = re.search(r"\(\s*Street\s*\)", text)
        city_caption = re.search(r"\(\s*City\s*\)", text)
        streets: list[tuple[str, int]] = []
        if rest:
            split = re.match(r"^(.*?)\s+(\d+\s+.*)$", rest)
            offset = text.find(rest, rest_offset)
            streets = [(split.group(1), offset), (split.group(2), offset + split.start(2))] if split else [(rest, offset)]
        elif street_caption:
            for below in range(line + 1, self.doc.line_of(street_caption.start())):
                piece = self._cell(below, cell)
                if piece[0]:
                    streets.append(piece)
        for index, (street, offset) in enumerate(streets[:2]):
            setattr(address, "street1" if index == 0 else "street2", street)
            self.put(f"{pointer}/street{index + 1}", offset)
        if scrambled and streets:
            self.unsure(f"{pointer}/street1", f"box 1 is scrambled and its street may be cut short "
                                              f"('{' / '.join(s for s, _ in streets)}')", streets[0][1])
        if street_caption is None:
            self.unsure(pointer, "the '(Street)' caption of box 1 was not found")
            return
        city_line = self._city_line(street_caption, city_caption, cell)
        if city_line is None:
            self.unsure(f"{pointer}/city", "no city, state and ZIP line in box 1", street_caption.start())
            return
        words, offset = city_line
        found = _US_STATE.match(words)
        if not found:
            address.city = words
            self.put(f"{pointer}/city", offset)
            self.unsure(f"{pointer}/state", f"no state and ZIP code in '{words}'", offset)
            return
        address.city, address.state = found.group(1).strip(" ,"), found.group(2)
        self.put(f"{pointer}/city", offset)
        self.put(f"{pointer}/state", offset + found.start(2))
        zip_code = found.group(3)
        if re.fullmatch(r"\d{5}(-\d{4})?", zip_code):
            address.zip_code = zip_code
            self.put(f"{pointer}/zipCode", offset + found.start(3))
        else:
            self.unsure(f"{pointer}/zipCode", f"the ZIP code reads '{zip_code}', not five digits",
                        offset + found.start(3))

    def _city_line(self, street_caption, city_caption, cell) -> tuple[str, int] | None:
        """The city, state and ZIP: after "(Street)" on its line (a scrambled box) or on the
        lines between "(Street)" and "(City)" in the caption's cell."""
        text = self.doc.text
        line = self.doc.line_of(street_caption.start())
        after = text[street_caption.end():self.doc.line_starts[line] + len(self.doc.line_text(line))]
        label = re.search(r"\d\.\s|If\s*Amend", after)
        after = after[:label.start()] if label else after
        # only the caption's own cell and the next: a cell further right belongs to another box
        pieces = [p.strip() for p in after.split("\t")[:2] if re.search(r"[A-Za-z0-9]{2}", p)]
        if pieces:
            words = pieces[0]
            for piece in pieces[1:]:
                words = _join_words(words, piece)
            words = re.sub(r"\(?\b(City|State|Zip)\)", "", words, flags=re.IGNORECASE).strip()
            return words, street_caption.end() + after.find(pieces[0])
        end_line = self.doc.line_of(city_caption.start()) if city_caption else min(line + 3, len(self.doc.line_starts))
        for below in range(line + 1, end_line):
            piece, offset = self._cell(below, cell)
            if re.search(r"[A-Za-z]{2}", piece):
                return piece, offset
        return None

    def read_relationship(self, relationship: Relationship) -> None:
        pointer = "/reportingOwners/0/relationship"
        label = self.labels.get("box5")
        if label is None:
            self.unsure(pointer, f"the {self.box('relationship')} label was not found")
            return
        end = self.end_of("box5", "box6", "table1")
        region = self.doc.text[label[1]:end]
        options = (("is_director", "isDirector", r"Director"), ("is_ten_percent_owner", "isTenPercentOwner",
                   r"10\s*%\s*Own"), ("is_officer", "isOfficer", r"Officer"), ("is_other", "isOther", r"Other\b"))
        for attribute, key, words in options:
            option = re.search(words, region)
            if option is None:
                self.unsure(f"{pointer}/{key}", f"the box is not in the text of {self.box('relationship')}", label[0])
                continue
            setattr(relationship, attribute, Value(marked_before(region[:option.start()][-12:])))
            self.put(f"{pointer}/{key}", label[1] + option.start())
        if not relationship.any_checked:
            self.unsure(pointer, f"no box of {self.box('relationship')} is marked", label[0])
        title = self._title_text(label, region) if relationship.is_officer.value or relationship.is_other.value else None
        if title:
            key = "otherText" if relationship.is_other.value and not relationship.is_officer.value else "officerTitle"
            setattr(relationship, "other_text" if key == "otherText" else "officer_title", title[0])
            self.put(f"{pointer}/{key}", title[1])
        elif relationship.is_officer.value:
            self.unsure(f"{pointer}/officerTitle", "the Officer box is marked but no title was found", label[0])

    def _title_text(self, label, region: str) -> tuple[str, int] | None:
        """The officer title or 'other' text: after the last "below)" in its cell, else the first
        cell of box 5's column on the lines below that is not a caption."""
        belows = list(re.finditer(r"below\)", region))
        if not belows:
            return None
        after = label[1] + belows[-1].end()
        same_cell = re.split(r"[\t\n]", self.doc.text[after:], maxsplit=1)[0]
        candidate = re.sub(r"^(?:\s*below\))+", "", same_cell).strip()
        if candidate:
            return candidate, after + same_cell.find(candidate)
        column = self.doc.text.count("\t", self.doc.line_starts[self.doc.line_of(label[0])], label[0])
        for line in range(self.doc.line_of(after) + 1, self.doc.line_of(label[1] + len(region)) + 1):
            for cell in range(column, self.doc.line_text(line).count("\t") + 1):
                piece, offset = self._cell(line, cell)
                if piece and re.search(r"[A-Za-z]", piece) and not re.match(r"^(\d+\.|\(|X\s|Form filed)", piece):
                    return piece, offset
        return None

    def read_joint(self) -> None:
        label = self.labels.get("box6")
        if label is None:
            self.unsure("/jointFiling", "the box 6 label was not found")
            return
        region = self.doc.text[label[1]:self.end_of("box6", "table1")]
        one = re.search(CHECK_MARK + r"\s*Form\s*filed\s*by\s*One", region)
        more = re.search(CHECK_MARK + r"\s*Form\s*filed\s*by\s*More", region)
        if bool(one) == bool(more):
            self.unsure("/jointFiling", "neither line of box 6 is marked, or both are", label[0])
            return
        self.filing.joint_filing = Value(bool(more))
        self.put("/jointFiling", label[1] + (one or more).start())

    # -- the tables --------------------------------------------------------------------------------
    def read_tables(self) -> None:
        text = self.doc.text
        table1 = self.labels.get("table1")
        table2 = self.labels.get("table2")
        end = self.labels["explanation"][0] if self.labels.get("explanation") else len(text)
        if table1 is None and table2 is None:
            self.unsure("/nonDerivativeTransactions", "neither Table I nor Table II was found")
            return
        if table1:
            self.read_rows("I", table1[1], table2[0] if table2 else end)
        if table2:
            self.read_rows("II", table2[1], end)

    def read_rows(self, table: str, start: int, end: int) -> None:
        first = self.doc.line_of(start) + 1
        last = self.doc.line_of(max(start, end - 1))
        wrapped = None  # (row, title cell) of the row just read, whose title may go on below it
        for line in range(first, last + 1):
            line_start = self.doc.line_starts[line]
            tokens = self.doc.tokens(line_start, min(end, line_start + len(self.doc.line_text(line))))
            if not self._is_row(tokens):
                if wrapped and _continues_title(tokens, wrapped[1]):
                    row = wrapped[0]
                    row.security_title = Value(f"{row.security_title.value} {' '.join(t.text for t in tokens)}")
                else:
                    wrapped = None
                continue
            tokens = _split_markers(_merge_fragments(tokens))
            self.titled_row = None
            if table == "I":
                self.read_table1_row(tokens)
            else:
                self.read_table2_row(tokens)
            wrapped = self.titled_row

    @staticmethod
    def _is_row(tokens: list[_Token]) -> bool:
        words = " ".join(t.text for t in tokens)
        if not tokens or re.search(r"Instr|Month|Title\s*of|Amount\s*of|Code\s*V\b", words, re.IGNORECASE):
            return False
        return bool(re.search(r"\d", words)) and any(t.text in ("D", "I") for t in tokens[1:])

    def _groups(self, tokens: list[_Token]):
        """The row's cells as (value token or None, footnote ids, first token) groups, markers
        attached to the value before them."""
        groups = []
        for token in tokens:
            if MARKERS.fullmatch(token.text):
                # a marker qualifies the value in its own cell; alone in a cell it stands for one
                if groups and groups[-1][0] is not None and not groups[-1][3] and groups[-1][0].cell == token.cell:
                    groups[-1][1].extend(footnote_ids(token.text))
                    groups[-1][3] = True
                    continue
                groups.append([None, footnote_ids(token.text), token, True])
                continue
            groups.append([token, [], token, False])
        return groups

    def read_table1_row(self, tokens: list[_Token]) -> None:
        title, rest = self._title(tokens)
        groups = self._groups(rest)
        dates = self._take_dates(groups)
        row, pointer = self._new_row(NonDerivativeTransaction if dates else NonDerivativeHolding, tokens, title)
        if dates:
            self._transaction_head(row, pointer, dates, groups, "I")
            amounts = self._numbers_until_ownership(groups)
            if len(amounts) >= 2:
                row.price_per_share = self._decimal(f"{pointer}/pricePerShare", amounts[0])
                amounts = amounts[1:]
            else:
                self.unsure(f"{pointer}/pricePerShare", "no price or footnote in the price column", tokens[0].start)
        else:
            amounts = self._numbers_until_ownership(groups)
        self._tail(row, pointer, amounts, groups)

    def read_table2_row(self, tokens: list[_Token]) -> None:
        title, rest = self._title(tokens)
        groups = self._groups(rest)
        if self.filing.base_form == "3":
            self.read_form3_table2_row(tokens, title, groups)
            return
        price = groups.pop(0) if groups and not self._is_date(groups[0]) else None
        dates = self._take_dates(groups, limit=2)
        is_transaction = bool(dates) and bool(groups) and groups[0][0] is not None and groups[0][0].text in _CODES
        row, pointer = self._new_row(DerivativeTransaction if is_transaction else DerivativeHolding, tokens, title)
        if price is not None:
            row.conversion_or_exercise_price = self._decimal(f"{pointer}/conversionOrExercisePrice", price)
        else:
            where = self.column(pointer + "/conversionOrExercisePrice")
            self.unsure(f"{pointer}/conversionOrExercisePrice", f"no exercise price in {where}", tokens[0].start)
        if is_transaction:
            self._transaction_head(row, pointer, dates, groups, "II")
            exercise = self._take_dates(groups, limit=2, markers_alone=True)
        else:
            exercise = dates + self._take_dates(groups, limit=2 - len(dates), markers_alone=True)
        self._exercise_dates(row, pointer, exercise, "6", tokens)
        self._underlying_title(row, pointer, groups, tokens)
        amounts = self._numbers_until_ownership(groups)
        if amounts:
            row.underlying_shares = self._decimal(f"{pointer}/underlyingShares", amounts.pop(0))
        prices = [g for g in amounts if g[0] is not None and g[0].text.startswith("$")] if is_transaction else []
        if is_transaction and (prices or len(amounts) >= 2):
            chosen = prices[0] if prices else amounts[0]
            amounts.remove(chosen)
            row.price_per_share = self._decimal(f"{pointer}/pricePerShare", chosen)
        self._tail(row, pointer, amounts, groups)

    def read_form3_table2_row(self, tokens, title, groups) -> None:
        """Form 3's Table II: dates exercisable and expiration, underlying title and amount,
        then the exercise price, ownership form and nature."""
        row, pointer = self._new_row(DerivativeHolding, tokens, title)
        exercise = self._take_dates(groups, limit=2, markers_alone=True)
        self._exercise_dates(row, pointer, exercise, "2", tokens)
        self._underlying_title(row, pointer, groups, tokens)
        amounts = self._numbers_until_ownership(groups)
        if len(amounts) >= 2:
            row.underlying_shares = self._decimal(f"{pointer}/underlyingShares", amounts[0])
            row.conversion_or_exercise_price = self._decimal(f"{pointer}/conversionOrExercisePrice", amounts[1])
        else:
            self.unsure(f"{pointer}/conversionOrExercisePrice", "columns 3 and 4 do not hold an amount and a "
                                                               "price", tokens[0].start)
        self._tail(row, pointer, [], groups, following=False)

    def _exercise_dates(self, row, pointer, exercise, column: str, tokens) -> None:
        """Date exercisable and expiration date, each a date or a footnote marker alone."""
        if exercise:
            row.exercise_date = self._date(f"{pointer}/exerciseDate", exercise[0])
        if len(exercise) > 1:
            row.expiration_date = self._date(f"{pointer}/expirationDate", exercise[1])
        else:
            self.unsure(f"{pointer}/expirationDate", f"column {column} does not hold both dates", tokens[0].start)

    def _underlying_title(self, row, pointer, groups, tokens) -> None:
        words = []
        while groups and groups[0][0] is not None and not self._is_number(groups[0]) and groups[0][0].text not in ("D", "I"):
            words.append(groups.pop(0))
        if words:
            row.underlying_title = Value(" ".join(g[0].text for g in words), words[-1][1])
            self.put(f"{pointer}/underlyingTitle", words[0][2].start)
        else:
            where = self.column(pointer + "/underlyingTitle")
            self.unsure(f"{pointer}/underlyingTitle", f"no title of underlying security in {where}", tokens[0].start)

    _TABLE_OF = {NonDerivativeTransaction: "nonDerivativeTransactions", NonDerivativeHolding: "nonDerivativeHoldings",
                 DerivativeTransaction: "derivativeTransactions", DerivativeHolding: "derivativeHoldings"}

    def _new_row(self, kind, tokens: list[_Token], title: list[_Token]):
        """A new row of the table ``kind`` belongs to, with its title, and the row's pointer."""
        name = self._TABLE_OF[kind]
        rows = dict(self.filing.tables())[name]
        row, pointer = kind(), f"/{name}/{len(rows)}"
        rows.append(row)
        self.put(pointer, tokens[0].start)
        if title:
            row.security_title = Value(" ".join(t.text for t in title))
            self.put(f"{pointer}/securityTitle", title[0].start)
            self.titled_row = (row, title[0].cell)
        else:
            self.unsure(f"{pointer}/securityTitle", "the row has no security title", tokens[0].start)
        return row, pointer

    def _title(self, tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
        for index, token in enumerate(tokens):
            if re.match(r"^[\d$(]", token.text) and not re.match(r"^\([A-Za-z]", token.text):
                return tokens[:index], tokens[index:]
        return tokens, []

    @staticmethod
    def _is_date(group) -> bool:
        return group[0] is not None and bool(_DATE.fullmatch(group[0].text))

    @staticmethod
    def _is_number(group) -> bool:
        return group[0] is not None and (_valid(group[0].text) or bool(_PRICE.match(group[0].text)))

    def _take_dates(self, groups, limit: int = 2, markers_alone: bool = False) -> list:
        """Pop leading dates (and a date cut short before the same date, which is extraction
        debris); with ``markers_alone``, a footnote marker alone stands for a date too."""
        dates = []
        while groups and len(dates) < limit:
            group = groups[0]
            if group[0] is not None and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{0,3}", group[0].text) and len(groups) > 1 \
                    and groups[1][0] is not None and groups[1][0].text.startswith(group[0].text):
                groups.pop(0)
                continue
            if self._is_date(group) or (markers_alone and group[0] is None):
                dates.append(groups.pop(0))
                continue
            break
        return dates

    def _transaction_head(self, row, pointer, dates, groups, table) -> None:
        row.transaction_date = self._date(f"{pointer}/transactionDate", dates[0])
        if len(dates) > 1:
            row.deemed_execution_date = self._date(f"{pointer}/deemedExecutionDate", dates[1])
        if groups and groups[0][0] is not None and groups[0][0].text in _CODES:
            code = groups.pop(0)
            row.code = code[0].text
            row.coding_footnotes = code[1]
            self.put(f"{pointer}/code", code[2].start)
            if groups and groups[0][0] is not None and groups[0][0].text == "V" and len(groups) > 1 \
                    and self._is_number(groups[1]):
                groups.pop(0)  # the V column: a voluntary report
        else:
            self.unsure(f"{pointer}/code", "no transaction code after the date", dates[0][2].start)
        if groups and self._is_number(groups[0]):
            shares = groups.pop(0)
            row.shares = self._decimal(f"{pointer}/shares", shares)
        else:
            self.unsure(f"{pointer}/shares", "no amount after the transaction code", dates[0][2].start)
            return
        if table == "I" and groups and groups[0][0] is not None and groups[0][0].text in ("A", "D"):
            direction = groups.pop(0)
            row.acquired_disposed = Value(direction[0].text)
            self.put(f"{pointer}/acquiredDisposed", direction[2].start)
            if direction[1]:  # a marker after (A) or (D) stands in the price column beside it
                marker = next(t for t in self.doc.tokens(direction[2].end, direction[2].end + 40)
                              if MARKERS.search(t.text))
                groups.insert(0, [None, direction[1], marker, True])
            return
        if table == "II" and groups and groups[0][0] is not None and groups[0][0].text in ("A", "D") \
                and len(groups) > 1 and groups[1][0] is not None and not groups[1][0].text.isalpha():
            direction = groups.pop(0)
            row.acquired_disposed = Value(direction[0].text, direction[1])
            self.put(f"{pointer}/acquiredDisposed", direction[2].start)
            return
        header = self._column_cells()
        cell = shares[0].cell
        if table == "II" and header and cell in header:
            row.acquired_disposed = Value(header[cell])
        elif row.code in _ACQUIRE[table] and row.code not in _DISPOSE[table]:
            row.acquired_disposed = Value("A")
        elif row.code in _DISPOSE[table]:
            row.acquired_disposed = Value("D")
        else:
            self.unsure(f"{pointer}/acquiredDisposed", "cannot tell whether the amount stands in column (A) "
                                                       "or (D)", shares[2].start)
            return
        self.put(f"{pointer}/acquiredDisposed", shares[2].start)

    def _column_cells(self) -> dict[int, str]:
        """Cell number of the "(A)" and "(D)" sub-columns of Table II, from its header line."""
        start = self.labels["table2"][1] if self.labels.get("table2") else None
        if start is None:
            return {}
        for line in range(self.doc.line_of(start), min(self.doc.line_of(start) + 6, len(self.doc.line_starts))):
            cells = [c.strip() for c in self.doc.line_text(line).split("\t")]
            if "(A)" in cells and "(D)" in cells:
                return {cells.index("(A)"): "A", cells.index("(D)"): "D"}
        return {}

    def _numbers_until_ownership(self, groups) -> list:
        amounts = []
        while groups and (groups[0][0] is None or self._is_number(groups[0])):
            amounts.append(groups.pop(0))
        return amounts

    def _tail(self, row, pointer, amounts, groups, following: bool = True) -> None:
        if amounts:
            row.shares_owned_following = self._decimal(f"{pointer}/sharesOwnedFollowing", amounts[-1])
        elif following:
            self.unsure(f"{pointer}/sharesOwnedFollowing", "no amount owned following the transaction")
        if groups and groups[0][0] is not None and groups[0][0].text in ("D", "I"):
            ownership = groups.pop(0)
            row.direct_or_indirect = Value(ownership[0].text, ownership[1])
            self.put(f"{pointer}/directOrIndirect", ownership[2].start)
        else:
            self.unsure(f"{pointer}/directOrIndirect", "no D or I in the ownership column")
        nature = [g for g in groups if g[0] is not None]
        if nature:
            row.nature_of_ownership = Value(" ".join(g[0].text for g in nature), groups[-1][1])
            self.put(f"{pointer}/natureOfOwnership", nature[0][2].start)

    def _decimal(self, pointer: str, group) -> Value:
        token, notes, first, _ = group
        self.put(pointer, first.start)
        return decimal_value(token.text if token else None, notes, allow_grouping=True)

    def _date(self, pointer: str, group) -> Value:
        token, notes, first, _ = group
        self.put(pointer, first.start)
        return date_value(token.text if token else None, notes)

    # -- footnotes, remarks, signature -------------------------------------------------------------
    def read_footnotes_and_signature(self) -> None:
        text = self.doc.text
        start = self.labels["explanation"][1] if self.labels.get("explanation") else None
        caption = self.labels.get("signature")
        if start is None:
            start = (self.labels["table2"] or self.labels["table1"] or (0, 0))[1] if (self.labels.get("table2") or self.labels.get("table1")) else 0
        end = caption[0] if caption else len(text)
        first_line = self.doc.line_of(start) + 1
        last_line = self.doc.line_of(end) - (0 if caption is None else 1)
        notes: list[list] = []  # [number, text, offset]
        remarks: list[str] | None = None
        tail: list[tuple[str, int]] = []
        open_note = remarks_open = False
        for line in range(first_line, last_line + 1):
            raw = self.doc.line_text(line)
            offset = self.doc.line_starts[line]
            stripped = _clean_note(raw)
            if not stripped:
                open_note = remarks_open = False
                continue
            numbered = re.match(r"^\(?(\d{1,2})[.)]\s*(.*)$", stripped)
            if re.match(r"^Remarks\s*:", stripped, re.IGNORECASE):
                remarks = [stripped.split(":", 1)[1].strip()]
                self.put("/remarks", offset)
                open_note, remarks_open = False, True
                continue
            if numbered and not _DATE.fullmatch(stripped) and self.labels.get("explanation") and remarks is None:
                notes.append([numbered.group(1), numbered.group(2), offset + raw.find(numbered.group(2)[:10] or " ")])
                open_note = True
            elif open_note:
                notes[-1][1] += " " + stripped
            elif remarks_open and not _DATE.search(stripped) and not stripped.startswith("/s/"):
                remarks.append(stripped)
            else:
                tail.append((stripped, offset + max(raw.find(stripped[:5]), 0)))
        for index, (number, note, offset) in enumerate(notes):
            self.filing.footnotes.append(Footnote(id=footnote_id(number), text=" ".join(note.split())))
            self.put(f"/footnotes/{index}", offset)
        if remarks is not None:
            self.filing.remarks = " ".join(" ".join(remarks).split()) or None
        self.read_signature(tail, caption)

    def read_signature(self, tail: list[tuple[str, int]], caption) -> None:
        if caption is None:
            self.unsure("/signatures", "the 'Signature of Reporting Person' caption was not found")
            return
        signature = Signature()
        self.filing.signatures.append(signature)
        self.put("/signatures/0", tail[0][1] if tail else caption[0])
        names, date_found = [], None
        for words, offset in tail:
            found = _DATE.search(words)
            if found:
                date_found = (found.group(), offset + found.start())
                words = (words[:found.start()] + words[found.end():]).strip()
            if words:
                names.append((words, offset))
        if not date_found:  # the date may stand beside the caption
            line = self.doc.line_of(caption[0])
            found = _DATE.search(self.doc.line_text(line))
            if found:
                date_found = (found.group(), self.doc.line_starts[line] + found.start())
        if names:
            signature.name = " ".join(words for words, _ in names)
            self.put("/signatures/0/name", names[0][1])
        else:
            self.unsure("/signatures/0/name", "no name above the signature caption", caption[0])
        if date_found:
            signature.date = date_value(date_found[0])
            self.put("/signatures/0/date", date_found[1])
        else:
            self.unsure("/signatures/0/date", "no date beside the signature", caption[0])


def _continues_title(tokens: list[_Token], cell: int) -> bool:
    """Whether a line below a table row carries only more of that row's security title: a few
    words, no figures, all in the title's cell ("(right to buy)" under "Stock Option")."""
    if not tokens or len(tokens) > 6 or any(token.cell != cell for token in tokens):
        return False
    words = " ".join(token.text for token in tokens)
    return not re.search(r"\d|Instr|Month|Reminder|Explanation|Table\s+I", words, re.IGNORECASE)


def _join_words(left: str, right: str) -> str:
    """Two pieces of one line cut at a cell border; the cut repeats a character or two
    ("WESTFO" + "ORD"), which is dropped."""
    for overlap in (2, 1):
        if len(left) > overlap and left[-overlap:].isalpha() and left[-overlap:] == right[:overlap]:
            return left + right[overlap:]
    return f"{left} {right}"


def _clean_note(line: str) -> str:
    """A footnote line without list bullets and the TeX escapes some extractors leave ("25\\%")."""
    line = line.strip()
    line = re.sub(r"^[-•*]\s+(?=\(?\d)", "", line)
    line = line.strip("$ ").replace("\\%", "%").replace("\\$", "$").replace("\\ ", " ")
    line = re.sub(r"^(\(?\d{1,2}[.)])\s*\\\s*", r"\1 ", line)
    return line.strip()


def read_extracted_text(path: str, text: str) -> Document:
    return _Reader(path, text).read()
