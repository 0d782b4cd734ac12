"""form16lint: a linter for SEC Section 16 insider filings (Forms 3, 4, 5 and amendments)."""

__version__ = "0.1.0"

# The ``$schema`` of form16lint's canonical JSON of a filing (schemas/filing.schema.json).
SCHEMA_ID = "https://form16lint.dev/schemas/filing.schema.json"
