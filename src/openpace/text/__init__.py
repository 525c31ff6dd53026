"""The text layer: an article (Markdown, plain text, Markdown with raw HTML) to blocks and sentences.

No warehouse, no database, no metric: `pyproject.toml`'s import-linter contract holds it to
markdown-it-py and the standard library, so it can be tested and reused on its own.
"""

from .block import Block
from .markdown import split_blocks
from .sentences import collapse, split_sentences

__all__ = ["Block", "collapse", "split_blocks", "split_sentences"]
