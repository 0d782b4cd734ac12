"""``--jobs N``: read files and run the per-filing rules in N processes: this one and N-1 workers.

Each worker receives a batch of inputs (paths, or an archive member's bytes) and sends back, per
input, a :class:`~form16lint.checking.CheckedFile`: findings, header and the collection rules'
summaries, a few hundred bytes, never the document. The run's own process checks batches too:
whenever the workers have enough queued, it takes the next batch itself instead of waiting, so
N processes check files on N cores and only the workers' share of the results is pickled. Batches
are handed out as they are needed, with only a few in flight, so an archive streams through
without being held whole, and results are given back in input order, so the run's process runs
the collection rules and sorts exactly as one process would. Where the platform can fork,
workers start once with the loaded plugins (including any a caller added); elsewhere each worker
loads them afresh.

This module imports :mod:`form16lint.checking`, never the engine.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from form16lint.checking import Summarisers, check_input, split_rules

_STATE: tuple | None = None  # (plugins, filing rules, summarisers, options, keep documents) in a worker
BATCH = 16  # inputs per task: enough to make the cost of a task's round trip small
IN_FLIGHT = 3  # batches queued per worker: keeps a worker busy while this process checks its own
AHEAD = 8  # batches per process checked before the oldest is given back: bounds what is held


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
    """Yield a CheckedFile per input, in input order, checked here and in ``settings.jobs - 1``
    worker processes."""
    global _STATE
    state = (plugins, filing_rules, summarisers, options, keep_documents)

    def here(batch: list) -> list:
        return [check_input(plugins, item, filing_rules, summarisers, options, keep_documents) for item in batch]

    batches = iter(lambda items=iter(inputs): list(islice(items, BATCH)), [])
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:  # one batch: starting processes would cost more than it saves
        yield from here(first)
        return
    # this process checks the first batch before the workers start: what a first check warms up
    # (patterns compiled on first use, modules the rules import when first needed, their caches)
    # is then inherited by forked workers instead of being built again in each
    checked_first = here(first)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = max(1, settings.jobs - 1)
    if context.get_start_method() == "fork":
        _STATE = state  # the workers inherit it
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                                 initargs=(settings, options, keep_documents)) as pool:
            # each entry: a Future of a worker's batch, or a batch's results checked here
            pending: deque[Future | list] = deque([checked_first, pool.submit(_check_batch, second)])
            for batch in batches:
                queued = sum(1 for entry in pending if isinstance(entry, Future) and not entry.done())
                if queued < workers * IN_FLIGHT:
                    pending.append(pool.submit(_check_batch, batch))
                else:  # the workers have enough to do: this process checks the batch itself
                    pending.append(here(batch))
                while pending and (isinstance(pending[0], list) or pending[0].done()):
                    yield from _results(pending.popleft())
                while len(pending) >= AHEAD * (workers + 1):
                    yield from _results(pending.popleft())
            while pending:
                yield from _results(pending.popleft())
    finally:
        _STATE = None


def _results(entry) -> list:
    return entry if isinstance(entry, list) else entry.result()
