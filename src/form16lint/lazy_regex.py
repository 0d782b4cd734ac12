"""Regular expressions compiled the first time they are used, not when their module is imported.

Compiling a large pattern costs milliseconds, and a one-file check imports every rule's module
while most files use a few of their patterns; a pattern kept as :class:`LazyRegex` costs nothing
until a text is matched against it. Once compiled, its matching methods are the compiled
pattern's own, bound on the instance, so a match costs what ``re`` itself costs.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyRegex:
    """Stands for ``re.compile(pattern, flags)`` and compiles it on first use."""

    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled = None

    @property
    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:  # later calls find these on the instance and skip __getattr__
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str):
        # Only reached for an attribute not set yet: a matching method before the first
        # compilation, or any other attribute of re.Pattern (groups, groupindex, ...).
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r}{', ' + str(self.flags) if self.flags else ''})"
