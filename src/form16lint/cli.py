"""The ``form16lint`` command.

Exit status: 0 when nothing reaches ``--fail-on``, 1 when something does, 2 for usage,
configuration or internal errors. Bad input is a finding (E002), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from form16lint import __version__
from form16lint.errors import UsageError
from form16lint.findings import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _codes(text: str) -> list[str]:
    from form16lint.config import parse_codes

    try:
        return parse_codes(code for code in text.split(",") if code.strip())
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _severity(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: $COLUMNS, else the
    terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own help layout, sized without importing shutil (and the compression modules it
    brings): argparse makes a formatter for every option it adds, on every run."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message):  # usage errors exit 2 with one clear line, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (0 or more)")
    return jobs or os.cpu_count() or 1


def _settings_options(parser) -> None:
    """The options that a configuration file can also set; on the command line they win."""
    parser.add_argument("--format", dest="output_format", default=None,
                        help="output format: rich (default), concise, json, sarif, github, junit, html, "
                             "or one a plugin adds")
    parser.add_argument("--select", type=_codes, action="extend", default=None, metavar="CODES",
                        help="only these codes or prefixes, comma-separated (e.g. B,D005)")
    parser.add_argument("--extend-select", type=_codes, action="extend", default=None, metavar="CODES",
                        help="these codes or prefixes as well as the selected ones")
    parser.add_argument("--ignore", type=_codes, action="extend", default=None, metavar="CODES",
                        help="skip these codes or prefixes; the longer matching prefix wins")
    parser.add_argument("--fail-on", type=_severity, default=None, metavar="SEVERITY",
                        help="exit 1 when a finding reaches this severity: error (default), warning, info")
    parser.add_argument("--issuer-map", default=None, metavar="FILE",
                        help="ticker map in the SEC company_tickers.json format, for rule T003")
    parser.add_argument("--config", default=None, metavar="FILE",
                        help="read this configuration file instead of searching for one")
    parser.add_argument("--isolated", action="store_true", help="read no configuration file")
    parser.add_argument("--allow-empty", action="store_const", const=True, default=None,
                        help="a run that checks no file exits 0 (by default it is an error, exit 2)")
    parser.add_argument("--max-file-size", type=_limit, default=None, metavar="MB",
                        help="megabytes read from one file at most (default 50; 0: no limit)")
    parser.add_argument("--max-pages", type=_limit, default=None, metavar="N",
                        help="pages of one PDF at most (default 200; 0: no limit)")
    parser.add_argument("--time-limit", type=_limit, default=None, metavar="SECONDS",
                        help="seconds to read and check one file at most (default 20; 0: no limit)")
    parser.add_argument("--memory-limit", type=_limit, default=None, metavar="MB",
                        help="megabytes of memory one file may take (default 2048; 0: no limit)")
    parser.add_argument("--disable-pack", action="append", default=None, metavar="NAME",
                        help="do not load this rule pack (repeatable; `form16lint rules` lists the packs)")
    _strict_packs_option(parser)


def _strict_packs_option(parser) -> None:
    parser.add_argument("--strict-packs", action="store_const", const=True, default=None,
                        help="exit 2 when a rule pack fails to load")


def _limit(text: str) -> float:
    from form16lint.config import parse_limit

    try:
        return parse_limit(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def settings_from(args):
    from form16lint.config import resolve

    given = {"select": args.select, "extend-select": args.extend_select, "ignore": args.ignore,
             "fail-on": args.fail_on, "output-format": args.output_format, "issuer-map": args.issuer_map,
             "allow-empty": args.allow_empty, "strict-packs": args.strict_packs,
             "max-file-size": args.max_file_size, "max-pages": args.max_pages, "time-limit": args.time_limit,
             "memory-limit": args.memory_limit,
             "disable-packs": args.disable_pack}
    return resolve(given, config=args.config, isolated=args.isolated)


def load_command_plugins(strict: bool | None, disabled: tuple = ()):
    """The plugins, every pack that failed to load said on standard error (and, with
    ``--strict-packs``, the end of the command with exit status 2); ``disabled`` packs are not
    loaded."""
    from form16lint.plugins import load_plugins
    from form16lint.startup import started

    plugins = load_plugins(disabled=disabled)
    errors = plugins.load_errors  # builds the registry: the rule packs are imported now
    started()  # the command has started: the cycle collector resumes, if it was paused for it
    for note in errors:
        print(f"form16lint: warning: {note}", file=sys.stderr)
    if strict and errors:
        raise UsageError(f"{len(errors)} rule pack(s) failed to load (--strict-packs)")
    return plugins


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command with its options, or, given ``command``, that
    command alone (a command line naming one is parsed by its parser only, and building every
    command's parser was a good part of a one-file check's start-up)."""
    parser = _Parser(prog="form16lint", description="Lint SEC Section 16 filings (Forms 3, 4, 5).")
    parser.add_argument("--version", action="version", version=f"form16lint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (summary, add_options) in _COMMAND_OPTIONS.items():
        if command is None or command == name:
            add_options(commands.add_parser(name, help=summary))
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The command a command line names: its first word that is no option, if it is a command."""
    word = next((word for word in argv if not word.startswith("-")), None)
    return word if word in _COMMAND_OPTIONS else None


def _check_options(check) -> None:
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    _settings_options(check)
    check.add_argument("--filing-date", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="judge deadlines as if filed on this day (used when the input has no EDGAR date)")
    check.add_argument("--no-color", action="store_true", help="no colour, even on a terminal")
    check.add_argument("-o", "--output", default=None, metavar="FILE", help="write the report to FILE")
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="check files in N processes (0: one per CPU); the output is the same")
    check.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="check on a dask.distributed cluster: a scheduler address (tcp://host:8786), "
                            "or local / local:N for a local cluster of N worker processes")
    check.add_argument("--output-dir", default=None, metavar="DIR",
                       help="also write the findings as JSON Lines (and Parquet, with pyarrow) partitions in DIR")
    check.add_argument("--baseline", default=None, metavar="FILE",
                       help="report only findings not recorded in FILE (see --write-baseline)")
    check.add_argument("--write-baseline", default=None, metavar="FILE",
                       help="record the current findings in FILE, to adopt form16lint on old filings")


def _config_options(config) -> None:
    _settings_options(config)
    config.add_argument("--reference", action="store_true",
                        help="print the configuration reference (Markdown) instead")


def _explain_options(explain) -> None:
    explain.add_argument("code", help="a rule code, e.g. B001")
    _strict_packs_option(explain)


def _show_options(show) -> None:
    show.add_argument("file", help="a filing in any format form16lint reads")
    show.add_argument("--no-color", action="store_true", help="no colour, even on a terminal")
    _strict_packs_option(show)


def _extract_options(extract) -> None:
    extract.add_argument("file", help="a filing in any format form16lint reads")
    extract.add_argument("-o", "--output", default=None, metavar="OUT", help="write to OUT instead of standard output")
    _strict_packs_option(extract)


# The `due` and `item405` commands (their work is in form16lint.due and form16lint.item405).
def _due_options(due) -> None:
    due.add_argument("paths", nargs="*", metavar="PATH",
                     help="filings (files or folders) or CSV files of planned transactions")
    due.add_argument("--form", choices=("3", "4", "5"), default=None, help="the form to answer for")
    due.add_argument("--transaction-date", type=_date, default=None, metavar="YYYY-MM-DD", help="Form 4")
    due.add_argument("--deemed-execution-date", type=_date, default=None, metavar="YYYY-MM-DD",
                     help="Form 4, when the transaction has one (Rule 16a-3(g)(2))")
    due.add_argument("--event-date", type=_date, default=None, metavar="YYYY-MM-DD", help="Form 3")
    due.add_argument("--fiscal-year-end", type=_date, default=None, metavar="YYYY-MM-DD", help="Form 5")
    due.add_argument("--ics", default=None, metavar="FILE", help="write the due dates as an iCalendar file")


def _item405_options(item405) -> None:
    item405.add_argument("paths", nargs="+", metavar="PATH", help="filings (files or folders)")
    item405.add_argument("--fiscal-year", type=int, required=True, metavar="YYYY",
                         help="the issuer's fiscal year (the year it ends in)")
    item405.add_argument("--fiscal-year-end", default="12-31", metavar="MM-DD",
                         help="the day the fiscal year ends (default 12-31)")
    item405.add_argument("--issuer", default=None, metavar="CIK", help="only this issuer's filings")
    item405.add_argument("--filing-dates", action="append", default=[], metavar="FILE",
                         help="filing dates: an EDGAR form.idx or master.idx, or a CSV of file or accession "
                              "number and filing_date (overrides what the filings say)")
    item405.add_argument("--format", dest="output_format", default="rich",
                         choices=("rich", "markdown", "csv", "json"), help="output format (default rich)")
    item405.add_argument("--no-color", action="store_true", help="no colour, even on a terminal")
    item405.add_argument("-o", "--output", default=None, metavar="FILE", help="write to FILE")


# command -> (its line in the help, the function that adds its options), in the order help lists them
_COMMAND_OPTIONS = {
    "check": ("check filings and report findings", _check_options),
    "config": ("show the resolved configuration and where each value came from", _config_options),
    "rules": ("list every rule: code, severity, summary, pack", _strict_packs_option),
    "explain": ("show a rule's documentation", _explain_options),
    "show": ("show what was read from a filing, laid out as the form", _show_options),
    "extract": ("write the canonical JSON of a filing", _extract_options),
    "due": ("when a Form 3, 4 or 5 is due; deadlines of filings or planned transactions, optionally as an "
            "iCalendar file", _due_options),
    "item405": ("the Item 405 (Regulation S-K) table of late Section 16 reports for a fiscal year, with a "
                "draft disclosure", _item405_options),
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(_command_in(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(f"form16lint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as error:  # the last guard: an internal error is a clear line, never a traceback
        print(f"form16lint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        if os.environ.get("FORM16LINT_DEBUG"):
            raise
        print("form16lint: set FORM16LINT_DEBUG=1 for the traceback, and please report it", file=sys.stderr)
        return EXIT_ERROR


# -- commands ----------------------------------------------------------------------------------------
def cmd_check(args) -> int:
    from form16lint.archives import ArchiveInputs
    from form16lint.config import check_codes, known_codes
    from form16lint.discovery import discover
    from form16lint.engine import lint
    from form16lint.progress import RunProgress
    from form16lint.rule import RunOptions
    from form16lint.suppressions import load_sidecar

    settings = settings_from(args)
    settings.filing_date = args.filing_date
    settings.jobs = args.jobs
    settings.suppressions = load_sidecar()
    if args.no_color:
        settings.color = False

    plugins = load_command_plugins(settings.strict_packs, disabled=tuple(settings.disable_packs))
    check_codes(settings, known_codes(plugins.all_rules()), plugins.load_errors)
    formats = plugins.output_formats()
    if settings.output_format not in formats:
        raise UsageError(f"unknown output format {settings.output_format!r} from "
                         f"{settings.sources.get('output-format')} (choose from {', '.join(sorted(formats))})")
    found = discover(args.paths)
    for note in found.notes:
        print(f"form16lint: {note}", file=sys.stderr)
    files = found.files
    if settings.exclude:
        files = [path for path in files if not settings.excludes(path)]
    for option, output in (("-o", args.output), ("--write-baseline", args.write_baseline)):
        if output:
            check_output_path(output, option, args.paths, found_in_folders=files)
    if not files and found.files:  # the configuration chose to check none of them
        print(f"form16lint: every file given is excluded by {settings.config_file} (exclude): none checked",
              file=sys.stderr)
    elif not files and not found.problems and not settings.allow_empty:
        raise UsageError(f"no file to check: {', '.join(args.paths)} "
                         f"{'holds' if len(args.paths) == 1 else 'hold'} no .xml, .txt, .json or .pdf file; "
                         "a gate that checked nothing passed nothing (pass --allow-empty, or set "
                         "allow-empty = true, if an empty run is fine)")
    from form16lint.pack_options import resolve_pack_options

    options = RunOptions(filing_date=settings.filing_date, limits=settings.read_limits(),
                         packs=resolve_pack_options(plugins, settings.pack_tables, settings.sources.get("packs")))
    if settings.issuer_map:
        from form16lint.issuer_map import load_issuer_map

        options.issuer_map = load_issuer_map(settings.issuer_map)
    inputs = ArchiveInputs(files, given=args.paths, excluded=settings.excludes if settings.exclude else None)
    progress = RunProgress(inputs.count_hint())
    try:
        keep = bool(getattr(formats[settings.output_format], "needs_documents", False))  # reports of whole filings
        if args.dask:
            result = lint_on_dask(args.dask, inputs, plugins, settings, options, progress, keep)
            from form16lint.readers import unreadable

            for path, why in found.problems.items():  # what the cluster was never given
                result.findings.extend(unreadable(path, "unknown", why).reader_findings)
        else:
            result = lint(inputs if inputs.has_archives else files, plugins, settings, options, progress=progress,
                          keep_documents=keep, unread=found.problems)
    finally:
        progress.close()
    result.notes.extend(found.notes)
    result.notes.extend(inputs.notes())
    for note in inputs.notes():
        print(f"form16lint: {note}", file=sys.stderr)
    if found.missing:
        print(f"form16lint: error: no such file or folder: {', '.join(found.missing)} (the other paths were "
              "checked; exit status 2)", file=sys.stderr)
    status = EXIT_FINDINGS if result.failed(settings.fail_on) else EXIT_CLEAN
    if found.missing:
        status = EXIT_ERROR
    if args.write_baseline:
        from form16lint.baseline import write_baseline

        count = write_baseline(args.write_baseline, result.findings)
        print(f"form16lint: recorded {count} finding(s) in the baseline {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if found.missing else EXIT_CLEAN
    if args.baseline:
        from form16lint.baseline import apply_baseline

        notes: list[str] = []
        gone = apply_baseline(result, args.baseline, notes)
        for note in notes:
            print(f"form16lint: {note}", file=sys.stderr)
        for entry in gone:
            print(f"form16lint: baseline entry no longer occurs: {entry.get('path')}: {entry.get('code')} "
                  f"{entry.get('message', '')} ({entry['fingerprint']})", file=sys.stderr)
        status = EXIT_ERROR if found.missing else (EXIT_FINDINGS if result.failed(settings.fail_on) else EXIT_CLEAN)
    if args.output_dir:
        from form16lint.partitions import write_partitions

        write_partitions(result, args.output_dir)
    write_report(formats[settings.output_format], result, settings, args.output)
    return status


def check_output_path(output: str, option: str, inputs: list[str], found_in_folders: list[str] = ()) -> None:
    """A UsageError, naming the user's path, when ``output`` cannot be written or is one of the
    inputs (by any spelling, symbolic or hard link): a report never replaces a filing. A file
    found in a folder given that is form16lint's own earlier report or baseline (skipped, never
    read as a filing) may be written again."""
    if os.path.isdir(output):
        raise UsageError(f"cannot write {option} {output}: it is a folder; give a file name")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {option} {output}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {option} {output}: no permission to write in the folder {folder}")
    try:
        target = os.stat(output)
    except OSError:
        return  # not there yet: no input can be it
    for path in [*inputs, *found_in_folders]:
        try:
            status = os.stat(path)
        except OSError:
            continue
        if (status.st_dev, status.st_ino) != (target.st_dev, target.st_ino):
            continue
        if path not in inputs and _own_output(output):
            continue
        raise UsageError(f"refusing to write {option} {output}: it is the input {path}; "
                         "form16lint never overwrites what it checks")


def _own_output(path: str) -> bool:
    from form16lint.recognition import own_output

    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - 512))
            tail = handle.read(512)
    except OSError:
        return False
    return own_output(head) is not None or own_output(tail) is not None


def lint_on_dask(address, inputs, plugins, settings, options, progress, keep_documents=False):
    """The run on a dask.distributed cluster (see form16lint.cluster); dask is imported only here."""
    from form16lint.cluster import ClusterError, connect, lint_on_cluster

    try:
        client = connect(address)
    except ClusterError as error:
        raise UsageError(str(error)) from None
    try:
        return lint_on_cluster(client, inputs, plugins, settings, options, progress, keep_documents)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and address.startswith("local"):
            cluster.close()


def write_report(reporter, result, settings, output: str | None) -> None:
    """Write the report, the cycle collector paused as during the run: a report of many filings
    builds many small objects beside the run's results, and passes over them all free nothing."""
    from form16lint.engine import collector_paused

    with collector_paused():
        if output is None:
            reporter(result, sys.stdout, settings)
            return
        from form16lint.output import atomic_writer

        with atomic_writer(output) as stream:
            reporter(result, stream, settings)


