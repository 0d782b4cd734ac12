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
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> code prefixes
    exclude: list[str] = field(default_factory=list)  # globs of files not to check
    root: str | None = None  # the folder globs are relative to: the configuration file's, else "."
    config_file: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # option key -> where its value came from
    jobs: int = 1
    suppressions: list = field(default_factory=list)  # from .form16lint-ignore.toml
    disable_packs: list[str] = field(default_factory=list)  # packs switched off by name
    pack_tables: dict[str, dict] = field(default_factory=dict)  # pack name -> its keys, as configured

    def selects(self, code: str) -> bool:
        """flake8's rule: the longest matching prefix of select and ignore wins."""
        chosen = max((len(p) for p in self.select + self.extend_select if code.startswith(p)), default=-1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return chosen >= 0 and chosen > dropped

    def selects_in(self, code: str, path: str) -> bool:
        """``selects`` with the per-file ignores of the globs ``path`` matches."""
        if not self.selects(code):
            return False
        if not self.per_file_ignores:
            return True
        from form16lint.paths import glob_matches

        root = self.root or "."
        return not any(code.startswith(prefix) for pattern, prefixes in self.per_file_ignores.items()
                       if glob_matches(pattern, path, root) for prefix in prefixes)

    def excludes(self, path: str) -> bool:
        from form16lint.paths import glob_matches

        return any(glob_matches(pattern, path, self.root or ".") for pattern in self.exclude)
