"""View ▸ Language: System, English or 简体中文, remembered, applied by a restart the app offers.

Every widget takes its texts when it is built, so the new language applies
when the app starts again; the menu says so, and after a choice the app asks
whether to restart now. Restarting closes the window the usual way (unsaved
changes are asked about and autosaved) and then starts the same program with
the same arguments.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from playground.core.messages.language import LANGUAGE_NAMES, SYSTEM
from playground.gui.shell.language import current_language, resolve_language
from playground.gui.shell.settings import AppSettings, save_settings


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that start this app again as it was started."""
    if getattr(sys, "frozen", False):  # a packaged app: the executable is the app
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "playground", *sys.argv[1:]]


class LanguageMenu(QObject):
    """Fills View ▸ Language and remembers the choice in the settings."""

    def __init__(
        self,
        menu: QMenu,
        window: QMainWindow,
        settings: AppSettings,
        *,
        restart: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(menu)
        self.menu = menu
        self.window = window
        self.settings = settings
        self.restart = restart or self.restart_app
        note = menu.addAction(self.tr("Takes effect after a restart"))
        note.setEnabled(False)
        menu.addSeparator()
        self.group = QActionGroup(menu)
        self.actions: dict[str, QAction] = {}
        system_name = LANGUAGE_NAMES[resolve_language(SYSTEM)]
        titles = {SYSTEM: self.tr("System (%1)").replace("%1", system_name), **LANGUAGE_NAMES}
        for code, title in titles.items():
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setObjectName(f"language:{code}")
            action.setChecked(code == (settings.language or SYSTEM))
            self.group.addAction(action)
            action.triggered.connect(lambda _=False, code=code: self.choose(code))
            self.actions[code] = action

    def choose(self, code: str) -> None:
        """Remember ``code``; offer a restart when it changes the language spoken now."""
        self.settings.language = code
        save_settings(self.settings)
        if resolve_language(code) == current_language():
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Change the language"),
            self.tr("The new language is used after Torch Playground starts again. Restart now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restart()

    def restart_app(self) -> bool:
        """Close the window (asking about unsaved changes), then start the app again."""
        if not self.window.close():
            return False
        program, arguments = restart_command()
        started, _pid = QProcess.startDetached(program, arguments)
        return bool(started)
