"""The rows of Table I and Table II from text in reading order.

Extractors that keep no layout (poppler's ``pdftotext`` without ``-layout``, pdfminer.six, PyMuPDF,
pypdf, pdfplumber's ``extract_text()``) give a table's cells one after another: a row's cells on one
line, or each cell on lines of its own, a wrapped cell over several lines, the column headings
before the rows (and again on a page the table runs onto). What tells the cells apart there is not
where they stood but what they hold and the order of the form's columns: a title, then dates, a
transaction code, amounts, (A) or (D), D or I, the nature of indirect ownership.

:func:`table_rows` drops the headings, reads the table's words as one stream, and cuts it into rows
by the columns' order and the values' types (one pattern per form and table, from
:data:`~form16lint.readers.printed_form.TABLE_COLUMNS`'s order). Each row comes back as its words in
the printed columns' order, which the text reader then reads as it reads a row printed on one
line. A table given column by column (pdfminer; pdftotext on groups of like rows) is dealt back to
its rows first, where the kinds of values repeat over every row and each row comes out whole.

What the text does not tell is never guessed into a finding: where the stream does not fit the
form's columns, the rest of the table is given back as not read, and a cell whose extent only a
line break tells (a nature of ownership before the next row's title) or that holds the form's own
words is given back as doubtful; the reader marks both unread (one E001 each).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from form16lint.form import PRINTED_CODES
from form16lint.readers.printed_form import COLUMN_LABEL_WORDS, MARKERS, is_table_subtitle, squash


@dataclass
class Word:
    text: str
    start: int  # offset in the text
    end: int
    line: int  # the index of its line in the table's lines
    block: int  # the index of its block: lines apart from the one before by an empty line
    segment: int = 0  # the index of the table's part: a page the table runs onto starts another
    cell: int = 0  # its cell in its row, in the printed columns' order (0: the security title)


_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_PLAIN_NUMBER = re.compile(r"(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_NUMBER = re.compile(r"\(?\$?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?")
_GLUED = re.compile(rf"^(.*?[\w.)$%])((?:{MARKERS.pattern})+)$")
_LEADING = re.compile(rf"^((?:{MARKERS.pattern})+)(\$?\d.*)$")
_CODES = frozenset(PRINTED_CODES) - {"A", "D", "I", "V"}

# The words of the columns' headings, as extractors print them: a line made only of them (and of
# the columns' numbers) is a heading, not a row.
_HEADING_WORDS = frozenset(word.strip(",:;").lower() for word in COLUMN_LABEL_WORDS.split()) | {
    "(instr.", "instr.", "(instr", "3,", "4", "5", "8", "3", "if", "any", "form:", "(i)", "(a)", "(d)",
    "indirect", "direct", "beneficial", "securities", "security", "acquired", "disposed", "derivative",
    "reported", "following", "owned", "beneficially", "ownership", "nature", "transaction", "execution",
    "deemed", "conversion", "exercise", "underlying", "cisable", "tion", "exer-", "expira-", "year)",
    "(month/day/", "year", "month/day/year)", "derivative", "of", "or", "and", "at", "end", "issuer's",
    "fiscal", "from:", "(instr.3", "4)", "and5)", "(d)(instr.", "disposedof",
}
_COLUMN_NUMBER = re.compile(r"\d{1,2}a?\.|\d\)")


def is_heading(words: list[str]) -> bool:
    """Whether a line of words is the tables' column headings (or part of them): every word one of
    the headings' words or a column's number. A value alone ("D", "V", "M", a date) is no heading."""
    if not words:
        return False
    if len(words) == 1 and _kind(words[0]) != "t":
        return False
    keyed = [w.strip(",:;").lower() for w in words]
    return all(w in _HEADING_WORDS or _COLUMN_NUMBER.fullmatch(w) for w in keyed)


@functools.lru_cache(maxsize=4096)
def _kind(text: str) -> str:
    """One letter for what a word is: d date, p price ($), n number, m footnote marker alone,
    A/D/I/V those letters, c another transaction code, t text."""
    if MARKERS.fullmatch(text):
        return "m"
    if _DATE.fullmatch(text):
        return "d"
    if text.startswith("$") and _NUMBER.fullmatch(text):
        return "p"
    if _PLAIN_NUMBER.fullmatch(text):
        return "n"
    if text in ("A", "D", "I", "V"):
        return text
    if text in _CODES:
        return "c"
    return "t"


def _words(lines: list[tuple[int, str]], skip) -> list[Word]:
    """The words of the table's lines that are neither headings nor furniture, markers apart."""
    split = [[(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", line)]
             for start, line in lines]
    dropped = [bool(found) and _dropped(line, [text for text, _, _ in found], skip)
               for (_, line), found in zip(lines, split)]
    # one heading word alone between lines of values is a value's word ("Common" "63,200" "shares"):
    # the headings come as lines of them together
    filled = [index for index, found in enumerate(split) if found]
    for place, index in enumerate(filled):
        if dropped[index] and len(split[index]) == 1 and place > 0 and not dropped[filled[place - 1]] \
                and (place == len(filled) - 1 or not dropped[filled[place + 1]]) and split[index][0][0][:1].islower():
            dropped[index] = False
    words: list[Word] = []
    block = segment = 0
    for index, found in enumerate(split):
        if not found:
            block += 1
            continue
        if dropped[index]:
            segment += squash(lines[index][1]).startswith(("tablei", "tableii"))
            continue
        if [text for text, _, _ in found] == ["V"] and not _after_code(words):
            continue  # the V column's heading repeated on the next page, not a voluntary report's V
        for text, begin, end in found:
            for piece, a, b in _split_markers(text, begin, end):
                words.append(Word(piece, a, b, index, block, segment))
    return words


def _after_code(words: list[Word]) -> bool:
    """Whether the words so far end with a transaction's date and code (and its markers)."""
    kinds = [_kind(w.text) for w in words[-6:] if _kind(w.text) != "m"]
    return len(kinds) >= 2 and kinds[-1] in "cADI" and kinds[-2] == "d"


def _dropped(line: str, found: list[str], skip) -> bool:
    """A line the table's rows do not hold: a heading, a subtitle, the page's furniture."""
    if is_heading(found) or (skip(line) and not _BARE_NUMBER.fullmatch(line)):
        return True
    opening = line.lstrip()[:1]
    if opening not in "TtSs(":  # a table's title, "SEC FORM 4", a subtitle
        return False
    squashed = squash(line)
    return is_table_subtitle(line) or squashed.startswith(("tablei", "tableii")) or squashed in _BROWSER_TITLES


_BARE_NUMBER = re.compile(r"\s*\d{1,3}\s*")
_BROWSER_TITLES = frozenset(("secform3", "secform4", "secform5"))


def _split_markers(text: str, start: int, end: int):
    """"3,951,557(2)(3)" is the amount then its markers; "(3)2,902,269" a marker then an amount."""
    glued = _GLUED.match(text)
    if glued and not MARKERS.fullmatch(text):
        cut = start + len(glued[1])
        return [(glued[1], start, cut), (glued[2], cut, end)]
    leading = _LEADING.match(text)
    if leading:
        cut = start + len(leading[1])
        return [(leading[1], start, cut), (leading[2], cut, end)]
    return [(text, start, end)]


# A value and its markers, or markers alone standing for it.
_AMOUNT = r"(?:[np]m*|m)"
_NATURE_BEFORE = r"(?P<pre>t[tmAcV]*)?"
_OWNERSHIP = r"(?P<di>[DI]m*)"
_TITLE = r"(?P<title>t(?:[tAcDIV]|[np](?=t))*m*?)"  # to its markers: a title is the row's first text
_TEXT = r"(?:[tmAcDIV]|[np](?=t))"  # a cell's text goes on: words, markers, letters, "$0.01 par value"
_UNDERLYING = rf"(?:(?P<ut>t{_TEXT}*?)(?P<us>[np]m*|m)?(?P<ut2>t{_TEXT}*)?)?"
# Each form's rows as the kinds of their words, in the printed columns' order
# (printed_form.TABLE_COLUMNS), the transaction's pattern tried before the holding's.
_PATTERNS = {
    ("4", "I"): (
        ("transaction", _TITLE + r"(?P<date>dm*)(?P<deemed>dm*)?(?P<code>[cADIV]m*)(?P<v>V)?"
         rf"(?P<shares>{_AMOUNT})(?P<ad>[AD]m*)?(?P<price>{_AMOUNT})?(?P<following>{_AMOUNT})"
         + _NATURE_BEFORE + _OWNERSHIP),
        ("holding", _TITLE + rf"(?P<following>{_AMOUNT})" + _NATURE_BEFORE + _OWNERSHIP),
    ),
    ("4", "II"): (
        ("transaction", _TITLE + rf"(?P<xp>{_AMOUNT})?(?P<date>dm*)(?P<deemed>dm*)?(?P<code>[cADIV]m*)(?P<v>V)?"
         r"(?P<shares>[np]m*?|m)(?P<ad>[AD]m*)?(?P<ex>dm*|m)?(?P<exp>dm*|m)?" + _UNDERLYING
         + rf"(?P<price>{_AMOUNT})?(?P<following>{_AMOUNT})" + _NATURE_BEFORE + _OWNERSHIP),
        ("holding", _TITLE + rf"(?P<xp>{_AMOUNT})?(?P<ex>dm*|m)?(?P<exp>dm*|m)?" + _UNDERLYING
         + rf"(?P<price>{_AMOUNT})?(?P<following>{_AMOUNT})" + _NATURE_BEFORE + _OWNERSHIP),
    ),
    ("3", "I"): (
        ("holding", _TITLE + rf"(?P<following>{_AMOUNT})" + _NATURE_BEFORE + _OWNERSHIP),
    ),
    ("3", "II"): (
        ("holding", _TITLE + r"(?P<ex>dm*|m)?(?P<exp>dm*|m)?" + _UNDERLYING + rf"(?P<xp>{_AMOUNT})"
         + _NATURE_BEFORE + _OWNERSHIP),
    ),
}
_PATTERNS[("5", "I")] = tuple((kind, p.replace("(?P<v>V)?", "")) for kind, p in _PATTERNS[("4", "I")])
_PATTERNS[("5", "II")] = tuple((kind, p.replace("(?P<v>V)?", "")) for kind, p in _PATTERNS[("4", "II")])
_COMPILED = {key: tuple((kind, re.compile(p)) for kind, p in patterns) for key, patterns in _PATTERNS.items()}
# the groups of each row in the order the text reader reads a row
_ORDER = {
    ("I", "transaction"): ("title", "date", "deemed", "code", "v", "shares", "ad", "price", "following", "di",
                           "pre"),
    ("I", "holding"): ("title", "following", "di", "pre"),
    ("II", "transaction"): ("title", "xp", "date", "deemed", "code", "v", "shares", "ad", "ex", "exp", "ut", "ut2",
                            "us", "price", "following", "di", "pre"),
    ("II", "holding"): ("title", "xp", "ex", "exp", "ut", "ut2", "us", "price", "following", "di", "pre"),
    ("II", "form3"): ("title", "ex", "exp", "ut", "ut2", "us", "xp", "di", "pre"),
}


# the form's own words, which a cell holds only when other text ran into it (a page's note, a label)
_FOREIGN = re.compile("ifthe|continued|table|relationshipof|reportingperson|explanationof|instr|nameandaddress|"
                      "signatureof|issuername")


@dataclass
class Rows:
    rows: list[list[Word]]  # each row's words in the printed columns' order
    unread: Word | None  # the first word of what did not fit the form's columns
    doubtful: dict[int, tuple[str, ...]]  # row index -> its fields whose extent only a line break told


def table_rows(lines: list[tuple[int, str]], form: str, table: str, skip=lambda line: False) -> Rows:
    """The rows of one table from its lines (offset, text) after its title, in reading order.

    ``skip`` tells the lines the page adds (a browser's header, a page number)."""
    patterns = _COMPILED[(form if form in ("3", "5") else "4", table)]
    words = []
    for part in _segments(_words(lines, skip)):
        while part and _kind(part[0].text) in "VAD":  # a heading's "V" or "(A)" on a line alone
            part.pop(0)
        words += _by_rows(part, patterns)
    kinds = "".join(_kind(w.text) for w in words)
    rows: list[list[Word]] = []
    doubtful: dict[int, tuple[str, ...]] = {}
    titles: list[str] = []
    position = 0
    while position < len(words):
        found = None
        for kind, pattern in patterns:
            found = pattern.match(kinds, position)
            if found:
                break
        if found is None:
            return Rows(rows, words[position], doubtful)
        groups = {name: words[a:b] for name, (a, b) in
                  ((name, found.span(name)) for name in found.re.groupindex) if a >= 0}
        end = found.end()
        titles.append(" ".join(w.text for w in groups["title"]))
        # the text after D or I: the nature of indirect ownership, then the next row's title
        run = end
        while run < len(words) and (kinds[run] not in "dnp" or (
                kinds[run] != "d" and run + 1 < len(words) and kinds[run + 1] == "t")):  # "Venture 2010 Fund"
            run += 1
        tail = _underlying_after(words, kinds, end, groups)
        if tail is not None:
            groups.update(tail)
            nature_end = end = len(words)
        elif run == len(words):
            nature_end = run
            if run > end and groups["di"][0].text == "D":  # a direct holding's nature: likely a stray cell
                doubtful[len(rows)] = ("natureOfOwnership",)
        else:
            nature_end, sure = _cut(words, kinds, end, run, groups, titles)
            if not sure:
                doubtful[len(rows)] = ("natureOfOwnership",)
                doubtful[len(rows) + 1] = ("securityTitle", "natureOfOwnership")
        if nature_end > end:
            groups["pre"] = groups.get("pre", []) + words[end:nature_end]
        if groups["title"][0].text in ("By", "by"):  # a nature's line centred above the row's title
            doubtful[len(rows)] = doubtful.get(len(rows), ()) + ("securityTitle", "natureOfOwnership")
        foreign = tuple(key for name, key in (("title", "securityTitle"), ("pre", "natureOfOwnership"),
                                              ("ut", "underlyingTitle"))
                        if _FOREIGN.search(squash(" ".join(w.text for w in groups.get(name, ())))))
        if foreign:
            doubtful[len(rows)] = doubtful.get(len(rows), ()) + foreign
        order = _ORDER[(table, "form3" if form == "3" and table == "II" else kind)]
        rows.append([word for name in order for word in groups.get(name, ())])
        for cell, name in enumerate(order):
            for word in groups.get(name, ()):
                word.cell = order.index("ut") if name == "ut2" else cell
        position = max(nature_end, end)
    return Rows(rows, None, doubtful)


def _segments(words: list[Word]) -> list[list[Word]]:
    parts: list[list[Word]] = []
    for word in words:
        if not parts or parts[-1][-1].segment != word.segment:
            parts.append([])
        parts[-1].append(word)
    return parts


def _units(words: list[Word]) -> list[list[Word]]:
    """The words as cells' values: a text's words in one block together, a value alone, each with
    the footnote markers after it."""
    units: list[list[Word]] = []
    kinds = [_kind(w.text) for w in words]
    for index, word in enumerate(words):
        kind = kinds[index]
        previous = units[-1] if units else None
        same_block = previous is not None and previous[-1].block == word.block
        if kind == "m" and same_block:
            previous.append(word)
        elif same_block and _kind(previous[0].text) == "t" and previous[-1].line in (word.line, word.line - 1) \
                and (kind == "t" or (kind in "AcDIV" and index + 1 < len(words) and kinds[index + 1] == "t"
                                     and words[index + 1].block == word.block)):
            previous.append(word)
        else:
            units.append([word])
    return units


_SIGNATURE = {"t": "t", "d": "d", "n": "N", "p": "P", "m": "M", "A": "L", "D": "L", "I": "L", "V": "L", "c": "L"}


def _by_rows(words: list[Word], patterns) -> list[Word]:
    """The words in the order of rows. pdfminer, and pdftotext on some tables, give a table column
    by column: each row's title, then each row's date, and so on (cells side by side row by row
    within a group of columns). Where several titles follow one another, one block each, the cells
    after them are dealt to those rows by the smallest period that repeats the kinds of values over
    every row, until every row holds a whole row of the form (and its nature, if indirect); where
    that fails the words stay as they stand."""
    units = _units(words)
    signature = [_SIGNATURE[_kind(u[0].text)] for u in units]
    whole = [re.compile(pattern.pattern + rf"(?:t{_TEXT}*)?") for _, pattern in patterns]
    out: list[Word] = []
    index = 0
    while index < len(units):
        rows = 0
        while index + rows < len(units) and signature[index + rows] == "t" and (
                rows == 0 or units[index + rows][0].block != units[index + rows - 1][-1].block):
            rows += 1
        dealt = _deal(units, signature, index, rows, whole) if rows >= 2 else None
        if dealt is None:
            out += units[index]
            index += 1
            continue
        rows_words, index = dealt
        out += [word for row in rows_words for word in row]
    return out


def _deal(units, signature, start: int, rows: int, whole):
    """The rows whose titles are the ``rows`` units from ``start``, dealt their cells, and where
    the table goes on; None where the cells do not deal into whole rows."""
    dealt: list[list[Word]] = [list(unit) for unit in units[start:start + rows]]

    def complete() -> bool:
        return all(any(p.fullmatch("".join(_kind(w.text) for w in row)) for p in whole) for row in dealt)

    def alike(a: str, b: str) -> bool:  # a footnote marker alone stands for a value of any kind
        return a == b or (a == "M" and b != "t") or (b == "M" and a != "t")

    index = start + rows
    while not complete():
        if index >= len(units):
            return None
        period = next((period for period in range(1, 9) if index + rows * period <= len(units) and all(
            alike(signature[index + row * period + column], signature[index + column])
            for row in range(rows) for column in range(period))), 0)
        covered = rows
        if not period and signature[index] != "t":
            # a column only the first rows fill (a transaction's date, code, amount; the holdings,
            # printed after the transactions, leave it empty)
            covered = 1
            while covered < rows and index + covered < len(units) and alike(signature[index + covered],
                                                                              signature[index]):
                covered += 1
            period = 1 if covered < rows else 0
        if not period:
            return None
        for row in range(covered):
            for column in range(period):
                dealt[row] += units[index + row * period + column]
        index += covered * period
    # the natures of indirect holdings, one each, after the rows' other cells
    if index + rows <= len(units) and all(s == "t" for s in signature[index:index + rows]) and \
            all(_kind(row[-1].text) == "I" or _kind(row[-1].text) == "m" and any(
                _kind(w.text) == "I" for w in row[-3:]) for row in dealt):
        for row in range(rows):
            dealt[row] += units[index + row]
        index += rows
    return dealt, index


def _cut(words: list[Word], kinds: str, start: int, stop: int, groups: dict, titles: list[str]) -> tuple[int, bool]:
    """Where the next row's title begins in the text between a row's D or I and the next row's
    first value: after the nature of indirect ownership, which only an indirect holding has; and
    whether the words tell it (a title the table gave, a nature's markers, a cell of its own) or
    only a line does."""
    if start == stop:
        return start, True
    candidates = [k for k in range(start, stop) if kinds[k] == "t"]
    # the next row's title ends at its markers (Table II's next cells may follow it in the run)
    title_ends = {k: next((j for j in range(k, stop) if kinds[j] == "m"), stop) for k in candidates}
    for k in candidates:  # a title the table already gave
        if " ".join(w.text for w in words[k:title_ends[k]]) in titles:
            return k, True
    if groups["di"][0].text == "D":
        return start, True
    first_words = {title.split()[0] for title in titles} - {"By", "by"}
    for k in candidates:  # a title opening as the table's others do ("Series B ..." after "Series A ...")
        if k > start and words[k].text in first_words:
            return k, False
    markers = [k + 1 for k in range(start, stop - 1) if kinds[k] == "m" and kinds[k + 1] == "t"]
    if markers:  # a nature's footnote markers end it
        return markers[-1], True
    for k in reversed(candidates):  # the next block, else the last line: a title is short, a nature wraps
        if k > start and words[k].block != words[k - 1].block:
            return k, True
    for k in reversed(candidates):
        if k > start and words[k].line != words[k - 1].line:
            return k, False
    return start, False


def _underlying_after(words, kinds: str, start: int, groups: dict):
    """Table II's underlying title and amount printed after the row's other cells (pdftotext puts a
    cell as tall as its heading after the row): "Common 63,200 shares" at the end of the table."""
    if "ut" in groups or "xp" not in groups and "ex" not in groups:
        return None
    found = re.fullmatch(r"(t[tm]*?)([np]m*)(t[tm]*)?", kinds[start:])
    if not found:
        return None
    a, b = found.span(1)
    c, d = found.span(2)
    tail = {"ut": words[start + a:start + b], "us": words[start + c:start + d]}
    if found.group(3):
        e, f = found.span(3)
        tail["ut2"] = words[start + e:start + f]
    return tail
