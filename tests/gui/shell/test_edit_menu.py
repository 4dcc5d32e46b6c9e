"""Edit menu and the shortcut help: the layer editor's commands are listed and reachable."""

from __future__ import annotations

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from playground.gui.shell.help_dialogs import ShortcutsDialog
from playground.gui.shell.main_window import MainWindow


def _edit_entries(window: MainWindow) -> list[QAction]:
    return [a for a in window.commands.menus["Edit"].actions() if not a.isSeparator()]


def test_the_edit_menu_holds_the_layer_editors_commands(window: MainWindow) -> None:
    entries = _edit_entries(window)
    titles = [a.text().replace("&", "") for a in entries]
    assert titles[2:] == [
        "Add Layer…",
        "Duplicate Layer",
        "Remove Layer",
        "Move Layer Up",
        "Move Layer Down",
    ]
    # The same actions as the editor's buttons and keys, which keep their short words.
    assert entries[2] is window.editor.editor_action("add")
    assert window.editor.editor_action("duplicate").iconText() == "Duplicate"


def test_edit_menu_layer_commands_act_on_the_selected_layer(
    window: MainWindow, qtbot: QtBot
) -> None:
    before = [layer.kind for layer in window.editor.layers()]
    window.editor.select_row(1)
    window.commands.action("layer_duplicate").trigger()
    after = [layer.kind for layer in window.current_experiment().model.layers]
    assert after == [*before[:2], before[1], *before[2:]]
    window.commands.action("layer_remove").trigger()
    assert [layer.kind for layer in window.current_experiment().model.layers] == before
    # The editor decides when they apply: nothing selected, nothing to duplicate.
    window.editor.stack_view().selectionModel().clearCurrentIndex()
    window.editor.stack_view().clearSelection()
    window.commands.update(window.app_state())  # a state change must not re-enable them
    assert not window.commands.action("layer_duplicate").isEnabled()


def test_shortcut_help_describes_every_key_and_lists_the_editors(window: MainWindow) -> None:
    rows = window.commands.shortcut_rows()
    assert rows and all(keys.strip() and text.strip() for keys, text in rows)
    described = {text: keys for keys, text in rows}
    assert described["Undo the last change."]
    assert described["Redo the change just undone."]
    assert "Ins" in described["Find a layer kind to add after the selected layer."]
    assert "Ctrl+D" in described["Duplicate the selected layer."]
    assert "Alt+Up" in described["Move the selected layer up."]
    assert "Del" in described["Remove the selected layer."]
    dialog = ShortcutsDialog(rows, window)
    table = dialog.table
    assert table.rowCount() == len(rows)
    assert all(table.item(r, 1).text() for r in range(table.rowCount()))


def test_redo_lists_every_binding(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    redo = window.commands.redo
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    keys = dict((text, keys) for keys, text in window.commands.shortcut_rows())
    assert keys["Redo the change just undone."] == "Ctrl+Y, Ctrl+Shift+Z"


def test_shortcut_help_wraps_long_descriptions_instead_of_cutting_them(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt

    rows = window.commands.shortcut_rows()
    dialog = ShortcutsDialog(rows, window)
    qtbot.addWidget(dialog)
    dialog.resize(320, 400)  # narrow, as with a very large font
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and table.wordWrap()
    longest = max(range(len(rows)), key=lambda r: len(rows[r][1]))
    assert table.rowHeight(longest) > table.fontMetrics().lineSpacing() * 1.5  # wrapped
