"""N001-N005: footnote references, ids and weighted-average price ranges."""

import pytest

from filings import d_tx, nd_tx, ownership_xml

from form16lint.rulekit.footnote_refs import price_ranges, says_weighted_average

RANGE = ("The price reported in Column 4 is a weighted average price. These shares were sold in multiple "
         "transactions at prices ranging from $10.01 to $10.50, inclusive. The reporting person undertakes to "
         "provide full information regarding the number of shares sold at each separate price.")
CLEAN = ownership_xml(nd_transactions=[nd_tx(price="10.27", notes={"price": ["F1"]}),
                                       nd_tx(code="J", ad="A", after="1000", notes={"code": ["F2"]})],
                      footnotes={"F1": RANGE, "F2": "Distribution in kind from the Doe Fund."})


@pytest.mark.parametrize("code", ["N001", "N002", "N003", "N004", "N005"])
def test_silent_on_clean_filing(codes_for, code):
    assert codes_for(CLEAN, code) == []


def test_n001_reference_without_footnote(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1", "F2"]})], footnotes={"F1": "Average."})
    found = codes_for(xml, "N001")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/pricePerShare"]
    message = found[0].message
    assert "Table I transaction row 1, price (column 4) refers to footnote F2" in message
    assert "no footnote F2" in message and "its footnotes: F1" in message


def test_n001_coding_reference_and_empty_text(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(code="J", notes={"code": ["F3"], "date": ["F1"]})],
                        footnotes={"F1": "  "})
    found = {f.pointer: f.message for f in codes_for(xml, "N001")}
    assert "refers to footnote F3" in found["/nonDerivativeTransactions/0/code"]
    assert "transaction code (column 3)" in found["/nonDerivativeTransactions/0/code"]
    assert "whose text is empty" in found["/nonDerivativeTransactions/0/transactionDate"]


def test_n002_unreferenced_footnote(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"]})],
                        footnotes={"F1": "Average price.", "F2": "Held by the Doe Family Trust."})
    found = codes_for(xml, "N002")
    assert [f.pointer for f in found] == ["/footnotes/1"]
    assert "footnote F2 ('Held by the Doe Family Trust.')" in found[0].message
    assert str(found[0].severity) == "error"


def test_n002_is_a_warning_on_extracted_input(plugins):
    from form16lint.findings import Severity
    from form16lint.model import Document, Filing, Footnote
    from form16lint.rule import RuleContext, RunOptions
    from form16lint_rules.footnotes import FootnoteNeverReferenced

    filing = Filing(document_type="4", footnotes=[Footnote(id="F1", text="Gift to a charity.")])
    for fmt, expected in (("text", Severity.WARNING), ("edgar-xml", None)):
        context = RuleContext(document=Document(path="x", format=fmt, filing=filing), options=RunOptions())
        [violation] = FootnoteNeverReferenced().check(filing, context)
        assert violation.pointer == "/footnotes/0" and violation.severity == expected


def test_n003_duplicate_id_bad_id_and_double_reference(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1", "F1"], "date": ["F100"], "title": ["F2"]})],
                        footnotes={"F1": "Average price.", "F100": "Date.", "F2": "A."})
    found = codes_for(xml, "N003")
    messages = {(f.pointer, f.message) for f in found}
    assert ("/nonDerivativeTransactions/0/pricePerShare",
            "Table I transaction row 1, price (column 4) refers to footnote F1 twice; refer to each footnote once") \
        in messages
    assert any(p == "/footnotes/1" and "'F100'" in m and "F1 to F99" in m for p, m in messages)


