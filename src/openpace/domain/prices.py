"""The blended price: one number for a model whose input and output tokens are priced apart.

blended = (w_in x input + w_out x output) / (w_in + w_out), USD per million tokens, with the
spec's default weights 3:1 (three input tokens per output token).
"""

from __future__ import annotations

import re

from ..errors import UsageError

DEFAULT_BLEND: tuple[float, float] = (3.0, 1.0)
_BLEND = re.compile(r"\s*([0-9.]+)\s*:\s*([0-9.]+)\s*")


def blend_price(input_usd: float, output_usd: float, blend: tuple[float, float] = DEFAULT_BLEND) -> float:
    """The blended price: (w_in x input + w_out x output) / (w_in + w_out)."""
    w_in, w_out = blend
    return (w_in * input_usd + w_out * output_usd) / (w_in + w_out)


def parse_blend(text: str) -> tuple[float, float]:
    """`"3:1"` -> (3.0, 1.0); a clear UsageError otherwise."""
    match = _BLEND.fullmatch(text or "")
    try:
        weights = (float(match.group(1)), float(match.group(2))) if match else None
    except ValueError:
        weights = None
    if not weights or min(weights) < 0 or sum(weights) <= 0:
        raise UsageError(f"--blend {text!r}: expected INPUT:OUTPUT weights such as 3:1")
    return weights
