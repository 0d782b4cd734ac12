"""N — footnotes: every reference has its text, every footnote is referenced, prices match their ranges."""

from __future__ import annotations

from decimal import Decimal

from form16lint.rulekit.amounts import money
from form16lint.rulekit.when import row_code
from form16lint.rulekit.footnote_refs import (
    FOOTNOTE_ID,
    footnote,
    price_ranges,
    references,
    row_footnote_ids,
    says_weighted_average,
)

from form16lint.fieldnames import column, describe
from form16lint.findings import Severity, Violation
from form16lint.rule import FilingRule

# A weighted average rounded to the cent may sit half a cent outside a range stated to the tenth
# of a cent; anything further out cannot be an average of prices within the range.
ROUNDING = Decimal("0.005")


def _ids(filing) -> str:
    ids = [note.id for note in filing.footnotes]
    return ", ".join(ids) if ids else "none"


class FootnoteTextMissing(FilingRule):
    """A footnote reference has no footnote text.

    ## What it checks
    Every footnote reference of the filing: on any value of the tables (price, amount, dates,
    ownership…), on a transaction code, on the period of report. Each id referred to must have
    a footnote with that id in the explanation of responses, and the footnote must say
    something. The message names the value that refers and the id it refers to.

    Accepted variants: none: EDGAR rejects a reference to a footnote the filing lacks.

    ## Why it matters
    The EDGAR Ownership XML Technical Specification (ch. 4) requires every `footnoteId` to
    match a `footnote` of the document, and EDGAR suspends a filing whose reference is
    dangling. On the printed form, a marker "(3)" without explanation (3) leaves the reader
    without the fact it was meant to disclose (General Instruction 4 of Forms 3, 4 and 5 calls
    for the explanation of responses).

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionPricePerShare><value>10.25</value><footnoteId id="F2"/></transactionPricePerShare>
      </transactionAmounts>
      <ownershipNature>
        <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
        <natureOfOwnership><value>By Trust</value><footnoteId id="F1"/></natureOfOwnership>
      </ownershipNature>
    </nonDerivativeTransaction>
    <footnotes><footnote id="F1">Held by the Doe Family Trust.</footnote></footnotes>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionPricePerShare><value>10.25</value><footnoteId id="F2"/></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F2">Weighted average; prices ranged from $10.01 to $10.50.</footnote>
    </footnotes>
    ```
    """

    code = "N001"
    name = "footnote-text-missing"
    severity = Severity.ERROR
    reads = ("/footnotes",)

    def check(self, filing, context):
        for pointer, footnote_id, _ in references(filing, context):
            note = footnote(filing, footnote_id, context)
            if note is None:
                yield Violation(pointer, "{field} refers to footnote {footnote_id}, but the filing has no "
                                         "footnote {footnote_id2} (its footnotes: {ids}); add the explanation "
                                         "or remove the reference (EDGAR rejects a dangling footnote reference)",
                                arguments={"field": describe(pointer), "footnote_id": footnote_id or '(no id)',
                                           "footnote_id2": footnote_id or 'without an id', "ids": _ids(filing)})
            elif not note.text.strip():
                yield Violation(pointer, "{field} refers to footnote {footnote_id}, whose text is empty; write "
                                         "the explanation the reference promises",
                                arguments={"field": describe(pointer), "footnote_id": footnote_id})


class FootnoteNeverReferenced(FilingRule):
    """A footnote is never referenced.

    ## What it checks
    Every footnote of the explanation of responses must be referred to by at least one value
    or transaction code of the filing. An error for EDGAR XML and JSON; a warning for PDF and
    text input, where a marker the extraction missed is likelier than a stray footnote.

    Accepted variants: a footnote referred to only from a transaction code or the period of
    report counts as referred to; on PDF and text input the finding is a warning (see
    above).

    ## Why it matters
    EDGAR suspends an ownership document with a footnote that no element refers to (EDGAR
    Ownership XML Technical Specification, ch. 4: each footnote must be referenced). An
    unreferenced footnote is also usually a sign that the reference was lost from the value it
    explains (a weighted-average price, an indirect holding) and the disclosure is incomplete.

    ## Failing example
    ```xml
    <footnotes><footnote id="F1">Held by the Doe Family Trust.</footnote></footnotes>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <ownershipNature>
        <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
        <natureOfOwnership><value>By Trust</value><footnoteId id="F1"/></natureOfOwnership>
      </ownershipNature>
    </nonDerivativeTransaction>
    <footnotes><footnote id="F1">Held by the Doe Family Trust.</footnote></footnotes>
    ```
    """

    code = "N002"
    name = "footnote-never-referenced"
    severity = Severity.ERROR
    reads = ("",)

    def check(self, filing, context):
        used = {footnote_id for _, footnote_id, _ in references(filing, context)}
        severity = Severity.WARNING if context.extracted else None
        for index, note in enumerate(filing.footnotes):
            if note.id not in used:
                text = " ".join(note.text.split())
                yield Violation(f"/footnotes/{index}",
                                "footnote {id} ({text!r}{words}) is not referred to by any value of the "
                                "filing; attach it to the value it explains or remove it (EDGAR suspends a "
                                "filing with an unreferenced footnote)",
                                severity,
                                arguments={"id": note.id or '(no id)', "text": text[:60],
                                           "words": '…' if len(text) > 60 else ''},
                                identity=("id",))


