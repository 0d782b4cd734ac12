"""The plugin contract: typed hook specs, the reporter call the spec states, packs switched off by
name, a pack's own configuration keys, and each pack's version."""

import inspect
import json
import sys
import textwrap
import typing

import pytest

from form16lint import hookspecs
from form16lint.cli import main
from form16lint.plugins import load_plugins
from filings import nd_tx, ownership_xml

PACK = '''
from form16lint.findings import Severity, Violation
from form16lint.hookspecs import hookimpl
from form16lint.pack_options import PackOption
from form16lint.rule import FilingRule

__version__ = "9.9"


class LargeSale(FilingRule):
    """A sale of more shares than the pack's large-sale key.

    ## What it checks
    Test rule.
    """
    code = "Z501"
    name = "large-sale"
    severity = Severity.WARNING

    def check(self, filing, context):
        limit = context.options.pack(self.pack)["large-sale"]
        for pointer, row in filing.transactions():
            if row.code == "S" and row.shares.value > limit:
                yield Violation(pointer + "/shares", f"sold more than {limit}")


@hookimpl
def form16lint_filing_rules():
    return [LargeSale()]


@hookimpl
def form16lint_pack_options():
    return [PackOption("large-sale", "shares above which a sale is large", 1000, "integer")]


def tally(result, stream, settings):
    stream.write(f"{len(result.findings)} findings, fail-on {settings.fail_on}\\n")


@hookimpl
def form16lint_output_formats():
    return {"tally": tally}
'''


@pytest.fixture
def zpack(tmp_path, monkeypatch):
    """An installed third-party pack (dist zpack 2.3, entry point 'zpack')."""
    site = tmp_path / "site"
    info = site / "zpack-2.3.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: zpack\nVersion: 2.3\n")
    (info / "entry_points.txt").write_text("[form16lint]\nzpack = zpack_contract_rules\n")
    (site / "zpack_contract_rules.py").write_text(textwrap.dedent(PACK))
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("FORM16LINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.chdir(tmp_path)
    filing = tmp_path / "sale.xml"
    filing.write_text(ownership_xml(nd_transactions=[nd_tx(shares="5000", after="100", code="S", ad="D")]))
    yield filing
    sys.modules.pop("zpack_contract_rules", None)


def test_every_hook_spec_is_typed():
    for name, spec in inspect.getmembers(hookspecs, inspect.isfunction):
        if not name.startswith("form16lint_"):
            continue
        hints = typing.get_type_hints(spec, vars(hookspecs) | _type_names())
        assert "return" in hints, name
        assert set(inspect.signature(spec).parameters) <= set(hints), name


def _type_names():
    from form16lint.engine import LintResult
    from form16lint.model import Document
    from form16lint.pack_options import PackOption
    from form16lint.rule import CollectionRule, FilingRule
    from form16lint.settings import Settings

    return {"LintResult": LintResult, "Document": Document, "PackOption": PackOption,
            "CollectionRule": CollectionRule, "FilingRule": FilingRule, "Settings": Settings}


def test_every_builtin_reporter_takes_the_call_the_spec_states():
    spec = inspect.signature(hookspecs.Reporter.__call__)
    arguments = [name for name in spec.parameters if name != "self"]
    assert arguments == ["result", "stream", "settings"]
    for name, reporter in load_plugins(autoload=False).output_formats().items():
        inspect.signature(reporter).bind(object(), object(), object())  # raises if it cannot take it


def test_a_reporter_written_to_the_spec_is_called_with_the_settings(zpack, capsys):
    assert main(["check", str(zpack), "--isolated", "--format", "tally", "--select", "Z"]) == 0
    assert capsys.readouterr().out == "1 findings, fail-on error\n"


def test_a_pack_reads_its_own_configuration_keys(zpack, tmp_path, capsys):
    assert main(["check", str(zpack), "--isolated", "--format", "json", "--select", "Z"]) == 0
    finding, = json.loads(capsys.readouterr().out)["findings"]
    assert finding["message"] == "sold more than 1000"  # the default the pack declares
    (tmp_path / ".form16lint.toml").write_text('select = ["Z"]\n[packs.zpack]\nlarge-sale = 9000\n')
    assert main(["check", str(zpack), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


@pytest.mark.parametrize("table, words", [
    ("[packs.zpack]\nlarge_sale = 9000\n", ["large_sale", "zpack", "large-sale"]),
    ("[packs.zpack]\nlarge-sale = \"many\"\n", ["large-sale", "integer", "many"]),
    ("[packs.nopack]\nx = 1\n", ["nopack", "zpack"]),
])
def test_a_bad_pack_key_stops_the_run_naming_it(zpack, tmp_path, capsys, table, words):
    (tmp_path / ".form16lint.toml").write_text(table)
    assert main(["check", str(zpack)]) == 2
    error = capsys.readouterr().err
    assert ".form16lint.toml" in error and all(word in error for word in words), error


def test_a_pack_is_switched_off_by_name_on_the_command_line_and_in_the_configuration(zpack, tmp_path, capsys):
    assert main(["check", str(zpack), "--isolated", "--format", "json", "--select", "Z"]) == 0
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 1
    assert main(["check", str(zpack), "--isolated", "--format", "json", "--disable-pack", "zpack"]) == 0
    assert not [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"].startswith("Z")]
    (tmp_path / ".form16lint.toml").write_text('disable-packs = ["zpack", "form16lint_rules"]\n')
    assert main(["check", str(zpack), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []  # only the core is left, and it is quiet
    assert main(["check", str(zpack), "--isolated", "--disable-pack", "zpak"]) == 2
    assert "'zpak'" in capsys.readouterr().err


def test_rules_shows_each_packs_version(zpack, capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "zpack 2.3" in out and "form16lint_rules 0.1.0" in out and "Z501" in out
