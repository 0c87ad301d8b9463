"""The one place file locations come from (data folder, backups, logs), so tests can move them."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Karsaz"
_override: Path | None = None


def set_data_dir(folder: Path | None) -> None:
    global _override
    _override = folder


def data_dir() -> Path:
    """``--data-dir``, else ``KARSAZ_DATA_DIR``, else the platform's per-user data folder."""
    if _override is not None:
        return _override
    env = os.environ.get("KARSAZ_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"
