"""The user's ticker map, in the SEC's ``company_tickers.json`` format::

    {"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}

read into ticker -> set of issuer CIKs (without leading zeros)."""

from __future__ import annotations

import json

from form16lint.errors import UsageError


def load_issuer_map(path: str) -> dict[str, set[str]]:
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
        ticker = str(entry["ticker"]).strip().upper()
        cik = str(entry["cik_str"]).strip().lstrip("0") or "0"
        mapping.setdefault(ticker, set()).add(cik)
    return mapping
