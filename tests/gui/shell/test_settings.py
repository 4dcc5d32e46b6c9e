"""Settings: round-trip through the INI file, migration from older versions, damaged values."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from playground.gui.shell.settings import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MAX_RECENT_FILES,
    SETTINGS_VERSION,
    AppSettings,
    load_settings,
    migrate,
    save_settings,
    settings_store,
)


def test_store_lives_in_the_test_settings_folder() -> None:
    store = settings_store()
    folder = Path(os.environ["PLAYGROUND_SETTINGS_DIR"])
    assert Path(store.fileName()).parent == folder
    assert store.format() == QSettings.Format.IniFormat


def test_round_trip_keeps_every_field() -> None:
    settings = AppSettings(
        theme="dark",
        font_size=16,
        geometry=b"\x01\x02geometry",
        window_state=b"\x00state\xff",
        recent_files=["/tmp/b.json"],
        last_experiment="/tmp/b.json",
    )
    settings.add_recent_file("/tmp/a.json")
    save_settings(settings)
    loaded = load_settings()
    assert loaded == settings
    assert loaded.recent_files == [str(Path("/tmp/a.json")), str(Path("/tmp/b.json"))]
    assert settings_store().value("settings_version") in (SETTINGS_VERSION, str(SETTINGS_VERSION))


def test_defaults_when_nothing_was_saved() -> None:
    assert load_settings() == AppSettings()


def test_version_1_file_is_migrated() -> None:
    store = settings_store()
    store.setValue("settings_version", 1)
    store.setValue("dark_mode", "true")
    store.setValue("font_point_size", 14)
    store.setValue("recent", "/x/one.json;/x/two.json")
    store.sync()
    loaded = load_settings()
    assert loaded.theme == "dark"
    assert loaded.font_size == 14
    assert loaded.recent_files == ["/x/one.json", "/x/two.json"]
    save_settings(loaded)
    again = settings_store()
    assert again.value("dark_mode") is None
    assert int(again.value("settings_version")) == SETTINGS_VERSION


def test_migrate_leaves_current_values_alone() -> None:
    values = {"theme": "light", "font_size": 12}
    assert migrate(values, SETTINGS_VERSION) == values


def test_damaged_values_fall_back_to_safe_ones() -> None:
    store = settings_store()
    store.setValue("settings_version", "not a number")
    store.setValue("theme", "purple")
    store.setValue("font_size", "huge")
    store.sync()
    loaded = load_settings()
    assert loaded.theme == "light"
    assert loaded.font_size == DEFAULT_FONT_SIZE
    store.setValue("font_size", 500)
    store.sync()
    assert load_settings().font_size == MAX_FONT_SIZE


def test_recent_list_is_short_and_without_duplicates() -> None:
    settings = AppSettings()
    for i in range(MAX_RECENT_FILES + 3):
        settings.add_recent_file(f"/files/{i}.json")
    settings.add_recent_file("/files/5.json")
    assert len(settings.recent_files) == MAX_RECENT_FILES
    assert settings.recent_files[0] == str(Path("/files/5.json"))
    assert len(set(settings.recent_files)) == MAX_RECENT_FILES


def test_window_remembers_geometry_theme_and_layout(qtbot: object) -> None:
    from pytestqt.qtbot import QtBot

    from playground.gui.shell.app import restore_window
    from playground.gui.shell.main_window import MainWindow

    assert isinstance(qtbot, QtBot)
    first = MainWindow(AppSettings(theme="dark", font_size=13))
    qtbot.addWidget(first)
    first.resize(780, 600)  # fits the offscreen screen (800×600)
    first.show()
    size = (first.width(), first.height())
    first.training_dock.raise_()
    first.close()
    saved = load_settings()
    assert saved.theme == "dark" and saved.font_size == 13
    assert saved.geometry and saved.window_state
    second = MainWindow(saved)
    qtbot.addWidget(second)
    restore_window(second, saved)
    second.show()
    assert (second.width(), second.height()) == size
    assert second.commands.dark_theme.isChecked()
    second.remember_on_close = False
    second.close()
    assert load_settings().geometry == saved.geometry
