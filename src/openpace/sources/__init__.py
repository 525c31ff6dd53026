"""Sources: one module each, registered in `SOURCES`. Importing this package registers them all."""

from importlib import import_module

from .base import SOURCES, SourceSpec, register_source

BUILTIN = (
    "epoch_trends",
    "epoch_benchmarks",
    "models_dev",
    "openrouter",
    "genai_prices",
    "litellm",
    "lmarena",
    "hub_docs",
    "git",
    "hf_hub",
)

for _name in BUILTIN:
    try:
        import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:  # a module still being written must not break the others
        if exc.name != f"{__name__}.{_name}":
            raise

__all__ = ["SOURCES", "SourceSpec", "register_source"]