class FootnoteIdInvalid(FilingRule):
    """Two footnotes share an id, an id is outside F1-F99, or a value refers to one footnote twice.

    ## What it checks
    The ids of the explanation of responses: each must be `F` followed by a number from 1 to
    99, and no two footnotes may have the same id. And each value's list of references: one
    value may not refer to the same footnote twice.

    Accepted variants: none: the ids F1 to F99, each once, are EDGAR's schema.

    ## Why it matters
    The EDGAR ownership schema types footnote ids as `F1` to `F99` and requires them to be
    unique within the document (Technical Specification, ch. 4; EDGAR allows at most 99
    footnotes). With two footnotes "F2", a reader cannot tell which explanation a value refers
    to; EDGAR suspends the filing.

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionPricePerShare>
          <value>10.25</value>
          <footnoteId id="F1"/>
          <footnoteId id="N3"/>
        </transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Held by the Doe Family Trust.</footnote>
      <footnote id="F1">Weighted average price.</footnote>
      <footnote id="N3">Granted under the 2020 Plan.</footnote>
    </footnotes>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionPricePerShare>
          <value>10.25</value>
          <footnoteId id="F1"/>
          <footnoteId id="F2"/>
        </transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Held by the Doe Family Trust.</footnote>
      <footnote id="F2">Weighted average price.</footnote>
    </footnotes>
    ```
    """

    code = "N003"
    name = "footnote-id-invalid"
    severity = Severity.ERROR
    reads = ("/footnotes",)

    def check(self, filing, context):
        first: dict[str, int] = {}
        for index, note in enumerate(filing.footnotes):
            pointer = f"/footnotes/{index}"
            if note.id in first:
                yield Violation(pointer, "footnote {index_number} has the id {id}, like footnote "
                                         "{first_number}; each footnote needs its own id, or a reference "
                                         "cannot say which explanation it means: give this footnote an unused "
                                         "id and update the references that mean it",
                                arguments={"index_number": index + 1, "id": note.id,
                                           "first_number": first[note.id] + 1})
            else:
                first[note.id] = index
            if not FOOTNOTE_ID.fullmatch(note.id or ""):
                yield Violation(pointer, "footnote {index_number} has the id {id!r}; EDGAR footnote ids run "
                                         "from F1 to F99: renumber it to an unused id in that range and update "
                                         "the references to it",
                                arguments={"index_number": index + 1, "id": note.id})
        seen: set[tuple[str, str]] = set()
        for pointer, footnote_id, _ in references(filing, context):
            if (pointer, footnote_id) in seen:
                yield Violation(pointer, "{field} refers to footnote {footnote_id} twice; refer to each "
                                         "footnote once",
                                arguments={"field": describe(pointer), "footnote_id": footnote_id})
            seen.add((pointer, footnote_id))


