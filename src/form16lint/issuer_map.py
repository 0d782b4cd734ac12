"""The user's ticker map, in the SEC's ``company_tickers.json`` format::

    {"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}

read into ticker -> set of issuer CIKs (without leading zeros), with the tickers normalised and
the reverse index, CIK -> tickers, built once as the map is read."""

from __future__ import annotations

from typing import Iterable, Mapping

from form16lint.errors import UsageError
from form16lint.form import normal_ticker  # noqa: F401 - the name normalisers live in form.py


class IssuerMap(dict):
    """Normalised ticker -> issuer CIKs; ``tickers_of(cik)`` answers the other way round."""

    def __init__(self, tickers: Mapping[str, Iterable[str]] = ()):
        super().__init__()
        self._by_cik: dict[str, set[str]] = {}
        for ticker, ciks in dict(tickers).items():
            symbol = normal_ticker(ticker)
            for cik in ciks:
                self.setdefault(symbol, set()).add(cik)
                self._by_cik.setdefault(cik, set()).add(symbol)

    @classmethod
    def of(cls, mapping: Mapping[str, Iterable[str]]) -> IssuerMap:
        """The map as it is when read by :func:`load_issuer_map`; a plain ticker -> CIKs mapping
        (given through the API) is indexed here."""
        return mapping if isinstance(mapping, cls) else cls(mapping)

    def tickers_of(self, cik: str) -> set[str]:
        return self._by_cik.get(cik, set())


def load_issuer_map(path: str) -> IssuerMap:
    import json  # only a run given a map reads one

    try:
        with open(path, encoding="utf-8") as handle:
            content = json.load(handle)
    except OSError as error:
        raise UsageError(f"--issuer-map {path}: cannot be read ({error.strerror or error})") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"--issuer-map {path}: not valid JSON (line {error.lineno}: {error.msg})") from None
    entries = content.values() if isinstance(content, dict) else content if isinstance(content, list) else None
    if entries is None:
        raise UsageError(f"--issuer-map {path}: expected the company_tickers.json shape "
                         '{"0": {"cik_str": ..., "ticker": ..., "title": ...}, ...}')
    mapping: dict[str, set[str]] = {}
    for entry in entries:
        if not isinstance(entry, dict) or "ticker" not in entry or "cik_str" not in entry:
            raise UsageError(f"--issuer-map {path}: every entry needs cik_str and ticker; found {entry!r:.80}")
        ticker = str(entry["ticker"])
        cik = str(entry["cik_str"]).strip().lstrip("0") or "0"
        mapping.setdefault(ticker, set()).add(cik)
    return IssuerMap(mapping)
