"""Sources: one module each, registered in `SOURCES`. Importing this package registers them all."""

# Importing a source module registers it (register_source), in this order: the order `openpace
# refresh` runs them and `openpace sources` lists them. Plain imports: a missing or broken module is
# an ImportError here, never a source that silently disappears.
from . import epoch_trends  # noqa: F401
from . import epoch_benchmarks  # noqa: F401
from . import models_dev  # noqa: F401
from . import openrouter  # noqa: F401
from . import genai_prices  # noqa: F401
from . import litellm  # noqa: F401
from . import lmarena  # noqa: F401
from . import hub_docs  # noqa: F401
from . import git  # noqa: F401
from . import hf_hub  # noqa: F401
from .base import SOURCES, SourceSpec, register_source

__all__ = ["SOURCES", "SourceSpec", "register_source"]
