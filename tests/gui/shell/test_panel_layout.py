"""The side panels: tabs when narrow, side by side when wide, following the width until
the user arranges them; View ▸ Reset Layout; the layout kept in the settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from playground.gui.shell.app import restore_window
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.panel_layout import WIDE_LAYOUT_WIDTH
from playground.gui.shell.settings import AppSettings

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings())
    win.remember_on_close = False
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.run.shutdown(10)


def _resize(qtbot: QtBot, win: MainWindow, width: int, height: int) -> None:
    win.resize(width, height)
    qtbot.wait(50)  # the layout follows on the next turn of the event loop


def _all_seen_at_once(win: MainWindow) -> bool:
    return all(not win.tabifiedDockWidgets(dock) and dock.isVisible() for dock in win.docks)


def test_a_narrow_window_has_one_tabbed_column(window: MainWindow) -> None:
    assert {window.dockWidgetArea(dock) for dock in window.docks} == {LEFT}
    assert len(window.tabifiedDockWidgets(window.data_dock)) == 3
    assert window.panel_layout.automatic


def test_maximizing_shows_the_panels_side_by_side_and_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    _resize(qtbot, window, 1920, 1080)
    assert window.panel_layout.wide
    assert window.dockWidgetArea(window.model_dock) == RIGHT
    assert window.dockWidgetArea(window.network_dock) == RIGHT
    assert window.dockWidgetArea(window.data_dock) == LEFT
    assert window.dockWidgetArea(window.training_dock) == LEFT
    assert _all_seen_at_once(window)
    # The plots keep at least half of the width between the columns.
    assert window.centralWidget().width() >= 1920 // 2
    _resize(qtbot, window, 1280, 800)
    assert not window.panel_layout.wide
    assert len(window.tabifiedDockWidgets(window.data_dock)) == 3


def test_a_hidden_panel_stays_hidden_when_the_layout_follows(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.network_dock.hide()
    _resize(qtbot, window, WIDE_LAYOUT_WIDTH + 100, 900)
    assert window.panel_layout.wide
    assert not window.network_dock.isVisible()
    assert window.dockWidgetArea(window.model_dock) == RIGHT


def test_a_layout_made_by_hand_is_kept_until_reset(window: MainWindow, qtbot: QtBot) -> None:
    window.removeDockWidget(window.training_dock)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.training_dock)
    window.training_dock.show()
    qtbot.wait(20)
    assert not window.panel_layout.automatic
    _resize(qtbot, window, 1920, 1080)
    assert window.dockWidgetArea(window.training_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(window.model_dock) == LEFT  # not rearranged
    window.network_dock.hide()
    window.document.runs_dock.setFloating(True)
    window.commands.reset_layout.trigger()
    qtbot.wait(20)
    assert window.panel_layout.automatic and window.panel_layout.wide
    assert _all_seen_at_once(window)
    assert not window.document.runs_dock.isFloating()
    assert window.commands.action("reset_layout") in window.commands.menus["View"].actions()


def test_presenting_does_not_rearrange_the_panels(window: MainWindow, qtbot: QtBot) -> None:
    _resize(qtbot, window, 1920, 1080)
    window.commands.presentation.setChecked(True)
    qtbot.wait(50)
    assert not any(dock.isVisible() for dock in window.docks)
    assert window.panel_layout.wide  # full screen with hidden panels is no new layout
    window.commands.presentation.setChecked(False)
    qtbot.wait(50)
    assert window.panel_layout.automatic  # presenting did not count as arranging by hand
    _resize(qtbot, window, 1920, 1080)  # (the test screen is smaller than the window)
    assert _all_seen_at_once(window)
    assert window.dockWidgetArea(window.model_dock) == RIGHT


def test_the_settings_remember_whether_the_layout_was_made_by_hand(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = AppSettings()
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(1280, 800)
    first.show()
    first.removeDockWidget(first.network_dock)
    first.addDockWidget(RIGHT, first.network_dock)
    first.network_dock.show()
    qtbot.wait(20)
    monkeypatch.setattr("playground.gui.shell.main_window.save_settings", lambda _s: None)
    monkeypatch.setattr(first.document, "closing", lambda: True)
    first.close()
    assert settings.custom_layout and settings.window_state

    second = MainWindow(AppSettings())
    qtbot.addWidget(second)
    second.resize(1280, 800)
    restore_window(second, settings)
    second.show()
    qtbot.wait(20)
    assert second.dockWidgetArea(second.network_dock) == RIGHT  # the user's place, kept
    assert not second.panel_layout.automatic
    second.run.shutdown(10)
    first.run.shutdown(10)
