"""The JSON Schemas form16lint ships: ``filing.schema.json`` describes the canonical JSON."""