def cmd_config(args) -> int:
    from form16lint.config import check_codes, describe_settings, known_codes, reference_markdown

    if args.reference:
        sys.stdout.write(reference_markdown())
        return EXIT_CLEAN
    settings = settings_from(args)
    plugins = load_command_plugins(settings.strict_packs)
    check_codes(settings, known_codes(plugins.all_rules()), plugins.load_errors)
    sys.stdout.write(describe_settings(settings))
    return EXIT_CLEAN


def cmd_rules(args) -> int:
    from rich.table import Table

    from form16lint.reporters.rich_report import make_console

    plugins = load_command_plugins(args.strict_packs)
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for column in ("code", "severity", "summary", "pack"):
        table.add_column(column, overflow="fold")
    for rule in plugins.all_rules():
        table.add_row(rule.code, str(rule.severity), rule.summary(), rule.pack)
    console = make_console(sys.stdout)
    console.print(table)
    console.print()
    console.print("packs: " + "; ".join(f"{name} {version}" for name, version in plugins.packs()))
    for note in plugins.load_errors:
        console.print(note, style="yellow")
    return EXIT_CLEAN


def cmd_explain(args) -> int:
    from rich.markdown import Markdown

    from form16lint.reporters.rich_report import make_console

    plugins = load_command_plugins(args.strict_packs)
    code = args.code.strip().upper()
    for rule in plugins.all_rules():
        if rule.code == code:
            console = make_console(sys.stdout)
            console.print(f"[bold]{rule.code}[/bold] ({rule.name}) · default severity "
                          f"{rule.severity} · forms {', '.join(sorted(rule.forms))} · pack {rule.pack}")
            console.print(f"[bold]{rule.summary()}[/bold]")
            console.print()
            console.print(Markdown(rule.documentation()))
            if "## Failing example" in rule.documentation() and rule.pack != "form16lint":
                console.print("The examples are fragments of a filing: the elements shown replace those of a "
                              "clean Form 3, 4 or 5 (a Form 4 unless they say otherwise); the tests run them.",
                              style="dim")
            return EXIT_CLEAN
    raise UsageError(f"no rule has the code {code!r}; `form16lint rules` lists them")