def test_n003_two_footnotes_share_an_id(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"]})], footnotes={"F1": "One."})
    xml = xml.replace('<footnote id="F1">One.</footnote>',
                      '<footnote id="F1">One.</footnote><footnote id="F1">Two.</footnote>')
    found = codes_for(xml, "N003")
    assert [f.pointer for f in found] == ["/footnotes/1"]
    assert "footnote 2 has the id F1, like footnote 1" in found[0].message


def test_n004_code_j_without_footnote(codes_for):
    found = codes_for(ownership_xml(nd_transactions=[nd_tx(code="J")]), "N004")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/code"]
    assert "coded J" in found[0].message


def test_n004_sale_price_only_a_footnote(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(price=None, notes={"price": ["F1"]})],
                        footnotes={"F1": "Sold at market."})
    found = codes_for(xml, "N004")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/pricePerShare"]
    assert "open-market sale (code S)" in found[0].message and "only as footnote F1" in found[0].message


def test_n004_weighted_average_without_range(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(price="85.9672", notes={"shares": ["F6"]})],
                        footnotes={"F6": "The sales price reported is the weighted average sale price for the "
                                         "number of shares sold."})
    found = codes_for(xml, "N004")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/pricePerShare"]
    assert "price (column 4) is $85.9672, a weighted average according to footnote F6" in found[0].message
    assert "no range of prices" in found[0].message


def test_n004_reads_a_range_given_as_lowest_and_highest_price(codes_for):
    note = ("The price is a weighted average of the multiple trades that took place on 5/11/2020. The lowest price "
            "at which the shares were sold was $12.50 and the highest price was $12.685.")
    xml = ownership_xml(nd_transactions=[nd_tx(price="12.577", notes={"price": ["F1"]})], footnotes={"F1": note})
    assert codes_for(xml, "N004") == []
    outside = ownership_xml(nd_transactions=[nd_tx(price="12.777", notes={"price": ["F1"]})], footnotes={"F1": note})
    assert len(codes_for(outside, "N005")) == 1


def test_n004_volume_weighted_grant_price_is_not_a_weighted_average_sale(codes_for):
    note = "Shares in lieu of fees, counted at the 30-day volume-weighted average share price."
    xml = ownership_xml(nd_transactions=[nd_tx(code="A", ad="A", price="20", notes={"shares": ["F1"]})],
                        footnotes={"F1": note})
    assert codes_for(xml, "N004") == []


def test_n005_price_outside_range(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(price="1005.129", notes={"price": ["F5"]})],
                        footnotes={"F5": RANGE.replace("$10.01 to $10.50", "$1,005.600 to $1,006.390")})
    found = codes_for(xml, "N005")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/pricePerShare"]
    message = found[0].message
    assert "$1,005.129" in message and "$1,005.600 to $1,006.390" in message and "below its range" in message


def test_n005_derivative_row_and_rounding(codes_for):
    note = "Weighted average price; prices ranged from $2.001 to $2.004."
    inside = ownership_xml(d_transactions=[d_tx(code="S", ad="D", price="2.00", notes={"price": ["F1"]})],
                           footnotes={"F1": note})
    assert codes_for(inside, "N005") == []  # rounded to the cent, within half a cent
    outside = ownership_xml(d_transactions=[d_tx(code="S", ad="D", price="2.10", notes={"price": ["F1"]})],
                            footnotes={"F1": note})
    assert [f.pointer for f in codes_for(outside, "N005")] == ["/derivativeTransactions/0/pricePerShare"]


@pytest.mark.parametrize("text, ranges", [
    ("at prices ranging from $10.01 to $10.50, inclusive", [("10.01", "10.50")]),
    ("between $1,139.05 and $1,139.62", [("1139.05", "1139.62")]),
    ("in a range of 9.5 to 9.75", [("9.5", "9.75")]),
    ("ranging from $10.00 to $10.99 and $11.00 - $11.50, respectively", [("10.00", "10.99"), ("11.00", "11.50")]),
    ("the first anniversary, from 2024 to 2026", []),
])
def test_price_ranges(text, ranges):
    assert [(str(a), str(b)) for a, b in price_ranges(text)] == ranges


def test_weighted_average_wording():
    assert says_weighted_average("The price reported in Column 4 is a weighted average price.")
    assert says_weighted_average("Represents the weighted-average sale price per share.")
    assert not says_weighted_average("based on the 60-day volume-weighted average share price")
