"""What the printed Form 3, 4 or 5 looks like, for the readers of its PDF and of text extracted from
it: the statement titles, footnote markers, checkbox marks and box 2's "NAME [TICKER]"."""

from __future__ import annotations

import functools
import re
from functools import lru_cache

from form16lint.lazy_regex import LazyRegex

# Each form's statement title in letters and digits, lower case; Form 4's title ends Form 5's, so
# Form 5's is tried first.
FORM_TITLES = (
    ("initialstatementofbeneficialownership", "3"),
    ("annualstatementofchanges", "5"),
    ("statementofchangesinbeneficialownership", "4"),
)


def form_of_title(squashed: str) -> str | None:
    """"3", "4" or "5" by the statement title found in ``squashed`` text, else None."""
    return next((form for phrase, form in FORM_TITLES if phrase in squashed), None)


# The header boxes, by what their labels say on every form and version (Form 3 numbers them
# differently: its box 2 is the date of the event, box 3 the issuer). A label is found by its first
# words (LABEL_WORDS of them), squashed, which a wrapped label keeps on its first line; the whole
# label tells its words, on whatever lines they wrapped to, from the box's content.
BOX_LABELS = {
    "owner": ("Name and Address of Reporting Person*",),
    "issuer": ("Issuer Name and Ticker or Trading Symbol",),
    "period": ("Date of Earliest Transaction (Month/Day/Year)",
               "Statement for Issuer's Fiscal Year Ended (Month/Day/Year)",
               "Date of Event Requiring Statement (Month/Day/Year)"),
    "amend": ("If Amendment, Date of Original Filed (Month/Day/Year)",
              "If Amendment, Date Original Filed (Month/Day/Year)"),
    "relation": ("Relationship of Reporting Person(s) to Issuer (Check all applicable)",
                 "Relationship of Reporting Person(s) to Issuer (Click all applicable)"),  # the official Form 3
    "joint": ("Individual or Joint/Group Filing (Check Applicable Line)",),
}
LABEL_WORDS = 3
# The checkboxes' captions: the relationship options of box 5 (Form 3's box 4), the lines of box 6
# and the boxes above the header (Form 5 has the last two).
RELATIONSHIP_OPTIONS = (("is_director", "Director"), ("is_ten_percent_owner", "10% Owner"),
                        ("is_officer", "Officer (give title below)"), ("is_other", "Other (specify below)"))
FILING_OPTIONS = (("single", "Form filed by One Reporting Person"),
                  ("joint", "Form filed by More than One Reporting Person"))
TOP_CHECKBOXES = (
    ("not_subject_to_section16", "Check this box if no longer subject to Section 16. Form 4 or Form 5 "
                                 "obligations may continue. See Instruction 1(b)."),
    ("aff10b5_one", "Check this box to indicate that a transaction was made pursuant to a contract, instruction "
                    "or written plan for the purchase or sale of equity securities of the issuer that is intended "
                    "to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10."),
    ("form3_holdings_reported", "Form 3 Holdings Reported"),
    ("form4_transactions_reported", "Form 4 Transactions Reported"),
)


def label_key(label: str, words: int = LABEL_WORDS) -> str:
    """The squashed first words of a label: what finds it, wrapped or not ("issuernameand")."""
    return squash(" ".join(label.replace("/", " ").split()[:words]))


# Each table's columns as each form numbers them: number -> [(field key, the sub-label that starts
# the sub-column, or "" for the first)]. Form 5 prints Form 4's tables without the V column (nothing
# is reported early on an annual statement); Form 3 has its own.
_FORM4_TABLE_I = {"1": [("title", "")], "2": [("date", "")], "2A": [("deemed", "")],
                  "3": [("code", ""), ("v", "V")], "4": [("shares", ""), ("ad", "(A)"), ("price", "Price")],
                  "5": [("following", "")], "6": [("di", "")], "7": [("nature", "")]}
_FORM4_TABLE_II = {"1": [("title", "")], "2": [("exercise_price", "")], "3": [("date", "")],
                   "3A": [("deemed", "")], "4": [("code", ""), ("v", "V")],
                   "5": [("acquired", ""), ("disposed", "(D)")],
                   "6": [("exercisable", ""), ("expiration", "Expiration")],
                   "7": [("under_title", ""), ("under_shares", "Amount")], "8": [("price", "")],
                   "9": [("following", "")], "10": [("di", "")], "11": [("nature", "")]}
_FORM3_TABLE_I = {"1": [("title", "")], "2": [("following", "")], "3": [("di", "")], "4": [("nature", "")]}
_FORM3_TABLE_II = {"1": [("title", "")], "2": [("exercisable", ""), ("expiration", "Expira")],
                   "3": [("under_title", ""), ("under_shares", "Amount")], "4": [("exercise_price", "")],
                   "5": [("di", "")], "6": [("nature", "")]}