def read_one(path: str, strict_packs: bool | None = None):
    """Read one file for a single-file command: the Document, or None after saying on standard
    error why it cannot be read, naming the file."""
    from form16lint.discovery import discover
    from form16lint.engine import read_document

    if os.path.isdir(path):
        print(f"form16lint: {path}: is a folder; give one file", file=sys.stderr)
        return None
    found = discover([path])
    for note in found.notes:
        print(f"form16lint: {note}", file=sys.stderr)
    for problem_path, why in found.problems.items():
        print(f"form16lint: {problem_path}: {why}", file=sys.stderr)
    if not found.files:
        return None
    document = read_document(load_command_plugins(strict_packs), path)
    if document.filing is None:
        report_reader_findings(document)
        return None
    return document


def report_reader_findings(document) -> None:
    from form16lint.messages import one_line
    from form16lint.reporters.concise import location

    for finding in document.reader_findings:
        print(f"{location(finding)}: {finding.code} [{finding.severity}] {one_line(finding.message)}",
              file=sys.stderr)


def cmd_extract(args) -> int:
    from form16lint.canonical import to_json

    if args.output:
        check_output_path(args.output, "-o", [args.file])
    document = read_one(args.file, args.strict_packs)
    if document is None:
        return EXIT_FINDINGS
    report_reader_findings(document)  # regions read with doubt (E001); the JSON keeps them as "unread"
    text = to_json(document.filing)
    if args.output:
        from form16lint.output import atomic_writer

        with atomic_writer(args.output) as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN


def cmd_show(args) -> int:
    from form16lint.settings import Settings
    from form16lint.show import show

    document = read_one(args.file, args.strict_packs)
    if document is None:
        return EXIT_FINDINGS
    settings = Settings()
    if args.no_color:
        settings.color = False
    show(document, sys.stdout, settings)
    return EXIT_CLEAN


def cmd_due(args) -> int:
    from form16lint.due import run_due

    if args.ics:
        check_output_path(args.ics, "--ics", args.paths)
    return run_due(args)


def cmd_item405(args) -> int:
    from form16lint.item405 import run_item405

    if args.output:
        check_output_path(args.output, "-o", args.paths)
    return run_item405(args)


COMMANDS = {"check": cmd_check, "config": cmd_config, "rules": cmd_rules, "explain": cmd_explain,
            "extract": cmd_extract, "show": cmd_show, "due": cmd_due, "item405": cmd_item405}
