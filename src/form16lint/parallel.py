"""``--jobs N``: read files and run the per-filing rules in worker processes.

Workers return (document, findings) per file, in the order the files were given, so the parent
runs the collection rules and sorts exactly as one process would. Where the platform can fork,
workers inherit the loaded plugins (including any a caller added); elsewhere each worker loads
them afresh.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from form16lint.engine import check_file, split_rules

_STATE: tuple | None = None  # (plugins, filing rules, options) in a worker


def _start(settings, options) -> None:
    global _STATE
    if _STATE is None:  # spawned, not forked: load the plugins here
        from form16lint.plugins import load_plugins

        plugins = load_plugins()
        _STATE = (plugins, split_rules(plugins.all_rules(), settings)[0], options)


def _check(path: str):
    plugins, filing_rules, options = _STATE
    return check_file(plugins, path, filing_rules, options)


def check_in_parallel(paths, plugins, filing_rules, settings, options) -> list:
    global _STATE
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":
        _STATE = (plugins, filing_rules, options)
    jobs = min(settings.jobs, len(paths))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                                 initargs=(settings, options)) as pool:
            return list(pool.map(_check, paths, chunksize=max(1, len(paths) // (jobs * 4))))
    finally:
        _STATE = None
