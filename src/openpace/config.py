"""Paths and settings read from the environment, in one place."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "openpace"


def home_dir() -> Path:
    """The directory holding the warehouse: `$OPENPACE_HOME` or the platform's user data dir."""
    env = os.environ.get("OPENPACE_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME))


def default_db_path() -> Path:
    return home_dir() / "openpace.duckdb"


def hf_token() -> str | None:
    """The Hugging Face token, if set. Never print, log or store it."""
    return os.environ.get("HF_TOKEN") or None


def github_token() -> str | None:
    """The GitHub token, if set. Never print, log or store it."""
    return os.environ.get("GITHUB_TOKEN") or None


def hf_endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")


def github_api_url() -> str:
    return os.environ.get("OPENPACE_GITHUB_API", "https://api.github.com").rstrip("/")
