"""The registry of codes: the core owns its codes, a pack that takes another's code is refused."""

import types

from form16lint.core_codes import CORE_CODES, CORE_PACK
from form16lint.engine import lint
from form16lint.findings import Severity, Violation
from form16lint.hookspecs import hookimpl
from form16lint.plugins import load_plugins
from form16lint.registry import known_codes
from form16lint.rule import FilingRule, RunOptions
from form16lint.settings import Settings
from filings import nd_tx, ownership_xml


def rule_class(code, name="test-rule"):
    class Declared(FilingRule):
        """A test rule.

        ## What it checks
        Nothing much.
        """

        severity = Severity.INFO

        def check(self, filing, context):
            yield Violation("", f"{code} fired")

    Declared.code, Declared.name = code, name
    return Declared


def pack(name, *codes):
    module = types.ModuleType(name)
    module.form16lint_filing_rules = hookimpl(lambda: [rule_class(code)() for code in codes])
    return module


def test_the_core_declares_its_own_codes_with_documentation():
    assert {code.code for code in CORE_CODES} == {"E001", "E002", "E003", "F001", "F002", "S001"}
    for code in CORE_CODES:
        assert code.pack == CORE_PACK and "## What it checks" in code.documentation()
    plugins = load_plugins(autoload=False, blocked=("form16lint_rules",))
    assert {"E001", "E002", "E003", "F001", "F002", "S001"} <= known_codes(plugins)
    assert "B001" not in known_codes(plugins)  # the built-in pack is blocked, the core's codes stay


def test_a_pack_declaring_a_code_another_pack_has_is_refused_and_the_run_goes_on(tmp_path):
    path = tmp_path / "f.xml"
    path.write_text(ownership_xml(nd_transactions=[nd_tx(date="2024-02-30")]))
    plugins = load_plugins(autoload=False, extra=(pack("greedy_pack", "Z801", "B001"), pack("fine_pack", "Z802")))
    note, = [note for note in plugins.load_errors if "greedy_pack" in note]
    assert "B001" in note and "form16lint_rules" in note  # names both packs
    assert not plugins.manager.has_plugin("greedy_pack")
    codes = known_codes(plugins)
    assert "Z802" in codes and "Z801" not in codes and "B001" in codes
    result = lint([str(path)], plugins, Settings(), RunOptions())
    assert {f.code for f in result.findings} >= {"S003", "Z802"}
    assert "Z801" not in {f.code for f in result.findings}
    assert any("greedy_pack" in note for note in result.notes)
    assert next(rule for rule in result.rules if rule.code == "B001").pack == "form16lint_rules"


def test_a_pack_may_not_take_a_core_code_nor_declare_one_twice():
    plugins = load_plugins(autoload=False, extra=(pack("core_thief_pack", "E002"), pack("twice_pack", "Z803", "Z803")))
    e_note, = [note for note in plugins.load_errors if "core_thief_pack" in note]
    assert "E002" in e_note and "core" in e_note
    twice, = [note for note in plugins.load_errors if "twice_pack" in note]
    assert "Z803 twice" in twice
    assert next(rule for rule in plugins.all_rules() if rule.code == "E002").pack == CORE_PACK


def test_a_pack_whose_rule_hook_raises_is_refused_not_fatal():
    module = types.ModuleType("raising_pack")

    def rules():
        raise RuntimeError("no rules today")

    module.form16lint_filing_rules = hookimpl(rules)
    plugins = load_plugins(autoload=False, extra=(module,))
    assert any("raising_pack" in note and "no rules today" in note for note in plugins.load_errors)
    assert "B001" in known_codes(plugins)
