"""form16lint: a linter for SEC Section 16 insider filings (Forms 3, 4, 5 and amendments)."""

__version__ = "0.1.0"
