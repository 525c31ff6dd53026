"""User-facing errors. The CLI maps each to an exit code and a one-line message."""

from __future__ import annotations


class OpenpaceError(Exception):
    """Base class: a problem the user can act on. `str(err)` is the one line shown."""

    exit_code = 1


class UsageError(OpenpaceError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2


class SourceError(OpenpaceError):
    """A source could not be read: a malformed file, a bad shape, an HTTP failure.

    `where` names the file or URL, and line or key when known.
    """

    def __init__(self, source: str, where: str, reason: str) -> None:
        self.source = source
        self.where = where
        self.reason = reason
        super().__init__(f"{source}: {where}: {reason}")


class DataError(OpenpaceError):
    """The warehouse lacks the data a command needs."""


class InputError(OpenpaceError):
    """A command's input values are missing or make no sense."""
