"""form16lint's built-in rule pack.

It is registered exactly as a third-party pack would be: a module implementing the
``form16lint_filing_rules`` and ``form16lint_collection_rules`` hooks. Each family of rules
lives in its own module (every module of this package); every rule class a family defines is
collected here.
"""

from __future__ import annotations

import sys
from functools import cache

from form16lint.hookspecs import hookimpl
from form16lint.rule import CollectionRule, FilingRule


class _FormerHelpers:
    """The helper modules this pack once kept privately are the public form16lint.rulekit now;
    code written against their old names (``form16lint_rules._when`` and the like) still finds
    them, imported only when asked for."""

    NAMES = ("when", "amounts", "footnote_refs", "walk", "identity", "plans", "vesting")

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        package, _, name = fullname.rpartition("._")
        if package != __name__ or name not in cls.NAMES:
            return None
        import importlib.util

        return importlib.util.spec_from_loader(fullname, cls)

    @staticmethod
    def create_module(spec):
        import importlib

        return importlib.import_module(f"form16lint.rulekit.{spec.name.rpartition('._')[2]}")

    @staticmethod
    def exec_module(module):
        pass


if not any(finder is _FormerHelpers for finder in sys.meta_path):
    sys.meta_path.append(_FormerHelpers)


@cache
def _families():
    """Every module of this package is a family of rules (found once a process)."""
    import importlib
    import pkgutil

    return [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)
            if not info.name.startswith("_") and not info.ispkg]


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
