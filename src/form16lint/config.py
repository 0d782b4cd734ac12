"""Configuration: ``[tool.form16lint]`` in pyproject.toml, or ``.form16lint.toml``.

The file is found from the working directory upwards: in each folder ``.form16lint.toml`` first,
then a ``pyproject.toml`` that has a ``[tool.form16lint]`` table; the first found is the only one
read. Globs in it are relative to its folder. Command-line options override it. An unknown key or
a bad value is a :class:`~form16lint.errors.UsageError` naming the key and the file (exit 2).

Every option is described once, in :data:`OPTIONS`; ``form16lint config --reference`` renders
that table as the Markdown reference in the documentation.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from form16lint.errors import UsageError
from form16lint.findings import Severity
from form16lint.settings import Settings

CONFIG_FILES = (".form16lint.toml", "pyproject.toml")
TABLE = "[tool.form16lint]"
_PREFIX = re.compile(r"^[A-Z](?:[0-9]{1,3})?$")
RULE_CODE = re.compile(r"^[A-Z][0-9]{3}$")


@dataclass(frozen=True)
class Option:
    """One key of the configuration file, with what the reference says of it."""

    key: str  # as written in the file
    attr: str  # the Settings attribute
    kind: str  # codes | severity | severity-map | globs | per-file-ignores | path | text
    default: str  # the default, as the reference shows it
    help: str
    example: str  # a TOML line


OPTIONS = (
    Option("select", "select", "codes", "all rules",
           "Rule codes or prefixes to check. `ALL` selects every rule. When `select` and `ignore` both "
           "match a code, the longer prefix wins (flake8's rule). E001, E002, E003, F001 and F002 (a field "
           "or file not read, a file skipped, a rule crashed, a suppression that does nothing) are "
           "reported whatever `select` says, unless `ignore` names them. An unknown code or prefix here "
           "or in any other key is an error (exit 2).", 'select = ["S", "B001"]'),
    Option("extend-select", "extend_select", "codes", "[]",
           "Codes or prefixes to check in addition to `select`.", 'extend-select = ["T003"]'),
    Option("ignore", "ignore", "codes", "[]", "Codes or prefixes not to check.", 'ignore = ["S004"]'),
    Option("per-file-ignores", "per_file_ignores", "per-file-ignores", "{}",
           "Codes or prefixes not to check in the files a glob matches. Globs are relative to the "
           "configuration file's folder, read as .gitignore reads them, and match however the file "
           "is named on the command line (as pre-commit names it, absolute, or from a subfolder); "
           "`*` stays in a folder, `**` crosses folders, a glob without `/` matches any one part of "
           "the path.",
           'per-file-ignores = { "legacy/**" = ["S004"], "*.pdf" = ["E001"] }'),
    Option("severity", "severity", "severity-map", "{}",
           "Override a rule's severity: `error`, `warning` or `info`, per code.",
           'severity = { S004 = "info", S007 = "warning" }'),
    Option("fail-on", "fail_on", "severity", "error",
           "Exit with status 1 when a finding reaches this severity: `error`, `warning` or `info`.",
           'fail-on = "warning"'),
    Option("issuer-map", "issuer_map", "path", "none",
           "A ticker map in the SEC `company_tickers.json` format (for rule T003); relative to the "
           "configuration file's folder.", 'issuer-map = "data/company_tickers.json"'),
    Option("exclude", "exclude", "globs", "[]",
           "Files not to check, as globs relative to the configuration file's folder; they hold "
           "for files named on the command line too.", 'exclude = ["drafts", "archive/**/*.pdf"]'),
    Option("output-format", "output_format", "text", "rich",
           "The report format: `rich`, `concise`, `json`, `sarif`, `github`, `junit`, or one a "
           "plugin adds.", 'output-format = "concise"'),
    Option("allow-empty", "allow_empty", "bool", "false",
           "Accept a run that checks no file (exit 0); by default it is an error (exit 2), since a "
           "gate that checked nothing has passed nothing.", "allow-empty = false"),
    Option("strict-packs", "strict_packs", "bool", "false",
           "Stop with exit status 2 when a rule pack fails to load, instead of checking without it.",
           "strict-packs = true"),
    Option("max-file-size", "max_file_size", "number", "50",
           "Megabytes read from one file at most; a larger file is an E002 (0: no limit).",
           "max-file-size = 50"),
    Option("max-pages", "max_pages", "number", "200",
           "Pages of one PDF at most; a longer PDF is an E002 (0: no limit).", "max-pages = 200"),
    Option("time-limit", "time_limit", "number", "20",
           "Seconds to read and check one file at most; a file that takes longer is an E002 (0: no "
           "limit).", "time-limit = 20"),
    Option("memory-limit", "memory_limit", "number", "2048",
           "Megabytes of memory one file may take while it is read and checked; past that it is an "
           "E002 (0: no limit; Linux and other systems with RLIMIT_AS).", "memory-limit = 2048"),
    Option("disable-packs", "disable_packs", "names", "[]",
           "Rule packs not to load, by name as `form16lint rules` lists them (`form16lint_rules` is "
           "the built-in pack); the core's own codes stay.", 'disable-packs = ["mypack"]'),
    Option("packs", "pack_tables", "packs", "{}",
           "The configuration keys a pack declares, in a table per pack (`[packs.NAME]`, in "
           "pyproject.toml `[tool.form16lint.packs.NAME]`); checked against the pack's declaration.",
           'packs = { mypack = { large-sale = 250000 } }'),
)
BY_KEY = {option.key: option for option in OPTIONS}
COMMAND_LINE = "command line"
DEFAULT = "default"


# -- finding and reading the file ---------------------------------------------------------------------
def find_config(start: str | os.PathLike | None = None) -> tuple[Path, dict] | None:
    """The first configuration from ``start`` (default: the working directory) upwards, with its
    ``form16lint`` table."""
    from form16lint.paths import folders_up

    for folder in folders_up(start):
        for name in CONFIG_FILES:
            path = folder / name
            if path.is_file():
                table = read_table(path)
                if table is not None:
                    return path, table
    return None


def read_table(path: Path) -> dict | None:
    """The form16lint table of a file: the whole of ``.form16lint.toml``, ``[tool.form16lint]``
    of pyproject.toml (None when it has none)."""
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot be read: {error.strerror or error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("form16lint")
        if table is not None and not isinstance(table, dict):
            raise UsageError(f"{path}: {TABLE} must be a table")
        return table
    return data


def apply_table(settings: Settings, table: dict, path: Path) -> None:
    """Check every key and value of the table and set them on ``settings``."""
    where = f"{path}" + (f" {TABLE}" if path.name == "pyproject.toml" else "")
    settings.config_file = str(path)
    settings.root = str(path.parent)
    for key, value in table.items():
        option = BY_KEY.get(key)
        if option is None:
            raise UsageError(f"{where}: unknown key {key!r} (known keys: {', '.join(BY_KEY)})")
        try:
            parsed = _parse(option, value, path.parent)
        except ValueError as error:
            raise UsageError(f"{where}: bad value for {key!r}: {error}") from None
        setattr(settings, option.attr, parsed)
        settings.sources[key] = str(path)


def _parse(option: Option, value, folder: Path):
    kind = option.kind
    if kind == "codes":
        return _codes(value)
    if kind == "severity":
        return _severity(value)
    if kind == "severity-map":
        return {_code(code): _severity(level) for code, level in _table(value).items()}
    if kind == "per-file-ignores":
        return {_text(glob): _codes(codes) for glob, codes in _table(value).items()}
    if kind == "globs":
        return [_text(item) for item in _list(value)]
    if kind == "path":
        return str(folder / _text(value))
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {value!r}")
        return value
    if kind == "number":
        return parse_limit(value)
    if kind == "names":
        return [_text(item) for item in _list(value)]
    if kind == "packs":
        return {_text(pack): dict(_table(keys)) for pack, keys in _table(value).items()}
    return _text(value)


def _table(value) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"expected a table, got {value!r}")
    return value


def _list(value) -> list:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {value!r}")
    return value


def _text(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value.strip()


def _codes(value) -> list[str]:
    return parse_codes(_list(value))


def parse_codes(items) -> list[str]:
    """Rule codes or prefixes as selection takes them: upper case, ``ALL`` as the empty prefix
    that matches every code; ValueError for anything else. The command line and the
    configuration file both read codes this way."""
    codes = []
    for item in items:
        code = _text(item).upper()
        if code == "ALL":
            code = ""
        elif not _PREFIX.match(code):
            raise ValueError(f"{item!r} is not a rule code or prefix (a letter and up to three digits: "
                             "S, S00, S004), nor ALL")
        codes.append(code)
    return codes


def parse_limit(value) -> float:
    """A limit: a number, 0 or more (0: no limit)."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0 or value == float("inf"):
        raise ValueError(f"expected a number, 0 or more (0: no limit), got {value!r}")
    return value


