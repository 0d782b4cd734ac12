"""The registry of codes: which code belongs to whom, owned by the core.

The core's own codes (:mod:`form16lint.core_codes`: E001, E002, F001, F002, S001) are registered
first, then each pack's rules in the order the packs were registered (the built-in pack, then
third-party packs). A code belongs to the first that declares it: a pack that declares a code
the core or another pack already has is refused as a whole, with a note naming both, and the run
goes on with the others. So is a pack that declares one code twice, or whose rule hooks fail.

:func:`known_codes` answers "which codes exist in this run" for whoever validates codes the user
wrote (``--select``, ``--ignore``, severity overrides, suppressions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from form16lint.core_codes import CORE_CODES, CORE_PACK
from form16lint.rule import CollectionRule, FilingRule, Rule

if TYPE_CHECKING:
    from form16lint.plugins import Plugins


@dataclass
class Registry:
    """Code -> the rule (or core code) that owns it, and the packs refused while building it."""

    owners: dict[str, Rule] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # refused pack -> why, in words

    def rules(self) -> list[Rule]:
        """Every registered code's rule, core codes included, by code."""
        return sorted(self.owners.values(), key=lambda rule: rule.code)

    def filing_rules(self) -> list[FilingRule]:
        return [rule for rule in self.rules() if isinstance(rule, FilingRule)]

    def collection_rules(self) -> list[CollectionRule]:
        return [rule for rule in self.rules() if isinstance(rule, CollectionRule)]

    def codes(self) -> frozenset[str]:
        return frozenset(self.owners)

    def owner(self, code: str) -> Rule | None:
        return self.owners.get(code)


def build_registry(pack_rules: list[tuple[str, list[Rule] | Exception]]) -> Registry:
    """The registry from the core's codes and ``(pack name, its rules)`` in registration order;
    an exception in place of the rules is a pack whose hooks failed."""
    registry = Registry()
    for code in CORE_CODES:
        registry.owners[code.code] = code
    for pack, rules in pack_rules:
        problem = _problem(pack, rules, registry)
        if problem:
            registry.refused[pack] = f"pack {pack!r} was refused: {problem}; its rules are not run"
            continue
        for rule in rules:
            rule.pack = pack
            registry.owners[rule.code] = rule
    return registry


def _problem(pack: str, rules, registry: Registry) -> str | None:
    if isinstance(rules, Exception):
        return f"listing its rules failed: {type(rules).__name__}: {rules}"
    seen: set[str] = set()
    for rule in rules:
        code = getattr(rule, "code", None)
        if not isinstance(rule, (FilingRule, CollectionRule)) or not isinstance(code, str):
            return f"{rule!r} is not a FilingRule or CollectionRule with a code"
        if code in seen:
            return f"it declares {code} twice"
        owner = registry.owners.get(code)
        if owner is not None:
            whose = "the core of form16lint" if owner.pack == CORE_PACK else f"pack {owner.pack!r}"
            return f"it declares {code}, which {whose} already has ({owner.name})"
        seen.add(code)
    return None


def known_codes(plugins: "Plugins") -> frozenset[str]:
    """Every code this run knows: the core's and those of the packs loaded and not refused."""
    return plugins.registry.codes()
