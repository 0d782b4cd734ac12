"""The canonical JSON of the filing model, both ways.

Keys are the model's field names in camelCase; dates are ``YYYY-MM-DD``; amounts and prices are
JSON numbers written exactly as the Decimal holds them (``1234.5600`` stays ``1234.5600``). A
value that can carry footnotes is ``{"value": …, "footnotes": ["F1"]}``, with ``raw`` holding text
that could not be read as its type. Empty values and empty lists are left out. ``to_json`` and
``from_data`` are inverses: reading the JSON back gives an equal model.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from form16lint import SCHEMA_ID  # noqa: F401 - kept importable from here
from form16lint.model import Filing, Value, camel_case


camel = camel_case


# -- model to JSON ---------------------------------------------------------------------------------
def to_data(obj):
    """The model as plain data (dicts, lists, str, bool, Decimal, None), empty parts left out."""
    if isinstance(obj, Value):
        data = {}
        if obj.value is not None:
            data["value"] = to_data(obj.value)
        if obj.footnotes:
            data["footnotes"] = list(obj.footnotes)
        if obj.raw is not None:
            data["raw"] = obj.raw
        return data or None
    if dataclasses.is_dataclass(obj):
        data = {}
        for item in dataclasses.fields(obj):
            converted = to_data(getattr(obj, item.name))
            if converted is not None and converted != [] and converted != {}:
                data[camel(item.name)] = converted
        return data
    if isinstance(obj, list):
        return [to_data(item) for item in obj]
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def filing_to_data(filing: Filing) -> dict:
    return {"$schema": SCHEMA_ID, **to_data(filing)}


def to_json(filing: Filing) -> str:
    return dumps(filing_to_data(filing)) + "\n"


def dumps(data, indent: int = 2, _level: int = 0) -> str:
    """JSON text in which a Decimal is an exact number, not a float's approximation."""
    pad = " " * (indent * (_level + 1))
    close = " " * (indent * _level)
    if isinstance(data, dict):
        if not data:
            return "{}"
        items = (f"{pad}{json.dumps(key)}: {dumps(value, indent, _level + 1)}" for key, value in data.items())
        return "{\n" + ",\n".join(items) + f"\n{close}}}"
    if isinstance(data, list):
        if not data:
            return "[]"
        if all(isinstance(item, (str, int, Decimal)) for item in data):
            return "[" + ", ".join(dumps(item) for item in data) + "]"
        return "[\n" + ",\n".join(f"{pad}{dumps(item, indent, _level + 1)}" for item in data) + f"\n{close}]"
    if isinstance(data, Decimal):
        return _number(data)
    return json.dumps(data, ensure_ascii=False)


def _number(number: Decimal) -> str:
    if not number.is_finite():
        raise ValueError(f"{number} has no JSON form")
    text = format(number, "f")
    return text


_MALFORMED = object()  # a value that is not of its field's type


def _decimal(value):
    """A number given as text (or as a number too large to read): a Decimal when it is plain
    ASCII digits within the limits, else :data:`_MALFORMED`."""
    from form16lint.values import parse_decimal, readable_number

    if isinstance(value, str) and len(value) <= MAX_NUMBER_TEXT:
        number = parse_decimal(value)
        if number is not None and readable_number(number):
            return number
    return _MALFORMED


# -- JSON to model ---------------------------------------------------------------------------------
def loads(text: str):
    """Parse JSON with every number as an exact Decimal. A number the rules cannot compute with
    (NaN, Infinity, 1E+999999, a thousand digits) stays the text it was written as, so the
    schema reports it (S001) and the model keeps it as a malformed value (S003)."""
    return json.loads(text, parse_float=_json_number, parse_int=_json_number, parse_constant=str)


def _json_number(text: str):
    from form16lint.values import readable_number

    if len(text) > MAX_NUMBER_TEXT:
        return text
    number = Decimal(text)
    return number if readable_number(number) else text


MAX_NUMBER_TEXT = 1100  # characters of a JSON number read as one at most


def from_data(data: dict) -> Filing:
    body = {key: value for key, value in data.items() if not key.startswith("$")}
    return _build(Filing, body)


@cache
def _hints(cls) -> dict[str, tuple[str, object]]:
    """camelCase key -> (field name, type) for a dataclass."""
    hints = typing.get_type_hints(cls)
    return {camel(item.name): (item.name, hints[item.name]) for item in dataclasses.fields(cls)}


def _build(cls, data: dict):
    fields = _hints(cls)
    kwargs = {}
    for key, value in data.items():
        if key in fields:
            name, kind = fields[key]
            kwargs[name] = _convert(kind, value)
    return cls(**kwargs)


def _convert(kind, value):
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return None if value is None else _convert(options[0], value)
    if origin is Value or kind is Value:
        (inner,) = typing.get_args(kind) or (str,)
        value = value or {}
        raw_value = value.get("value")
        converted = _convert(inner, raw_value) if raw_value is not None else None
        raw = value.get("raw")
        if converted is _MALFORMED:  # kept as written, for S003
            converted, raw = None, raw_value if isinstance(raw_value, str) else json.dumps(raw_value)
        return Value(converted, [str(note) for note in value.get("footnotes", [])], raw)
    if origin is list:
        (inner,) = typing.get_args(kind)
        return [_convert(inner, item) for item in value]
    if dataclasses.is_dataclass(kind):
        return _build(kind, value)
    if kind is Decimal:
        return value if isinstance(value, Decimal) else _decimal(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is bool:
        return bool(value)
    if kind is str:
        return str(value) if not isinstance(value, Decimal) else format(value, "f")
    return value
