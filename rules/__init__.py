"""form16lint's built-in rule pack.

It is registered exactly as a third-party pack would be: a module implementing the
``form16lint_filing_rules`` and ``form16lint_collection_rules`` hooks. Each family of rules
lives in its own module (every module of this package); every rule class a family defines is
collected here.
"""

from __future__ import annotations

from functools import cache

from form16lint.hookspecs import hookimpl
from form16lint.rule import CollectionRule, FilingRule


@cache
def _families():
    """Every module of this package is a family of rules (found once a process)."""
    import importlib
    import pkgutil

    return [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)
            if not info.name.startswith("_")]


def _rules(base) -> list:
    found = []
    for family in _families():
        for value in vars(family).values():
            if isinstance(value, type) and issubclass(value, base) and value.__module__ == family.__name__ \
                    and "code" in vars(value):
                found.append(value())
    return sorted(found, key=lambda rule: rule.code)


@hookimpl
def form16lint_filing_rules():
    return _rules(FilingRule)


@hookimpl
def form16lint_collection_rules():
    return _rules(CollectionRule)
