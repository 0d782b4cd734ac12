"""S — structure: what EDGAR itself requires of an ownership document."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from form16lint.fieldnames import column, describe
from form16lint.findings import Severity, Violation
from form16lint.model import ALL_TABLES, ROW_FORM_TYPES, Value
from form16lint.rule import FilingRule

from form16lint.rulekit.walk import walked

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
            yield Violation("/periodOfReport", "the period of report ({field}) is missing",
                            arguments={"field": describe('/periodOfReport')})
        issuer = filing.issuer
        if printed and not issuer.name:  # the printed form names the issuer instead of its CIK
            yield Violation("/issuer/name", "{field} is missing",
                            arguments={"field": describe('/issuer/name')})
        if not issuer.cik:  # not printed: the engine drops it on printed input (NOT_PRINTED)
            yield Violation("/issuer/cik", "the issuer CIK is missing; EDGAR identifies the issuer by it")
        if not issuer.trading_symbol:
            yield Violation("/issuer/tradingSymbol", "{field} is missing; write NONE when the issuer has no "
                                                     "listed class",
                            arguments={"field": describe('/issuer/tradingSymbol')})
        if not filing.reporting_owners:
            yield Violation("/reportingOwners", "no reporting person is named (box 1)")
        for index, owner in enumerate(filing.reporting_owners):
            pointer = f"/reportingOwners/{index}"
            if printed and not owner.name:
                yield Violation(pointer + "/name", "reporting person {index_number} has no name (box 1)",
                                arguments={"index_number": index + 1})
            if not owner.cik:  # not printed: the engine drops it on printed input (NOT_PRINTED)
                yield Violation(pointer + "/cik", "reporting person {index_number} has no CIK",
                                arguments={"index_number": index + 1})
            if not owner.relationship.any_given:
                yield Violation(pointer + "/relationship",
                                "{field} is not given: none of Director, Officer, 10% Owner and Other is "
                                "marked; check each that applies",
                                arguments={"field": describe(pointer + '/relationship')})
        if not filing.signatures:
            yield Violation("/signatures", "the filing is not signed: no signature name and date")
        for index, signature in enumerate(filing.signatures):
            if not signature.name:
                yield Violation(f"/signatures/{index}/name", "signature {index_number} has no name",
                                arguments={"index_number": index + 1})
            if not signature.date.present:
                yield Violation(f"/signatures/{index}/date", "signature {index_number} has no date",
                                arguments={"index_number": index + 1})
        if filing.is_amendment and not filing.date_of_original_submission.present:
            yield Violation("/dateOfOriginalSubmission",
                            "this is an amendment (Form {document_type}) but {field} is empty; give the date "
                            "the original Form {base_form} was filed",
                            arguments={"document_type": filing.document_type,
                                       "field": describe('/dateOfOriginalSubmission'), "base_form": filing.base_form})
        for pointer, row in filing.transactions():
            if not row.form_type:  # form type and swap flag are not printed (NOT_PRINTED)
                yield Violation(pointer + "/formType", "{field} has no transaction form type (4 or 5)",
                                arguments={"field": describe(pointer)})
            if not row.code:
                yield Violation(pointer + "/code", "{field} has no transaction code",
                                arguments={"field": describe(pointer)})
            if not row.equity_swap_involved.present:
                yield Violation(pointer + "/equitySwapInvolved",
                                "{field} has no equity swap flag (0 or 1)",
                                arguments={"field": describe(pointer)})


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
    <nonDerivativeTransaction>
      <transactionDate><value>2023-02-30</value></transactionDate>
      <transactionAmounts>
        <transactionAcquiredDisposedCode><value>B</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <transactionDate><value>2024-02-29</value></transactionDate>
    </nonDerivativeTransaction>
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
                yield Violation(pointer, "{field}: {leaf!r} is not {expected}",
                                arguments={"field": describe(pointer), "leaf": leaf.raw,
                                           "expected": self._expected(pointer)})
            elif pointer.endswith("/acquiredDisposed") and leaf.value and leaf.value not in ("A", "D"):
                yield Violation(pointer, "{field}: {leaf!r} is neither A (acquired) nor D (disposed)",
                                arguments={"field": describe(pointer), "leaf": leaf.value})
            elif pointer.endswith("/directOrIndirect") and leaf.value and leaf.value not in ("D", "I"):
                yield Violation(pointer, "{field}: {leaf!r} is neither D (direct) nor I (indirect)",
                                arguments={"field": describe(pointer), "leaf": leaf.value})
            elif isinstance(leaf.value, Decimal) and leaf.value < 0 and not context.extracted:
                yield Violation(pointer, "{field}: {leaf} is negative; EDGAR's schema allows no amount or "
                                         "price below 0 (the direction goes in the (A) or (D) column)",
                                arguments={"field": describe(pointer), "leaf": leaf.value})

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
            yield Violation("/schemaVersion", "schemaVersion {version!r} is not an EDGAR ownership schema "
                                              "version (known: {items})",
                            arguments={"version": version, "items": ', '.join(sorted(KNOWN_SCHEMA_VERSIONS))})
        elif filing.aff10b5_one.present and version < FIRST_10B5_1_SCHEMA:
            yield Violation("/aff10b5One", "the Rule 10b5-1 checkbox (aff10b5One) appears under schema "
                                           "{version}, which predates it; the checkbox came with "
                                           "{first_schema} (EDGAR 23.1, March 2023)",
                            arguments={"version": version, "first_schema": FIRST_10B5_1_SCHEMA})


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
            yield Violation(first, "a Form 3 reports holdings only, but this one has {transactions_count} "
                                   "transaction row(s); report transactions on Form 4 or 5",
                            arguments={"transactions_count": len(transactions)})
        if form in ("4", "5") and not transactions and not holdings and not filing.not_subject_to_section16.value:
            yield Violation("", "this Form {document_type} reports no transactions and no holdings, and is not "
                                "marked 'no longer subject to Section 16'",
                            arguments={"document_type": filing.document_type})
        if not filing.is_amendment and filing.date_of_original_submission.present:
            yield Violation("/dateOfOriginalSubmission",
                            "{field} is filled in, but Form {document_type} is not an amendment; only a /A "
                            "form names the original it amends",
                            arguments={"field": describe('/dateOfOriginalSubmission'),
                                       "document_type": filing.document_type})
        if form == "5":
            yield from self._form5_flags(filing, transactions, holdings)
        if form == "3":
            flag = filing.no_securities_owned
            if flag.value and holdings:
                yield Violation("/noSecuritiesOwned", "'no securities beneficially owned' is checked, but the "
                                                      "tables list {holdings_count} holding(s)", Severity.WARNING,
                                arguments={"holdings_count": len(holdings)})
            elif not flag.value and not holdings:  # the printed form has no such box: not run there (NOT_PRINTED)
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
                yield Violation(pointer, "'{label}' is {state}, but {found} {what} in the tables",
                                Severity.WARNING, reads=ROW_FORM_TYPES,
                                arguments={"label": label, "state": state, "found": found, "what": what},
                                identity=("state", "found"))


class EdgarLimitExceeded(FilingRule):
    """Over an EDGAR limit: too many owners, rows, footnotes or signatures; a string or number too long.

    ## What it checks
    More than 10 reporting owners, more than 30 rows in one table or 60 across both, more than 99
    footnotes, more than 10 signatures; a string over its maximum (issuer and owner name 150,
    ticker 10, security title 60, nature of ownership 100, officer title and other text 30,
    street 40, city 30, footnote 1000, remarks 2000, signature name 255); a number with more
    than 4 decimal places or over 999,999,999,999.9999.

    Accepted variants: none: these are EDGAR's own limits (Technical Specification, ch. 4). On PDF
    and text input, where box 1 prints the street as lines and not where its first line ends,
    the street is judged whole: two lines of 40.

    ## Why it matters
    These are the limits of the EDGAR ownership schema (Technical Specification, ch. 4 and
    ownershipDocumentCommon.xsd). EDGAR suspends a submission that exceeds them, and a
    suspended Form 4 is not filed: the two-business-day deadline keeps running.

    ## Failing example
    ```xml
    <reportingOwner>
      <reportingOwnerRelationship>
        <officerTitle>Executive Vice President, Global Operations</officerTitle>
      </reportingOwnerRelationship>
    </reportingOwner>
    ```

    ## Passing example
    ```xml
    <reportingOwner>
      <reportingOwnerRelationship>
        <officerTitle>EVP, Global Operations</officerTitle>
      </reportingOwnerRelationship>
    </reportingOwner>
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
                yield Violation(pointer, "{count} {what}; EDGAR accepts at most {limit}",
                                arguments={"count": count, "what": what, "limit": limit},
                                identity=("count", "limit"))
        table1 = len(filing.non_derivative_transactions) + len(filing.non_derivative_holdings)
        table2 = len(filing.derivative_transactions) + len(filing.derivative_holdings)
        for pointer, count, label in (("/nonDerivativeTransactions", table1, "Table I"),
                                      ("/derivativeTransactions", table2, "Table II")):
            if count > 30:
                yield Violation(pointer, "{label} has {count} rows; EDGAR accepts at most 30 in one table",
                                arguments={"label": label, "count": count},
                                identity=("count",))
        if table1 + table2 > 60 and table1 <= 30 and table2 <= 30:
            yield Violation("", "the tables have {rows} rows together; EDGAR accepts at most 60",
                            arguments={"rows": table1 + table2})
        printed = context.extracted
        if printed:  # the printed box 1 gives the street as lines: where street 1 ends is not printed
            for index, owner in enumerate(filing.reporting_owners):
                street = " ".join(part for part in (owner.address.street1, owner.address.street2) if part)
                if len(street) > 2 * STRING_LIMITS["address/street1"] + 1:
                    where = f"/reportingOwners/{index}/address/street1"
                    yield Violation(where, "reporting person {index_number}'s street is {length} characters long; "
                                           "EDGAR accepts two lines of at most {limit}: {value!r}…",
                                    arguments={"index_number": index + 1, "length": len(street),
                                               "limit": STRING_LIMITS["address/street1"], "value": street[:40]},
                                    reads=(where[:-1] + "2",))
        for pointer, leaf in walked(filing, context).leaves:
            value = leaf.value if isinstance(leaf, Value) else leaf
            if isinstance(value, str):
                if len(value) <= SHORTEST_LIMIT or printed and pointer.endswith(("/street1", "/street2")):
                    continue
                limit = _limit_for(pointer)
                if limit and len(value) > limit:
                    yield Violation(pointer, "{field} is {length} characters long; EDGAR accepts at most "
                                             "{limit}: {value!r}…",
                                    arguments={"field": describe(pointer), "length": len(value),
                                               "limit": limit, "value": value[:40]})
            elif isinstance(value, Decimal):
                exponent = value.as_tuple().exponent
                if isinstance(exponent, int) and exponent < -4:
                    yield Violation(pointer, "{field} is {value}, with {places} decimal places; EDGAR accepts "
                                             "at most 4",
                                    arguments={"field": describe(pointer), "value": value, "places": -exponent})
                elif abs(value) > MAX_DECIMAL:
                    yield Violation(pointer, "{field} is {value}, over EDGAR's maximum of 999,999,999,999.9999",
                                    arguments={"field": describe(pointer), "value": value})


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
    <nonDerivativeTransaction>
      <ownershipNature>
        <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
      </ownershipNature>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <ownershipNature>
        <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
        <natureOfOwnership><value>By Family Trust</value></natureOfOwnership>
      </ownershipNature>
    </nonDerivativeTransaction>
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
                                "{field} is held directly (D) but gives a nature of indirect ownership "
                                "({nature!r}); either mark it I or clear {column}",
                                arguments={"field": describe(pointer), "nature": nature.value,
                                           "column": column(pointer + '/natureOfOwnership')},
                                identity=("nature",))
            elif kind == "I" and not nature.present:
                yield Violation(pointer + "/natureOfOwnership",
                                "{field} is held indirectly (I) but does not say how ({column}, e.g. 'By "
                                "spouse', 'By trust')",
                                arguments={"field": describe(pointer),
                                           "column": column(pointer + '/natureOfOwnership')},
                                identity=())


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
    <nonDerivativeTransaction>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
        <valueOwnedFollowingTransaction><value>25000</value></valueOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <nonDerivativeTransaction>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
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
                                "{field} gives both the amount and the value owned following the transaction; "
                                "give exactly one",
                                arguments={"field": describe(pointer)})
            elif not shares and not value and not form3_derivative:  # Form 3 options: column 3 is the holding
                yield Violation(pointer + "/sharesOwnedFollowing",
                                "{field} gives neither the amount nor the value owned following the "
                                "transaction; give exactly one",
                                arguments={"field": describe(pointer)})
            if hasattr(row, "total_value") and hasattr(row, "shares"):
                count, total = row.shares.present, row.total_value.present
                if count == total:
                    state = "both" if count else "neither"
                    joint = "and" if count else "nor"
                    yield Violation(pointer + "/shares",
                                    "{field} gives {state} the number of derivative securities {joint} their "
                                    "value ({column}); give exactly one",
                                    arguments={"field": describe(pointer), "state": state, "joint": joint,
                                               "column": column(pointer + '/shares')},
                                    identity=("state", "joint"))
            if hasattr(row, "underlying_shares") and row.underlying_shares.present and row.underlying_value.present:
                yield Violation(pointer + "/underlyingShares",
                                "{field} gives both the amount and the value of the underlying securities "
                                "({column}); give one",
                                arguments={"field": describe(pointer),
                                           "column": column(pointer + '/underlyingShares')},
                                identity=())


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
    <derivativeTransaction><exerciseDate/></derivativeTransaction>
    ```

    ## Passing example
    ```xml
    <derivativeTransaction>
      <exerciseDate><footnoteId id="F1"/></exerciseDate>
    </derivativeTransaction>
    <footnotes><footnote id="F1">The option vests in full on March 1, 2025.</footnote></footnotes>
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
                                    "{field}: {split} has neither a value nor a footnote explaining it",
                                    arguments={"field": describe(pointer),
                                               "split": describe(f'{pointer}/{key}').split(', ')[-1]})


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
                                "reporting person {index_number} has CIK {cik}, the same as reporting person "
                                "{seen_number}; list each person once",
                                arguments={"index_number": index + 1, "cik": owner.cik, "seen_number": seen[key] + 1})
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
    <nonDerivativeTransaction>
      <transactionDate><value>2023-06-01</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>J</transactionCode>
        <footnoteId id="F1"/>
      </transactionCoding>
      <transactionTimeliness><value>E</value></transactionTimeliness>
    </nonDerivativeTransaction>
    <footnotes><footnote id="F1">Distribution in kind.</footnote></footnotes>
    ```

    ## Passing example
    ```xml
    <documentType>5</documentType>
    <nonDerivativeTransaction>
      <transactionDate><value>2023-06-01</value></transactionDate>
      <transactionCoding>
        <transactionFormType>5</transactionFormType>
        <transactionCode>J</transactionCode>
        <footnoteId id="F1"/>
      </transactionCoding>
      <transactionTimeliness><value>L</value></transactionTimeliness>
    </nonDerivativeTransaction>
    <footnotes><footnote id="F1">Distribution in kind.</footnote></footnotes>
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
                yield Violation(pointer + "/formType", "{field} has transaction form type {form_type!r}; "
                                                       "transactions are reported as form type 4 or 5",
                                arguments={"field": describe(pointer), "form_type": form_type})
            if form == "4" and form_type == "5" and timeliness not in ("", "E"):
                yield Violation(pointer + "/formType", "{field} is a form-type-5 transaction on a Form 4 "
                                                       "without timeliness E; a Form 5 transaction may appear "
                                                       "on Form 4 only when reported early",
                                arguments={"field": describe(pointer)})
            if form == "5" and timeliness and timeliness != "L":
                yield Violation(pointer + "/timeliness", "{field} has timeliness {timeliness!r}; on a Form 5 a "
                                                         "transaction can only be late (L)",
                                arguments={"field": describe(pointer), "timeliness": timeliness})
            if form == "4" and timeliness and timeliness not in ("E", "L"):
                yield Violation(pointer + "/timeliness", "{field} has timeliness {timeliness!r}; it must be E "
                                                         "(early) or L (late)",
                                arguments={"field": describe(pointer), "timeliness": timeliness})
        if form in ("3", "4"):
            for name, rows in filing.tables():
                if not name.endswith("Holdings"):
                    continue
                for index, row in enumerate(rows):
                    if row.form_type:
                        pointer = f"/{name}/{index}"
                        yield Violation(pointer + "/formType",
                                        "{field} carries transaction form type {form_type}; holdings on a Form "
                                        "{form} carry no coding",
                                        arguments={"field": describe(pointer), "form_type": row.form_type,
                                                   "form": form})
