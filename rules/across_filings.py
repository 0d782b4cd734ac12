"""X — across filings: balances that carry from one filing to the next, and filings given twice."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from form16lint.lazy_regex import LazyRegex
from form16lint.rulekit.amounts import figure, last_place, normalised_title, tells_of_adjustment
from form16lint.rulekit.when import row_direction, split_part
from form16lint.rulekit.identity import (
    cik_key,
    describe_issuer,
    issuer_keys,
    normal_name,
)

from form16lint.checking import filing_header
from form16lint.fieldnames import describe
from form16lint.model import ALL_TABLES, FilingMetadata, Location, plain_words
from form16lint.findings import Severity, Violation
from form16lint.rule import CheckedDocuments, CollectionRule


def _owners_key(filing) -> frozenset[str] | None:
    """The reporting persons, by CIK else by name; a joint filing is its own group of persons."""
    keys = set()
    for owner in filing.reporting_owners:
        key = cik_key(owner.cik) or (f"name:{normal_name(owner.name)}" if owner.name else None)
        if key is None:
            return None
        keys.add(key)
    return frozenset(keys) or None


# Accounts whose balance grows or shrinks without a report: plan accounts whose acquisitions are
# exempt (401(k), profit-sharing, ESOP and savings plans; employee stock purchase plans), dividend
# reinvestment, and units that accrue dividend equivalents.
PLAN_ACCOUNT = LazyRegex(
    r"401\s*\(?k\)?|profit[\s-]+sharing|\bESOP\b|employee stock (?:ownership|purchase)|\bESPP\b|savings plan"
    r"|retirement plan|thrift|deferred compensation|reinvest|\bDRIP\b|dividend equivalent", re.IGNORECASE)


def _notes(filing, *values) -> list[str]:
    """The texts of the footnotes the given values refer to."""
    texts = []
    for value in values:
        for note_id in value.footnotes:
            note = filing.footnote(note_id)
            if note is not None and note.text:
                texts.append(note.text)
    return texts


def _security_key(filing, pointer: str, row) -> tuple | None:
    """Table I: title and ownership, with the footnotes of the ownership columns, which name the
    holder when several share one nature ("See footnote"). Table II: also the exercise price,
    expiration and underlying, which tell one grant of options from another."""
    title = normalised_title(row)
    if not title:
        return None
    nature = plain_words(row.nature_of_ownership.value)
    holder = tuple(sorted(plain_words(text) for text in _notes(filing, row.direct_or_indirect,
                                                                row.nature_of_ownership))) \
        if "footnote" in nature or (row.ownership_key[0] == "I" and not nature) else ()
    if pointer.startswith("/derivative"):
        price, expiration = row.conversion_or_exercise_price.value, row.expiration_date.value
        if price is None and expiration is None:
            return None  # units without price or expiration (RSUs): one grant cannot be told from another
        return ("II", title, price, expiration, plain_words(row.underlying_title.value), row.ownership_key, holder)
    return ("I", title, row.ownership_key, holder)


def _amounts(filing):
    """(key, pointer, row) for every row that reports an amount owned, in filed order."""
    for pointer, row in filing.rows():
        if row.shares_owned_following.value is None:
            continue  # value-based reporting, or unreadable: nothing to carry
        key = _security_key(filing, pointer, row)
        if key is not None:
            yield key, pointer, row


def _moves_unreported(filing, row) -> bool:
    """A holding that changes between reports without a transaction to report: a plan account, or
    an amount whose footnote tells of an adjustment (shares it includes, a transfer, a split)."""
    words = " ".join([row.nature_of_ownership.value or "", row.security_title.value or ""]
                     + _notes(filing, row.direct_or_indirect, row.nature_of_ownership))
    return _plan_account(words) or any(tells_of_adjustment(text) for text in _notes(filing, row.shares_owned_following))


@lru_cache(maxsize=4096)
def _plan_account(words: str) -> bool:
    return PLAN_ACCOUNT.search(words) is not None


def _change(row):
    """The signed change a transaction row makes, None when it cannot be told; 0 for a holding."""
    if not hasattr(row, "acquired_disposed"):
        return 0
    shares, direction = row.shares.value, row_direction(row)
    if shares is None or direction not in ("A", "D"):
        return None
    return shares if direction == "A" else -shares


def _order(document):
    filing = document.filing
    return (filing.period_of_report.value or date.max, filing.metadata.filing_date or date.max,
            filing.metadata.accession_number or "", document.split or 0, document.path)


@dataclass(frozen=True, slots=True)
class Carried:
    """One security's balance in one filing, as X001 chains it: its first row (where the chain
    is checked) and its last (what the next filing must start from), with what X001 asks of each."""

    key: tuple
    pointer: str  # the first row
    change: object  # the signed change of the first row, None when it cannot be told
    first_owned: object
    title: str | None
    held: str  # "D", or "I"
    nature: str | None
    first_moves: bool  # the first row's holding moves without a report (_moves_unreported)
    last_owned: object
    last_moves: bool  # the same of the last row


@dataclass(slots=True)
class FilingSummary:
    """What T004, X001 and X002 need of one filing, made where the filing was read: the filing
    without its tables, the balances X001 carries, X002's outline and a digest of the content,
    the part of a split report it says it is, and the positions of the values these rules may
    report."""

    path: str
    filing: object  # the Filing without tables (checking.filing_header)
    outline: tuple
    content: bytes
    carried: tuple
    split: int | None = None
    locations: dict = field(default_factory=dict)

    def locate(self, pointer: str) -> Location:
        return self.locations.get(pointer) or Location()


def summarize_filing(document) -> FilingSummary:
    """The summary T004, X001 and X002 share (one per filing for the three)."""
    from form16lint_rules.ticker import POINTER as TICKER

    filing = document.filing
    first: dict[tuple, tuple] = {}
    last: dict[tuple, object] = {}
    for key, pointer, row in _amounts(filing):
        first.setdefault(key, (pointer, row))
        last[key] = row
    carried = tuple(
        Carried(key, pointer, _change(row), row.shares_owned_following.value, row.security_title.value,
                row.ownership_key[0], row.nature_of_ownership.value, _moves_unreported(filing, row),
                last[key].shares_owned_following.value, _moves_unreported(filing, last[key]))
        for key, (pointer, row) in first.items())
    pointers = ["", TICKER] + [item.pointer + "/sharesOwnedFollowing" for item in carried]
    return FilingSummary(path=document.path, filing=filing_header(filing), outline=_outline(filing),
                         content=_content(filing), carried=carried, split=split_part(filing),
                         locations={pointer: document.locate(pointer) for pointer in pointers})


class CarriedBalanceMismatch(CollectionRule):
    """The first amount owned in a filing does not follow from the filing before it.

    ## What it checks
    Among the filings checked together, for one reporting person (or group of joint filers),
    one issuer, one security and one ownership (direct, or indirect with its nature; in Table
    II also the exercise price, expiration date and underlying security), the filings are put
    in order of period of report (then filing date, accession number, and the part a report
    split across several Form 4s says it is). The first amount owned following a transaction in the later
    filing must equal the last amount owned in the filing before it, plus the shares of that
    first row if acquired (A) or minus them if disposed (D); a holding row must equal it.
    Amendments (which restate, not continue), rows reported by value and filings without a
    period of report are left out. Holdings whose nature only points to a footnote ("See
    footnote") are told apart by the text of the footnotes on their ownership columns.

    Accepted variants: figures equal to the precision they are reported in (fractional shares
    rounded); accounts that change without a report (401(k), profit-sharing, ESOP and savings
    plans, employee stock purchase plans, dividend reinvestment, units accruing dividend
    equivalents), and amounts whose footnote tells of an adjustment (shares the amount
    includes, a transfer, a split, a Rule 16a-13 change in the form of ownership); filings of
    one period that carry in the other order (the batch does not say which was filed first);
    and a chain that would hold fewer than zero shares, which is two securities under one title.
    Table II rows with neither exercise price nor expiration date (restricted stock units, say)
    are not carried: one grant cannot be told from another.

    A break is a warning where it is the only one among the person's filings for the issuer.
    Where the filings break between two or more pairs of filings, the batch is evidently not the
    person's complete series (filings are missing from it), and each break is reported as info.

    ## Why it matters
    Column 5 of Table I (column 9 of Table II) states what the person owns after each
    reported transaction (Form 4 and Form 5 instructions); the figures of successive reports
    form one running balance. A break means a transaction that was never reported (a Section
    16(a) violation to be disclosed under Item 405 of Regulation S-K), a split not carried
    through, or a mistyped figure. A filing missing from the batch also breaks the chain, so
    this is a warning at most.

    ## Failing example
    Filing 1:

    ```xml
    <nonDerivativeTransaction>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>900</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```

    Filing 2:

    ```xml
    <periodOfReport>2024-04-01</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2024-04-01</value></transactionDate>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>700</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2024-04-02</signatureDate></ownerSignature>
    ```

    ## Passing example
    Filing 1:

    ```xml
    <nonDerivativeTransaction>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>900</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```

    Filing 2:

    ```xml
    <periodOfReport>2024-04-01</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2024-04-01</value></transactionDate>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>800</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2024-04-02</signatureDate></ownerSignature>
    ```
    """

    code = "X001"
    name = "carried-balance-mismatch"
    severity = Severity.WARNING
    reads = ALL_TABLES

    summarize = staticmethod(summarize_filing)

    def check(self, documents, options):
        issuers = issuer_keys(documents)
        repeated = {id(document) for document, _, _ in duplicates(documents)}  # X002's finding
        chains: dict[tuple, list] = {}
        for document in sorted(documents, key=_order):
            filing = document.filing
            owners = _owners_key(filing)
            if filing.is_amendment or owners is None or id(document) not in issuers \
                    or id(document) in repeated or filing.period_of_report.value is None:
                continue
            for item in document.carried:
                chains.setdefault((owners, issuers[id(document)], item.key), []).append((document, item))
        breaks: dict[tuple, list] = {}  # (owners, issuer) -> [(before, after, pointer, message)]
        for (owners, issuer, key), chain in chains.items():
            for (before, previous), (after, row) in zip(chain, chain[1:]):
                change = row.change
                if change is None:
                    continue
                carried = previous.last_owned
                expected, reported = carried + change, row.first_owned
                if abs(expected - reported) <= last_place(carried, change, reported):
                    continue  # equal, to the precision the figures are reported in
                if expected < 0:
                    continue  # more disposed of than held: two securities under one title, not one chain
                if previous.last_moves or row.first_moves:
                    continue
                if before.filing.period_of_report.value == after.filing.period_of_report.value and \
                        _carries(row, previous):
                    continue  # filings of one day, whose order the batch does not tell: the other order carries
                how = (f"{figure(carried)} + {figure(change)} acquired = {figure(expected)}" if change > 0 else
                       f"{figure(carried)} - {figure(-change)} disposed = {figure(expected)}" if change else
                       f"{figure(carried)}, as a holding row reports no change")
                held = "held directly" if row.held == "D" else \
                    f"held indirectly ({row.nature or 'nature not given'})"
                field = row.pointer + "/sharesOwnedFollowing"
                breaks.setdefault((owners, issuer), []).append((before, after, field, (
                    "{field} is {reported:figure} {title} {held}, but the filing before it for the same person and "
                    "issuer ({path}, period {period}) ended with {carried:figure}; expected {how}. An unreported "
                    "transaction, a split or a filing missing from this batch would explain it"), {
                    "field": describe(field, after.filing.document_type), "reported": reported,
                    "title": row.title, "held": held, "path": before.path,
                    "period": before.filing.period_of_report.value, "carried": carried, "how": how,
                    "expected": expected}))
        identity = ("reported", "carried", "expected")
        for found in breaks.values():
            links = {(id(before), id(after)) for before, after, *_ in found}
            for before, after, field, template, arguments in found:
                if len(links) < 2:
                    yield after, Violation(field, template, arguments=arguments, identity=identity)
                else:  # the batch is evidently not this person's complete series
                    yield after, Violation(field, template + (
                        ". This person's filings for this issuer break between {pairs} pairs of filings in this "
                        "batch, which is therefore not their complete series: look for the missing filings first"),
                        severity=Severity.INFO, arguments={**arguments, "pairs": len(links)}, identity=identity)


def _carries(after, before) -> bool:
    """Whether the other order carries: the later filing's last amount, then the earlier filing's
    first row (both Carried items of one security)."""
    change = before.change
    if change is None:
        return False
    carried, reported = after.last_owned, before.first_owned
    return abs(carried + change - reported) <= last_place(carried, change, reported)


def _content(filing) -> bytes:
    """A digest of the filing's whole model, EDGAR's metadata aside: equal for equal models
    (an XML and the JSON made from it), whatever format each was read from."""
    return hashlib.sha256(repr(replace(filing, metadata=FilingMetadata())).encode()).digest()


def _outline(filing) -> tuple:
    """A cheap key that two identical filings share; the full content is compared only within it."""
    return (filing.document_type, filing.issuer.cik, filing.issuer.name, filing.period_of_report.value,
            _owners_key(filing),
            len(filing.non_derivative_transactions), len(filing.derivative_transactions),
            len(filing.non_derivative_holdings), len(filing.derivative_holdings), len(filing.footnotes))


def duplicates(documents) -> list:
    """(document, the earlier document it repeats, why) for every repeated filing; X001 and X002
    both ask, and share one answer for the run."""
    if isinstance(documents, CheckedDocuments):
        return documents.shared(_find_duplicates)
    return _find_duplicates(documents)


def _find_duplicates(documents) -> list:
    """Accession numbers are compared across the run; contents (their digests) only among filings
    that share an outline."""
    found = []
    by_accession: dict[str, object] = {}
    # outline -> {content: the first filing with it}; a filing alone in its outline is kept under None
    by_outline: dict[tuple, dict[str | None, object]] = {}
    for document in documents:
        accession = document.filing.metadata.accession_number
        first = by_accession.get(accession) if accession else None
        reason = f"the same accession number {accession}"
        alike = by_outline.setdefault(document.outline, {})
        content = None
        if first is None and alike:
            if None in alike:
                alone = alike.pop(None)
                alike[alone.content] = alone
            content = document.content
            first = alike.get(content)
            reason = "the same content"
        if first is not None:
            found.append((document, first, reason))
            continue
        if accession:
            by_accession[accession] = document
        alike[content] = document
    return found


class DuplicateFiling(CollectionRule):
    """The same filing appears twice among the filings checked.

    ## What it checks
    Two inputs of one run with the same EDGAR accession number, or with the same content
    (the same filing model, whatever format each was read from: an XML and the JSON made from
    it are one filing). The second and later copies are reported, naming the first.

    Accepted variants: an amendment and the filing it amends (other accession number, other
    content) are two filings; the same filing in two formats is one filing and is reported.

    ## Why it matters
    A batch with one filing twice double-counts it: its transactions appear twice in any
    review, and rules across filings (T004, X001) compare it with itself. Usually a file was
    copied or downloaded twice. EDGAR gives each submission one accession number (Regulation
    S-T, Rule 11), so two files with one number are one filing.

    ## Failing example
    Filing 1:

    ```xml
    <documentType>4</documentType>
    ```

    Filing 2:

    ```xml
    <documentType>4</documentType>
    ```

    ## Passing example
    Filing 1:

    ```xml
    <documentType>4</documentType>
    ```

    Filing 2:

    ```xml
    <periodOfReport>2024-04-01</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2024-04-01</value></transactionDate>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>800</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    <ownerSignature><signatureDate>2024-04-02</signatureDate></ownerSignature>
    ```
    """

    code = "X002"
    name = "duplicate-filing"
    severity = Severity.INFO
    summarize = staticmethod(summarize_filing)

    def check(self, documents, options):
        for document, first, reason in duplicates(documents):
            filing = document.filing
            yield document, Violation("", "this is the same filing as {path} ({reason}): Form {document_type} "
                                          "of {issuer}, period {period_of_report}. Remove one copy from the "
                                          "batch; if this was meant to be a different filing, the wrong file "
                                          "was saved",
                                      arguments={"path": first.path, "reason": reason,
                                                 "document_type": filing.document_type or '?',
                                                 "issuer": describe_issuer(filing),
                                                 "period_of_report": filing.period_of_report.value or '?'},
                                      identity=("document_type", "period_of_report"))
