"""Validation against the JSON Schemas shipped with the package (jsonschema is imported here
only, and only when JSON is actually validated)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def load_schema(name: str = "filing.schema.json") -> dict:
    return json.loads(resources.files("form16lint_schemas").joinpath(name).read_text("utf-8"))


@cache
def _validator():
    import jsonschema

    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_violations(data) -> list[tuple[str, str]]:
    """(JSON pointer, message) for each way the data breaks the filing schema."""
    plain = _plain(data)
    errors = sorted(_validator().iter_errors(plain), key=lambda e: list(map(str, e.absolute_path)))
    return [("".join(f"/{_escape(part)}" for part in error.absolute_path), error.message) for error in errors]


def _escape(part) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _plain(data):
    """Decimals become ints or floats for jsonschema's type checks (their exactness is kept in
    the model, not needed to validate the shape)."""
    from decimal import Decimal

    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    if isinstance(data, Decimal):
        return int(data) if data == data.to_integral_value() and "." not in str(data) else float(data)
    return data
