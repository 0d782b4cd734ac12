"""The filing model: one typed description of a Form 3, 4 or 5, whatever it was read from.

Every reader produces a :class:`Filing`; every rule reads one. Field names follow the EDGAR
ownership schema (``transactionShares`` becomes ``shares``, and so on); the canonical JSON of the
model (see :mod:`form16lint.canonical`) spells them in camelCase, so a JSON pointer such as
``/nonDerivativeTransactions/0/sharesOwnedFollowing`` names one value of one row.

A value that EDGAR lets carry footnote references is a :class:`Value`: the typed value, the
footnote ids attached to it, and, when the text found could not be read as its type, that text
(``raw``) so that rule S003 can say what was malformed.

What a reader of the printed form (PDF, extracted text) could not read is part of the model too,
so that no rule reports on what was not seen:

* ``Filing.read_from`` is "pdf" or "text" for a filing read off the printed form. The fields the
  printed form does not carry (:data:`NOT_PRINTED`: CIKs, the equity-swap flag, the transaction
  form type) are then absent by nature, and no finding is made on them.
* ``Filing.unread`` lists the :class:`UnreadRegion` objects: a box, a table, a row, the footnotes,
  the signature that the reader could not read with confidence, each with the JSON pointers it
  covers and its name in the form's words. A reader records one with
  ``form16lint.readers.unsure_field`` (which also gives the one E001 that names it).
* A rule declares in ``Rule.reads`` the parts of the model its judgement rests on beyond the value
  it reports on (S005 reads all four tables, N002 the whole filing). The engine does not run a
  rule whose ``reads`` overlaps an unread region, and drops any violation whose pointer overlaps
  an unread region or lies in a field the printed form does not carry
  (:meth:`Filing.hides`, :meth:`Filing.unread_overlapping`). A violation whose own judgement
  rests on more than its pointer names it in ``Violation.reads`` (S005's Form 5 flags rest on the
  rows' transaction form types): it is dropped likewise.
* After any reader of the printed form, a value holding the form's own printed words (a label, a
  caption) is marked unread too (``form16lint.readers.doubt_form_words``): the reader ran over
  into the next box.

All of it is kept in the canonical JSON, so ``extract`` then ``check`` gives the same findings as
the PDF or text it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Generic, TypeVar

from form16lint.form import FORM_TYPES, plain_words  # noqa: F401 - kept importable from here

T = TypeVar("T")



@dataclass(slots=True)
class Value(Generic[T]):
    """A value of the form, with the footnotes that qualify it."""

    value: T | None = None
    footnotes: list[str] = field(default_factory=list)
    raw: str | None = None  # the text as found, kept only when it could not be read as its type

    @property
    def present(self) -> bool:
        """True when the value, a malformed text for it, or a footnote stands in its place."""
        return self.value is not None or self.raw is not None or bool(self.footnotes)

    @property
    def malformed(self) -> bool:
        return self.raw is not None and self.value is None


@dataclass(slots=True, kw_only=True)
class Issuer:
    """The issuer: its name, CIK and trading symbol (box 2 of the printed form)."""

    cik: str | None = None
    name: str | None = None
    trading_symbol: str | None = None


@dataclass(slots=True, kw_only=True)
class Address:
    """A reporting person's address (box 1 of the printed form)."""

    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip_code: str | None = None
    state_description: str | None = None


@dataclass(slots=True, kw_only=True)
class Relationship:
    """How the reporting person is related to the issuer (box 5 of Form 4, box 4 of Form 3)."""

    is_director: Value[bool] = field(default_factory=Value)
    is_officer: Value[bool] = field(default_factory=Value)
    is_ten_percent_owner: Value[bool] = field(default_factory=Value)
    is_other: Value[bool] = field(default_factory=Value)
    officer_title: str | None = None
    other_text: str | None = None

    @property
    def any_checked(self) -> bool:
        return any(
            v.value for v in (self.is_director, self.is_officer, self.is_ten_percent_owner, self.is_other)
        )

    @property
    def any_given(self) -> bool:
        """Whether any of the four boxes is stated at all, checked or not."""
        return any(
            v.present for v in (self.is_director, self.is_officer, self.is_ten_percent_owner, self.is_other)
        )

    @property
    def insider(self) -> bool:
        """Officer or director: the people Rule 10b5-1's cooling-off period binds."""
        return bool(self.is_director.value or self.is_officer.value)


