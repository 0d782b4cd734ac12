"""T — ticker and issuer: the symbol's form, its Nasdaq qualifier, the user's map, CIKs."""

from __future__ import annotations

from form16lint.rulekit.identity import (
    NO_LISTED_CLASS,
    QUALIFIERS,
    TICKER,
    cik_key,
    describe_issuer,
    issuer_keys,
    listed_symbols,
    normal_name,
    qualifier,
)

from form16lint_rules.across_filings import summarize_filing

from form16lint.fieldnames import describe
from form16lint.findings import Severity, Violation
from form16lint.issuer_map import IssuerMap, normal_ticker
from form16lint.rule import CollectionRule, FilingRule

POINTER = "/issuer/tradingSymbol"


class TickerMalformed(FilingRule):
    """The ticker is not a trading symbol.

    ## What it checks
    Box 2's "Ticker or Trading Symbol": 1 to 5 letters, optionally followed by a class or unit
    suffix of one or two letters (`BRK.A`, `BF-B`, `MFAC.U`, `MFAC.WS`), or `NONE` / `N/A`,
    which issuers without a listed class write. Letter case is not a finding. A missing ticker
    is S002's finding.

    Accepted variants: an issuer with several listed classes may write them all, separated by
    commas, semicolons or "and" ("LEN, LEN.B", "WSO; WSOB"); each must be a symbol.

    ## Why it matters
    Box 2 asks for the issuer's ticker or trading symbol (Forms 3, 4 and 5); EDGAR indexes
    the filing under it and the market reads it there. A symbol with digits, spaces or a
    company name in it ("APPLE", "AAPL 123") is a typing slip that sends readers to the wrong
    security or to none.

    ## Failing example
    ```xml
    <issuer>
      <issuerCik>0000320193</issuerCik>
      <issuerName>Apple Inc.</issuerName>
      <issuerTradingSymbol>AAPL1</issuerTradingSymbol>
    </issuer>
    ```

    ## Passing example
    ```xml
    <issuer>
      <issuerCik>0000320193</issuerCik>
      <issuerName>Apple Inc.</issuerName>
      <issuerTradingSymbol>AAPL</issuerTradingSymbol>
    </issuer>
    ```
    """

    code = "T001"
    name = "ticker-malformed"
    severity = Severity.ERROR

    def check(self, filing, context):
        symbol = (filing.issuer.trading_symbol or "").strip()
        if not symbol or symbol.upper() in NO_LISTED_CLASS or TICKER.fullmatch(symbol.upper()):
            return
        parts = listed_symbols(symbol)
        if len(parts) > 1 and all(TICKER.fullmatch(part) for part in parts):
            return  # several listed classes, each a symbol
        yield Violation(POINTER, "{field} {symbol!r} is not a trading symbol: write 1-5 letters with an "
                                 "optional class or unit suffix (BRK.A, BF-B, MFAC.U), or NONE when the issuer "
                                 "has no listed class",
                        arguments={"field": describe(POINTER), "symbol": symbol})


class TickerStatusQualifier(FilingRule):
    """The ticker carries a Nasdaq fifth-letter status qualifier (E or Q).

    ## What it checks
    A five-letter symbol ending in E or Q. Nasdaq appends E to the symbol of an issuer that
    is delinquent in its SEC filings and Q to one in bankruptcy proceedings; the first four
    letters are the issuer's own symbol. The message names the qualifier and the base symbol.

    Accepted variants: this is information, not a fault; four-letter symbols and five-letter
    symbols ending in another letter are not reported.

    ## Why it matters
    The symbol was real when the filing was made (SONUS NETWORKS INC traded as SONSE in 2004,
    when it was delinquent in its SEC filings, and as SONS otherwise), so it is not an error; but the
    issuer's identity is its symbol without the qualifier and its CIK, and searches and
    reference maps know the base symbol. It also tells a reader that the issuer was delinquent
    or bankrupt at the time.

    ## Failing example
    ```xml
    <issuer>
      <issuerCik>0001105472</issuerCik>
      <issuerName>SONUS NETWORKS INC</issuerName>
      <issuerTradingSymbol>SONSE</issuerTradingSymbol>
    </issuer>
    ```

    ## Passing example
    ```xml
    <issuer>
      <issuerCik>0001105472</issuerCik>
      <issuerName>SONUS NETWORKS INC</issuerName>
      <issuerTradingSymbol>SONS</issuerTradingSymbol>
    </issuer>
    ```
    """

    code = "T002"
    name = "ticker-status-qualifier"
    severity = Severity.INFO

    def check(self, filing, context):
        found = qualifier(filing.issuer.trading_symbol)
        if found is None:
            return
        base, letter = found
        symbol = normal_ticker(filing.issuer.trading_symbol)
        yield Violation(POINTER, "{field} {symbol} is the base symbol {base} with Nasdaq's fifth-letter "
                                 "qualifier {letter} (the issuer was {meaning}). Keep {symbol} if the "
                                 "issuer traded under it on the filing date; otherwise write {base}",
                        arguments={"field": describe(POINTER), "symbol": symbol, "base": base, "letter": letter,
                                   "meaning": QUALIFIERS[letter]})


