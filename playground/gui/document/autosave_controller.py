"""Autosave every minute while there are changes, and the offer to restore after a crash.

A learner who loses an hour of experiments to a crash or a power cut stops
trusting the app. The core keeps one autosave file and a marker that only a
clean shutdown removes (:mod:`playground.core.io.autosave`); this object decides
when to write it (a minute after a change, and when closing starts) and asks,
at the next start, whether to restore what was left behind.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from playground.core.io.autosave import clear_autosave, find_recoverable_autosave, write_autosave
from playground.core.io.files import FileFormatError, LoadedExperiment
from playground.core.io.readers import load_experiment_file_any
from playground.core.messages import sentence
from playground.gui.document import file_prompts
from playground.gui.document.experiment_files import Document
from playground.gui.shell.help_dialogs import open_warning

AUTOSAVE_INTERVAL_MS = 60_000


class AutosaveController(QObject):
    """Writes the autosave when something changed, clears it on a clean exit, offers recovery.

    ``document`` returns what to save; ``enabled`` says whether this session
    autosaves at all (scripted sessions do not). Signals: ``saved(str)`` with
    the autosave path; ``restored(LoadedExperiment)`` after the user accepted
    the offer to restore.
    """

    saved = Signal(str)
    restored = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        document: Callable[[], Document],
        enabled: Callable[[], bool],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._enabled = enabled
        self.dirty = False
        self.offered = False  # the offer to restore comes once per session
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.save_if_changed)
        self.timer.start()

    def mark_changed(self) -> None:
        """Something worth keeping changed; the next tick saves it."""
        self.dirty = True

    def save_if_changed(self) -> bool:
        """Write the autosave if something changed since the last one; True when written."""
        if not self.dirty or not self._enabled():
            return False
        document = self._document()
        try:
            path = write_autosave(document.experiment, weights=document.weights, runs=document.runs)
        except OSError:
            return False  # the data folder is full or gone: try again on the next tick
        self.dirty = False
        self.saved.emit(str(path))
        return True

    def clean_exit(self) -> None:
        """The app closes normally: nothing needs recovering next time."""
        self.timer.stop()
        if self._enabled():
            clear_autosave()

    def offer_recovery(self) -> bool:
        """If the last session did not close cleanly, offer its autosave; True when restored."""
        if self.offered or not self._enabled():
            return False
        self.offered = True
        path = find_recoverable_autosave()
        if path is None:
            return False
        if not file_prompts.ask_restore(self._parent):
            clear_autosave()
            return False
        try:
            loaded: LoadedExperiment = load_experiment_file_any(path)
        except FileFormatError as error:
            clear_autosave()
            open_warning(
                self._parent,
                sentence(f"The autosaved experiment could not be restored: {error}"),
            )
            return False
        self.restored.emit(loaded)
        self.dirty = True  # the restored work lives only in the autosave until it is saved
        return True
