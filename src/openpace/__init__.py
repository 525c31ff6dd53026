"""openpace: is open-weight AI outpacing closed AI? Reproducible answers from public data."""

__version__ = "0.1.0"
