"""The app's remembered preferences: one typed object, versioned, stored with QSettings.

Settings live in an INI file so a teacher can read or delete them by hand. The
folder is ``PLAYGROUND_SETTINGS_DIR`` when that variable is set (tests and
portable installs use it), otherwise the platform's usual place. Each stored
file carries ``settings_version``; :func:`migrate` upgrades older files one
version at a time, so a newer app never loses what an older one remembered.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 2
DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 28
MAX_RECENT_FILES = 8
ORGANIZATION = "TorchPlayground"
APPLICATION = "Torch Playground"

Theme = Literal["light", "dark"]


@dataclass
class AppSettings:
    """Everything the app remembers between sessions, with safe defaults."""

    version: int = SETTINGS_VERSION
    theme: Theme = "light"
    font_size: int = DEFAULT_FONT_SIZE
    geometry: bytes = b""
    window_state: bytes = b""
    #: The user arranged the panels by hand: restore that, do not follow the window's width.
    custom_layout: bool = False
    #: The loss plot's y axis is logarithmic.
    loss_log_scale: bool = False
    recent_files: list[str] = field(default_factory=list)
    last_experiment: str = ""
    language: str = "system"  # "system", "en" or "zh_CN" (see View ▸ Language)
    font_warning_shown: bool = False  # the "no Chinese font" notice is given once
    training_speed: float = 0.0  # steps per second; 0 is full speed
    export_folder: str = ""  # where File ▸ Export's dialogs start (the folder used last)

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first in the recent list, without duplicates, keeping the list short."""
        normalized = str(Path(path))
        self.recent_files = [normalized] + [p for p in self.recent_files if p != normalized]
        del self.recent_files[MAX_RECENT_FILES:]


def settings_store() -> QSettings:
    """The QSettings object backing the app's settings (INI format)."""
    folder = os.environ.get("PLAYGROUND_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "playground.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def migrate(values: dict[str, Any], version: int) -> dict[str, Any]:
    """Upgrade raw stored values from ``version`` to :data:`SETTINGS_VERSION`.

    Version 1 stored ``dark_mode`` (a flag), ``font_point_size`` and ``recent``
    (paths joined by ``;``). Version 2 stores ``theme``, ``font_size`` and a
    ``recent_files`` list.
    """
    values = dict(values)
    if version < 2:
        if "dark_mode" in values:
            values["theme"] = "dark" if _as_bool(values.pop("dark_mode")) else "light"
        if "font_point_size" in values:
            values["font_size"] = values.pop("font_point_size")
        if "recent" in values:
            recent = values.pop("recent")
            text = recent if isinstance(recent, str) else ";".join(_as_list(recent))
            values["recent_files"] = [p for p in text.split(";") if p]
    return values


def load_settings(store: QSettings | None = None) -> AppSettings:
    """Read the settings, migrating older versions; damaged values fall back to defaults."""
    store = store or settings_store()
    raw = {key: store.value(key) for key in store.allKeys()}
    try:
        version = int(raw.pop("settings_version", SETTINGS_VERSION))
    except (TypeError, ValueError):
        version = SETTINGS_VERSION
    values = migrate(raw, version)
    settings = AppSettings()
    if values.get("theme") in ("light", "dark"):
        settings.theme = values["theme"]
    try:
        size = int(values.get("font_size", DEFAULT_FONT_SIZE))
        settings.font_size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))
    except (TypeError, ValueError):
        settings.font_size = DEFAULT_FONT_SIZE
    settings.geometry = _as_bytes(values.get("geometry"))
    settings.window_state = _as_bytes(values.get("window_state"))
    settings.custom_layout = _as_bool(values.get("custom_layout", False))
    settings.loss_log_scale = _as_bool(values.get("loss_log_scale", False))
    settings.recent_files = _as_list(values.get("recent_files"))[:MAX_RECENT_FILES]
    last = values.get("last_experiment")
    settings.last_experiment = last if isinstance(last, str) else ""
    language = values.get("language")
    settings.language = language if language in ("system", "en", "zh_CN") else "system"
    settings.font_warning_shown = _as_bool(values.get("font_warning_shown", False))
    try:
        speed = float(values.get("training_speed", 0.0))
        settings.training_speed = speed if math.isfinite(speed) and speed > 0 else 0.0
    except (TypeError, ValueError):
        settings.training_speed = 0.0
    folder = values.get("export_folder")
    settings.export_folder = folder if isinstance(folder, str) else ""
    return settings


def save_settings(settings: AppSettings, store: QSettings | None = None) -> None:
    """Write the settings (always in the current version's layout)."""
    store = store or settings_store()
    store.clear()
    store.setValue("settings_version", SETTINGS_VERSION)
    store.setValue("theme", settings.theme)
    store.setValue("font_size", settings.font_size)
    store.setValue("geometry", QByteArray(settings.geometry))
    store.setValue("window_state", QByteArray(settings.window_state))
    store.setValue("custom_layout", settings.custom_layout)
    store.setValue("loss_log_scale", settings.loss_log_scale)
    store.setValue("recent_files", list(settings.recent_files))
    store.setValue("last_experiment", settings.last_experiment)
    store.setValue("language", settings.language)
    store.setValue("font_warning_shown", settings.font_warning_shown)
    store.setValue("training_speed", settings.training_speed)
    store.setValue("export_folder", settings.export_folder)
    store.sync()


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _as_bytes(value: object) -> bytes:
    if isinstance(value, QByteArray):
        return bytes(value.data())
    if isinstance(value, bytes):
        return value
    return b""


def _as_list(value: object) -> list[str]:
    # QSettings returns a one-item list as a plain string and an empty list as None.
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value if str(item)]
    return []