@dataclass(slots=True, kw_only=True)
class ReportingOwner:
    """One reporting person: identity, address and relationship to the issuer."""

    cik: str | None = None
    ccc: str | None = None
    name: str | None = None
    address: Address = field(default_factory=Address)
    relationship: Relationship = field(default_factory=Relationship)


@dataclass(kw_only=True)
class Row:
    """What every row of Table I and Table II carries: the security and how it is held."""

    security_title: Value[str] = field(default_factory=Value)
    shares_owned_following: Value[Decimal] = field(default_factory=Value)
    value_owned_following: Value[Decimal] = field(default_factory=Value)
    direct_or_indirect: Value[str] = field(default_factory=Value)
    nature_of_ownership: Value[str] = field(default_factory=Value)

    @property
    def ownership_key(self) -> tuple[str, str]:
        """Direct, or indirect with its nature: the unit of a running balance, within a filing and
        across filings."""
        kind = (self.direct_or_indirect.value or "").strip().upper()
        return kind, plain_words(self.nature_of_ownership.value) if kind == "I" else ""


@dataclass(kw_only=True)
class TransactionFields:
    """The columns a transaction row has and a holding row lacks."""

    transaction_date: Value[date] = field(default_factory=Value)
    deemed_execution_date: Value[date] = field(default_factory=Value)
    form_type: str | None = None
    code: str | None = None
    equity_swap_involved: Value[bool] = field(default_factory=Value)
    coding_footnotes: list[str] = field(default_factory=list)
    timeliness: Value[str] = field(default_factory=Value)
    shares: Value[Decimal] = field(default_factory=Value)
    price_per_share: Value[Decimal] = field(default_factory=Value)
    acquired_disposed: Value[str] = field(default_factory=Value)


@dataclass(kw_only=True)
class DerivativeFields:
    """The columns of Table II that Table I lacks."""

    conversion_or_exercise_price: Value[Decimal] = field(default_factory=Value)
    exercise_date: Value[date] = field(default_factory=Value)
    expiration_date: Value[date] = field(default_factory=Value)
    underlying_title: Value[str] = field(default_factory=Value)
    underlying_shares: Value[Decimal] = field(default_factory=Value)
    underlying_value: Value[Decimal] = field(default_factory=Value)


@dataclass(kw_only=True)
class NonDerivativeTransaction(TransactionFields, Row):
    """A transaction row of Table I (securities that are not derivatives)."""


@dataclass(kw_only=True)
class NonDerivativeHolding(Row):
    """A holding row of Table I: securities owned, with no transaction reported."""

    form_type: str | None = None  # Form 5 holdings may say which form they were due on


@dataclass(kw_only=True)
class DerivativeTransaction(TransactionFields, DerivativeFields, Row):
    """A transaction row of Table II (derivative securities)."""

    total_value: Value[Decimal] = field(default_factory=Value)  # value-based transactions


@dataclass(kw_only=True)
class DerivativeHolding(DerivativeFields, Row):
    """A holding row of Table II: derivative securities owned, with no transaction reported."""

    form_type: str | None = None


@dataclass(slots=True, kw_only=True)
class Footnote:
    """One footnote of the form, by its id ("F1") and its text."""

    id: str
    text: str = ""


@dataclass(slots=True, kw_only=True)
class Signature:
    """One signature of the form: the name signed and its date."""

    name: str | None = None
    date: Value[date] = field(default_factory=Value)


@dataclass(slots=True, kw_only=True)
class UnreadRegion:
    """A region of the printed form the reader could not read with confidence."""

    pointers: list[str]  # the parts of the model it covers: ["/derivativeTransactions", "/derivativeHoldings"]
    region: str  # its name in the form's words: "Table II", "box 3 (Date of Earliest Transaction)"
    reason: str = ""  # what was read or not: "its column labels were not found"
    # where it stands in the input, so that the E001 naming it reads the same from the canonical JSON
    page: int | None = None
    box: str | None = None
    line: int | None = None
    column: int | None = None
    form_page: int | None = None  # the page of the signed form that carries it, when the input has no pages


