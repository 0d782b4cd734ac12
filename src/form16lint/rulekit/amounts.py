"""Helpers the rule families share: figures as counsel reads them, and how rows of one security group."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from form16lint.findings import figure, money  # noqa: F401 - as messages render {x:figure} and {x:money}
from form16lint.form import plain_words
from form16lint.lazy_regex import LazyRegex


def normalised_title(row) -> str:
    """The security title as rows of one security are grouped, within a filing and across filings."""
    return plain_words(row.security_title.value)


# A footnote that tells of an adjustment between two reported balances: a change in the form of
# ownership (Rule 16a-13), a split, a transfer between accounts, shares a plan added (dividend
# reinvestment, an employee stock purchase plan, a 401(k) plan), a figure the amount "includes".
ADJUSTMENT = LazyRegex(
    r"16a-13|\bsplit|reclassif|transfer|form of (?:beneficial )?ownership|adjust|reinvest|dividend equivalent"
    r"|stock purchase plan|\bESPP\b|401\s*\(?k\)?|\bDRIP\b|\bincludes?\b|\bincluding\b|\bfraction", re.IGNORECASE)


@lru_cache(maxsize=4096)
def tells_of_adjustment(text: str) -> bool:
    """Whether a footnote's text tells of an adjustment (:data:`ADJUSTMENT`). A footnote is asked
    about for every row that cites it, and the search is slow on long texts: each text once."""
    return ADJUSTMENT.search(text) is not None


def last_place(*amounts) -> Decimal:
    """The rounding a sum of these figures may show: one unit in the coarsest decimal place among
    the figures that have decimals. Fractional shares are rounded when reported (14,242.084 +
    28.593 may be reported as 14,270.678; 900.25 - 100 as 800.3); whole shares must add exactly."""
    places = [-Decimal(a).as_tuple().exponent for a in amounts if Decimal(a).as_tuple().exponent < 0]
    return Decimal(1).scaleb(-min(places)) if places else Decimal(0)
