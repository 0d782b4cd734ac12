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
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from form16lint.form import ACQUIRE, DISPOSE, PRINTED_CODES
from form16lint.lazy_regex import LazyRegex
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

_DATE = LazyRegex(r"\d{1,2}/\d{1,2}/\d{4}")
_GLUED_MARKERS = LazyRegex(rf"^(.*?[\w.)$%])({MARKERS.pattern})$")
_LEADING_MARKERS = LazyRegex(rf"^({MARKERS.pattern})([$\d].*)$")  # "(3)2,902,269": the next cell's value
_NUMBER_FRAGMENT = LazyRegex(r"^[\d,.]+$")
_VALID_NUMBER = LazyRegex(r"^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_PRICE = LazyRegex(r"^\$\s?[\d,]*\.?\d+$")
_CODES = PRINTED_CODES
_ACQUIRE, _DISPOSE = ACQUIRE, DISPOSE  # the direction each code fixes, per table
# where box 2's "NAME [TICKER]" stands in the text after its label
_NAME_AND_TICKER = LazyRegex(r"[A-Z0-9][^\[\]\t\n]*?\s*\[\s*([A-Za-z0-9.\-]{1,10})\s*\]")
_US_STATE = LazyRegex(r"^(.*?)[\s,]+([A-Z]{2})\s*(\S*)\s*$")
# EDGAR's codes for places outside the US are a letter and a digit ("X0" the UK, "M0" Japan); their
# postal codes are not five digits and may hold a space ("W1K 3JP")
_FOREIGN_STATE = LazyRegex(r"^(.*?)[\s,]+([A-Z][0-9])\s+([A-Z0-9][A-Z0-9-]*(?:\s[A-Z0-9]{1,4})?)\s*$")
# words of box 1's captions and of the OMB box beside it that reading order puts among box 1's lines
_OTHER_BOX_WORDS = LazyRegex(r"^\s*\(\s*(?:First|Middle|Last)\s*\)\s*$|OMB|Estimated average|hours per|"
                              r"^\s*[\d.-]+\s*$", re.IGNORECASE)
_WIDE_GAP = LazyRegex(r"\S {3,}\S")
_SNIFF = 65536  # bytes read to decide whether a file is an extracted form


def read_if_claimed(path: str, data: bytes) -> Document | None:
    """The document, when ``data`` is text extracted from a printed form; None when it is not
    (another reader's format, or no form's text)."""
    if not _claims(data):
        return None
    return read_extracted_text(path, data.decode("utf-8-sig", errors="replace"))


def _claims(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"<", b"{", b"[") or head.startswith(b"%PDF") or b"\x00" in data[:4096]:
        return False  # XML, JSON, a submission or a PDF: another reader's
    if b"<ownershipDocument" in data[:_SNIFF] or b"<SEC-DOCUMENT>" in data[:4096] or b"<SUBMISSION>" in data[:4096]:
        return False
    # the form's phrases stand at its top: the first 64 KiB tell, cut where they may be; the first
    # 16 KiB mostly do already, and what they hold the 64 KiB hold too
    for size in (_SNIFF // 4, _SNIFF):
        try:
            text = codecs.getincrementaldecoder("utf-8-sig")().decode(data[:size])
        except UnicodeDecodeError:
            return False
        squashed = _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text)).lower()
        if sum(phrase in squashed for phrase in _CLAIM) >= 2:
            return True
        if len(data) <= size:
            return False
    return False


def _squash(text: str) -> tuple[str, _Offsets]:
    """Letters and digits of ``text`` in lower case, with each one's offset in ``text``."""
    runs = _ALNUM_RUN.findall(text)
    squashed = "".join(runs).lower()
    offsets = _Offsets([match.start() for match in _ALNUM_RUN.finditer(text)], list(map(len, runs)))
    if len(squashed) == offsets.length:
        return squashed, offsets
    chars = [text[offsets[i]].lower()[:1] for i in range(offsets.length)]  # a lower case that is longer
    return "".join(chars), offsets


class _Offsets:
    """The offset in the text of each letter or digit of the squashed text, kept as runs (a word's
    letters stand side by side) and looked up by bisection: a list of every offset took longer
    to build than all the lookups a read makes."""

    def __init__(self, starts: list[int], lengths: list[int]):
        self.starts = starts
        self.firsts = list(itertools.accumulate(lengths, initial=0))  # squashed index of each run
        self.length = self.firsts.pop()

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < self.length:
            raise IndexError(index)
        run = bisect.bisect_right(self.firsts, index) - 1
        return self.starts[run] + index - self.firsts[run]

    def index_at(self, offset: int) -> int:
        """The first squashed index whose offset is at or after ``offset``."""
        run = bisect.bisect_right(self.starts, offset) - 1
        if run >= 0 and offset < self.starts[run] + self._length(run):
            return self.firsts[run] + offset - self.starts[run]
        return self.firsts[run + 1] if run + 1 < len(self.firsts) else self.length

    def _length(self, run: int) -> int:
        return (self.firsts[run + 1] if run + 1 < len(self.firsts) else self.length) - self.firsts[run]


_ALNUM_RUN = LazyRegex(r"[^\W_]+")
_NOT_ALNUM = LazyRegex(r"[\W_]+")


@dataclass
class _Token:
    """A run of text within one tab-separated cell, with its offsets in the text."""

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
        self._tokens_of_line: dict[int, list[tuple[str, int, int, int]]] = {}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        # layout text (pdftotext -layout, pdfplumber's layout=True) places each character at its
        # printed position, spaces for the gaps; the tab-separated style keeps cells apart by tabs
        self.layout = "\t" not in self.text and len(list(itertools.islice(_WIDE_GAP.finditer(self.text), 10))) >= 10

    def x(self, offset: int) -> int:
        """The column of ``offset`` on its line: on layout text, the printed position."""
        return offset - self.line_starts[self.line_of(offset)]

    def set_tabs(self, offsets: list[int]) -> None:
        """Mark cell borders at spaces of the layout text (no offset changes)."""
        chars = list(self.text)
        for offset in offsets:
            chars[offset] = "\t"
        self.text = "".join(chars)
        self._tokens_of_line.clear()

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
            for text, offset, stop, cell in self._line_tokens(line):
                if start <= offset < end:
                    found.append(_Token(text, offset, stop, cell))
        return found

    def _line_tokens(self, line: int) -> list[tuple[str, int, int, int]]:
        """The tokens of one line as (text, start, end, cell), split once and kept until tabs change."""
        cached = self._tokens_of_line.get(line)
        if cached is None:
            base = self.line_starts[line]
            text = self.line_text(line)
            cached = []
            cell = 0
            previous = 0
            for match in _TOKEN.finditer(text):
                cell += text.count("\t", previous, match.start())
                previous = match.start()
                cached.append((match.group(), base + match.start(), base + match.end(), cell))
            self._tokens_of_line[line] = cached
        return cached


_TOKEN = LazyRegex(r"[^\s]+")


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
        leading = _LEADING_MARKERS.match(token.text)
        if match and not MARKERS.fullmatch(token.text):
            cut = token.start + len(match[1])
            result.append(_Token(match[1], token.start, cut, token.cell))
            result.append(_Token(match[2], cut, token.end, token.cell))
        elif leading and _is_value(leading[2]) and result:  # a marker run into the value after it
            cut = token.start + len(leading[1])
            result.append(_Token(leading[1], token.start, cut, result[-1].cell))
            result.append(_Token(leading[2], cut, token.end, token.cell))
        else:
            result.append(token)
    return result