# The words of the columns' labels: a line made only of them (and column numbers) is a table's header.
COLUMN_LABEL_WORDS = (
    "Title of Security Derivative (Instr. 3) (Instr. 4) (Instr. 5) (Instr. 8) Transaction Date "
    "(Month/Day/Year) Deemed Execution Date, if any Code V Securities Acquired (A) or Disposed Of (D) "
    "(Instr. 3, 4 and 5) Amount Price Beneficially Owned Following Reported Transaction(s) "
    "(Instr. 3 and 4) at end of Issuer's Fiscal Year Ownership Form: Direct (D) or Indirect (I) "
    "Nature of Indirect Beneficial Ownership Conversion Exercise Price of Derivative Security Number "
    "Exercisable and Expiration Underlying Shares From: Amount or Number of Shares Title "
    "(continued) Date Exer- cisable Expira- tion Month/Day/Year) (Month/Day/ Year) Conver- sion Exer- cise "
    "Deriva- tive Form of"
)


def _without_v(spec: dict) -> dict:
    return {number: [(key, sub) for key, sub in columns if key != "v"] for number, columns in spec.items()}


TABLE_COLUMNS = {
    ("3", "I"): _FORM3_TABLE_I, ("3", "II"): _FORM3_TABLE_II,
    ("4", "I"): _FORM4_TABLE_I, ("4", "II"): _FORM4_TABLE_II,
    ("5", "I"): _without_v(_FORM4_TABLE_I), ("5", "II"): _without_v(_FORM4_TABLE_II),
}


# A table's subtitle under its title, in letters and digits, lower case: Table II's list of
# examples in the SEC rendition and the official form, "(continued)" on a page the table runs onto.
TABLE_SUBTITLES = ("egputscallswarrantsoptionsconvertiblesecurities", "continued")


@functools.lru_cache(maxsize=8192)  # the same words are squashed over and over as labels are sought
def squash(text: str) -> str:
    """Letters and digits alone, lower case: how labels are compared whatever the extraction did to
    spaces, hyphens, line breaks and punctuation."""
    return re.sub(r"[\W_]+", "", text).lower()


def is_table_subtitle(text: str) -> bool:
    """Whether the text is a table's subtitle, or several run together ("(e.g., puts, ...)
    (continued)" on the page a table runs onto)."""
    rest = squash(text)
    while rest:
        part = next((part for part in TABLE_SUBTITLES if rest.startswith(part)), None)
        if part is None:
            return False
        rest = rest[len(part):]
    return bool(text.strip())


# A footnote marker "(2)"; markers run together as "(2)(3)".
MARKER = r"\((\d{1,3})\)"
MARKERS = re.compile(r"(?:\(\d{1,3}\))+")


def footnote_id(number: str) -> str:
    return f"F{number}"


def footnote_ids(markers: str) -> list[str]:
    """["F2", "F3"] for "(2)(3)"."""
    return [footnote_id(number) for number in re.findall(MARKER, markers)]


# A checkbox marked: a glyph, or an X, bare or in brackets ("[X]").
CHECK_MARK = r"\[?\s*[Xx☒☑✓✔■]\s*\]?"


def marked_before(text: str) -> bool:
    """Whether ``text`` ends with a check mark: the option that follows it is checked."""
    return bool(re.search(CHECK_MARK + r"\s*$", text))


_ISSUER_CIK = re.compile(r"\(?\bCIK\b\s*(?:No\.|#)?[:\s]*(\d{1,10})\)?", re.IGNORECASE)
_NAME_AND_TICKER = re.compile(r"^\W*(.*?)\s*\[\s*([^\]]*?)\s*\]\s*$")


def split_issuer(text: str) -> tuple[str | None, str | None, str | None]:
    """The issuer's name, ticker and CIK from box 2 as printed, "NAME [TICKER]"; the form has no
    place for the CIK, but a drafter may add one ("CIK 0000320193"). The ticker is None without
    brackets, "" when they are empty."""
    cik = _ISSUER_CIK.search(text)
    if cik:
        text = f"{text[:cik.start()]} {text[cik.end():]}"
    text = text.strip()
    found = _NAME_AND_TICKER.match(text)
    if found is None:
        return text or None, None, cik[1] if cik else None
    return found[1] or None, found[2], cik[1] if cik else None


# The form's own printed words that no value of a box or a table cell holds: a value read with one
# of them in it ran over into a label or caption (a name that swallowed "(Check all applicable)" and
# the next box). Long phrases are compared squashed; the short captions under box 1 only in their
# parentheses, "(City)", since a city may well be called "Salt Lake City".
FORM_PHRASES = (
    *(label for labels in BOX_LABELS.values() for label in labels),
    *(caption for _, caption in FILING_OPTIONS), "Officer (give title below)", "Other (specify below)",
    *(caption for _, caption in TOP_CHECKBOXES),
    "(Check all applicable)", "(Click all applicable)", "(Check Applicable Line)", "(Month/Day/Year)",
    "Signature of Reporting Person", "Explanation of Responses", "Reminder: Report on a separate line",
    "Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "Persons who respond to the collection of information",
)
_BOX1_CAPTIONS = LazyRegex(r"\(\s*(?:last|first|middle|street|city|state|zip|instr\.?\s*\d[^)]*)\s*\)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _squashed_phrases() -> tuple[str, ...]:
    return tuple(squash(phrase) for phrase in FORM_PHRASES)


def holds_form_words(text: str) -> bool:
    """Whether ``text``, read as one value, holds a label or caption of the printed form."""
    if _BOX1_CAPTIONS.search(text):
        return True
    squashed = squash(text)
    return any(phrase in squashed for phrase in _squashed_phrases())