def _code(value) -> str:
    if not RULE_CODE.match(str(value)):
        raise ValueError(f"{value!r} is not a rule code (a letter and three digits, e.g. S004)")
    return value


def _severity(value) -> Severity:
    if isinstance(value, Severity):
        return value
    return Severity.parse(_text(value))


# -- resolving: file, then command line ----------------------------------------------------------
def resolve(arguments: dict, config: str | None = None, isolated: bool = False) -> Settings:
    """The settings of a run: defaults, then the configuration file, then ``arguments`` (option
    key -> value given on the command line, None when not given)."""
    settings = Settings()
    settings.sources = {option.key: DEFAULT for option in OPTIONS}
    if config:
        path = Path(config)
        if not path.is_file():
            raise UsageError(f"no such configuration file: {config}")
        table = read_table(path)
        if table is None:
            raise UsageError(f"{path}: has no {TABLE} table")
        apply_table(settings, table, path.resolve())
    elif not isolated:
        found = find_config()
        if found:
            apply_table(settings, found[1], found[0])
    for key, value in arguments.items():
        if value is not None:
            setattr(settings, BY_KEY[key].attr, value)
            settings.sources[key] = COMMAND_LINE
    return settings


# -- which codes exist ----------------------------------------------------------------------------


def known_codes(rules) -> set[str]:
    """Every code a run can report: those of ``rules`` (the loaded packs', ``plugins.all_rules()``)
    and the core's own codes (:mod:`form16lint.core_codes`). The one place that answers "which
    codes are known"."""
    from form16lint.core_codes import CORE_CODES as DECLARED

    return {rule.code for rule in rules} | {code.code for code in DECLARED}


