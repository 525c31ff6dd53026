"""Model identity: canonical models, aliases, matching rules, open/closed resolution."""

from .build import rebuild_identity

__all__ = ["rebuild_identity"]