class TickerIssuerMismatch(FilingRule):
    """The ticker does not belong to the issuer CIK in the user's reference map.

    ## What it checks
    Only when a map is given (`--issuer-map FILE`, in the format of the SEC's
    `company_tickers.json`): the ticker must be one the map lists for the issuer's CIK. A
    Nasdaq E/Q qualifier is ignored (SONSE matches SONS); class separators are equivalent
    (`BRK.B` = `BRK-B`); a box that lists several classes ("LEN, LEN.B") matches when one of
    them does. When the map knows neither the ticker nor the CIK, nothing is said; nor for
    `NONE`, or a filing without issuer CIK.

    ## Why it matters
    The issuer's identity is its CIK; the ticker in box 2 is what readers search by. A ticker
    that belongs to another issuer files the report under the wrong company in the eyes of
    every reader who searches by symbol. Symbols change and are reused, so this is a warning:
    a historic symbol can be right for its day.

    ## Failing example
    ```xml
    <issuer>
      <issuerCik>0000320193</issuerCik>
      <issuerName>Apple Inc.</issuerName>
      <issuerTradingSymbol>MSFT</issuerTradingSymbol>
    </issuer>
    ```

    ## Passing example
    ```xml
    <issuer>
      <issuerCik>0000320193</issuerCik>
      <issuerName>Apple Inc.</issuerName>
      <issuerTradingSymbol>AAPL</issuerTradingSymbol>
    </issuer>
    ```
    """

    code = "T003"
    example_options = {"issuer-map": {"MSFT": ["789019"], "AAPL": ["320193"]}}  # the map of the examples
    name = "ticker-issuer-mismatch"
    severity = Severity.WARNING

    def check(self, filing, context):
        cik = cik_key(filing.issuer.cik)
        symbol = normal_ticker(filing.issuer.trading_symbol)
        if not context.options.issuer_map or not cik or not symbol or symbol in NO_LISTED_CLASS:
            return
        mapping = IssuerMap.of(context.options.issuer_map)
        candidates = []
        for listed in listed_symbols(filing.issuer.trading_symbol):  # each class of a list ("LEN, LEN.B")
            qualified = qualifier(listed)
            candidates += [listed, qualified[0]] if qualified else [listed]
        if any(cik in mapping.get(candidate, ()) for candidate in candidates):
            return
        owners = sorted({c for candidate in candidates for c in mapping.get(candidate, ())})
        own = sorted(mapping.tickers_of(cik))
        if not owners and not own:
            return  # the map knows neither: nothing to compare
        said = f"the ticker {symbol}"
        if owners:
            said += f" belongs to CIK {', '.join(owners)} in the issuer map"
        else:
            said += " is not in the issuer map"
        mapped = f"; the map lists {', '.join(own)} for CIK {cik}" if own else f"; the map lists no ticker for CIK {cik}"
        yield Violation(POINTER, "{said}, not to the issuer {issuer}{mapped}. Check {field}: a historic symbol "
                                 "may be right for its date",
                        arguments={"said": said, "issuer": describe_issuer(filing), "mapped": mapped,
                                   "field": describe(POINTER)},
                        identity=("mapped",))


