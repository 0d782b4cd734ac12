"""Configuration from pyproject.toml or .form16lint.toml, found upwards; the command line wins."""

from pathlib import Path

import pytest

from filings import nd_tx, ownership_xml
from form16lint.cli import main
from form16lint.config import reference_markdown

BROKEN = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")])  # one S003 error


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "filings" / "legacy").mkdir(parents=True)
    (tmp_path / "filings" / "new.xml").write_text(BROKEN)
    (tmp_path / "filings" / "legacy" / "old.xml").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(capsys) -> list[str]:
    out = capsys.readouterr().out
    return sorted(line.split(": ")[0].split(":")[0] + " " + line.split(": ")[1].split()[0]
                  for line in out.splitlines() if " [" in line)


def test_pyproject_table_found_from_a_subfolder(repo, monkeypatch, capsys):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.form16lint]\nignore = ["S003"]\n')
    monkeypatch.chdir(repo / "filings")
    assert main(["check", "--format", "concise", "."]) == 0
    assert main(["check", "--format", "concise", "--ignore", "S004", "."]) == 1  # the command line wins


def test_dot_file_before_pyproject(repo, capsys):
    (repo / "pyproject.toml").write_text('[tool.form16lint]\nignore = ["S003"]\n')
    (repo / ".form16lint.toml").write_text('fail-on = "warning"\n')
    assert main(["check", "--format", "concise", "filings"]) == 1
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert 'fail-on = "warning"  # ' + str(repo / ".form16lint.toml") in out
    assert "ignore = []  # default" in out


def test_per_file_ignores_hold_however_the_file_is_named(repo, monkeypatch, capsys):
    (repo / ".form16lint.toml").write_text('output-format = "concise"\n'
                                           'per-file-ignores = { "filings/legacy/**" = ["S"] }\n')
    for name in ("filings/legacy/old.xml", str(repo / "filings/legacy/old.xml")):  # as pre-commit names it; absolute
        assert main(["check", name]) == 0, name
    monkeypatch.chdir(repo / "filings")
    assert main(["check", "--select", "S", "legacy/old.xml", "new.xml"]) == 1
    assert codes(capsys)[-1] == "new.xml S003"


def test_exclude_holds_for_named_files(repo, capsys):
    (repo / ".form16lint.toml").write_text('exclude = ["legacy"]\noutput-format = "concise"\n')
    assert main(["check", "filings/legacy/old.xml"]) == 0
    assert "in 0 file(s)" in capsys.readouterr().out


def test_severity_override(repo, capsys):
    (repo / ".form16lint.toml").write_text('severity = { S003 = "warning" }\n')
    assert main(["check", "--format", "concise", "filings/new.xml"]) == 0
    assert "S003 [warning]" in capsys.readouterr().out


@pytest.mark.parametrize("text, words", [
    ('selct = ["S"]\n', ["unknown key 'selct'"]),
    ('fail-on = "fatal"\n', ["'fail-on'", "fatal"]),
    ('select = ["S0001"]\n', ["'select'", "S0001"]),
    ('severity = { S3 = "info" }\n', ["'severity'", "S3"]),
    ('per-file-ignores = ["x"]\n', ["'per-file-ignores'"]),
    ('select = \n', ["not valid TOML"]),
])
def test_bad_configuration_names_key_and_file(repo, capsys, text, words):
    (repo / ".form16lint.toml").write_text(text)
    assert main(["check", "filings"]) == 2
    err = capsys.readouterr().err
    assert str(repo / ".form16lint.toml") in err
    for word in words:
        assert word in err


def test_unknown_output_format_from_the_file(repo, capsys):
    (repo / "pyproject.toml").write_text('[tool.form16lint]\noutput-format = "xml"\n')
    assert main(["check", "filings"]) == 2
    assert "pyproject.toml" in capsys.readouterr().err


def test_issuer_map_is_relative_to_the_config_file(repo, monkeypatch, capsys):
    (repo / ".form16lint.toml").write_text('issuer-map = "tickers.json"\n')
    monkeypatch.chdir(repo / "filings")
    assert main(["config"]) == 0
    assert f'issuer-map = "{repo / "tickers.json"}"' in capsys.readouterr().out


def test_docs_carry_the_current_reference(capsys):
    docs = Path(__file__).resolve().parents[1] / "README.md"
    assert reference_markdown() in docs.read_text(), "regenerate with `form16lint config --reference`"
    assert main(["config", "--reference"]) == 0
    assert capsys.readouterr().out == reference_markdown()