# The four tables' rows, for a rule that reads them all (``Rule.reads``)
ALL_TABLES = ("/nonDerivativeTransactions", "/nonDerivativeHoldings", "/derivativeTransactions", "/derivativeHoldings")
# Every row's transaction form type (4 or 5; 3 on a Form 5 holding), for a judgement resting on it
ROW_FORM_TYPES = tuple(f"{table}/*/formType" for table in ALL_TABLES)

# Fields the printed Forms 3, 4 and 5 have no place for: absent by nature from a filing read off
# the printed form. "*" stands for any one step of a pointer.
NOT_PRINTED = (
    "/schemaVersion", "/issuer/cik", "/reportingOwners/*/cik", "/reportingOwners/*/ccc",
    "/nonDerivativeTransactions/*/equitySwapInvolved", "/derivativeTransactions/*/equitySwapInvolved",
    *ROW_FORM_TYPES,
    "/reportingOwners/*/address/stateDescription",
    "/noSecuritiesOwned",  # an XML flag of Form 3; the printed form has no box for it
)
PRINTED_FORMATS = ("pdf", "text")


def _steps(pointer: str) -> list[str]:
    return pointer.split("/")[1:] if pointer else []


def within(pointer: str, region: str) -> bool:
    """Whether ``pointer`` is ``region`` or lies under it; "*" in either matches any one step."""
    inner, outer = _steps(pointer), _steps(region)
    return len(inner) >= len(outer) and all(o == i or "*" in (o, i) for o, i in zip(outer, inner))


def overlaps(one: str, other: str) -> bool:
    """Whether two parts of the model share anything: one lies within the other."""
    return within(one, other) or within(other, one)


@dataclass(slots=True, kw_only=True)
class FilingMetadata:
    """What EDGAR knows about a submission beyond the document itself."""

    accession_number: str | None = None
    filing_date: date | None = None
    acceptance_datetime: datetime | None = None  # as EDGAR stamps it, Eastern time


@dataclass(slots=True, kw_only=True)
class Filing:
    """One Form 3, 4 or 5 (or amendment), whatever it was read from."""

    document_type: str | None = None
    schema_version: str | None = None
    period_of_report: Value[date] = field(default_factory=Value)
    date_of_original_submission: Value[date] = field(default_factory=Value)
    not_subject_to_section16: Value[bool] = field(default_factory=Value)
    form3_holdings_reported: Value[bool] = field(default_factory=Value)
    form4_transactions_reported: Value[bool] = field(default_factory=Value)
    no_securities_owned: Value[bool] = field(default_factory=Value)
    aff10b5_one: Value[bool] = field(default_factory=Value)
    joint_filing: Value[bool] = field(default_factory=Value)  # box 6 of the printed form
    issuer: Issuer = field(default_factory=Issuer)
    reporting_owners: list[ReportingOwner] = field(default_factory=list)
    non_derivative_transactions: list[NonDerivativeTransaction] = field(default_factory=list)
    non_derivative_holdings: list[NonDerivativeHolding] = field(default_factory=list)
    derivative_transactions: list[DerivativeTransaction] = field(default_factory=list)
    derivative_holdings: list[DerivativeHolding] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    remarks: str | None = None
    signatures: list[Signature] = field(default_factory=list)
    metadata: FilingMetadata = field(default_factory=FilingMetadata)
    read_from: str | None = None  # "pdf" or "text" when read off the printed form
    unread: list[UnreadRegion] = field(default_factory=list)

    # -- what was not seen ---------------------------------------------------------------------
    @property
    def printed(self) -> bool:
        """True when the filing was read off the printed form (PDF or extracted text)."""
        return self.read_from in PRINTED_FORMATS

    def unread_overlapping(self, parts) -> UnreadRegion | None:
        """The first unread region that overlaps any of ``parts`` (JSON pointers), else None."""
        for region in self.unread:
            if any(overlaps(pointer, part) for pointer in region.pointers for part in parts):
                return region
        return None

    def hides(self, pointer: str, reads: tuple[str, ...] = ()) -> bool:
        """Whether a finding at ``pointer``, whose judgement also ``reads`` those parts, would rest
        on what was not seen: a region not read with confidence that overlaps one of them, or a
        field the printed form does not carry."""
        parts = (pointer, *reads)
        if self.unread and self.unread_overlapping(parts) is not None:
            return True
        return self.printed and any(within(part, hidden) for part in parts for hidden in NOT_PRINTED)

    # -- conveniences for rules ------------------------------------------------------------
    @property
    def base_form(self) -> str | None:
        """"4" for both "4" and "4/A"."""
        return self.document_type.split("/")[0] if self.document_type else None

    @property
    def is_amendment(self) -> bool:
        return bool(self.document_type and self.document_type.endswith("/A"))

    def tables(self):
        """Yield (collection name, row list) for the four tables, in form order."""
        yield "nonDerivativeTransactions", self.non_derivative_transactions
        yield "nonDerivativeHoldings", self.non_derivative_holdings
        yield "derivativeTransactions", self.derivative_transactions
        yield "derivativeHoldings", self.derivative_holdings

    def rows(self):
        """Yield (JSON pointer, row) for every row of both tables."""
        for name, rows in self.tables():
            for index, row in enumerate(rows):
                yield f"/{name}/{index}", row

    def transactions(self):
        """Yield (JSON pointer, row) for every transaction row of both tables."""
        for index, row in enumerate(self.non_derivative_transactions):
            yield f"/nonDerivativeTransactions/{index}", row
        for index, row in enumerate(self.derivative_transactions):
            yield f"/derivativeTransactions/{index}", row

    def footnote(self, footnote_id: str) -> Footnote | None:
        for note in self.footnotes:
            if note.id == footnote_id:
                return note
        return None

    @property
    def signature_date(self) -> date | None:
        dates = [s.date.value for s in self.signatures if s.date.value]
        return max(dates) if dates else None