class IssuerTickersDiffer(CollectionRule):
    """One issuer appears with different tickers among the filings checked together.

    ## What it checks
    All the filings of one run, grouped by issuer (its CIK, else its name with punctuation and
    corporate suffixes such as "Inc." set aside). When one issuer's filings give more than
    one ticker, every filing involved gets a finding that lists the tickers with their files.
    Letter case and class separators do not count as differences (`brk.b` = `BRK-B`); a Nasdaq
    E/Q qualifier does (SONS and SONSE are two tickers, and T002 explains the second).
    Accepted variants: a box that lists several classes ("LEN, LEN.B") agrees with one that gives
    any of them ("LEN"); and an issuer renamed with its symbol (a SPAC that took its target's
    name and ticker, "Reinvent Technology Partners Z" RTPZ and "Hippo Holdings Inc." HIPO under
    one CIK), where each ticker comes with a name of its own.

    ## Why it matters
    Box 2 should give the issuer's symbol as it stood when the form was filed. Different
    symbols for one issuer are either history (a new listing, a qualifier, a renamed
    company) or a slip that files a report under the wrong symbol; a reviewer of a batch of
    filings wants to see them side by side.

    ## Failing example
    Filing 1:

    ```xml
    <issuer>
      <issuerCik>0001105472</issuerCik>
      <issuerName>SONUS NETWORKS INC</issuerName>
      <issuerTradingSymbol>SONS</issuerTradingSymbol>
    </issuer>
    ```

    Filing 2:

    ```xml
    <issuer>
      <issuerCik>0001105472</issuerCik>
      <issuerName>SONUS NETWORKS INC</issuerName>
      <issuerTradingSymbol>SONSE</issuerTradingSymbol>
    </issuer>
    ```

    ## Passing example
    Filing 1:

    ```xml
    <issuer>
      <issuerCik>0001105472</issuerCik>
      <issuerName>SONUS NETWORKS INC</issuerName>
      <issuerTradingSymbol>SONS</issuerTradingSymbol>
    </issuer>
    ```

    Filing 2:

    ```xml
    <issuer>
      <issuerCik>0001105472</issuerCik>
      <issuerName>SONUS NETWORKS INC</issuerName>
      <issuerTradingSymbol>SONS</issuerTradingSymbol>
    </issuer>
    <periodOfReport>2024-03-02</periodOfReport>
    <nonDerivativeTransaction>
      <transactionDate><value>2024-03-02</value></transactionDate>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction><value>800</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
    </nonDerivativeTransaction>
    ```
    """

    code = "T004"
    name = "issuer-tickers-differ"
    severity = Severity.WARNING
    summarize = staticmethod(summarize_filing)  # one summary per filing for T004, X001 and X002
    reads = ("/issuer",)

    def check(self, documents, options):
        keys = issuer_keys(documents)
        groups: dict[str, list] = {}
        for document in documents:
            if id(document) in keys and normal_ticker(document.filing.issuer.trading_symbol):
                groups.setdefault(keys[id(document)], []).append(document)
        for members in groups.values():
            by_ticker: dict[str, list[str]] = {}
            for document in members:
                by_ticker.setdefault(normal_ticker(document.filing.issuer.trading_symbol), []).append(
                    document.path)
            if len(by_ticker) < 2 or _overlapping(by_ticker) or _renamed(members):
                continue
            listing = "; ".join(f"{ticker} in {', '.join(files)}" for ticker, files in sorted(by_ticker.items()))
            for document in members:
                symbol = normal_ticker(document.filing.issuer.trading_symbol)
                yield document, Violation(
                    POINTER, "the issuer {issuer} appears with {by_ticker_count} tickers among the filings "
                             "checked: {listing}. This filing gives {symbol}; check that each is the symbol "
                             "the issuer traded under when its form was filed",
                    arguments={"issuer": describe_issuer(document.filing), "by_ticker_count": len(by_ticker),
                               "listing": listing, "symbol": symbol},
                    identity=("by_ticker_count", "symbol"))


def _renamed(members: list) -> bool:
    """True when each ticker comes with a name of its own: the issuer was renamed (a SPAC that took
    its target's name and symbol), and each filing gives the name and symbol of its day."""
    names: dict[str, set[str]] = {}
    for document in members:
        issuer = document.filing.issuer
        names.setdefault(normal_ticker(issuer.trading_symbol), set()).add(normal_name(issuer.name))
    found = list(names.values())
    return all(not (one & other) for i, one in enumerate(found) for other in found[i + 1:])


def _overlapping(by_ticker: dict) -> bool:
    """True when every two boxes share a symbol: "LEN, LEN.B" and "LEN" name one listed class."""
    listed = [set(listed_symbols(box)) for box in by_ticker]
    return all(one & other for i, one in enumerate(listed) for other in listed[i + 1:])


class CikMalformed(FilingRule):
    """A CIK is not 1 to 10 digits.

    ## What it checks
    The issuer CIK and every reporting owner's CIK: digits only, 1 to 10 of them (leading
    zeros allowed, as EDGAR writes `0000320193`). A missing CIK is S002's finding.

    Accepted variants: leading zeros and spaces around the CIK.

    ## Why it matters
    The Central Index Key is how EDGAR identifies the issuer and each reporting person
    (assigned on enrolment with Form ID under Regulation S-T, Rule 10; Technical
    Specification, ch. 4). A CIK with letters, spaces or eleven digits matches no filer:
    EDGAR rejects the submission, and a reader cannot tell whose report it is.

    ## Failing example
    ```xml
    <issuer>
      <issuerCik>320193A</issuerCik>
      <issuerName>Apple Inc.</issuerName>
      <issuerTradingSymbol>AAPL</issuerTradingSymbol>
    </issuer>
    ```

    ## Passing example
    ```xml
    <issuer>
      <issuerCik>0000320193</issuerCik>
      <issuerName>Apple Inc.</issuerName>
      <issuerTradingSymbol>AAPL</issuerTradingSymbol>
    </issuer>
    ```
    """

    code = "T005"
    name = "cik-malformed"
    severity = Severity.ERROR

    def check(self, filing, context):
        ciks = [("/issuer/cik", "issuer CIK", filing.issuer.cik)]
        ciks += [(f"/reportingOwners/{index}/cik", f"reporting person {index + 1}'s CIK", owner.cik)
                 for index, owner in enumerate(filing.reporting_owners)]
        for pointer, what, cik in ciks:
            if cik is None or not cik.strip():
                continue
            text = cik.strip()
            if not (text.isascii() and text.isdigit() and len(text) <= 10):
                yield Violation(pointer, "the {what} {cik!r} is not a CIK: a CIK is 1 to 10 digits (EDGAR's "
                                         "Central Index Key, e.g. 0000320193)",
                                arguments={"what": what, "cik": cik},
                                identity=("cik",))
