"""Model identity: canonical models, aliases, matching rules, open/closed resolution."""

from .build import rebuild_identity
from .resolve import resolve_name, resolve_name_explained
from ..domain.model_names import normalize, parse_name

__all__ = ["normalize", "parse_name", "rebuild_identity", "resolve_name", "resolve_name_explained"]
