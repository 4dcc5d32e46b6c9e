"""The main window's QActions, menus and toolbar, built from the command table in one place.

:mod:`command_table` declares what each command says and when it applies;
:class:`WindowActions` turns every declaration into one QAction (so a command
has one shortcut, icon and enabled state wherever it is reached), translates
the words, lays out the menus and the toolbar, and re-applies the
declarations' rules whenever the window reports a new :class:`AppState`. A
lesson hides or locks a command by id here and nowhere else. The window
connects the actions; this module only builds and updates them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from playground.core.messages.texts import text
from playground.core.spec.presets import list_presets
from playground.gui.shell.command_table import COMMANDS, MENUS, SHORTCUT_ORDER, TOOLBAR_GROUPS
from playground.gui.shell.commands import AppState, Command, Menu
from playground.gui.shell.icons import icon

CONTEXT = "Commands"  # the translation context of every command and menu title
NATIVE = QKeySequence.SequenceFormat.NativeText


def translate(text: str) -> str:
    """``text`` in the user's language (the table is written in English)."""
    return QCoreApplication.translate(CONTEXT, text)


class WindowActions:
    """One QAction per declared command, by id (``actions.play``, ``actions.action("play")``).

    Enabled state, checked state and the changing words (Train ↔ Pause, what
    Undo would undo, why training cannot start) follow :meth:`update`; a
    hidden command disappears from its menu and the toolbar at once, a locked
    one stays visible but disabled whatever the state says.
    """

    def __init__(
        self,
        window: QWidget,
        commands: Sequence[Command] = COMMANDS,
        menus: Sequence[Menu] = MENUS,
    ) -> None:
        self._window = window
        self._commands = {command.id: command for command in commands}
        self._menus = tuple(menus)
        self._actions: dict[str, QAction] = {}
        self._locked: set[str] = set()
        self._state = AppState()
        self.menus: dict[str, QMenu] = {}  # menu path → the built menu
        for command in commands:
            if not command.adopted:
                self._register(command, QAction(window))
        self.refresh_icons()

    # ---- lookup --------------------------------------------------------------------

    def __getattr__(self, name: str) -> QAction:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._actions[name]
        except KeyError:
            raise AttributeError(f"no command '{name}' has an action") from None

    def action(self, command_id: str) -> QAction:
        """The QAction of ``command_id`` (KeyError for an unknown or not yet adopted id)."""
        return self._actions[command_id]

    def command(self, command_id: str) -> Command:
        """The declaration of ``command_id``."""
        return self._commands[command_id]

    def actions(self) -> dict[str, QAction]:
        """Every built or adopted action by id, in the table's order."""
        return {cid: self._actions[cid] for cid in self._commands if cid in self._actions}

    @property
    def recent_menu(self) -> QMenu:
        """File ▸ Open Recent (its entries are the recent files, filled by the window)."""
        return self.menus["File/Open Recent"]

    @property
    def examples_menu(self) -> QMenu:
        """Examples (one entry per shipped preset, filled by the window)."""
        return self.menus["Examples"]

    @property
    def language_menu(self) -> QMenu:
        """View ▸ Language (System, English, 简体中文; filled by :mod:`language_menu`)."""
        return self.menus["View/Language"]

    # ---- building ------------------------------------------------------------------

    def adopt(self, command_id: str, action: QAction) -> None:
        """Use ``action`` (e.g. a dock's own toggle) for the adopted command ``command_id``."""
        command = self._commands[command_id]
        if not command.adopted:
            raise ValueError(f"the command '{command_id}' builds its own action")
        self._register(command, action)

    def _register(self, command: Command, action: QAction) -> None:
        action.setObjectName(f"command:{command.id}")
        action.setCheckable(command.checkable or action.isCheckable())
        action.setMenuRole(command.role)
        if command.shortcut is not None:
            action.setShortcut(QKeySequence(command.shortcut))
        self._actions[command.id] = action
        self._apply(command, action)

    def build_menus(self, window: QMainWindow) -> None:
        """Create the menu bar from the table: every menu, group and submenu in order."""
        bar = window.menuBar()
        for menu in self._menus:
            if not menu.parent:
                self.menus[menu.path] = bar.addMenu(translate(menu.title))
                self._fill_menu(menu)

    def _fill_menu(self, menu: Menu) -> None:
        built = self.menus[menu.path]
        built.setToolTipsVisible(True)
        first = True
        for group in menu.groups:
            commands = [
                c
                for c in self._commands.values()
                if c.menu == menu.path and c.group == group and c.id in self._actions
            ]
            submenus = [m for m in self._menus if m.parent == menu.path and m.group == group]
            if not commands and not submenus:
                continue
            if not first:
                built.addSeparator()
            first = False
            built.addActions([self._actions[c.id] for c in commands])
            for submenu in submenus:
                self.menus[submenu.path] = built.addMenu(translate(submenu.title))
                self._fill_menu(submenu)

    def build_toolbar(self, window: QMainWindow) -> QToolBar:
        """The run toolbar: the commands with a toolbar group, a separator between groups."""
        toolbar = QToolBar(translate("Run"), window)
        toolbar.setObjectName("runToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(22, 22))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for index, group in enumerate(TOOLBAR_GROUPS):
            if index:
                toolbar.addSeparator()
            toolbar.addActions(
                [
                    self._actions[c.id]
                    for c in self._commands.values()
                    if c.toolbar == group and c.id in self._actions
                ]
            )
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    # ---- state -------------------------------------------------------------------

    @property
    def state(self) -> AppState:
        """The state the actions show now."""
        return self._state

    def update(self, state: AppState) -> None:
        """Enable, check and word every action as its declaration says for ``state``."""
        self._state = state
        for command_id, action in self._actions.items():
            self._apply(self._commands[command_id], action)

    def ids(self) -> tuple[str, ...]:
        """Every command's id (what lessons name as ``command.ID``)."""
        return tuple(self._actions)

    def set_hidden(self, command_id: str, hidden: bool = True) -> None:
        """Hide a command everywhere (menu, toolbar, shortcut), e.g. for a lesson."""
        self._actions[command_id].setVisible(not hidden)

    def set_locked(self, command_id: str, locked: bool = True) -> None:
        """Keep a command visible but disabled whatever the state (a lesson's locked step)."""
        if locked:
            self._locked.add(command_id)
        else:
            self._locked.discard(command_id)
        self._apply(self._commands[command_id], self._actions[command_id])

    def is_locked(self, command_id: str) -> bool:
        return command_id in self._locked

    def _apply(self, command: Command, action: QAction) -> None:
        state = self._state
        enabled = command.id not in self._locked and command.enabled_when(state)
        if command.own_state:
            enabled = action.isEnabled() and command.id not in self._locked
            if command.id in self._locked:
                action.setEnabled(False)
        else:
            action.setEnabled(enabled)
        if command.checked_when is not None:
            action.setChecked(command.checked_when(state))
        face = command.checked if command.checked is not None and action.isChecked() else None
        title = translate(face.title if face else command.title)
        detail = command.detail(state) if command.detail is not None else ""
        action.setText(f"{title} {detail}" if detail else title)
        tip = translate(command.tip)
        shown_tip = translate(face.tip) if face else tip
        keys = _keys_text(action)
        action.setToolTip(f"{shown_tip} ({keys})" if keys else shown_tip)
        explain = command.explains_problem and not enabled and state.problem
        action.setStatusTip(state.problem if explain else tip)
        icon_name = face.icon if face and face.icon else command.icon
        if icon_name and action.property("iconName") != icon_name:
            action.setIcon(icon(icon_name, self._window))
            action.setProperty("iconName", icon_name)

    def refresh_icons(self) -> None:
        """Draw the icons again in the current palette's colours (after a theme change)."""
        for action in self._actions.values():
            action.setProperty("iconName", "")
        self.update(self._state)

    # ---- help ---------------------------------------------------------------------

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what it does) of every visible command with a shortcut, for the Help dialog.

        Every binding of a command is listed (Redo is Ctrl+Y and Ctrl+Shift+Z on
        some desktops), and a command without a tip is described by its title,
        so no row is ever left without words.
        """
        order = [*SHORTCUT_ORDER, *(cid for cid in self._commands if cid not in SHORTCUT_ORDER)]
        rows = []
        for command_id in order:
            action = self._actions.get(command_id)
            if action is None or not action.isVisible():
                continue
            keys = _keys_text(action)
            if keys:
                command = self._commands[command_id]
                words = translate(command.tip) or translate(command.title).replace("&", "")
                rows.append((keys, words))
        return rows


def _keys_text(action: QAction) -> str:
    """Every key binding of ``action`` as the platform writes them, e.g. "Del, Backspace"."""
    keys = [key.toString(NATIVE) for key in action.shortcuts()]
    return ", ".join(key for key in keys if key)


def fill_examples_menu(menu: QMenu, open_preset: Callable[[str], object]) -> None:
    """One entry per shipped example, its description as tooltip."""
    menu.clear()
    for preset in list_presets():
        action = menu.addAction(text(preset.title))
        action.setToolTip(text(preset.description))
        action.setStatusTip(text(preset.description))
        action.triggered.connect(lambda _checked=False, n=preset.name: open_preset(n))
    menu.setToolTipsVisible(True)


def fill_recent_menu(menu: QMenu, paths: list[str], open_path: Callable[[str], object]) -> None:
    """One entry per recently used file (the full path as tooltip)."""
    menu.clear()
    for path in paths:
        action = menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
    menu.setToolTipsVisible(True)
    menu.setEnabled(bool(paths))