class _Reader:
    def __init__(self, path: str, text: str):
        self.doc = _Text(text)
        self.document = Document(path=path, format=FORMAT)
        self.filing = Filing(read_from=FORMAT)
        self.document.filing = self.filing
        self.titled_row = None  # (row, title cell) of the last table row read with a title
        self.box1_on_issuer_line: str | None | bool = False  # box 1's name read off the issuer's line

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
        # the SEC's rendition, as a browser prints it, opens with "SEC Form 4" and centres each
        # table cell in its row
        self.centred = bool(re.match(r"(.*\n){0,6}\s*SEC Form [345]\b", self.doc.text[:1500]))
        if self.doc.layout:
            self.grid_header()
        self.read_form_type()
        self.read_top_checkboxes()
        self.read_issuer()
        self.read_owner()
        self.read_dates()
        self.read_tables()
        self.check_rows()
        self.read_more_owners()
        self.read_owner_list()
        self.read_footnotes_and_signature()
        if self._reading_order() and self.filing.joint_filing.value and len(self.filing.reporting_owners) == 1:
            # text in reading order keeps no columns of the list of joint filers some layouts print
            unsure_field(self.document, "/reportingOwners/1", "box 6 says the form is filed by more than one "
                         "reporting person, and the text gives box 1's alone", Location(),
                         field="the reporting persons after the first")
        return self.document

    def grid_header(self) -> None:
        """On layout text, split the lines of boxes 1 to 6 at the borders of the form's three
        columns of boxes (box 1; the issuer and date boxes; relationship and filing), so that each
        box's text is a cell as in the tab-separated style."""
        doc, name = self.doc, self.labels.get("name")
        table = self.labels.get("table1") or self.labels.get("table2")
        if name is None:
            return
        first = doc.line_of(name[0])
        last = doc.line_of(table[0]) if table else min(first + 40, len(doc.line_starts) - 1)
        region_end = doc.line_starts[last]
        borders = []
        issuer = self.labels.get("issuer")
        if issuer:
            column = [doc.x(self._numbered(issuer[0]))]
            value = _NAME_AND_TICKER.search(doc.text, issuer[1], region_end)
            if value:  # the value starts after the last wide gap before its "["
                gaps = list(re.finditer(r"\s{2,}", value.group()[:value.group().index("[")]))
                column.append(doc.x(value.start() + (gaps[-1].end() if gaps else 0)))
            borders.append(min(column))
        box5 = self.labels.get("box5")
        if box5:
            column = [doc.x(self._numbered(box5[0]))]
            option = re.compile(r"Director").search(doc.text, box5[1], region_end)
            if option:
                line_start = doc.line_starts[doc.line_of(option.start())]
                mark = re.search(r"(\[\s*)?[Xx☒☑✓✔■☐□]\s*\]?\s*$", doc.text[line_start:option.start()])
                column.append(doc.x(line_start + mark.start() if mark else option.start()))
            borders.append(min(column))
        self._grid_lines(first, last, borders)

    def _grid_lines(self, first: int, last: int, borders: list[int]) -> None:
        """Cut lines first..last-1 of layout text into cells at the columns ``borders``."""
        doc = self.doc
        borders = sorted(b for b in borders if b > 4)
        tabs = []
        for line in range(first, last):
            text, base = doc.line_text(line), doc.line_starts[line]
            for border in borders:
                spot = next((x for x in (border - 1, border - 2, border - 3, border)
                             if 0 < x < len(text) and text[x] == " "), None)
                if spot is not None and text[spot:].strip():
                    tabs.append(base + spot)
        doc.set_tabs(tabs)

    def _numbered(self, offset: int) -> int:
        """The start of a label with its number ("5. Relationship" for "Relationship")."""
        before = self.doc.text[max(0, offset - 6):offset]
        number = re.search(r"\d{1,2}\s*\.\s*$", before)
        return offset - len(before) + number.start() if number else offset

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

    _TOP_CHECKBOXES = (("checkthisboxifnolongersubject", "not_subject_to_section16", "/notSubjectToSection16", "45"),
                       ("checkthisboxtoindicatethatatransaction", "aff10b5_one", "/aff10b5One", "4"),
                       ("form3holdingsreported", "form3_holdings_reported", "/form3HoldingsReported", "5"),
                       ("form4transactionsreported", "form4_transactions_reported", "/form4TransactionsReported", "5"))

    def read_top_checkboxes(self) -> None:
        """The checkboxes above the header boxes: a mark before the caption, on its first line or
        beside one of the lines it wraps over."""
        doc, base = self.doc, self.filing.base_form
        for phrase, attribute, pointer, forms in self._TOP_CHECKBOXES:
            if base not in forms:
                continue
            found = doc.squashed.find(phrase, 0, doc.squashed.find("nameandaddress") % (len(doc.squashed) + 1))
            if found < 0:
                continue
            offset = doc.offsets[found]
            line, x = doc.line_of(offset), doc.x(offset)
            lines = [line]
            for below in range(line + 1, min(line + 9, len(doc.line_starts))):
                text = doc.line_text(below)
                if not text.strip() or re.search(r"Check this box|Name and Address|Form [34] (Holdings|Trans)", text):
                    break
                lines.append(below)
            marked = any(re.fullmatch(CHECK_MARK, doc.line_text(n)[:x].strip()) for n in lines)
            if not marked and line > 0:
                marked = bool(re.fullmatch(CHECK_MARK, doc.line_text(line - 1).strip()))
            setattr(self.filing, attribute, Value(marked))
            self.put(pointer, offset)

    def read_issuer(self) -> None:
        label = self.labels.get("issuer")
        found = _NAME_AND_TICKER.search(self.doc.text, label[1] if label else 0)
        if found is None:
            where = label[0] if label else None
            self.unsure("/issuer/name", f"no 'NAME [TICKER]' follows the {self.box('issuer')} label", where)
            self.unsure("/issuer/tradingSymbol", f"no 'NAME [TICKER]' follows the {self.box('issuer')} label", where)
            return
        printed = found.group()
        shared = self._shared_with_box1(found)
        if shared is not None:  # "DOE JANE ACME CORP [ ACME ]": box 1's name, then the issuer's
            owner_words, cut = shared
            self.box1_on_issuer_line = owner_words
            printed = printed[cut:]
        name, ticker, cik = split_issuer(printed)
        self.filing.issuer = Issuer(name=name, trading_symbol=ticker, cik=cik)
        if shared is not None and shared[0] is None:
            self.filing.issuer.name = None
            self.unsure("/issuer/name", f"the {self.box('issuer')} name shares its line with box 1's and "
                                        "where one ends is not in the text", found.start())
        elif name:
            self.put("/issuer/name", found.start() + found.group().find(name))
        self.put("/issuer/tradingSymbol", found.start(1))

    def _shared_with_box1(self, found) -> tuple[str | None, int] | None:
        """Text in reading order (no tabs, no layout) prints box 1's name and the issuer's on one
        line. Returns (the owner's words or None when the text does not tell where they end,
        where the issuer's words begin in the match), or None when the line is the issuer's alone."""
        doc = self.doc
        label = self.labels.get("name")
        if doc.layout or "\t" in doc.text or label is None:
            return None
        if doc.line_of(found.start()) != doc.line_of(label[0]) + 1:
            return None
        printed = found.group()
        bracket = printed.rfind("[")
        head = printed[:bracket]
        debris = _BETWEEN_BOX1_AND_ISSUER.search(head)
        if debris:  # Form 3: "DOE JANE Requiring Statement ACME CORP [ ACME ]"
            return head[:debris.start()].strip() or None, debris.end()
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", head)]
        if len(words) < 2:
            return None
        cut = self._owner_words_signed(words) or _case_change(words)
        if cut is None:
            return None, 0
        return head[:words[cut][0]].strip(), words[cut][0]

    def _owner_words_signed(self, words: list[tuple[int, str]]) -> int | None:
        """How many leading words are the signer's name ("/s/ Jane Doe" for "DOE JANE ...")."""
        signed = set()
        for found in re.finditer(r"/s/\s*([^,\n]+)", self.doc.text):
            signed.update(w.lower() for w in re.findall(r"[^\W\d_]+", found.group(1)))
        count = 0
        for _, word in words:
            letters = re.sub(r"[^\w]", "", word).lower()
            if not letters or letters not in signed:
                break
            count += 1
        return count if 2 <= count < len(words) else None

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
        self.owner_at = 0  # where the owner's box 1 begins
        self.owner_labels = {key: self.labels.get(key) for key in ("name", "box5")}
        self.owner_end = None  # where the owner's relationship box ends (None: the header's end)
        self.read_one_owner()
        self.read_joint()

    def read_one_owner(self) -> None:
        owner = ReportingOwner()
        self.filing.reporting_owners.append(owner)
        self.owner = f"/reportingOwners/{len(self.filing.reporting_owners) - 1}"
        name = self.owner_labels.get("name")
        self.put(self.owner, name[0] if name else None)
        self.read_name_and_address(owner)
        self.read_relationship(owner.relationship)

    def more_owner_labels(self) -> list[tuple[int, int]]:
        """Box 1 labels after the tables: the further joint filers of the SEC's rendition."""
        doc = self.doc
        tables = [self.labels[key][0] for key in ("table2", "table1") if self.labels.get(key)]
        if not self.labels.get("name") or not tables:
            return []
        phrase = LABELS["name"][0]
        labels = []
        at = doc.squashed.find(phrase, doc.offsets.index_at(max(tables)))
        while at >= 0:
            labels.append((doc.offsets[at], doc.offsets[at + len(phrase) - 1] + 1))
            at = doc.squashed.find(phrase, at + 1)
        return labels

    def read_owner_list(self) -> None:
        """The list of reporting owners some layouts print for a joint filing ("Reporting Owner
        Name / Address" with Director, 10% Owner, Officer and Other columns): each owner after the
        first, whom box 1 gives. Read on layout text, where the columns keep their places."""
        doc = self.doc
        at = doc.squashed.find("reportingownernameaddress")
        if at < 0 or not doc.layout or len(self.filing.reporting_owners) > 1:
            return
        head = doc.line_of(doc.offsets[at])
        heading = doc.line_text(head)
        columns = {}
        for key, pattern in (("director", r"Director"), ("ten", r"10%\s*Owner"), ("officer", r"Officer"),
                             ("other", r"Other")):
            found = re.search(pattern, heading)
            if found:
                columns[key] = found.start()
        if "director" not in columns:
            return
        first_column = min(columns.values())
        blocks: list[list[int]] = []
        for line in range(head + 1, len(doc.line_starts)):
            text = doc.line_text(line)
            if _furniture(text):
                continue
            if not text.strip():
                continue
            if re.match(r"\s*(Explanation of|Reminder|\*|Persons who|Note:)", text):
                break
            if len(text.rstrip()) > first_column - 2 and text[first_column - 2:].strip() or not blocks:
                blocks.append([line])
            else:
                blocks[-1].append(line)
        for block in blocks[1:]:
            owner = ReportingOwner()
            self.filing.reporting_owners.append(owner)
            pointer = f"/reportingOwners/{len(self.filing.reporting_owners) - 1}"
            first = block[0]
            base, text = doc.line_starts[first], doc.line_text(first)
            self.put(pointer, base)
            owner.name = text[:first_column - 2].strip() or None
            self.put(f"{pointer}/name", base + len(text) - len(text.lstrip()))
            cells = {key: "" for key in columns}
            for token in doc.tokens(base + first_column - 2, base + len(text)):
                x = doc.x(token.start)
                key = max((k for k in columns if columns[k] <= x + 2), key=lambda k: columns[k], default="director")
                cells[key] = _joined((cells[key], token.text))
            relationship = owner.relationship
            relationship.is_director = Value(bool(cells.get("director")))
            relationship.is_ten_percent_owner = Value(bool(cells.get("ten")))
            relationship.is_officer = Value(bool(cells.get("officer")))
            relationship.is_other = Value(bool(cells.get("other")))
            if cells.get("officer") and not re.fullmatch(CHECK_MARK, cells["officer"]):
                relationship.officer_title = cells["officer"]
            if cells.get("other") and not re.fullmatch(CHECK_MARK, cells["other"]):
                relationship.other_text = cells["other"]
            lines = [(doc.line_text(n)[:first_column - 2].strip(), doc.line_starts[n]) for n in block[1:]]
            lines = [(words, offset) for words, offset in lines if words]
            place = re.match(r"^(.*?),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$", lines[-1][0]) if lines else None
            if place:
                owner.address.city, owner.address.state, owner.address.zip_code = place.groups()
                lines = lines[:-1]
            for index, (street, offset) in enumerate(lines[:2]):
                setattr(owner.address, "street1" if index == 0 else "street2", street)
                self.put(f"{pointer}/address/street{index + 1}", offset)

    def read_more_owners(self) -> None:
        """Joint filers after the first, as the SEC's rendition prints them below the tables: box 1
        and the relationship box again for each."""
        doc, labels = self.doc, self.more_owner_labels()
        explanation = self.labels.get("explanation")
        for index, label in enumerate(labels):
            end = labels[index + 1][0] if index + 1 < len(labels) else (
                explanation[0] if explanation and explanation[0] > label[0] else len(doc.text))
            relation = None
            found = re.compile(r"Relationship\s+of\s+Reporting").search(doc.text, label[1], end)
            if found:
                relation = (found.start(), found.end())
                if doc.layout:
                    self._grid_lines(doc.line_of(label[0]), doc.line_of(end - 1) + 1,
                                     [doc.x(self._numbered(found.start()))])
            self.owner_at, self.owner_end = label[0], end
            self.owner_labels = {"name": label, "box5": relation}
            self.read_one_owner()

    def read_name_and_address(self, owner: ReportingOwner) -> None:
        text = self.doc.text
        pointer = self.owner
        last = re.compile(r"\(\s*Last\s*\)").search(text, self.owner_at)
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
            label = self.owner_labels.get("name")
            label_line = self.doc.line_of(label[0]) if label else line - 3
            parts = []
            for above in range(label_line + 1, line):
                piece = self._cell(above, cell)
                if piece[0] and not re.search(r"name|address|reporting", piece[0], re.IGNORECASE):
                    parts.append(piece)
            parts = [(self._name_only(piece), offset) for piece, offset in parts]
            if self.box1_on_issuer_line is not False and not self.owner_at:
                parts = parts[:1]  # in reading order the lines below hold other boxes' words
            parts = [(piece, offset) for piece, offset in parts if piece]
            if parts:
                name = _joined(piece for piece, _ in parts)
                name_offset = parts[0][1]
        # the caption line may carry more text than the caption: a scrambled box keeps the street there
        cell_end = text.find("\t", last.end(), line_start + len(self.doc.line_text(line)))
        cell_end = line_start + len(self.doc.line_text(line)) if cell_end < 0 else cell_end
        rest_of_cell = re.sub(r"\(\s*(First|Middle)\s*\)", " ", text[last.end():cell_end])
        scrambled = bool(rest_of_cell.strip()) or not re.compile(r"\(\s*First\s*\)").search(text, self.owner_at)
        if name and scrambled and len(name.split()) == 1:
            completed = self._complete_name(name)
            if completed:
                name = completed
            else:
                self.unsure(f"{pointer}/name", f"the text of box 1 is cut short ('{name}')", name_offset)
        if name and self._reading_order() and (len(name) > 150 or re.search(r"\b\d\.\s+[A-Z][a-z]|[\[\]☒☐]|\(give", name)):
            self.unsure(f"{pointer}/name", f"box 1's name runs into other boxes' words ('{name[:60]}...')", name_offset)
            name = ""
        elif not name:
            self.unsure(f"{pointer}/name", "box 1 holds no name above its '(Last)' caption", last.start())
        owner.name = name or None
        self.put(f"{pointer}/name", name_offset)
        self.read_address(owner.address, line, cell, rest_of_cell.strip(), last.end(), scrambled)

    def _name_only(self, piece: str) -> str:
        """Box 1's text on a line that text in reading order shares with boxes 2 and 5
        ("DOE JANE ACME CORP [ACME] X Director"): what stands before the issuer and the checkboxes."""
        issuer = self.filing.issuer.name
        shared = self.box1_on_issuer_line
        if shared is not False and _NAME_AND_TICKER.search(piece):  # the line box 1 shares with the issuer
            return shared or ""
        if issuer and issuer in piece and piece.index(issuer) > 0:
            piece = piece[:piece.index(issuer)]
        piece = re.split(r"\s(?:\[\s*[Xx]?\s*\]|[☐☒☑■□✓✔]|X\s+(?=Director|10%|Officer|Other)|Director\b|"
                         r"\(Check all)", f"{piece} ")[0]
        return piece.strip()

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
        pointer = f"{self.owner}/address"
        street_caption = re.compile(r"\(\s*Street\s*\)").search(text, self.owner_at)
        city_caption = re.compile(r"\(\s*City\s*\)").search(text, self.owner_at)
        streets: list[tuple[str, int]] = []
        if self._reading_order() and street_caption and not self.owner_at:
            # box 1's words open each line; the other boxes' words follow them
            scrambled = False
            for below in range(line + 1, self.doc.line_of(street_caption.start())):
                piece, offset = self._cell(below, 0)
                if re.match(r"\s*\d{1,2}\.\s+[A-Z]", piece):
                    streets = []  # another box's label: box 1's street stands below it
                    continue
                piece = _before_other_boxes(piece)
                if piece and not _DATE.fullmatch(piece) and not _OTHER_BOX_WORDS.search(piece):
                    streets.append((piece, offset))
            streets = streets[-2:]
        elif rest:
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
        if self._reading_order() and streets and not self.owner_at and len(streets[0][0]) > 40:
            # longer than one EDGAR street line (40): a form with one street line prints both joined
            self.unsure(f"{pointer}/street1", f"the street '{streets[0][0]}' is longer than one street line "
                                              "and may be both lines printed as one", streets[0][1])
        if scrambled and streets:
            self.unsure(f"{pointer}/street1", f"box 1 is scrambled and its street may be cut short "
                                              f"('{' / '.join(s for s, _ in streets)}')", streets[0][1])
        if street_caption is None:
            self.unsure(pointer, "the '(Street)' caption of box 1 was not found")
            return
        if self._reading_order() and self._captioned_city(address, street_caption):
            return
        city_line = self._city_line(street_caption, city_caption, cell)
        if city_line is None:
            self.unsure(f"{pointer}/city", "no city, state and ZIP line in box 1", street_caption.start())
            return
        words, offset = city_line
        found = _FOREIGN_STATE.match(words) or _US_STATE.match(words)
        if not found:
            address.city = words
            self.put(f"{pointer}/city", offset)
            self.unsure(f"{pointer}/state", f"no state and ZIP code in '{words}'", offset)
            return
        address.city, address.state = found.group(1).strip(" ,"), found.group(2)
        if re.match(r",\s{3,}", words[found.end(1):]):  # a comma in the city's own column is the city's
            address.city += ","
        self.put(f"{pointer}/city", offset)
        self.put(f"{pointer}/state", offset + found.start(2))
        zip_code = found.group(3)
        if re.fullmatch(r"\d{5}(-\d{4})?", zip_code) or (found.re is _FOREIGN_STATE and len(zip_code) <= 10):
            address.zip_code = zip_code
            self.put(f"{pointer}/zipCode", offset + found.start(3))
        else:
            self.unsure(f"{pointer}/zipCode", f"the ZIP code reads '{zip_code}', not five digits",
                        offset + found.start(3))

    def _captioned_city(self, address: Address, street_caption) -> bool:
        """City, state and ZIP code each above its own caption, "(City)", "(State)", "(Zip)" on lines
        of their own (PyMuPDF and pypdf on a form that prints each caption under its value)."""
        doc = self.doc
        first = doc.line_of(street_caption.start()) + 1
        lines = range(first, min(first + 12, len(doc.line_starts)))
        captions = {}
        for line in lines:
            found = re.fullmatch(r"\s*\(\s*(City|State|Zip)\s*\)\s*", doc.line_text(line), re.IGNORECASE)
            if found and found[1].lower() not in captions:
                captions[found[1].lower()] = line
        if list(captions) != ["city", "state", "zip"]:
            return False
        values = []
        start = first
        for key in ("city", "state", "zip"):
            pieces = [(doc.line_text(line).strip(), doc.line_starts[line]) for line in range(start, captions[key])
                      if doc.line_text(line).strip()]
            if not pieces:
                return False
            values.append((" ".join(piece for piece, _ in pieces), pieces[0][1]))
            start = captions[key] + 1
        (city, at_city), (state, at_state), (zip_code, at_zip) = values
        if not re.fullmatch(r"[A-Z][A-Z0-9]", state) or not re.fullmatch(r"\d{5}(-\d{4})?|[A-Z0-9][A-Z0-9 -]{1,9}", zip_code):
            return False
        pointer = f"{self.owner}/address"
        address.city, address.state, address.zip_code = city, state, zip_code
        self.put(f"{pointer}/city", at_city)
        self.put(f"{pointer}/state", at_state)
        self.put(f"{pointer}/zipCode", at_zip)
        return True

    def _city_line(self, street_caption, city_caption, cell) -> tuple[str, int] | None:
        """The city, state and ZIP: after "(Street)" on its line (a scrambled box) or on the
        lines between "(Street)" and "(City)" in the caption's cell."""
        text = self.doc.text
        line = self.doc.line_of(street_caption.start())
        after = text[street_caption.end():self.doc.line_starts[line] + len(self.doc.line_text(line))]
        label = re.search(r"\d\.\s|If\s*Amend", after)
        after = after[:label.start()] if label else after
        if self._reading_order():
            after = _before_other_boxes(after)
        # only the caption's own cell and the next: a cell further right belongs to another box
        pieces = [p.strip() for p in after.split("\t")[:2] if re.search(r"[A-Za-z0-9]{2}", p)]
        if pieces:
            words = pieces[0]
            for piece in pieces[1:]:
                words = _join_words(words, piece)
            words = re.sub(r"\(?\b(City|State|Zip)\)", "", words, flags=re.IGNORECASE).strip()
            return words, street_caption.end() + after.find(pieces[0])
        end_line = self.doc.line_of(city_caption.start()) if city_caption else min(line + 3, len(self.doc.line_starts))
        if self._reading_order() and city_caption:
            # in reading order the city, the state and the ZIP code may each stand on a line of their own
            pieces = []
            for below in range(line + 1, end_line):
                if _furniture(self.doc.line_text(below)):
                    continue  # a page ends inside box 1: the browser's footer and header are no address
                piece, offset = self._cell(below, cell)
                piece = _before_other_boxes(piece).strip()
                if piece and not _DATE.fullmatch(piece) and re.search(r"[A-Za-z0-9]{2}", piece):
                    pieces.append((piece, offset))
            if 1 < len(pieces) <= 3 and re.search(r"[A-Za-z]{2}", pieces[0][0]):
                return " ".join(piece for piece, _ in pieces), pieces[0][1]
        for below in range(line + 1, end_line):
            if _furniture(self.doc.line_text(below)):
                continue
            piece, offset = self._cell(below, cell)
            if self._reading_order():
                piece = _before_other_boxes(piece)
            if re.search(r"[A-Za-z]{2}", piece):
                return piece, offset
        return None

    @functools.cached_property
    def _reading_order_text(self) -> bool:
        return not self.doc.layout and "\t" not in self.doc.text

    def _reading_order(self) -> bool:
        """Text as lines in reading order: neither layout text nor the tab-separated style."""
        return self._reading_order_text

    def read_relationship(self, relationship: Relationship) -> None:
        pointer = f"{self.owner}/relationship"
        label = self.owner_labels.get("box5")
        if label is None:
            self.unsure(pointer, f"the {self.box('relationship')} label was not found")
            return
        end = self.owner_end or self.end_of("box5", "box6", "table1")
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
        other = re.search(r"Other\b", region)
        if title and self.doc.layout and relationship.is_officer.value and relationship.is_other.value and other:
            # both marked: the officer's title stands under "Officer", the other text under "Other"
            split = self.doc.x(label[1] + other.start()) - self.doc.x(title[1])
            line_end = self.doc.text.find("\n", title[1])
            line_end = len(self.doc.text) if line_end < 0 else line_end
            rest = self.doc.text[title[1]:line_end]
            if 0 < split < len(rest) and rest[split:].strip():
                relationship.other_text = rest[split:].strip().split("\t")[0].strip() or None
                self.put(f"{pointer}/otherText", title[1] + split + len(rest[split:]) - len(rest[split:].lstrip()))
                title = (rest[:split].strip(), title[1]) if rest[:split].strip() else None
            else:  # or the other text stands on the line below the title
                line = self.doc.line_of(title[1])
                below = line + 1
                piece, offset = self._cell(below, self.doc.line_text(line).count("\t", 0, self.doc.x(title[1])))
                if piece and not re.match(r"^(\d+\.|\(|Form filed|[☐☒\[])", piece) and "Month/" not in piece:
                    relationship.other_text = piece
                    self.put(f"{pointer}/otherText", offset)
        elif title and self._reading_order() and relationship.is_officer.value and relationship.is_other.value:
            # both marked, in reading order: the officer's title, then the other text on the next line
            line = self.doc.line_of(title[1]) + 1
            piece = self.doc.line_text(line).strip() if line < len(self.doc.line_starts) else ""
            if piece and not re.match(r"^(\d+\.|\(|Form filed|[☐☒\[])", piece) and "Month/" not in piece:
                relationship.other_text = piece
                self.put(f"{pointer}/otherText", self.doc.line_starts[line] + self.doc.line_text(line).find(piece))
            else:
                self.unsure(f"{pointer}/otherText", "the Other box is marked but its text was not found beside "
                            "the officer's title", label[0])
        if title:
            key = "otherText" if relationship.is_other.value and not relationship.is_officer.value else "officerTitle"
            setattr(relationship, "other_text" if key == "otherText" else "officer_title", title[0])
            self.put(f"{pointer}/{key}", title[1])
        elif relationship.is_officer.value:
            self.unsure(f"{pointer}/officerTitle", "the Officer box is marked but no title was found", label[0])
        if self._reading_order() and relationship.is_other.value and not relationship.other_text:
            self.unsure(f"{pointer}/otherText", "the Other box is marked but its text was not found", label[0])

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
        def marked(pattern):  # the line's option, with a mark just before it
            option = re.search(pattern, region)
            if option and marked_before(region[max(0, option.start() - 12):option.start()]):
                return option
            return None

        one, more = marked(r"Form\s*filed\s*by\s*One"), marked(r"Form\s*filed\s*by\s*More")
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
        more = self.more_owner_labels()
        end = min(end, more[0][0]) if more else end
        if table1 is None and table2 is None:
            self.unsure("/nonDerivativeTransactions", "neither Table I nor Table II was found")
            return
        if table1:
            self.read_rows("I", table1[1], table2[0] if table2 else end)
        if table2:
            self.read_rows("II", table2[1], end)

    def check_rows(self) -> None:
        """What a row shows that was not read as its type ("'X' is not a number"), and a price or
        date the form requires that holds neither a value nor a marker, is more likely a cell read
        wrong or lost than the form's own error: each is an E001 naming the cell, not a finding."""
        for pointer, row in self.filing.rows():
            for name in row.__dataclass_fields__:
                value = getattr(row, name)
                if isinstance(value, Value) and value.value is None and value.raw:
                    key = re.sub(r"_(\w)", lambda m: m[1].upper(), name)
                    where = self.document.locations.get(f"{pointer}/{key}")
                    self.unsure(f"{pointer}/{key}", f"it reads '{value.raw}'",
                                None if where is None else self.doc.line_starts[where.line - 1] + where.column - 1)
            needed = ["pricePerShare"] if hasattr(row, "price_per_share") else []
            if hasattr(row, "conversion_or_exercise_price"):
                needed += ["conversionOrExercisePrice", "exerciseDate", "expirationDate"]
                if not row.underlying_shares.present and not row.underlying_value.present:
                    needed.append("underlyingShares")
            attributes = {"pricePerShare": "price_per_share", "conversionOrExercisePrice": "conversion_or_exercise_price",
                          "exerciseDate": "exercise_date", "expirationDate": "expiration_date",
                          "underlyingShares": "underlying_shares"}
            for key in needed:
                if not getattr(row, attributes[key]).present:
                    where = self.document.locations.get(pointer)
                    self.unsure(f"{pointer}/{key}", f"no value or footnote marker was read in "
                                f"{self.column(f'{pointer}/{key}')}; if the form leaves it empty, give a value or a "
                                "footnote", None if where is None else self.doc.line_starts[where.line - 1])

    def read_rows(self, table: str, start: int, end: int) -> None:
        if self.doc.layout:
            self.read_grid_rows(table, start, end)
            return
        if self._reading_order() and self.read_reading_order_rows(table, start, end):
            return
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

    def read_reading_order_rows(self, table: str, start: int, end: int) -> bool:
        """Rows of a table in text in reading order: cut from the stream of its words by the
        columns' order and the values' types (readers.reading_order). False, reading nothing,
        where the stream does not fit the columns but lines hold whole rows."""
        doc = self.doc
        first, last = doc.line_of(start) + 1, doc.line_of(max(start, end - 1))
        lines = [(doc.line_starts[line], doc.line_text(line)[:max(0, end - doc.line_starts[line])])
                 for line in range(first, last + 1)]
        from form16lint.readers.reading_order import table_rows  # its patterns only for such text

        found = table_rows(lines, self.filing.base_form or "4", table, _furniture)
        if found.unread is not None and any(self._is_row(self.doc.tokens(offset, offset + len(text)))
                                            for offset, text in lines):
            return False  # rows printed a line each (pdfplumber, pypdf): read line by line
        names = ("nonDerivativeTransactions", "nonDerivativeHoldings") if table == "I" else \
            ("derivativeTransactions", "derivativeHoldings")
        tables = dict(self.filing.tables())
        for index, words in enumerate(found.rows):
            tokens = [_Token(word.text, word.start, word.end, word.cell) for word in words]
            counts = [len(tables[name]) for name in names]
            if table == "I":
                self.read_table1_row(tokens)
            else:
                self.read_table2_row(tokens)
            grown = [name for name, count in zip(names, counts) if len(tables[name]) > count]
            for key in found.doubtful.get(index, ()) if grown else ():
                pointer = f"/{grown[0]}/{len(tables[grown[0]]) - 1}"
                self.unsure(f"{pointer}/{key}", "where the cell ends only a line break tells, or other text of "
                            "the form ran into it", tokens[0].start)
        if found.unread is not None:
            pointer = "/nonDerivativeTransactions" if table == "I" else "/derivativeTransactions"
            covers = ("/nonDerivativeHoldings",) if table == "I" else ("/derivativeHoldings",)
            unsure_field(self.document, pointer, f"the words from '{found.unread.text}' on do not fit the "
                         f"table's columns", self.doc.location(found.unread.start), covers=covers,
                         field=f"Table {table}, rows {len(found.rows) + 1} on")
        return True

    def read_grid_rows(self, table: str, start: int, end: int) -> None:
        """Rows of a table in layout text. A row's cells may stand on several lines (a wrapped
        title, a value centred beside it, superscript markers a line lower): lines join the row
        above until a value falls where the row already has one; then each cell is the words
        that overlap in position, read in the order of the printed columns."""
        doc = self.doc
        first, last = doc.line_of(start) + 1, doc.line_of(max(start, end - 1))
        bands: list[list[list[_Token]]] = []
        band: list[list[_Token]] = []
        pending = None  # a line of footnote markers alone
        taken: list[_Token] = []  # the values the band holds so far
        for line in range(first, last + 1):
            line_start = doc.line_starts[line]
            text = doc.line_text(line)
            if not text.strip() or _furniture(text):
                continue
            tokens = doc.tokens(line_start, min(end, line_start + len(text)))
            if not tokens:
                continue
            if _header_line(tokens):
                if band:
                    bands.append(band)
                band, pending, taken = [], None, []
                continue
            if all(MARKERS.fullmatch(t.text) for t in tokens):  # superscripts, a line of their own
                if pending:
                    band.append(pending)
                pending = tokens
                continue
            values = [t for t in tokens if _is_value(t.text)]
            new_row = bool(band) and any(_overlap(doc, v, w) for v in values for w in taken)
            if new_row:
                bands.append(band)
                band, taken = [], []
            if pending:  # raised, they stand above the values they mark, unless only those above fit
                above = bands[-1] if new_row else band
                fits_above = any(_markers_fit(doc, pending, row_line) for row_line in above)
                below = _markers_fit(doc, pending, tokens) or not new_row or not fits_above
                (band if below else bands[-1]).append(pending)
                pending = None
            band.append(tokens)
            taken.extend(values)
        if pending:
            band.append(pending)
        if band:
            bands.append(band)
        for band in _recentred(bands, self.centred):
            tokens = _cells_in_order(doc, band)
            if not self._is_row(tokens):
                continue
            tokens = _split_markers(_merge_fragments(tokens))
            if table == "I":
                self.read_table1_row(tokens)
            else:
                self.read_table2_row(tokens)

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
            row.underlying_title = Value(_joined(g[0].text for g in words), words[-1][1])
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
        notes = []
        while title and MARKERS.fullmatch(title[-1].text):  # "Restricted Stock Units (1)"
            notes[:0] = footnote_ids(title.pop().text)
        if title:
            row.security_title = Value(_joined(t.text for t in title), notes)
            self.put(f"{pointer}/securityTitle", title[0].start)
            self.titled_row = (row, title[0].cell)
        else:
            self.unsure(f"{pointer}/securityTitle", "the row has no security title", tokens[0].start)
        return row, pointer

    def _title(self, tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
        if tokens and tokens[0].cell == 0 and tokens[-1].cell != 0 and self._reading_order():  # cut by reading_order
            count = next((i for i, t in enumerate(tokens) if t.cell != 0), len(tokens))
            return tokens[:count], tokens[count:]
        if self.doc.layout and tokens and not _is_value(tokens[0].text):  # the title's cell, "$0.01" and all
            count = next((i for i, t in enumerate(tokens) if t.cell != tokens[0].cell), len(tokens))
            return tokens[:count], tokens[count:]
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
        sides = self._sides_by_position() if table == "II" and self.doc.layout else []
        if sides:
            middle = self.doc.x(shares[2].start) + (shares[2].end - shares[2].start) / 2
            row.acquired_disposed = Value(min(sides, key=lambda side: abs(side[0] - middle))[1])
        elif table == "II" and header and cell in header:
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

    def _sides_by_position(self) -> list[tuple[float, str]]:
        """Where Table II's "(A)" and "(D)" sub-columns stand on layout text: (middle, "A"/"D")."""
        start = self.labels["table2"][1] if self.labels.get("table2") else None
        if start is None:
            return []
        first = self.doc.line_of(start)
        for line in range(first, min(first + 25, len(self.doc.line_starts))):
            text = self.doc.line_text(line)
            found = {m.group(1): m.start() + 1.5 for m in re.finditer(r"\(([AD])\)(?!\s*or\b)", text)}
            if len(found) == 2 and not re.search(r"\b(or|Acquired)\b", text):
                return [(found["A"], "A"), (found["D"], "D")]
        return []

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
            row.nature_of_ownership = Value(_joined(g[0].text for g in nature), groups[-1][1])
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
        open_note = remarks_open = signed = False
        note_indent = None  # where the first footnote's line starts
        for line in range(first_line, last_line + 1):
            raw = self.doc.line_text(line)
            offset = self.doc.line_starts[line]
            stripped = _clean_note(raw)
            if not stripped or _furniture(raw):
                open_note = remarks_open = False
                continue
            indent = len(raw) - len(raw.lstrip())
            if notes and note_indent is None:
                note_indent = len(self.doc.line_text(self.doc.line_of(notes[0][2])))
                note_indent -= len(self.doc.line_text(self.doc.line_of(notes[0][2])).lstrip())
            far_right = self.doc.layout and notes and indent >= 20 and indent > (note_indent or 0) + 15
            if signed or _signature_line(raw) or far_right:
                # a signature and its date, and what follows them; on layout text, a line set far
                # to the right of the footnotes is the signature's
                signed = True
                tail.append((stripped, offset + max(raw.find(stripped[:5]), 0)))
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
                notes[-1][1] = _joined((notes[-1][1], stripped))
            elif remarks_open and not _DATE.search(stripped) and not stripped.startswith("/s/"):
                remarks.append(stripped)
            else:
                tail.append((stripped, offset + max(raw.find(stripped[:5]), 0)))
        for index, (number, note, offset) in enumerate(notes):
            self.filing.footnotes.append(Footnote(id=footnote_id(number), text=" ".join(note.split())))
            self.put(f"/footnotes/{index}", offset)
        if self._reading_order() and any(not note.strip() for _, note, _ in notes):
            # the footnotes' numbers in a column of their own, their texts after them: which lines
            # belong to which number the text does not tell
            empty = next(offset for _, note, offset in notes if not note.strip())
            unsure_field(self.document, "/footnotes", "the footnotes' numbers stand apart from their texts",
                         self.doc.location(empty))
        if remarks is not None:
            self.filing.remarks = " ".join(" ".join(remarks).split()) or None
        if caption is not None:  # more signatures, each above a caption of its own
            line, lines = self.doc.line_of(caption[0]) + 1, len(self.doc.line_starts)
            while line < lines:
                group = []
                while line < lines and len(group) < 4 and "Signature of Reporting" not in self.doc.line_text(line):
                    group.append(line)
                    line += 1
                if line >= lines or "Signature of Reporting" not in self.doc.line_text(line) or not any(
                        _signature_line(self.doc.line_text(n)) for n in group):
                    break
                for n in group:
                    raw = self.doc.line_text(n)
                    if raw.strip():
                        tail.append((_clean_note(raw), self.doc.line_starts[n] + len(raw) - len(raw.lstrip())))
                line += 1
        self.read_signature(tail, caption)

    def read_signature(self, tail: list[tuple[str, int]], caption) -> None:
        """Each signature above the caption, with its date beside or below it."""
        if caption is None:
            self.unsure("/signatures", "the 'Signature of Reporting Person' caption was not found")
            return
        signed: list[tuple[list, tuple | None]] = []  # (name pieces, date) per signature
        names: list[tuple[str, int]] = []
        for number, (words, offset) in enumerate(tail):
            found = _DATE.search(words)
            if found:
                rest = (words[:found.start()] + words[found.end():]).strip()
                if rest:
                    names.append((rest, offset))
                signed.append((names, (found.group(), offset + found.start())))
                names = []
            elif words and signed and not names and not words.startswith("/s/") and not (
                    number + 1 < len(tail) and _DATE.fullmatch(tail[number + 1][0])):
                signed[-1][0].append((words, offset))  # the signature above wraps onto this line
            elif words:
                names.append((words, offset))
        if names:
            if signed and not signed[-1][0]:
                signed[-1] = (names, signed[-1][1])
            else:
                signed.append((names, None))
        if signed and signed[-1][1] is None or not signed:  # the date may stand beside the caption
            line = self.doc.line_of(caption[0])
            found = _DATE.search(self.doc.line_text(line))
            if found:
                date_found = (found.group(), self.doc.line_starts[line] + found.start())
                signed = signed[:-1] + [(signed[-1][0] if signed else [], date_found)]
        if not signed:
            signed = [([], None)]
        for index, (names, date_found) in enumerate(signed):
            signature = Signature()
            self.filing.signatures.append(signature)
            pointer = f"/signatures/{index}"
            self.put(pointer, names[0][1] if names else date_found[1] if date_found else caption[0])
            if names and self._reading_order() and (len(names) > 3 or len(_joined(w for w, _ in names)) > 255):
                # in reading order the footnotes' or remarks' lines may run into the signature's
                self.unsure(f"{pointer}/name", f"{len(names)} lines above the signature caption run together: "
                            "the signature's name cannot be told from the text beside it", names[0][1])
            elif names:
                signature.name = _joined(words for words, _ in names)
                self.put(f"{pointer}/name", names[0][1])
            else:
                self.unsure(f"{pointer}/name", "no name above the signature caption", caption[0])
            if date_found:
                signature.date = date_value(date_found[0])
                self.put(f"{pointer}/date", date_found[1])
            else:
                self.unsure(f"{pointer}/date", "no date beside the signature", caption[0])


_HEADER_WORDS = {"code", "v", "amount", "(a)", "(d)", "or", "price", "date", "title", "number", "of", "shares",
                 "exercisable", "expiration", "(instr.", "3)", "4)", "5)", "8)", "and", "(month/day/year)"}
_HEADER_PHRASES = LazyRegex(r"Instr\.|Month/|Title\s+of|Amount\s+of|Code\s+V\b|Date\s+Exercisable|"
                             r"Ownership\s+Form|Beneficially\s+Owned|Transaction\s*\(?s\)|\(A\)\s+or\s+\(D\)",
                             re.IGNORECASE)
_BROWSER_DATE = LazyRegex(r"\s*\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}\s*[AP]M\b", re.IGNORECASE)
_ADDRESS = LazyRegex(r"\b(?:file|https?)://\S")
_PAGE_NUMBER = LazyRegex(r"\s*(?:Page\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*|\s*-?\s*\d{1,3}\s*-?\s*", re.IGNORECASE)


def _furniture(line: str) -> bool:
    """A line the page adds, not the form: a browser's date and title or address and "1/3", a page
    number."""
    return bool(_BROWSER_DATE.match(line) or ("://" in line and _ADDRESS.search(line))
                or (len(line.strip()) < 16 and _PAGE_NUMBER.fullmatch(line.strip())))


def _header_line(tokens: list[_Token]) -> bool:
    """A line of a table's column headings (or their repetition on a later page)."""
    words = " ".join(t.text for t in tokens)
    if _HEADER_PHRASES.search(words):
        return True
    return all(t.text.lower() in _HEADER_WORDS for t in tokens)


@functools.lru_cache(maxsize=8192)
def _is_value(text: str) -> bool:
    """A date, an amount, a code or a one-letter mark: what a cell holds once per row."""
    text = MARKERS.sub("", text)
    return bool(text) and (bool(_DATE.fullmatch(text)) or _valid(text.lstrip("$")) or bool(_PRICE.match(text))
                           or (len(text) == 1 and text.isupper()))


def _recentred(bands: list[list[list[_Token]]], centred: bool) -> list[list[list[_Token]]]:
    """Cells centred in their row (the SEC's rendition) put the first lines of a wrapped cell above
    the row's values: there, lines of words only between two rows' values go to the nearer row (the
    upper one when both are as near)."""
    def words_only(tokens):
        return not any(_is_value(t.text) or MARKERS.fullmatch(t.text) for t in tokens)

    if not bands or not (centred or words_only(bands[0][0])):
        return bands  # cells set at the top of their row: what follows a row's values is its own
    for index in range(1, len(bands)):
        previous = bands[index - 1]
        trailing = 0
        while trailing < len(previous) - 1 and words_only(previous[len(previous) - 1 - trailing]):
            trailing += 1
        moved = trailing // 2  # of a run between two rows, the lower half is nearer the lower row
        if moved:
            bands[index] = previous[len(previous) - moved:] + bands[index]
            del previous[len(previous) - moved:]
    return bands


def _markers_fit(doc: _Text, markers: list[_Token], tokens: list[_Token]) -> bool:
    """Whether each marker stands just after a value of the line ``tokens``."""
    ends = [doc.x(t.end) for t in tokens if _is_value(t.text)]
    return all(any(-1 <= doc.x(m.start) - end <= 6 for end in ends) for m in markers)


def _overlap(doc: _Text, a: _Token, b: _Token) -> bool:
    ax, bx = doc.x(a.start), doc.x(b.start)
    return ax < bx + (b.end - b.start) and bx < ax + (a.end - a.start)


def _phrases(doc: _Text, tokens: list[_Token]) -> list[list]:
    """A line's words as phrases [x0, x1, tokens]: neighbouring words of text one space apart
    are one phrase ("Common Stock"), a value stands alone, and a "$" or a footnote marker
    goes with the value beside it."""
    phrases: list[list] = []
    for token in tokens:
        x0, x1 = doc.x(token.start), doc.x(token.start) + token.end - token.start
        last = phrases[-1] if phrases else None
        if last is not None and MARKERS.fullmatch(token.text) and x0 - last[1] >= 1 and not _is_value(last[2][-1].text):
            phrases.append([x0, x1, [token]])  # a marker apart from words: a cell of its own
            continue
        if last is not None and MARKERS.fullmatch(token.text) and x0 - last[1] <= 4 and _is_value(last[2][-1].text):
            last[1] = x1  # a superscript set a little apart from its value
            last[2].append(token)
            continue
        if last is not None and x0 - last[1] <= 1:
            previous = last[2][-1].text
            words = not _is_value(last[2][0].text)  # the phrase so far is text
            letter = len(token.text) == 1 and token.text.isalpha()  # "Class B"
            if MARKERS.fullmatch(token.text) or previous == "$" or (words and (letter or not _is_value(token.text))):
                last[1] = x1
                last[2].append(token)
                continue
        phrases.append([x0, x1, [token]])
    return phrases


def _cells_in_order(doc: _Text, band: list[list[_Token]]) -> list[_Token]:
    """The band's words as cells in the order of the printed columns. The line with most values
    gives the cells; a phrase of another line joins the cell it overlaps most (a wrapped title,
    "Stock" under "Common") or, overlapping none, is a cell of its own; a footnote marker on a
    line of its own joins the value it stands beside."""
    lines = [_phrases(doc, tokens) for tokens in band]
    anchor = max(range(len(lines)), key=lambda i: sum(_is_value(t.text) for p in lines[i] for t in p[2]))
    # a cell: [x0, x1, [((line, x), token)]], its words read in (line, x) order
    cells = [[p[0], p[1], [((anchor, doc.x(t.start)), t) for t in p[2]]] for p in lines[anchor]]
    for index, phrases in enumerate(lines):
        if index == anchor:
            continue
        alone = all(MARKERS.fullmatch(t.text) for p in phrases for t in p[2])
        for x0, x1, tokens in phrases:
            if alone:  # after the nearest value that ends just before it
                near = [(item, c) for c in cells for item in c[2]
                        if _is_value(item[1].text) and -1 <= x0 - doc.x(item[1].end) <= 6]
                if near:
                    (line, _), value = min(near, key=lambda n: abs(x0 - doc.x(n[0][1].end)))[0]
                    cell = min(near, key=lambda n: abs(x0 - doc.x(n[0][1].end)))[1]
                    cell[2].extend(((line, doc.x(value.end) + 0.5), t) for t in tokens)
                    continue
            overlaps = [(min(x1, c[1]) - max(x0, c[0]), c) for c in cells]
            best = max(overlaps, key=lambda o: o[0], default=(0, None))
            items = [((index, doc.x(t.start)), t) for t in tokens]
            if best[0] > 0:
                best[1][2].extend(items)
            else:
                cells.append([x0, x1, items])
    cells.sort(key=lambda c: c[0])
    ordered = []
    for number, (_, _, items) in enumerate(cells):
        for _, token in sorted(items, key=lambda item: item[0]):
            ordered.append(_Token(token.text, token.start, token.end, number))
    return ordered


_SIGNED = LazyRegex(r"/s/|^\s*\S.{0,120}?(\t|\s{2,})\d{1,2}/\d{1,2}/\d{4}\s*$|^\s*\d{1,2}/\d{1,2}/\d{4}\s*$")


def _joined(pieces) -> str:
    """Pieces of one text wrapped over lines: a space between them, none after a line that ends
    in a hyphen ("Attorney-" + "in-Fact")."""
    text = ""
    for piece in pieces:
        if not piece:
            continue
        glue = "" if not text or re.search(r"[A-Za-z]-$", text) and piece[:1].isalpha() else " "
        text += glue + piece
    return text


_BETWEEN_BOX1_AND_ISSUER = LazyRegex(r"\s*\bRequiring\s+Statement\s*")


# the words of boxes 3 to 6 that text in reading order puts on box 1's lines, after box 1's own
_OTHER_BOXES = LazyRegex(
    r"(?:^|\s)(?:\d\.\s*(?:Date|If\s+Amend|Individual|Relationship|Issuer|Statement)|\(Month/Day/Year\)|"
    r"\((?:Check|Click)\s+(?:all|Applicable)|(?:X\s+)?(?:Director|10%\s*Owner|Officer\s*\(give|Other\s*\(specify)\b|"
    r"title\s+below\)|below\)|(?:X\s+)?Form\s+filed\s+by|Issuer\s+Filed|Requiring\s+Statement|Filed\s*\(Month)")


def _before_other_boxes(piece: str) -> str:
    found = _OTHER_BOXES.search(piece)
    return (piece[:found.start()] if found else piece).strip()


def _case_change(words: list[tuple[int, str]]) -> int | None:
    """Where the words change once from all capitals to mixed case or back ("BOTHA ROELOF
    Eventbrite, Inc."): the index of the first word after the change, or None."""
    kinds = []
    for _, word in words:
        letters = re.sub(r"[^A-Za-z]", "", word)
        kinds.append(None if len(letters) < 2 else letters.isupper())
    known = [(i, k) for i, k in enumerate(kinds) if k is not None]
    changes = [i for (_, a), (i, b) in zip(known, known[1:]) if a != b]
    return changes[0] if len(changes) == 1 and changes[0] >= 1 else None


def _signature_line(line: str) -> bool:
    """A signature ("/s/ ..."), a name with its date apart from it, or a date alone."""
    return "/" in line and bool(_SIGNED.search(line))  # each of its forms holds a slash


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
    # TeX's "$1.$" around a footnote's number goes; a dollar amount opening a wrapped line stays
    line = re.sub(r"^[$ ]+(?=\(?\d{1,2}[.)](?:\s|\\|$)|[^\d(]|$)", "", line).rstrip("$ ")
    line = line.replace("\\%", "%").replace("\\$", "$").replace("\\ ", " ")
    line = re.sub(r"^(\(?\d{1,2}[.)])\s*\\\s*", r"\1 ", line)
    return line.strip()


def read_extracted_text(path: str, text: str) -> Document:
    if _paged_layout(text):
        from form16lint.readers.text_grid import read_layout_text

        document = read_layout_text(path, text)
        if document is not None:
            return document
    return _Reader(path, text).read()


def _paged_layout(text: str) -> bool:
    """Whether the text is layout text in pages (pdftotext -layout and the like: each character
    where the PDF printed it, pages ended by form feeds): positioned words, read as a PDF's are.
    Layout text run together without page breaks (pdfplumber's layout=True joined) keeps its
    columns less faithfully and is read by this module's own reader."""
    return ("\f" in text and "\t" not in text
            and len(list(itertools.islice(_WIDE_GAP.finditer(text), 10))) >= 10)
