"""The settings of one run, whatever set them (command line or configuration)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from form16lint.findings import Severity

# What the readers and the engine say about the input and about themselves: a file not read, a
# field not read, a file skipped, a rule that crashed, a suppression that does nothing. A gate
# that dropped them by selecting other codes would pass a file it never checked, so they are
# reported whatever ``select`` says, unless ``ignore`` (or ``per-file-ignores``) names them
# (as ruff keeps syntax errors).
ALWAYS_REPORTED = frozenset({"E001", "E002", "E003", "F001", "F002"})


@dataclass
class Settings:
    """The settings of one run: the configuration file's, with the command line's over them."""

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
    allow_empty: bool = False  # a run that checks no file is fine
    strict_packs: bool = False  # a pack that fails to load stops the run
    max_file_size: float = 50  # megabytes
    max_pages: float = 200
    time_limit: float = 20  # seconds
    memory_limit: float = 2048  # megabytes

    def read_limits(self):
        from form16lint.limits import MB, ReadLimits

        return ReadLimits(max_file_size=int(self.max_file_size * MB), max_pages=int(self.max_pages),
                          time_limit=float(self.time_limit), memory_limit=int(self.memory_limit * MB))

    def selects(self, code: str) -> bool:
        """flake8's rule: the longest matching prefix of select and ignore wins. The codes of
        :data:`ALWAYS_REPORTED` count as selected by every ``select`` and are dropped only by an
        ``ignore`` that names them (``E``, ``E00`` or ``E002``; ``ALL`` does not)."""
        always = code in ALWAYS_REPORTED
        chosen = max((len(p) for p in self.select + self.extend_select if code.startswith(p)),
                     default=0 if always else -1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p) and (p or not always)), default=-1)
        return chosen >= 0 and chosen > dropped

    def selects_in(self, code: str, path: str) -> bool:
        """``selects`` with the per-file ignores of the globs ``path`` matches."""
        if not self.selects(code):
            return False
        if not self.per_file_ignores:
            return True
        from form16lint.paths import glob_matches

        root = self.root or "."
        always = code in ALWAYS_REPORTED
        return not any(code.startswith(prefix) and (prefix or not always)
                       for pattern, prefixes in self.per_file_ignores.items()
                       if glob_matches(pattern, path, root) for prefix in prefixes)

    def excludes(self, path: str) -> bool:
        from form16lint.paths import glob_matches

        return any(glob_matches(pattern, path, self.root or ".") for pattern in self.exclude)
