"""Identity's own use of the source priorities (openpace.domain.priority): which source's release
date, open/closed flag and display name a canonical model takes. Every disagreement is still
reported in `identity_conflicts`, and every source's own value is kept (`model_release_dates`,
`model_open_flags`). The orders are argued in docs/identity.md."""

from __future__ import annotations

from ..domain.priority import HUB_LINK, REGISTRY, FactKind, order, priority_sorted

__all__ = ["DISPLAY_PRIORITY", "HUB_LINK", "OPEN_PRIORITY", "REGISTRY", "RELEASE_PRIORITY", "WEAK_CLOSED",
           "priority_sorted"]

RELEASE_PRIORITY = order(FactKind.RELEASE_DATE)
OPEN_PRIORITY = order(FactKind.OPEN_WEIGHTS)
# Sources whose closed vote is only a catalogue flag: such a verdict gives way to an explicit open
# signal on the same name without its size tag (docs/identity.md, "Open weights").
WEAK_CLOSED = frozenset({"models_dev", "genai_prices", "litellm"})
DISPLAY_PRIORITY = {name: i for i, name in enumerate(order(FactKind.DISPLAY_NAME))}
