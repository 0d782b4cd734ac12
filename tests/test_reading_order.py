"""Tables in text in reading order (plain pdftotext, pdfminer, PyMuPDF, pypdf): rows cut from the
stream of words by the columns' order and the values' types, and what does not fit left unread."""

from __future__ import annotations

from form16lint.readers.reading_order import is_heading, table_rows


def _lines(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _rows(text: str, form: str = "4", table: str = "I") -> list[str]:
    found = table_rows(_lines(text), form, table)
    assert found.unread is None, found.unread
    return [" | ".join(word.text for word in row) for row in found.rows]


# PyMuPDF: the headings first, then each cell on lines of its own; a nature wraps, a title repeats
PYMUPDF_TABLE_I = """1. Title of Security (Instr. 3)
2. Transaction
Date
(Month/Day/Year)
3.
Transaction
Code (Instr.
8)
Code
V
Amount
(A) or
(D)
Price
Class A Common Stock
03/15/2021
J
(1)
9,356
D
$0.00
32,746
I
By Sequoia Capital
U.S. Venture Fund,
L.P.(2)(3)
Class A Common Stock
03/15/2021
C(7)
2,144,713
A
$0.00
2,144,713
I
By Grand
Children
Class A Common Stock
27,542(6)
D"""


def test_cells_on_lines_of_their_own_read_as_rows():
    assert _rows(PYMUPDF_TABLE_I) == [
        "Class | A | Common | Stock | 03/15/2021 | J | (1) | 9,356 | D | $0.00 | 32,746 | I | By | Sequoia | Capital"
        " | U.S. | Venture | Fund, | L.P. | (2)(3)",
        "Class | A | Common | Stock | 03/15/2021 | C | (7) | 2,144,713 | A | $0.00 | 2,144,713 | I | By | Grand"
        " | Children",
        "Class | A | Common | Stock | 27,542 | (6) | D",
    ]


# pypdf: a row on one line, its wrapped title on the line above
PYPDF_TABLE_II = """Code V (A) (D)
Date
Exercisable
Expiration
Date Title
Amount
or
Number
of
Shares
Stock
Options $12.46 06/14/2020 06/14/2029
Common
Stock 6,250 6,250 D
Stock
Options $11.26 12/14/2019 12/14/2028 Common Stock 25,000 25,000 D"""


def test_form5_table_ii_holdings_in_content_stream_order():
    assert _rows(PYPDF_TABLE_II, form="5", table="II") == [
        "Stock | Options | $12.46 | 06/14/2020 | 06/14/2029 | Common | Stock | 6,250 | 6,250 | D",
        "Stock | Options | $11.26 | 12/14/2019 | 12/14/2028 | Common | Stock | 25,000 | 25,000 | D",
    ]


# plain pdftotext: cells as blocks; a one-line amount centred beside a two-line title lands inside it
PDFTOTEXT_TABLE_II = """Stock
Options

$11.26

12/14/2019

12/14/2028

Common
25,000
Stock

25,000

D

Option
(right to
buy)(3)

$38.40

04/21/2020

M

63,200

02/19/2019

02/18/2026

$0

20,133

D

Common
63,200
shares"""


def test_pdftotext_blocks_and_an_underlying_cell_put_after_the_row():
    rows = _rows(PDFTOTEXT_TABLE_II, table="II")
    assert rows == [
        "Stock | Options | $11.26 | 12/14/2019 | 12/14/2028 | Common | Stock | 25,000 | 25,000 | D",
        "Option | (right | to | buy) | (3) | $38.40 | 04/21/2020 | M | 63,200 | 02/19/2019 | 02/18/2026 | Common"
        " | shares | 63,200 | $0 | 20,133 | D",
    ]


def test_form3_underlying_title_with_a_par_value():
    text = "Employee Stock Option (Right to Buy)(2)\n03/02/2021\nCommon Stock, $0.01 par value\n9,734\n$14.76\nD"
    assert _rows(text, form="3", table="II") == [
        "Employee | Stock | Option | (Right | to | Buy) | (2) | 03/02/2021 | Common | Stock, | $0.01 | par | value"
        " | 9,734 | $14.76 | D"]


def test_what_does_not_fit_the_columns_is_left_unread():
    found = table_rows(_lines("Common Stock\n04/21/2020\nS\n100\nD\n$5.00\n900\nD\nstray words 12/01/2020"), "4", "I")
    assert len(found.rows) == 1
    assert found.unread is not None and found.unread.text == "stray"


def test_headings_are_not_values():
    assert is_heading(["2A.", "Deemed"]) and is_heading(["(Instr.", "4)"]) and is_heading(["Code", "V"])
    assert not is_heading(["D"]) and not is_heading(["V"]) and not is_heading(["496"])
    assert not is_heading(["Common", "Stock"])


def test_a_bare_number_is_kept_though_a_page_number_is_furniture():
    rows = table_rows(_lines("Common Stock\n496\nI\n401(k)(1)"), "5", "I", skip=lambda line: line.strip().isdigit())
    assert [[w.text for w in row] for row in rows.rows] == [["Common", "Stock", "496", "I", "401(k)", "(1)"]]
