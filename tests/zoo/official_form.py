"""The SEC's official blank Form 3 (in ../shared/reference) with a real filing's values typed in,
as counsel fill it: :func:`form3_values` turns a Form 3 into what ``fill_official_form`` types.

The form has room for 13 rows in Table I, 6 in Table II, one reporting owner, one street line, one
title line under the relationship, about a dozen lines of footnotes, no remarks and one
signature: :func:`fits` takes the filings that fit, :func:`truth` is what the filled form carries.
"""

from __future__ import annotations

from math import ceil
from pathlib import Path

from render_pdf import _cells, fmt_date, marker_text

from .truth import printed_values

BLANK = ("reference", "sec-form3-blank-official.pdf")
NOTE_CHARS_PER_LINE = 180
NOTE_LINES = 14


def _street(address) -> str:
    return ", ".join(p for p in (address.street1, address.street2) if p)


def fits(filing) -> bool:
    if filing.base_form != "3" or not filing.reporting_owners:
        return False
    rel = filing.reporting_owners[0].relationship
    if rel.officer_title and rel.other_text:
        return False
    lines = sum(ceil((len(n.text or "") + 4) / NOTE_CHARS_PER_LINE) for n in filing.footnotes)
    return (len(filing.non_derivative_holdings) <= 13 and len(filing.derivative_holdings) <= 6
            and lines <= NOTE_LINES and len(filing.signatures) <= 1)


def form3_values(filing):
    from fill_official_form import Form3Values, Row

    owner = filing.reporting_owners[0]
    rel = owner.relationship
    joint = len(filing.reporting_owners) > 1 or bool(filing.joint_filing.value)
    period = filing.period_of_report

    def row(cells, keys):
        texts = {ours: cells.get(key, ("", []))[0] for ours, key in keys}
        notes = {ours: [marker_text(n) for n in cells.get(key, ("", []))[1]] for ours, key in keys}
        return Row({k: v for k, v in texts.items() if v}, {k: v for k, v in notes.items() if v})

    table1 = [row(_cells(r, False), (("title", "title"), ("amount", "following"), ("di", "di"), ("nature", "nature")))
              for r in filing.non_derivative_holdings]
    table2 = [row(_cells(r, True), (("title", "title"), ("exercisable", "exercisable"), ("expiration", "expiration"),
                                    ("under_title", "under_title"), ("under_amount", "under_shares"),
                                    ("price", "exercise_price"), ("di", "di"), ("nature", "nature")))
              for r in filing.derivative_holdings]
    signature = filing.signatures[0] if filing.signatures else None
    return Form3Values(
        name=owner.name or "", street=_street(owner.address), city=owner.address.city or "",
        state=owner.address.state or "", zip_code=owner.address.zip_code or "",
        event_date=fmt_date(period.value) or (period.raw or ""),
        issuer=filing.issuer.name or "", ticker=filing.issuer.trading_symbol or "",
        director=bool(rel.is_director.value), ten_percent=bool(rel.is_ten_percent_owner.value),
        officer=bool(rel.is_officer.value), other=bool(rel.is_other.value),
        officer_title=rel.officer_title or "", other_text=rel.other_text or "",
        amendment_date=fmt_date(filing.date_of_original_submission.value), one_person=not joint,
        table1=table1, table2=table2,
        footnotes={marker_text(n.id): " ".join((n.text or "").split()) for n in filing.footnotes},
        signature=signature.name or "" if signature else "",
        signature_date=(fmt_date(signature.date.value) or (signature.date.raw or "")) if signature else "")


def render_official(filing, shared: Path) -> bytes:
    from fill_official_form import fill_form3

    return fill_form3(shared.joinpath(*BLANK), form3_values(filing))


def truth(filing) -> dict:
    """What the filled form carries: the first owner (one street line), no remarks, one signature;
    the period's footnote markers are not typed."""
    view = printed_values(filing, owners=1, signatures=1, remarks=False)
    address = filing.reporting_owners[0].address
    view["reportingOwners/0/street1"] = _street(address) or None
    view["reportingOwners/0/street2"] = None
    if isinstance(view.get("periodOfReport"), list):
        view["periodOfReport"] = [view["periodOfReport"][0], []] if view["periodOfReport"][0] else None
    return view
