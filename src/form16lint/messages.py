"""Messages as every output shows them: one line, and a bounded excerpt of any value quoted.

A finding's message may quote what the filing holds (a 5,000-digit price, a line with a NUL byte
or a newline in it). Formats that print one line a finding (concise, GitHub annotations) and
people reading any of them need it short and on one line, so the engine passes every message
through :func:`one_line` before the report is written.
"""

from __future__ import annotations

import re

LONGEST_WORD = 80  # characters of one unbroken run quoted whole
LONGEST_MESSAGE = 1000  # characters of a whole message
_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_WORD = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))


def one_line(message: str) -> str:
    """``message`` on one line (line breaks become spaces, other control characters ``\\xNN``),
    each over-long run of characters cut to its start and end with the count between, and the
    whole at most :data:`LONGEST_MESSAGE` characters."""
    text = _BREAKS.sub(" ", message)
    text = _CONTROL.sub(lambda found: f"\\x{ord(found[0]):02x}", text)
    text = _WORD.sub(lambda found: excerpt(found[0], LONGEST_WORD), text)
    return excerpt(text, LONGEST_MESSAGE)


def excerpt(text: str, longest: int) -> str:
    """``text`` whole when it has at most ``longest`` characters, else its start and end with the
    number of characters left out between them."""
    if len(text) <= longest:
        return text
    tail = max(8, longest // 5)
    head = max(1, longest - tail - 30)
    return f"{text[:head]}…[{len(text) - head - tail:,} characters]…{text[-tail:]}"
