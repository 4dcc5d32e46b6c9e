"""Where the app keeps its own files: settings, autosave, run history.

The environment variables ``PLAYGROUND_SETTINGS_DIR`` and ``PLAYGROUND_DATA_DIR``
win over the platform's usual locations, so tests, portable installs and
classrooms with shared machines can put everything in one chosen folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "TorchPlayground"
APP_AUTHOR = "TorchPlayground"
SETTINGS_ENV = "PLAYGROUND_SETTINGS_DIR"
DATA_ENV = "PLAYGROUND_DATA_DIR"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def settings_dir() -> Path:
    """The folder for settings (not created here)."""
    return _from_env(SETTINGS_ENV) or Path(
        platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=True)
    )


def data_dir() -> Path:
    """The folder for the app's own data: autosave, run history (not created here)."""
    return _from_env(DATA_ENV) or Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def autosave_dir() -> Path:
    """The folder of the autosaves: one file and one lock file per open window of any instance."""
    return data_dir() / "autosave"


def autosave_path() -> Path:
    """The single autosave of versions before per-window autosaves; still offered after a crash."""
    return data_dir() / "autosave.playground"


def autosave_marker_path() -> Path:
    """The crash marker beside :func:`autosave_path` (same older versions)."""
    return data_dir() / "autosave.unclean"