class FootnoteExplanationMissing(FilingRule):
    """A value that must be explained has no footnote, or its footnote lacks the price range.

    ## What it checks
    - a transaction coded J ("other acquisition or disposition") with no footnote on any of
      its columns;
    - an open-market purchase or sale (code P or S) whose price is given only as a footnote,
      with no figure in the price column;
    - a price that a footnote calls a weighted average, where none of the row's
      weighted-average footnotes states the range of prices ("prices ranging from $10.01 to
      $10.50").

    Accepted variants: the range in any common wording ("$10.01 to $10.50", "between $10.01
    and $10.50", "ranging from 10.01 to 10.50", "the lowest price ... was $10.01 and the
    highest price was $10.50").

    ## Why it matters
    The Form 4 instructions (General Instruction 8, "Transaction Codes") require a
    transaction coded J to be described in the explanation of responses. Column 4 of Table I
    asks for the price of every purchase and sale. When shares were bought or sold at
    different prices in one day, the SEC staff allow one weighted-average price only if a
    footnote gives the full range of prices and an undertaking to provide the detail on
    request (the SEC staff's no-action letter to the Society of Corporate Secretaries of June
    25, 2008).

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>J</transactionCode></transactionCoding>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionCoding><transactionCode>J</transactionCode><footnoteId id="F1"/></transactionCoding>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Distribution in kind by the Fund to its limited partners.</footnote>
    </footnotes>
    ```
    """

    code = "N004"
    name = "footnote-explanation-missing"
    severity = Severity.WARNING
    reads = ("/footnotes",)

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            code = row_code(row)
            notes = row_footnote_ids(filing, pointer, context)
            if code == "J" and not notes:
                at = pointer + "/code"
                yield Violation(at, "{field}: the transaction is coded J (other acquisition or disposition) "
                                    "but no footnote describes it, as the Form 4 instructions require; add a "
                                    "footnote to the transaction code ({column}) describing the acquisition or "
                                    "disposition",
                                arguments={"field": describe(at), "column": column(at)},
                                identity=())
            price = row.price_per_share
            if code in ("P", "S") and price.value is None and price.footnotes:
                yield Violation(pointer + "/pricePerShare",
                                "{field} is an open-market {words} (code {code}) whose price is given only as "
                                "footnote {items}; enter the price per share (a weighted average, with its "
                                "range in the footnote, when the shares traded at several prices)",
                                arguments={"field": describe(pointer),
                                           "words": 'purchase' if code == 'P' else 'sale', "code": code,
                                           "items": ', '.join(price.footnotes)},
                                identity=("code", "items"))
            averaged = weighted_average_footnotes(filing, pointer, row, context)
            if price.value and averaged and not any(price_ranges(text) for _, text in averaged):
                ids = ", ".join(footnote_id for footnote_id, _ in averaged)
                yield Violation(pointer + "/pricePerShare",
                                "{field} is {price:money}, a weighted average according to footnote {ids}, but "
                                "the footnote gives no range of prices (lowest to highest); the SEC staff "
                                "accept a weighted-average price only with the full range stated",
                                arguments={"field": describe(pointer + '/pricePerShare'), "price": price.value,
                                           "ids": ids})


def weighted_average_footnotes(filing, pointer, row, context=None) -> list[tuple[str, str]]:
    """(id, text) of the footnotes that call this row's price a weighted average: those on the
    price itself, and on a Table I row those on its other columns too."""
    ids = list(row.price_per_share.footnotes)
    if pointer.startswith("/nonDerivative"):
        ids += [footnote_id for footnote_id in row_footnote_ids(filing, pointer, context) if footnote_id not in ids]
    found = []
    for footnote_id in ids:
        note = footnote(filing, footnote_id, context)
        if note is not None and says_weighted_average(note.text):
            found.append((footnote_id, note.text))
    return found


class WeightedAveragePriceOutOfRange(FilingRule):
    """A weighted-average price lies outside the range of prices its footnote gives.

    ## What it checks
    A transaction price that a footnote calls a weighted average, against the range(s) of
    prices the same footnote states ("at prices ranging from $10.01 to $10.50, inclusive").
    When one footnote serves several rows and gives several ranges, the price must lie within
    the lowest and highest of them. Half a cent of rounding is allowed.

    Accepted variants: half a cent of rounding; a footnote serving several rows with several
    ranges (the price must lie between the lowest and the highest); a range in any common
    wording (see N004).

    ## Why it matters
    An average of prices lies between the lowest and the highest of them: a price outside the
    stated range means the price or the range was mistyped, and the figure reported under
    Section 16(a) (Form 4, Table I column 4) is wrong. The SEC staff accept a weighted-average
    price only with its true range (Compliance and Disclosure Interpretations of Form 4).

    ## Failing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionPricePerShare><value>11.20</value><footnoteId id="F1"/></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Weighted average price; sold at prices ranging from $10.01 to $10.50.</footnote>
    </footnotes>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionAmounts>
        <transactionPricePerShare><value>10.27</value><footnoteId id="F1"/></transactionPricePerShare>
      </transactionAmounts>
    </nonDerivativeTransaction>
    <footnotes>
      <footnote id="F1">Weighted average price; sold at prices ranging from $10.01 to $10.50.</footnote>
    </footnotes>
    ```
    """

    code = "N005"
    name = "weighted-average-price-out-of-range"
    severity = Severity.ERROR
    reads = ("/footnotes",)

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            price = row.price_per_share.value
            if not price:
                continue
            for footnote_id, text in weighted_average_footnotes(filing, pointer, row, context):
                ranges = price_ranges(text)
                if not ranges:
                    continue
                low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
                if low - ROUNDING <= price <= high + ROUNDING:
                    continue
                stated = "; ".join(f"{money(a)} to {money(b)}" for a, b in ranges)
                yield Violation(pointer + "/pricePerShare",
                                "{field} is {price:money}, a weighted average according to footnote "
                                "{footnote_id}, which gives the range {stated}; an average cannot lie {words} "
                                "its range — correct the price or the range",
                                arguments={"field": describe(pointer + '/pricePerShare'), "price": price,
                                           "footnote_id": footnote_id, "stated": stated,
                                           "words": 'below' if price < low else 'above'},
                                identity=("price", "footnote_id", "stated"))
                break
