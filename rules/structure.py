"""S — structure: what EDGAR itself requires of an ownership document."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from form16lint.fieldnames import column, describe
from form16lint.findings import Severity, Violation
from form16lint.model import ALL_TABLES, Value
from form16lint.rule import FilingRule

from ._walk import walked

KNOWN_SCHEMA_VERSIONS = frozenset({
    "X0101", "X0201", "X0202", "X0203", "X0204", "X0205", "X0206",
    "X0301", "X0302", "X0303", "X0304", "X0305", "X0306", "X0407", "X0508", "X0609",
})
FIRST_10B5_1_SCHEMA = "X0407"
MAX_DECIMAL = Decimal("999999999999.9999")

# EDGAR's string maxima (Technical Specification; ownershipDocumentCommon.xsd), keyed by the last
# part of the pointer.
STRING_LIMITS = {
    "issuer/name": 150, "reportingOwners/*/name": 150, "issuer/tradingSymbol": 10,
    "securityTitle": 60, "underlyingTitle": 60, "natureOfOwnership": 100,
    "relationship/officerTitle": 30, "relationship/otherText": 30,
    "address/street1": 40, "address/street2": 40, "address/city": 30,
    "footnotes/*/text": 1000, "remarks": 2000, "signatures/*/name": 255,
}
SHORTEST_LIMIT = min(STRING_LIMITS.values())  # a string no longer than this is within every limit


_DIGITS = re.compile(r"/\d+(?=/|$)")


@lru_cache(maxsize=None)
def _limit_for_shape(shape: str) -> int | None:
    parts = shape.strip("/").split("/")
    for width in (3, 2, 1):
        generic = "/".join(parts[-width:])
        if generic in STRING_LIMITS:
            return STRING_LIMITS[generic]
    return None


def _limit_for(pointer: str) -> int | None:
    return _limit_for_shape(_DIGITS.sub("/*", pointer))


class SchemaViolation(FilingRule):
    """Extracted or canonical JSON does not follow the filing schema.

    ## What it checks
    JSON input (form16lint's canonical JSON, or JSON another tool extracted) is validated
    against `schemas/filing.schema.json` (JSON Schema 2020-12). Each violation is reported at
    its JSON pointer. The reader reports it; the other rules still run on what could be read.

    ## Why it matters
    The canonical JSON is the contract between form16lint and the tools around it. A value of
    the wrong type (an amount written as `"1,000"`, a date as `"4/6/04"`) would reach EDGAR as
    a malformed element and get the submission suspended (EDGAR Ownership XML Technical
    Specification, ch. 4).

    ## Failing example
    ```json
    {"documentType": "4", "periodOfReport": {"value": "04/06/2004"}}
    ```

    ## Passing example
    ```json
    {"documentType": "4", "periodOfReport": {"value": "2004-04-06"}}
    ```
    """

    code = "S001"
    name = "schema-violation"
    severity = Severity.ERROR

    def check(self, filing, context):
        return ()  # reported by the JSON reader, which has the document before the model


class RequiredElementMissing(FilingRule):
    """A required element is missing.

    ## What it checks
    The document type, period of report, issuer CIK and ticker, at least one reporting owner
    with a CIK and a relationship, the signature name and date, and on an amendment the date of
    the original submission. Each transaction needs its form type, code and equity-swap flag.
    The printed form (PDF and text input) carries no CIKs and no swap flag: there the issuer's
    and owners' names are required instead, and a missing CIK is no finding.

    Accepted variants: on PDF and text input, names in place of CIKs and no swap flag (see
    above); a schemaVersion is not required.

    ## Why it matters
    EDGAR rejects an ownership document without these elements (Technical Specification,
    ch. 4; Rule 16a-3 and the General Instructions of Forms 3, 4 and 5 require the signature and
    its date). An amendment that does not name the original filing's date cannot be matched to
    it.

    ## Failing example
    ```xml
    <documentType>4/A</documentType>
    <periodOfReport>2024-03-01</periodOfReport>
    <!-- no dateOfOriginalSubmission -->
    ```

    ## Passing example
    ```xml
    <documentType>4/A</documentType>
    <periodOfReport>2024-03-01</periodOfReport>
    <dateOfOriginalSubmission>2024-03-05</dateOfOriginalSubmission>
    ```
    """

    code = "S002"
    name = "required-element-missing"
    severity = Severity.ERROR

    def check(self, filing, context):
        printed = context.extracted
        if not filing.document_type:
            yield Violation("/documentType", "the form type (documentType: 3, 4, 5 or an amendment) is missing")
        if not filing.period_of_report.present:
            yield Violation("/periodOfReport", f"the period of report ({describe('/periodOfReport')}) is missing")
        issuer = filing.issuer
        if printed:
            if not issuer.name:
                yield Violation("/issuer/name", f"{describe('/issuer/name')} is missing")
        elif not issuer.cik:
            yield Violation("/issuer/cik", "the issuer CIK is missing; EDGAR identifies the issuer by it")
        if not issuer.trading_symbol:
            yield Violation("/issuer/tradingSymbol", f"{describe('/issuer/tradingSymbol')} is missing; "
                                                     "write NONE when the issuer has no listed class")
        if not filing.reporting_owners:
            yield Violation("/reportingOwners", "no reporting person is named (box 1)")
        for index, owner in enumerate(filing.reporting_owners):
            pointer = f"/reportingOwners/{index}"
            if printed and not owner.name:
                yield Violation(pointer + "/name", f"reporting person {index + 1} has no name (box 1)")
            if not printed and not owner.cik:
                yield Violation(pointer + "/cik", f"reporting person {index + 1} has no CIK")
            if not owner.relationship.any_given:
                yield Violation(pointer + "/relationship",
                                f"{describe(pointer + '/relationship')} is not given: none of Director, Officer, "
                                "10% Owner and Other is marked; check each that applies")
        if not filing.signatures:
            yield Violation("/signatures", "the filing is not signed: no signature name and date")
        for index, signature in enumerate(filing.signatures):
            if not signature.name:
                yield Violation(f"/signatures/{index}/name", f"signature {index + 1} has no name")
            if not signature.date.present:
                yield Violation(f"/signatures/{index}/date", f"signature {index + 1} has no date")
        if filing.is_amendment and not filing.date_of_original_submission.present:
            yield Violation("/dateOfOriginalSubmission",
                            f"this is an amendment (Form {filing.document_type}) but "
                            f"{describe('/dateOfOriginalSubmission')} is empty; give the date the original "
                            f"Form {filing.base_form} was filed")
        for pointer, row in filing.transactions():
            if not printed and not row.form_type:
                yield Violation(pointer + "/formType", f"{describe(pointer)} has no transaction form type (4 or 5)")
            if not row.code:
                yield Violation(pointer + "/code", f"{describe(pointer)} has no transaction code")
            if not printed and not row.equity_swap_involved.present:
                yield Violation(pointer + "/equitySwapInvolved",
                                f"{describe(pointer)} has no equity swap flag (0 or 1)")


class MalformedValue(FilingRule):
    """A value is malformed: not a real date, not a number, not a boolean, not a valid code.

    ## What it checks
    Dates must be real calendar dates, amounts and prices numbers, flags 0/1/true/false,
    acquired/disposed `A` or `D`, and the ownership form `D` (direct) or `I` (indirect). In EDGAR
    XML and form16lint JSON no amount or price may be negative (the schema's minimum is 0); on a
    PDF or extracted text, where a minus sign may be misread, B002 warns instead.

    Accepted variants: flags written 0, 1, true or false; on PDF and text input a negative
    figure is B002's warning, not this error.

    ## Why it matters
    EDGAR validates every element against its XML schema and suspends a submission with a
    malformed value (Technical Specification, ch. 4). On the printed form, an unreadable date or
    amount makes the report misleading under Section 16(a).

    ## Failing example
    ```xml
    <transactionDate><value>2023-02-30</value></transactionDate>
    <transactionAcquiredDisposedCode><value>B</value></transactionAcquiredDisposedCode>
    ```

    ## Passing example
    ```xml
    <transactionDate><value>2023-02-28</value></transactionDate>
    <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
    ```
    """

    code = "S003"
    name = "malformed-value"
    severity = Severity.ERROR

    KINDS = {"date": "a real date", "decimal": "a number", "bool": "0, 1, true or false"}

    def check(self, filing, context):
        for pointer, leaf in walked(filing, context).leaves:
            if not isinstance(leaf, Value):
                continue
            if leaf.malformed:
                yield Violation(pointer, f"{describe(pointer)}: {leaf.raw!r} is not {self._expected(pointer)}")
            elif pointer.endswith("/acquiredDisposed") and leaf.value and leaf.value not in ("A", "D"):
                yield Violation(pointer, f"{describe(pointer)}: {leaf.value!r} is neither A (acquired) nor D "
                                         "(disposed)")
            elif pointer.endswith("/directOrIndirect") and leaf.value and leaf.value not in ("D", "I"):
                yield Violation(pointer, f"{describe(pointer)}: {leaf.value!r} is neither D (direct) nor I "
                                         "(indirect)")
            elif isinstance(leaf.value, Decimal) and leaf.value < 0 and not context.extracted:
                yield Violation(pointer, f"{describe(pointer)}: {leaf.value} is negative; EDGAR's schema allows no "
                                         "amount or price below 0 (the direction goes in the (A) or (D) column)")

    @staticmethod
    def _expected(pointer: str) -> str:
        last = pointer.rsplit("/", 1)[-1]
        if last.endswith("Date") or last == "periodOfReport" or last == "date":
            return "a real date (YYYY-MM-DD)"
        if last.startswith(("is", "not", "form3", "form4", "noSec", "aff", "equity", "joint")):
            return "a boolean (0, 1, true or false)"
        return "a number"


class SchemaVersion(FilingRule):
    """Unknown schemaVersion, or the Rule 10b5-1 checkbox under a schema that predates it.

    ## What it checks
    A `schemaVersion` that EDGAR never published, and `aff10b5One` (the Rule 10b5-1 checkbox)
    in a document whose schema version is older than X0407. A present, known schemaVersion is
    no finding: EDGAR inserts it.

    Accepted variants: a missing schemaVersion (EDGAR inserts it) and every version EDGAR
    published.

    ## Why it matters
    EDGAR release 23.1 (March 2023) added the Rule 10b5-1 checkbox of Release 33-11138 as a
    breaking change of the ownership schema (X0407). A document that carries the checkbox under
    an older version was produced by software that does not know the schema it claims.

    ## Failing example
    ```xml
    <schemaVersion>X0306</schemaVersion>
    <aff10b5One>1</aff10b5One>
    ```

    ## Passing example
    ```xml
    <schemaVersion>X0508</schemaVersion>
    <aff10b5One>1</aff10b5One>
    ```
    """

    code = "S004"
    name = "schema-version"
    severity = Severity.WARNING

    def check(self, filing, context):
        version = filing.schema_version
        if version is None:
            return
        if version not in KNOWN_SCHEMA_VERSIONS:
            yield Violation("/schemaVersion", f"schemaVersion {version!r} is not an EDGAR ownership schema "
                                              f"version (known: {', '.join(sorted(KNOWN_SCHEMA_VERSIONS))})")
        elif filing.aff10b5_one.present and version < FIRST_10B5_1_SCHEMA:
            yield Violation("/aff10b5One", f"the Rule 10b5-1 checkbox (aff10b5One) appears under schema "
                                           f"{version}, which predates it; the checkbox came with {FIRST_10B5_1_SCHEMA} "
                                           "(EDGAR 23.1, March 2023)")


class WrongShapeForForm(FilingRule):
    """The document's shape does not fit its form.

    ## What it checks
    A Form 3 with transaction rows; a Form 4 or 5 (or amendment) with no transactions and no
    holdings while not marked "no longer subject to Section 16"; a date of original submission
    on a filing that is not an amendment (errors). The Form 5 flags EDGAR computes ("Form 3
    holdings reported", "Form 4 transactions reported") and Form 3's "no securities owned"
    flag when they disagree with the tables (warnings).

    Accepted variants: a Form 4 or 5 without rows that is marked "no longer subject to
    Section 16"; the flags EDGAR computes disagreeing with the tables are warnings, not
    errors.

    ## Why it matters
    Form 3 reports holdings on becoming an insider; it has no transactions (Form 3 General
    Instructions). A Form 4 or 5 reports changes (Rule 16a-3(a), (f)); one with nothing in it
    says nothing. EDGAR derives the Form 5 flags from the tables, so a disagreement means the
    document was assembled by hand or by faulty software.

    ## Failing example
    ```xml
    <documentType>3</documentType>
    <nonDerivativeTable><nonDerivativeTransaction>…</nonDerivativeTransaction></nonDerivativeTable>
    ```

    ## Passing example
    ```xml
    <documentType>3</documentType>
    <nonDerivativeTable><nonDerivativeHolding>…</nonDerivativeHolding></nonDerivativeTable>
    ```
    """

    code = "S005"
    name = "wrong-shape-for-form"
    severity = Severity.ERROR
    reads = ("/noSecuritiesOwned", "/form3HoldingsReported", "/form4TransactionsReported", *ALL_TABLES)

    def check(self, filing, context):
        form = filing.base_form
        transactions = filing.non_derivative_transactions + filing.derivative_transactions
        holdings = filing.non_derivative_holdings + filing.derivative_holdings
        if form == "3" and transactions:
            first = next(filing.transactions())[0]
            yield Violation(first, f"a Form 3 reports holdings only, but this one has {len(transactions)} "
                                   "transaction row(s); report transactions on Form 4 or 5")
        if form in ("4", "5") and not transactions and not holdings and not filing.not_subject_to_section16.value:
            yield Violation("", f"this Form {filing.document_type} reports no transactions and no holdings, and "
                                "is not marked 'no longer subject to Section 16'")
        if not filing.is_amendment and filing.date_of_original_submission.present:
            yield Violation("/dateOfOriginalSubmission",
                            f"{describe('/dateOfOriginalSubmission')} is filled in, but Form "
                            f"{filing.document_type} is not an amendment; only a /A form names the original it amends")
        if form == "5":
            yield from self._form5_flags(filing, transactions, holdings)
        if form == "3":
            flag = filing.no_securities_owned
            if flag.value and holdings:
                yield Violation("/noSecuritiesOwned", f"'no securities beneficially owned' is checked, but the tables "
                                                      f"list {len(holdings)} holding(s)", Severity.WARNING)
            elif not flag.value and not holdings and context.source_format != "pdf":
                yield Violation("/noSecuritiesOwned", "the tables list no holdings and 'no securities beneficially "
                                                      "owned' is not checked; a Form 3 must say one or the other",
                                Severity.WARNING)

    @staticmethod
    def _form5_flags(filing, transactions, holdings):
        checks = (
            ("/form3HoldingsReported", filing.form3_holdings_reported, "Form 3 holdings reported",
             any(row.form_type == "3" for row in holdings), "holding with transaction form type 3"),
            ("/form4TransactionsReported", filing.form4_transactions_reported, "Form 4 transactions reported",
             any(row.form_type == "4" for row in transactions + holdings), "row with transaction form type 4"),
        )
        for pointer, flag, label, actual, what in checks:
            if flag.value is None:
                continue
            if flag.value != actual:
                state = "checked" if flag.value else "not checked"
                found = "there is a" if actual else "there is no"
                yield Violation(pointer, f"'{label}' is {state}, but {found} {what} in the tables",
                                Severity.WARNING)


class EdgarLimitExceeded(FilingRule):
    """Over an EDGAR limit: too many owners, rows, footnotes or signatures; a string or number too long.

    ## What it checks
    More than 10 reporting owners, more than 30 rows in one table or 60 across both, more than 99
    footnotes, more than 10 signatures; a string over its maximum (issuer and owner name 150,
    ticker 10, security title 60, nature of ownership 100, officer title and other text 30,
    street 40, city 30, footnote 1000, remarks 2000, signature name 255); a number with more
    than 4 decimal places or over 999,999,999,999.9999.

    Accepted variants: none: these are EDGAR's own limits (Technical Specification, ch. 4).

    ## Why it matters
    These are the limits of the EDGAR ownership schema (Technical Specification, ch. 4 and
    ownershipDocumentCommon.xsd). EDGAR suspends a submission that exceeds them, and a
    suspended Form 4 is not filed: the two-business-day deadline keeps running.

    ## Failing example
    ```xml
    <officerTitle>Executive Vice President, Global Operations</officerTitle>
    ```

    ## Passing example
    ```xml
    <officerTitle>EVP, Global Operations</officerTitle>
    ```
    """

    code = "S006"
    name = "edgar-limit-exceeded"
    severity = Severity.ERROR

    def check(self, filing, context):
        counts = (
            ("/reportingOwners", len(filing.reporting_owners), 10, "reporting owners"),
            ("/footnotes", len(filing.footnotes), 99, "footnotes"),
            ("/signatures", len(filing.signatures), 10, "signatures"),
        )
        for pointer, count, limit, what in counts:
            if count > limit:
                yield Violation(pointer, f"{count} {what}; EDGAR accepts at most {limit}")
        table1 = len(filing.non_derivative_transactions) + len(filing.non_derivative_holdings)
        table2 = len(filing.derivative_transactions) + len(filing.derivative_holdings)
        for pointer, count, label in (("/nonDerivativeTransactions", table1, "Table I"),
                                      ("/derivativeTransactions", table2, "Table II")):
            if count > 30:
                yield Violation(pointer, f"{label} has {count} rows; EDGAR accepts at most 30 in one table")
        if table1 + table2 > 60 and table1 <= 30 and table2 <= 30:
            yield Violation("", f"the tables have {table1 + table2} rows together; EDGAR accepts at most 60")
        for pointer, leaf in walked(filing, context).leaves:
            value = leaf.value if isinstance(leaf, Value) else leaf
            if isinstance(value, str):
                if len(value) <= SHORTEST_LIMIT:
                    continue
                limit = _limit_for(pointer)
                if limit and len(value) > limit:
                    yield Violation(pointer, f"{describe(pointer)} is {len(value)} characters long; EDGAR "
                                             f"accepts at most {limit}: {value[:40]!r}…")
            elif isinstance(value, Decimal):
                exponent = value.as_tuple().exponent
                if isinstance(exponent, int) and exponent < -4:
                    yield Violation(pointer, f"{describe(pointer)} is {value}, with {-exponent} decimal places; "
                                             "EDGAR accepts at most 4")
                elif abs(value) > MAX_DECIMAL:
                    yield Violation(pointer, f"{describe(pointer)} is {value}, over EDGAR's maximum of "
                                             "999,999,999,999.9999")


class OwnershipNatureMismatch(FilingRule):
    """Direct ownership with a nature of indirect ownership, or indirect ownership without one.

    ## What it checks
    The ownership form, D or I (Table I column 6, Table II column 10; columns 3 and 5 on Form 3)
    against the nature of indirect beneficial ownership (columns 7 and 11; 4 and 6 on Form 3) on
    every row.

    Accepted variants: a nature of indirect ownership given only as a footnote.

    ## Why it matters
    Instruction 5(b)(iv) of Forms 4 and 5 asks for the nature of every indirect holding (for
    example "By spouse", "By trust"), and EDGAR requires it when the form is I. A nature on a
    direct holding suggests the row was meant to be indirect, and then it is counted in the
    wrong balance.

    ## Failing example
    ```xml
    <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
    <!-- no natureOfOwnership -->
    ```

    ## Passing example
    ```xml
    <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
    <natureOfOwnership><value>By Family Trust</value></natureOfOwnership>
    ```
    """

    code = "S007"
    name = "ownership-nature-mismatch"
    severity = Severity.ERROR

    def check(self, filing, context):
        for pointer, row in filing.rows():
            kind = row.direct_or_indirect.value
            nature = row.nature_of_ownership
            if kind == "D" and nature.value:
                yield Violation(pointer + "/natureOfOwnership",
                                f"{describe(pointer)} is held directly (D) but gives a nature of indirect "
                                f"ownership ({nature.value!r}); either mark it I or clear "
                                f"{column(pointer + '/natureOfOwnership')}")
            elif kind == "I" and not nature.present:
                yield Violation(pointer + "/natureOfOwnership",
                                f"{describe(pointer)} is held indirectly (I) but does not say how "
                                f"({column(pointer + '/natureOfOwnership')}, e.g. 'By spouse', 'By trust')")


class ExactlyOneOfPair(FilingRule):
    """Not exactly one of a pair: shares or value.

    ## What it checks
    A derivative transaction gives its number of securities or its total value, not both and
    not neither; the underlying security gives shares or value, not both; every row gives the
    amount or the value owned following the transaction, not both and not neither.

    Accepted variants: none: EDGAR's schema takes exactly one of each pair.

    ## Why it matters
    The EDGAR schema makes each pair a choice (Technical Specification, ch. 4): value-based
    reporting (for interests that are not counted in shares) replaces the share count, it does
    not add to it. With both or neither, EDGAR rejects the document.

    ## Failing example
    ```xml
    <postTransactionAmounts>
      <sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
      <valueOwnedFollowingTransaction><value>25000</value></valueOwnedFollowingTransaction>
    </postTransactionAmounts>
    ```

    ## Passing example
    ```xml
    <postTransactionAmounts>
      <sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
    </postTransactionAmounts>
    ```
    """

    code = "S008"
    name = "exactly-one-of-pair"
    severity = Severity.ERROR

    def check(self, filing, context):
        for pointer, row in filing.rows():
            shares, value = row.shares_owned_following.present, row.value_owned_following.present
            form3_derivative = filing.base_form == "3" and pointer.startswith("/derivativeHoldings")
            if shares and value:
                yield Violation(pointer + "/sharesOwnedFollowing",
                                f"{describe(pointer)} gives both the amount and the value owned following the "
                                "transaction; give exactly one")
            elif not shares and not value and not form3_derivative:  # Form 3 options: column 3 is the holding
                yield Violation(pointer + "/sharesOwnedFollowing",
                                f"{describe(pointer)} gives neither the amount nor the value owned following the "
                                "transaction; give exactly one")
            if hasattr(row, "total_value") and hasattr(row, "shares"):
                count, total = row.shares.present, row.total_value.present
                if count == total:
                    state = "both" if count else "neither"
                    joint = "and" if count else "nor"
                    yield Violation(pointer + "/shares",
                                    f"{describe(pointer)} gives {state} the number of derivative securities "
                                    f"{joint} their value ({column(pointer + '/shares')}); give exactly one")
            if hasattr(row, "underlying_shares") and row.underlying_shares.present and row.underlying_value.present:
                yield Violation(pointer + "/underlyingShares",
                                f"{describe(pointer)} gives both the amount and the value of the underlying "
                                f"securities ({column(pointer + '/underlyingShares')}); give one")


class ValueOrFootnoteRequired(FilingRule):
    """A value EDGAR requires as a value or a footnote has neither.

    ## What it checks
    The price per share of a transaction, the conversion or exercise price, the date
    exercisable and the expiration date of a derivative, and the amount (or value) of the
    underlying securities. Each may be a value or a footnote explaining its absence.

    Accepted variants: a footnote in place of the value, explaining why there is none.

    ## Why it matters
    The EDGAR schema lets these be footnotes instead of values (for example "Exercisable in
    four annual installments" for a date exercisable) but not be absent (Technical
    Specification, ch. 4). An absent price hides the economics Section 16(a) exists to disclose.

    ## Failing example
    ```xml
    <exerciseDate></exerciseDate>
    ```

    ## Passing example
    ```xml
    <exerciseDate><footnoteId id="F1"/></exerciseDate>
    ```
    """

    code = "S009"
    name = "value-or-footnote-required"
    severity = Severity.ERROR

    def check(self, filing, context):
        for pointer, row in filing.rows():
            needed = []
            if hasattr(row, "price_per_share"):
                needed.append(("pricePerShare", row.price_per_share))
            if hasattr(row, "conversion_or_exercise_price"):
                needed += [("conversionOrExercisePrice", row.conversion_or_exercise_price),
                           ("exerciseDate", row.exercise_date), ("expirationDate", row.expiration_date)]
                if not row.underlying_shares.present and not row.underlying_value.present:
                    needed.append(("underlyingShares", row.underlying_shares))
            for key, value in needed:
                if not value.present:
                    yield Violation(f"{pointer}/{key}",
                                    f"{describe(pointer)}: {describe(f'{pointer}/{key}').split(', ')[-1]} "
                                    "has neither a value nor a footnote explaining it")


class DuplicateReportingOwner(FilingRule):
    """The same reporting owner CIK appears twice.

    ## What it checks
    Two reporting owners of one filing with the same CIK.

    Accepted variants: none: each reporting person is listed once.

    ## Why it matters
    A joint filing names each reporting person once (General Instruction 4(b)(v) of Forms 4 and
    5); EDGAR rejects a document that lists one CIK twice.

    ## Failing example
    ```xml
    <reportingOwner><reportingOwnerId><rptOwnerCik>0001234567</rptOwnerCik></reportingOwnerId>…</reportingOwner>
    <reportingOwner><reportingOwnerId><rptOwnerCik>0001234567</rptOwnerCik></reportingOwnerId>…</reportingOwner>
    ```

    ## Passing example
    ```xml
    <reportingOwner><reportingOwnerId><rptOwnerCik>0001234567</rptOwnerCik></reportingOwnerId>…</reportingOwner>
    <reportingOwner><reportingOwnerId><rptOwnerCik>0007654321</rptOwnerCik></reportingOwnerId>…</reportingOwner>
    ```
    """

    code = "S010"
    name = "duplicate-reporting-owner"
    severity = Severity.ERROR
    reads = ("/reportingOwners",)

    def check(self, filing, context):
        seen: dict[str, int] = {}
        for index, owner in enumerate(filing.reporting_owners):
            if not owner.cik:
                continue
            key = owner.cik.lstrip("0")
            if key in seen:
                yield Violation(f"/reportingOwners/{index}/cik",
                                f"reporting person {index + 1} has CIK {owner.cik}, the same as reporting "
                                f"person {seen[key] + 1}; list each person once")
            else:
                seen[key] = index


class CodingNotAllowedForForm(FilingRule):
    """Timeliness or transaction form type not allowed for the form.

    ## What it checks
    Transactions carry form type 4 or 5. On a Form 4 a form-type-5 transaction is early by
    definition: its timeliness may be left blank or given as E, nothing else; on a Form 5
    timeliness may only be late (L). Holdings on Forms 3 and 4 carry no coding.

    Accepted variants: a form-type-5 transaction on a Form 4 with blank timeliness (the EDGAR
    Technical Specification, section 4.3.8.2, lets a filer leave it empty or set E).

    ## Why it matters
    Rule 16a-3(f) and the Form 4 and 5 instructions let a Form 5 transaction be reported early on
    a Form 4 (marked E) and a Form 4 transaction reported late on a Form 5 (marked L); no other
    combination exists, and EDGAR rejects it (Technical Specification, ch. 4).

    ## Failing example
    ```xml
    <documentType>5</documentType>
    … <transactionTimeliness><value>E</value></transactionTimeliness>
    ```

    ## Passing example
    ```xml
    <documentType>5</documentType>
    … <transactionTimeliness><value>L</value></transactionTimeliness>
    ```
    """

    code = "S011"
    name = "coding-not-allowed-for-form"
    severity = Severity.ERROR

    def check(self, filing, context):
        form = filing.base_form
        for pointer, row in filing.transactions():
            form_type = row.form_type
            timeliness = (row.timeliness.value or "").upper()
            if form_type and form_type not in ("4", "5"):
                yield Violation(pointer + "/formType", f"{describe(pointer)} has transaction form type "
                                                       f"{form_type!r}; transactions are reported as form type 4 or 5")
            if form == "4" and form_type == "5" and timeliness not in ("", "E"):
                yield Violation(pointer + "/formType", f"{describe(pointer)} is a form-type-5 transaction on a "
                                                       "Form 4 without timeliness E; a Form 5 transaction may appear "
                                                       "on Form 4 only when reported early")
            if form == "5" and timeliness and timeliness != "L":
                yield Violation(pointer + "/timeliness", f"{describe(pointer)} has timeliness {timeliness!r}; on a "
                                                         "Form 5 a transaction can only be late (L)")
            if form == "4" and timeliness and timeliness not in ("E", "L"):
                yield Violation(pointer + "/timeliness", f"{describe(pointer)} has timeliness {timeliness!r}; it "
                                                         "must be E (early) or L (late)")
        if form in ("3", "4"):
            for name, rows in filing.tables():
                if not name.endswith("Holdings"):
                    continue
                for index, row in enumerate(rows):
                    if row.form_type:
                        pointer = f"/{name}/{index}"
                        yield Violation(pointer + "/formType",
                                        f"{describe(pointer)} carries transaction form type {row.form_type}; "
                                        f"holdings on a Form {form} carry no coding")
