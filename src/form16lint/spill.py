"""Lists that outgrow memory: a run's findings and headers kept in a temporary file past a few
thousand, so that a run of a million filings holds no more of them than a run of ten thousand.

:class:`Spill` is appended to while a run checks its inputs, then read in order, as often as
wanted (reports read the findings more than once). Until it holds more than ``keep`` items it is
a list in memory and nothing is written; past that, its items are pickled in blocks to an
anonymous temporary file (deleted when closed or when the process ends) and each reading
unpickles one block at a time: items read back are copies, so nothing is changed through them.
:func:`sorted_spill` sorts such a list by merging sorted runs, holding one block of each run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

KEEP = 4096  # items kept in memory before a list spills to its file
BLOCK = 256  # items pickled together: what a reading holds of a spilled list at a time
RUN = 8192  # items sorted in memory at a time by sorted_spill


class Spill(Sequence):
    """A list that keeps its first ``keep`` items in memory and spills the rest to a temporary file."""

    def __init__(self, items: Iterable = (), keep: int | None = None):
        self.keep = KEEP if keep is None else keep
        self._file = None
        self._blocks: list[int] = []  # where each pickled block starts in the file
        self._spilled = 0  # items in the file
        self._tail: list = []  # the items not (yet) in the file
        self.extend(items)

    @property
    def spilled(self) -> bool:
        return self._file is not None

    def append(self, item) -> None:
        self._tail.append(item)
        if len(self._tail) > self.keep or (self._file is not None and len(self._tail) >= BLOCK):
            self._flush()

    def extend(self, items: Iterable) -> None:
        for item in items:
            self.append(item)

    def _flush(self) -> None:
        import pickle

        if self._file is None:
            import tempfile  # imported only by a run that spills

            self._file = tempfile.TemporaryFile(prefix="form16lint-")
        self._file.seek(0, 2)
        for start in range(0, len(self._tail), BLOCK):
            block = self._tail[start:start + BLOCK]
            self._blocks.append(self._file.tell())
            pickle.dump(block, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._spilled += len(block)
        self._tail = []

    def __len__(self) -> int:
        return self._spilled + len(self._tail)

    def __iter__(self) -> Iterator:
        if self._file is not None:
            import pickle

            for offset in self._blocks:
                self._file.seek(offset)
                yield from pickle.load(self._file)  # one block at a time; the file may be read again meanwhile
        yield from self._tail

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self)[index] if self._file is not None else self._tail[index]
        if self._file is None:
            return self._tail[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Spill index out of range")
        return next(islice(iter(self), index, None))

    def in_memory(self):
        """A plain list of the items when they all fit in memory (the same objects), else self."""
        return self._tail if self._file is None else self

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._blocks, self._spilled = [], 0

    def __getstate__(self):  # sent to another process: as the list it stands for
        return {"keep": self.keep, "items": list(self)}

    def __setstate__(self, state) -> None:
        self.__init__(state["items"], state["keep"])


def sorted_spill(items: Iterable, key):
    """The items sorted by ``key`` (stably, as ``sorted`` sorts them): a list when they fit in
    one run, else an iterator merging sorted runs that each spilled to a file."""
    runs: list[Spill] = []
    run: list = []
    for item in items:
        run.append(item)
        if len(run) >= RUN:
            run.sort(key=key)
            runs.append(Spill(run, keep=0))
            run = []
    run.sort(key=key)
    if not runs:
        return run
    runs.append(Spill(run, keep=0))
    return _merged(runs, key)


def _merged(runs: list[Spill], key) -> Iterator:
    import heapq

    try:
        yield from heapq.merge(*runs, key=key)  # stable: equal keys come in the order of the runs
    finally:
        for run in runs:
            run.close()
