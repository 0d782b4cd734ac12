"""Line and column of every value of a JSON text, keyed by JSON pointer.

The standard library's parser keeps no positions; this scanner walks text that it has already
accepted and records where each value starts, so findings on JSON input point at their line.
"""

from __future__ import annotations

import bisect
import json
import re

from form16lint.model import Location

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"[^,\]}\s]+")


def json_locations(text: str) -> dict[str, Location]:
    locations: dict[str, Location] = {}
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def locate(index: int) -> Location:
        line = bisect.bisect_right(line_starts, index)
        return Location(line=line, column=index - line_starts[line - 1] + 1)

    def skip(index: int) -> int:
        return _WHITESPACE.match(text, index).end()

    def value(index: int, pointer: str) -> int:
        index = skip(index)
        locations[pointer] = locate(index)
        char = text[index]
        if char == "{":
            index = skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key_match = _STRING.match(text, skip(index))
                key = json.loads(key_match.group(0))
                token = key.replace("~", "~0").replace("/", "~1")
                index = skip(key_match.end()) + 1  # past the colon
                index = skip(value(index, f"{pointer}/{token}"))
                if text[index] == "}":
                    return index + 1
                index += 1  # the comma
        if char == "[":
            index = skip(index + 1)
            if text[index] == "]":
                return index + 1
            position = 0
            while True:
                index = skip(value(index, f"{pointer}/{position}"))
                position += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        if char == '"':
            return _STRING.match(text, index).end()
        return _SCALAR.match(text, index).end()

    value(0, "")
    return locations
