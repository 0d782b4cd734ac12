"""The ``form16lint`` command's entry point (and ``python -m form16lint``'s): the cycle collector
is paused while the command starts.

Start-up imports modules and builds classes, functions, patterns and rule objects that live as
long as the process, and Python's cycle collector (a pass every 700 allocations over ever more
live objects) spent some forty passes, near a tenth of a one-file check, finding nothing to free.
So :func:`main` pauses it before importing the command, and :func:`started` (called once the
plugins are loaded) resumes it with every object start-up built frozen out of its passes
(``gc.freeze``): they are never garbage, and later passes need not walk them. A command that
loads no plugins is short and ends with the collector still paused.

Code that calls :func:`form16lint.cli.main` itself (tests, a library) never has the collector
paused or frozen: only this entry point does it.
"""

from __future__ import annotations

import gc

_paused = False


def main() -> int:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True
    from form16lint.cli import main as command

    try:
        return command()
    finally:
        started()


def started() -> None:
    """Start-up is over: resume the collector if :func:`main` paused it, with what start-up
    built frozen out of its passes."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
