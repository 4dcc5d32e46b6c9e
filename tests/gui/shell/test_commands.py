"""Declared commands: menus and toolbar built from the table, hidden and locked by id, rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from playground.gui.document import file_prompts
from playground.gui.shell.actions import WindowActions
from playground.gui.shell.command_table import COMMANDS, MENUS, TOOLBAR_GROUPS
from playground.gui.shell.commands import AppState
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

FILLED_LATER = {menu.path for menu in MENUS if menu.filled_later}


@pytest.fixture
def bare(qtbot: QtBot) -> tuple[QMainWindow, WindowActions, QToolBar]:
    """The table built into an empty window: no training, no panels."""
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = WindowActions(window)
    actions.build_menus(window)
    toolbar = actions.build_toolbar(window)
    return window, actions, toolbar


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    assert win.open_preset("spiral")
    yield win
    win.run.shutdown(10)


def _menu_entries(menu: QMenu, path: str) -> list[tuple[str, QAction]]:
    """(menu path, action) of every command entry under ``menu``, submenus included."""
    entries: list[tuple[str, QAction]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            sub_path = f"{path}/{submenu.title().replace('&', '')}"
            if sub_path not in FILLED_LATER:
                entries.extend(_menu_entries(submenu, sub_path))
            continue
        entries.append((path, action))
    return entries


def _all_entries(win: QMainWindow) -> list[tuple[str, QAction]]:
    entries: list[tuple[str, QAction]] = []
    for action in win.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        path = menu.title().replace("&", "")
        if path not in FILLED_LATER:
            entries.extend(_menu_entries(menu, path))
    return entries


def test_every_menu_entry_and_toolbar_button_comes_from_the_table(window: MainWindow) -> None:
    registered = {id(action): cid for cid, action in window.commands.actions().items()}
    entries = _all_entries(window)
    assert entries, "the menus are empty"
    placed = set()
    for path, action in entries:
        assert id(action) in registered, f"{action.text()!r} in {path} is not a declared command"
        command = window.commands.command(registered[id(action)])
        assert command.menu == path
        placed.add(command.id)
    assert placed == {c.id for c in COMMANDS if c.menu}  # every declared entry is there, once
    assert len(entries) == len(placed)
    buttons = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert [registered[id(a)] for a in buttons] == [
        c.id for group in TOOLBAR_GROUPS for c in COMMANDS if c.toolbar == group
    ]


def test_menu_groups_and_submenus_follow_the_table(
    bare: tuple[QMainWindow, WindowActions, QToolBar],
) -> None:
    window, actions, _toolbar = bare
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == [m.title for m in MENUS if not m.parent]
    file_menu = actions.menus["File"]
    layout = [
        "|" if a.isSeparator() else (a.menu().title() if a.menu() else a.text())
        for a in file_menu.actions()
    ]
    assert layout == ["&New", "&Open…", "Open &Recent", "|", "&Save", "Save &As…", "|",
                      "&Export", "|", "&Quit"]  # fmt: skip
    assert actions.recent_menu is actions.menus["File/Open Recent"]
    assert actions.examples_menu.title() == "E&xamples"


def test_hiding_and_locking_by_id_reach_menu_and_toolbar(
    qtbot: QtBot, bare: tuple[QMainWindow, WindowActions, QToolBar]
) -> None:
    window, actions, toolbar = bare
    actions.update(AppState(run_state="running", run_active=True, experiment_valid=True))
    stop = actions.action("stop")
    button = toolbar.widgetForAction(stop)
    window.show()
    assert stop.isEnabled() and button.isEnabled() and button.isVisible()

    actions.set_locked("stop")
    assert actions.is_locked("stop")
    assert not stop.isEnabled() and not button.isEnabled()
    actions.update(AppState(run_state="running", run_active=True, experiment_valid=True))
    assert not stop.isEnabled()  # a lock outlasts the state's say
    actions.set_locked("stop", False)
    assert stop.isEnabled() and button.isEnabled()

    actions.set_hidden("stop")
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=2000)  # at the toolbar's next layout
    run_menu = actions.menus["Run"]
    run_menu.popup(window.mapToGlobal(window.rect().center()))
    assert run_menu.actionGeometry(stop).isEmpty()  # no entry drawn for it
    assert "Ctrl+." not in [keys for keys, _text in actions.shortcut_rows()]
    actions.set_hidden("stop", False)
    qtbot.waitUntil(button.isVisible, timeout=2000)
    run_menu.hide()


def test_enabled_rules_follow_the_state(bare: tuple[QMainWindow, WindowActions, QToolBar]) -> None:
    _window, a, _toolbar = bare
    a.update(AppState(experiment_valid=False, problem="The last layer needs 2 outputs."))
    assert not a.play.isEnabled() and not a.step_batch.isEnabled()
    assert a.play.statusTip() == "The last layer needs 2 outputs."  # why it is disabled
    assert not a.stop.isEnabled() and not a.reset.isEnabled()
    assert not a.undo.isEnabled() and not a.redo.isEnabled()

    a.update(AppState(experiment_valid=True))
    assert a.play.isEnabled() and a.play.text() == "Train" and not a.play.isChecked()
    assert a.play.statusTip() == "Start or pause training."
    assert not a.stop.isEnabled()

    a.update(AppState(run_state="running", run_active=True, experiment_valid=True, has_model=True))
    assert a.play.text() == "Pause" and a.play.isChecked()  # Pause only while running
    assert a.play.toolTip() == "Pause training (Space)"
    assert a.stop.isEnabled() and a.reset.isEnabled()

    a.update(AppState(run_state="paused", run_active=True, experiment_valid=False, has_model=True))
    assert a.play.text() == "Train" and a.play.isEnabled()  # a paused run can continue
    assert a.stop.isEnabled()

    a.update(AppState(can_undo=True, undo_text="Add Linear"))
    assert a.undo.isEnabled() and a.undo.text() == "&Undo Add Linear"
    assert not a.redo.isEnabled() and a.redo.text() == "&Redo"


def test_shortcut_help_lists_every_shortcut_with_its_description(window: MainWindow) -> None:
    rows = window.commands.shortcut_rows()
    assert all(keys and text for keys, text in rows)
    described = dict(rows)
    assert described[window.undo_action.shortcut().toString()] == "Undo the last change."
    assert described[window.redo_action.shortcut().toString()] == "Redo the change just undone."
    assert rows[0] == ("Space", "Start or pause training.")


def test_undo_follows_the_stack(window: MainWindow) -> None:
    window.editor.undo_stack().clear()
    assert not window.undo_action.isEnabled()
    panel = window.data_panel
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("iris"))
    assert window.undo_action.isEnabled()
    assert "iris" in window.undo_action.text().lower()
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()


class Pirate(QTranslator):
    """A translator that answers for the commands' context only."""

    def translate(
        self, context: str, source: str, disambiguation: object = None, n: int = -1
    ) -> str:
        return f"Arr {source}" if context == "Commands" else ""


def test_titles_are_translated_when_the_actions_are_built(qtbot: QtBot) -> None:
    translator = Pirate()
    QCoreApplication.installTranslator(translator)
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        actions = WindowActions(window)
        actions.build_menus(window)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert actions.save.text() == "Arr &Save"
    assert actions.save.statusTip() == "Arr Save the experiment."
    assert actions.menus["File"].title() == "Arr &File"


def test_network_diagram_names_inputs_as_the_data_does(window: MainWindow) -> None:
    assert window.diagram.input_labels() == ["x1", "x2"]
    window.data_panel.derived["x1^2"].setChecked(True)
    window.data_panel.derived["x2^2"].setChecked(True)
    assert window.diagram.input_labels() == ["x1", "x2", "x1^2", "x2^2"]
