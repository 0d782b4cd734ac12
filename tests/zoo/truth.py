"""The truth of a zoo file: the filing's XML through the printed view.

:func:`printed_values` gives field -> value for every value the printed form carries (every
reporting owner with relationship and officer title, the top checkboxes, box 4 on amendments, every
Table I and II column of the form with its footnote markers, footnotes, remarks, signatures and
dates) and nothing it does not (CIKs, the equity-swap flag, the transaction form type). Values are
canonical JSON-able text, so that a truth written to disk and one computed again compare equal, and
so that "1,000.00" read from paper equals 1000.00 from the XML.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from render_pdf import printed_view


def canonical(value):
    """A JSON-able form of a printed value: numbers without trailing zeros, dates ISO, text one-spaced."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value else str(value)
        return text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        if len(value) == 2 and isinstance(value[1], (list, tuple)):  # (text, footnote ids)
            text, notes = value
            text = canonical(text)
            notes = [str(n) for n in notes]
            if text in ("", None) and not notes:
                return None
            return [text if text != "" else None, notes]
        return [canonical(v) for v in value]
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return str(value)


def _number(text):
    """'$1,234.50' and '1234.5' are the same printed number."""
    if not isinstance(text, str):
        return text
    bare = text.replace(",", "").removeprefix("$").strip()
    try:
        return ("$" if text.startswith("$") else "") + format(Decimal(bare).normalize(), "f")
    except Exception:
        return text


def _same_numbers(view: dict) -> dict:
    out = {}
    for key, value in view.items():
        if isinstance(value, list) and len(value) == 2 and isinstance(value[1], list):
            value = [_number(value[0]), value[1]]
        out[key] = value
    return out


def printed_values(filing, *, owners: int | None = None, signatures: int | None = None,
                   remarks: bool = True) -> dict:
    """field -> canonical value for every value the printed form carries.

    ``owners``/``signatures`` keep only the first so many (a layout with room for fewer), ``remarks``
    False leaves the remarks out (a layout that does not print them)."""
    view = printed_view(filing)
    if filing.base_form == "5":  # Form 5 has no V column
        view = {k: v for k, v in view.items() if not k.endswith("/v")}
    if owners is not None:
        view = {k: v for k, v in view.items()
                if not k.startswith("reportingOwners/") or int(k.split("/")[1]) < owners}
    if signatures is not None:
        view = {k: v for k, v in view.items()
                if not k.startswith("signatures/") or int(k.split("/")[1]) < signatures}
    if not remarks:
        view.pop("remarks", None)
    return _same_numbers({key: canonical(value) for key, value in view.items()})


def read_values(filing) -> dict:
    """The same view of a filing a reader produced (no restriction)."""
    return printed_values(filing)


def compare(truth: dict, got: dict) -> tuple[list[str], list[str], list[str]]:
    """(matched keys, wrong or missing keys, extra keys: read but not on the printed form)."""
    matched, wrong = [], []
    for key, value in truth.items():
        (matched if got.get(key) == value else wrong).append(key)
    extra = [key for key, value in got.items() if key not in truth and value not in (None, False)]
    return matched, wrong, extra