def check_codes(settings: Settings, known: set[str], load_errors=()) -> None:
    """A UsageError naming the first code or prefix in the settings (select, extend-select, ignore,
    per-file-ignores, severity, the suppressions sidecar) that matches no known code: a typo there
    would otherwise select or silence nothing, and the gate would pass by accident."""
    def where(key: str) -> str:
        source = settings.sources.get(key, DEFAULT)
        return "on the command line" if source == COMMAND_LINE else f"in {source}"

    given = [(code, key) for key in ("select", "extend-select", "ignore")
             for code in getattr(settings, BY_KEY[key].attr) or ()]
    given += [(code, "per-file-ignores") for codes in (settings.per_file_ignores or {}).values() for code in codes]
    given += [(code, "severity") for code in settings.severity or {}]
    for code, key in given:
        if code and not any(name.startswith(code) for name in known):
            raise UsageError(f"unknown rule code {code!r} in {key!r} {where(key)}: no rule has this code "
                             f"or prefix{_see_rules(load_errors)}")
    for suppression in settings.suppressions or ():
        if suppression.code not in known:
            raise UsageError(f"{suppression.path}: unknown rule code {suppression.code!r} in an [[ignore]] "
                             f"entry: no rule has this code{_see_rules(load_errors)}")


def _see_rules(load_errors) -> str:
    hint = "; `form16lint rules` lists the codes"
    if load_errors:
        hint += " (and some packs did not load: " + "; ".join(load_errors) + ")"
    return hint


# -- showing it ----------------------------------------------------------------------------------
def toml_value(value) -> str:
    if isinstance(value, Severity):
        return f'"{value}"'
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item if item else "ALL") for item in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{toml_value(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    return "none" if value is None else str(value)


def describe_settings(settings: Settings) -> str:
    """The resolved configuration, as TOML with where each value came from."""
    lines = [f"# configuration file: {settings.config_file or 'none found'}", TABLE]
    for option in OPTIONS:
        value = getattr(settings, option.attr)
        if value is None:
            lines.append(f"# {option.key} is not set  ({settings.sources.get(option.key, DEFAULT)})")
            continue
        lines.append(f"{option.key} = {toml_value(value)}  # {settings.sources.get(option.key, DEFAULT)}")
    return "\n".join(lines) + "\n"


def reference_markdown() -> str:
    """The configuration reference, generated from :data:`OPTIONS`."""
    lines = [
        "| key | default | meaning |",
        "| --- | --- | --- |",
    ]
    for option in OPTIONS:
        lines.append(f"| `{option.key}` | {option.default} | {option.help} |")
    lines += ["", "Example (`.form16lint.toml`, or the same keys under `[tool.form16lint]` in pyproject.toml):",
              "", "```toml"]
    lines += [option.example for option in OPTIONS]
    lines += ["```"]
    return "\n".join(lines) + "\n"
