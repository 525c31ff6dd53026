"""The lock files cover pyproject.toml: the Makefile installs from them with `--no-deps`, so a
dependency added to pyproject.toml without `make lock` would be missing from a fresh install."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    return canonical(re.split(r"[\s\[<>=!~;]", spec.strip(), maxsplit=1)[0])


def pinned(lock: str) -> set[str]:
    """Names pinned with `==` in a lock file (uv's `name==version ... \\` lines)."""
    text = (REPO / lock).read_text(encoding="utf-8")
    return {canonical(m) for m in re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", text, flags=re.M)}


@pytest.mark.parametrize(("lock", "specs"), [
    ("requirements.lock", PYPROJECT["project"]["dependencies"]),
    ("requirements-dev.lock", PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["dev"]),
], ids=["runtime", "dev"])
def test_every_dependency_is_locked(lock: str, specs: list[str]) -> None:
    missing = sorted({requirement_name(s) for s in specs} - pinned(lock))
    assert not missing, f"{lock} lacks {missing}: run `make lock` and commit both lock files"


def test_every_locked_line_has_a_hash() -> None:
    for lock in ("requirements.lock", "requirements-dev.lock"):
        text = (REPO / lock).read_text(encoding="utf-8")
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
        for block in blocks:
            if "==" in block.split("\n", 1)[0]:
                assert "--hash=sha256:" in block, f"{lock}: {block.splitlines()[0]} has no hash"
