"""Who a filing is about: the issuer's key, its ticker's parts, the owners' key.

Shared by the ticker rules and the rules across filings.
"""

from __future__ import annotations

import re

from form16lint.form import cik_key, normal_name, normal_ticker  # noqa: F401 - the name normalisers
from form16lint.lazy_regex import LazyRegex

# 1-5 letters, then optionally a class or unit suffix: BRK.A, BF-B, MFAC.U, MFAC.WS, BRK/B.
TICKER = LazyRegex(r"[A-Z]{1,5}(?:[.\-/ ][A-Z]{1,2})?")
NO_LISTED_CLASS = frozenset({"NONE", "N/A"})
# Nasdaq's fifth-letter status qualifiers that are not part of the issuer's own symbol.
QUALIFIERS = {"E": "delinquent in its SEC filings", "Q": "in bankruptcy proceedings"}


# Issuers with several listed classes write them all in box 2: "LEN, LEN.B", "WSO; WSOB", "GOOGL and GOOG".
_CLASS_LIST = LazyRegex(r"\s*(?:[,;&]|\band\b)\s*", re.IGNORECASE)


def listed_symbols(box: str | None) -> tuple[str, ...]:
    """The symbols box 2 gives, normalised (see ``normal_ticker``): one, or each of a list of
    classes ("LEN, LEN.B" gives LEN and LEN.B). Empty when the box is."""
    text = (box or "").strip()
    if not text:
        return ()
    parts = [part for part in _CLASS_LIST.split(text) if part.strip()]
    return tuple(dict.fromkeys(normal_ticker(part).strip(".") for part in parts)) or (normal_ticker(text),)


def qualifier(symbol: str | None) -> tuple[str, str] | None:
    """(base symbol, qualifier letter) for a five-letter Nasdaq symbol ending in E or Q."""
    ticker = normal_ticker(symbol)
    if len(ticker) == 5 and ticker.isalpha() and ticker[-1] in QUALIFIERS:
        return ticker[:4], ticker[-1]
    return None


def issuer_keys(documents) -> dict[int, str]:
    """id(document) -> issuer key: its CIK, else the CIK another document gives for the same
    name, else the normalised name. Documents with neither are left out."""
    cik_by_name: dict[str, str] = {}
    for document in documents:
        issuer = document.filing.issuer
        cik, name = cik_key(issuer.cik), normal_name(issuer.name)
        if cik and name:
            cik_by_name.setdefault(name, cik)
    keys = {}
    for document in documents:
        issuer = document.filing.issuer
        name = normal_name(issuer.name)
        key = cik_key(issuer.cik) or cik_by_name.get(name) or (f"name:{name}" if name else None)
        if key:
            keys[id(document)] = key
    return keys


def describe_issuer(filing) -> str:
    issuer = filing.issuer
    cik = cik_key(issuer.cik)
    if issuer.name and cik:
        return f"{issuer.name} (CIK {cik})"
    return issuer.name or (f"CIK {cik}" if cik else "the issuer")
