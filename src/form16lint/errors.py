"""Errors that end a run with a clear message and exit status 2."""


class UsageError(Exception):
    """Bad command-line arguments, configuration or options: the message says which."""
