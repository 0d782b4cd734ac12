"""``--jobs N``: read files and run the per-filing rules in worker processes.

Each worker receives a batch of inputs (paths, or an archive member's bytes) and sends back, per
input, a :class:`~form16lint.checking.CheckedFile`: findings, header and the collection rules'
summaries, a few hundred bytes, never the document. Batches are handed out as workers free up,
with only a few in flight, so an archive streams through without being held whole, and results
come back in input order, so the parent runs the collection rules and sorts exactly as one
process would. Where the platform can fork, workers inherit the loaded plugins (including any a
caller added); elsewhere each worker loads them afresh.

This module imports :mod:`form16lint.checking`, never the engine.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from form16lint.checking import Summarisers, check_input, split_rules

_STATE: tuple | None = None  # (plugins, filing rules, summarisers, options, keep documents) in a worker
BATCH = 16  # inputs per task: enough to make the cost of a task's round trip small
IN_FLIGHT = 4  # tasks queued per worker: keeps workers busy without reading far ahead


def _start(settings, options, keep_documents) -> None:
    global _STATE
    if _STATE is None:  # spawned, not forked: load the plugins here
        from form16lint.plugins import load_plugins

        plugins = load_plugins()
        filing_rules, collection_rules = split_rules(plugins.all_rules(), settings)
        _STATE = (plugins, filing_rules, Summarisers(collection_rules), options, keep_documents)


def _check_batch(items: list) -> list:
    plugins, filing_rules, summarisers, options, keep = _STATE
    return [check_input(plugins, item, filing_rules, summarisers, options, keep) for item in items]


def check_in_parallel(inputs, plugins, filing_rules, summarisers, settings, options, keep_documents=False):
    """Yield a CheckedFile per input, in input order, checked in ``settings.jobs`` processes."""
    global _STATE
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":
        _STATE = (plugins, filing_rules, summarisers, options, keep_documents)
    batches = iter(lambda items=iter(inputs): list(islice(items, BATCH)), [])
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:  # one batch: starting processes would cost more than it saves
        if _STATE is None:
            _STATE = (plugins, filing_rules, summarisers, options, keep_documents)
        try:
            yield from _check_batch(first)
        finally:
            _STATE = None
        return
    try:
        with ProcessPoolExecutor(max_workers=settings.jobs, mp_context=context, initializer=_start,
                                 initargs=(settings, options, keep_documents)) as pool:
            pending = deque([pool.submit(_check_batch, first), pool.submit(_check_batch, second)])
            for batch in batches:
                pending.append(pool.submit(_check_batch, batch))
                while len(pending) >= settings.jobs * IN_FLIGHT:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        _STATE = None
