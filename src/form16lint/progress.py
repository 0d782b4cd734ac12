"""A progress bar on standard error for long runs: shown only on a terminal, and only once a run
has taken more than a second (a hook or a one-file check never shows one, nor imports rich for it)."""

from __future__ import annotations

import os
import sys
import time

DELAY = 1.0  # seconds before a bar appears


class RunProgress:
    """Call it with the number of inputs just checked; :meth:`close` when the run is done."""

    def __init__(self, total: int | None, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.enabled = _is_terminal(self.stream) and not os.environ.get("FORM16LINT_NO_PROGRESS")
        self._bar = None
        self._task = None

    def __call__(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.started < DELAY:
                return
            self._open()
        self._bar.update(self._task, completed=self.done)

    def _open(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                             console=Console(file=self.stream), transient=True)
        self._bar.start()
        self._task = self._bar.add_task("checking", total=self.total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