@dataclass(slots=True, frozen=True)
class Location:
    """Where a value stands in the input: line and column for text formats, page and box for PDF."""

    line: int | None = None
    column: int | None = None
    page: int | None = None
    box: str | None = None


@dataclass(slots=True, kw_only=True)
class Document:
    """One input file as read: the filing (when it could be read), where each value came from,
    and what the reader itself found (E001, E002, S001)."""

    path: str
    format: str  # "edgar-xml", "edgar-submission", "json", "pdf", "text"
    filing: Filing | None = None
    locations: dict[str, Location] = field(default_factory=dict)
    reader_findings: list = field(default_factory=list)  # list[Finding]
    suppressions: list = field(default_factory=list)  # list[Suppression], from the input itself
    # A reader may leave a function that finds a pointer's position the first time it is asked
    # for, rather than work out the position of every value when findings need a few of them.
    locator: object = None  # Callable[[str], Location | None]

    def locate(self, pointer: str) -> Location:
        """The best known position for a pointer: its own, else its nearest parent's."""
        probe = pointer
        while True:
            location = self.locations.get(probe)
            if location is None and self.locator is not None:
                location = self.locator(probe)
                if location is not None:
                    self.locations[probe] = location
            if location is not None:
                return location
            if not probe:
                return Location()
            probe = probe.rsplit("/", 1)[0]


@lru_cache(maxsize=None)
def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


_FIELD_KEYS: dict[type, list[tuple[str, str]]] = {}


def _field_keys(cls) -> list[tuple[str, str]]:
    keys = _FIELD_KEYS.get(cls)
    if keys is None:
        keys = _FIELD_KEYS[cls] = [(name, camel_case(name)) for name in cls.__dataclass_fields__]
    return keys


def walk(obj, pointer: str = ""):
    """Yield (JSON pointer, leaf) for every Value, string, footnote list and date of a model
    object, depth first in field order."""
    for name, key in _field_keys(type(obj)):
        item = getattr(obj, name)
        here = f"{pointer}/{key}"
        if isinstance(item, Value) or not hasattr(item, "__dataclass_fields__"):
            if isinstance(item, list) and item and hasattr(item[0], "__dataclass_fields__"):
                for index, element in enumerate(item):
                    yield from walk(element, f"{here}/{index}")
            else:
                yield here, item
        else:
            yield from walk(item, here)
