"""Run the `openpace` entry point in-process, as the console script does, and capture its output."""

from __future__ import annotations

import sys

import pytest

from openpace.cli import main


def run(args: list[str], monkeypatch, capsys) -> tuple[int, str, str]:
    """`(exit code, stdout, stderr)` of `openpace ARGS`."""
    monkeypatch.setattr(sys, "argv", ["openpace", *args])
    with pytest.raises(SystemExit) as done:
        main()
    out = capsys.readouterr()
    return done.value.code or 0, out.out, out.err
