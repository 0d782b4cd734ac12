"""The rule engine: packs, isolation of crashing rules, selection, fingerprints."""

import sys
import textwrap
import types

import pytest

from form16lint.engine import lint
from form16lint.findings import Severity, Violation
from form16lint.hookspecs import hookimpl
from form16lint.plugins import load_plugins
from form16lint.rule import FilingRule, RunOptions
from form16lint.settings import Settings
from filings import nd_tx, ownership_xml


class BigSale(FilingRule):
    """Sales over 500 shares.

    ## What it checks
    Test rule.
    """

    code = "Z901"
    name = "big-sale"
    severity = Severity.INFO

    def check(self, filing, context):
        for pointer, row in filing.transactions():
            if row.code == "S" and row.shares.value > 500:
                yield Violation(pointer + "/shares", f"sold {row.shares.value}")


class Exploding(FilingRule):
    """Always raises."""

    code = "Z902"
    name = "exploding"
    severity = Severity.ERROR

    def check(self, filing, context):
        raise ZeroDivisionError("boom")


def make_pack(*rules):
    pack = types.ModuleType("test_pack")
    pack.form16lint_filing_rules = hookimpl(lambda: [rule() for rule in rules])
    return pack


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_extra_pack_findings_appear(tmp_path):
    plugins = load_plugins(autoload=False, extra=(make_pack(BigSale),))
    path = write(tmp_path, "f.xml", ownership_xml(nd_transactions=[nd_tx(shares="900", after="100")]))
    result = lint([path], plugins, Settings(), RunOptions())
    finding, = [f for f in result.findings if f.code == "Z901"]
    assert finding.pointer == "/nonDerivativeTransactions/0/shares" and finding.line and finding.rule == "big-sale"
    assert any(rule.code == "Z901" and rule.pack == "test_pack" for rule in result.rules)


def test_entry_point_pack_is_discovered(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "zpack-1.0.dist-info").mkdir(parents=True)
    (site / "zpack-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: zpack\nVersion: 1.0\n")
    (site / "zpack-1.0.dist-info" / "entry_points.txt").write_text("[form16lint]\nzpack = zpack_rules\n")
    (site / "zpack_rules.py").write_text(textwrap.dedent('''
        from form16lint.findings import Severity, Violation
        from form16lint.hookspecs import hookimpl
        from form16lint.rule import FilingRule

        class AlwaysInfo(FilingRule):
            """Says hello."""
            code = "Z999"
            name = "hello"
            severity = Severity.INFO
            def check(self, filing, context):
                yield Violation("", "hello from a third-party pack")

        @hookimpl
        def form16lint_filing_rules():
            return [AlwaysInfo()]
    '''))
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("FORM16LINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    plugins = load_plugins()
    assert "Z999" in {rule.code for rule in plugins.all_rules()}
    monkeypatch.setenv("FORM16LINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert "Z999" not in {rule.code for rule in load_plugins().all_rules()}
    sys.modules.pop("zpack_rules", None)


def test_crashing_rule_is_f001_and_others_still_run(tmp_path):
    plugins = load_plugins(autoload=False, extra=(make_pack(Exploding, BigSale),))
    path = write(tmp_path, "f.xml", ownership_xml(nd_transactions=[nd_tx(shares="900", after="100")]))
    result = lint([path], plugins, Settings(), RunOptions())
    crash, = [f for f in result.findings if f.code == "F001"]
    assert "Z902" in crash.message and "ZeroDivisionError: boom" in crash.message
    assert any(f.code == "Z901" for f in result.findings)


def test_a_broken_pack_is_reported_not_fatal():
    broken = types.ModuleType("broken_pack")
    broken.form16lint_not_a_hook = hookimpl(lambda: [])
    plugins = load_plugins(autoload=False, extra=(broken,))
    assert any("broken_pack" in note for note in plugins.load_errors)
    assert plugins.all_rules()  # the built-in pack is still there


@pytest.mark.parametrize("select, ignore, code, expected", [
    ([""], [], "S002", True),
    (["S"], ["S00"], "S002", False),
    (["S002"], ["S"], "S002", True),  # the longer prefix wins
    (["B"], [], "S002", False),
])
def test_selection_by_prefix(select, ignore, code, expected):
    assert Settings(select=select, ignore=ignore).selects(code) is expected


def test_fingerprints_survive_moved_lines_and_reordered_files(plugins, tmp_path):
    bad = ownership_xml(document_type="4/A", nd_transactions=[nd_tx(date="2024-02-30")])
    other = ownership_xml(nd_transactions=[nd_tx(di="I")])
    a = write(tmp_path, "a.xml", bad)
    b = write(tmp_path, "b.xml", other)
    first = lint([a, b], plugins, Settings(), RunOptions()).findings
    write(tmp_path, "a.xml", bad.replace("<ownershipDocument>", "<!-- moved -->\n\n\n<ownershipDocument>"))
    second = lint([b, a], plugins, Settings(), RunOptions()).findings
    assert {f.fingerprint for f in first} == {f.fingerprint for f in second}
    assert {f.line for f in first if f.path == a} != {f.line for f in second if f.path == a}
    assert len({f.fingerprint for f in first}) == len(first)


def test_every_builtin_plugin_loads():
    from form16lint.plugins import BUILTIN_PLUGINS

    plugins = load_plugins(autoload=False)
    assert plugins.load_errors == []
    assert all(plugins.manager.has_plugin(name) for name in BUILTIN_PLUGINS)
    assert {"rich", "concise", "json", "sarif", "github", "junit"} <= set(plugins.output_formats())


def test_a_run_leaves_no_reference_cycles_for_the_paused_collector(plugins):
    """lint() pauses the cycle collector; that is only sound while documents, findings and
    rules make no reference cycles, so that reference counting frees everything."""
    import gc
    from pathlib import Path

    examples = sorted(str(p) for p in (Path(__file__).parents[1] / "examples").iterdir() if p.is_file())
    lint(examples, plugins, Settings(), RunOptions())  # first imports and caches
    gc.collect()
    gc.disable()
    try:
        result = lint(examples, plugins, Settings(), RunOptions())
        assert result.findings and gc.isenabled() is False
        for document in result.documents:
            document.locate("/nonDerivativeTransactions/0/shares")
        del result, document
        # Only the run's own objects count: a test before this one may leave a library's threads
        # running (a Dask cluster's event loop), whose garbage the collector also finds.
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        ours = [type(o).__qualname__ for o in gc.garbage if type(o).__module__.startswith("form16lint")]
        assert ours == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_collection_rules_share_one_reading_per_run(tmp_path):
    from form16lint.rule import CollectionRule

    readings = []

    def issuers(documents):
        readings.append(len(documents))
        return {d.filing.issuer.name for d in documents}

    def rule(code):
        class Reads(CollectionRule):
            """Reads the issuers of every filing."""

            name, severity = f"reads-{code}", Severity.INFO

            def check(self, documents, options):
                documents.shared(issuers)
                return ()

        Reads.code = code
        return Reads

    pack = types.ModuleType("collection_pack")
    pack.form16lint_collection_rules = hookimpl(lambda: [rule("Z801")(), rule("Z802")()])
    plugins = load_plugins(autoload=False, extra=(pack,))
    paths = [write(tmp_path, f"f{n}.xml", ownership_xml(nd_transactions=[nd_tx()])) for n in range(2)]
    lint(paths, plugins, Settings(), RunOptions())
    lint(paths[:1], plugins, Settings(), RunOptions())
    assert readings == [2, 1]  # once a run, over that run's documents
