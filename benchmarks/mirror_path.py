"""Which mirror a benchmark reads: OPENPACE_MIRROR, else ../shared/data beside the clone, else the
fixture mirror committed in tests/fixtures/mirror (excerpts: smaller, so its timings are lower)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def mirror_path() -> Path:
    for candidate in (os.environ.get("OPENPACE_MIRROR"), REPO.parent / "shared" / "data"):
        if candidate and (Path(candidate) / "MANIFEST.json").is_file():
            return Path(candidate).resolve()
    return REPO / "tests" / "fixtures" / "mirror"
