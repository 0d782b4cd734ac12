"""The settings of one run, whatever set them (command line or configuration)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from form16lint.findings import Severity


@dataclass
class Settings:
    select: list[str] = field(default_factory=lambda: [""])  # code prefixes; "" selects all
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # per-code overrides
    fail_on: Severity = Severity.ERROR
    output_format: str = "rich"
    filing_date: date | None = None
    issuer_map: str | None = None  # path to a company_tickers.json-style map
    color: bool | None = None  # None: decide by the terminal and NO_COLOR

    def selects(self, code: str) -> bool:
        """flake8's rule: the longest matching prefix of select and ignore wins."""
        chosen = max((len(p) for p in self.select + self.extend_select if code.startswith(p)), default=-1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return chosen >= 0 and chosen > dropped
