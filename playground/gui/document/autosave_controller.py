"""Autosave soon after the first change and then every minute, and the offer to restore after a crash.

A learner who loses an hour of experiments to a crash or a power cut stops
trusting the app. The core gives each window its own autosave and a lock that
says the window is still open (:mod:`playground.core.io.autosave`); this object
decides when to write it (a few seconds after the first change, then every
minute while there are changes, and when closing starts) and asks, at the next
start, whether to restore what crashed windows left behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from playground.core.io.autosave import AutosaveSlot, LeftAutosave, find_left_autosaves
from playground.core.io.files import FileFormatError, LoadedExperiment
from playground.core.io.paths import autosave_dir
from playground.core.io.readers import load_experiment_file_any
from playground.core.io.save_errors import describe_save_failure
from playground.core.io.save_temporaries import remove_stray_temporaries
from playground.core.messages import sentence
from playground.gui.document import file_prompts
from playground.gui.document.experiment_files import Document
from playground.gui.shell.help_dialogs import open_warning

AUTOSAVE_INTERVAL_MS = 60_000
# Work done before the first minute's tick is as valuable as any: save it soon.
FIRST_AUTOSAVE_DELAY_MS = 5_000


class AutosaveController(QObject):
    """Writes the autosave when something changed, clears it on a clean exit, offers recovery.

    ``document`` returns what to save; ``enabled`` says whether this session
    autosaves at all (scripted sessions do not). Signals: ``saved(str)`` with
    the autosave path; ``failed(str)`` with a sentence when an autosave could
    not be written (once per kind of failure); ``restored(LoadedExperiment)``
    after the user accepted the offer to restore; ``note(str)`` with a sentence
    about autosaves kept for later.
    """

    saved = Signal(str)
    failed = Signal(str)
    restored = Signal(object)
    note = Signal(str)

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
        self.slot = AutosaveSlot()
        self.dirty = False
        self.offered = False  # the offer to restore comes once per session
        self._last_written: float | None = None  # time.monotonic() of the last autosave
        self._last_failure = ""
        self._restored_from: LeftAutosave | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.save_if_changed)
        self.timer.start()
        self.first_timer = QTimer(self)
        self.first_timer.setSingleShot(True)
        self.first_timer.setInterval(FIRST_AUTOSAVE_DELAY_MS)
        self.first_timer.timeout.connect(self.save_if_changed)

    def mark_changed(self) -> None:
        """Something worth keeping changed; saved within seconds if no autosave is recent."""
        if not self.dirty and not self.first_timer.isActive() and self._autosave_is_old():
            self.first_timer.start()
        self.dirty = True

    def _autosave_is_old(self) -> bool:
        if self._last_written is None:
            return True
        return time.monotonic() - self._last_written >= AUTOSAVE_INTERVAL_MS / 1000

    def save_if_changed(self) -> bool:
        """Write the autosave if something changed since the last one; True when written.

        Never raises: a failing autosave is reported once (``failed``) and tried
        again on the next tick, and the work stays marked as unsaved.
        """
        if not self.dirty or not self._enabled():
            return False
        try:
            document = self._document()
            path = self.slot.write(
                document.experiment,
                weights=document.weights,
                runs=document.runs,
                weights_role=document.weights_role,
            )
        except Exception as error:  # a full disk, unstorable data or a bug: the app goes on
            message = sentence(describe_save_failure("the autosave", error))
            if message != self._last_failure:
                self._last_failure = message
                self.failed.emit(
                    message + " " + self.tr("Save the experiment yourself to keep your work safe.")
                )
            return False
        self._last_failure = ""
        self._last_written = time.monotonic()
        self.dirty = False
        self._forget_restored()  # the restored work is in this window's autosave now
        self.saved.emit(str(path))
        return True

    def _forget_restored(self) -> None:
        if self._restored_from is not None:
            self._restored_from.discard()
            self._restored_from = None

    def clean_exit(self) -> None:
        """The app closes normally: nothing needs recovering next time."""
        self.timer.stop()
        self.first_timer.stop()
        if self._enabled():
            self.slot.clear()
            self._forget_restored()  # the user was asked whether to save it

    def offer_recovery(self) -> bool:
        """Offer each autosave that crashed windows left (newest first); True when one was restored.

        A window shows one experiment, so after the first restore the others
        are kept for the next start (or another window) rather than deleted.
        """
        if self.offered or not self._enabled():
            return False
        self.offered = True
        remove_stray_temporaries(autosave_dir())  # what saves killed with the app left behind
        kept = 0
        restored = False
        for left in find_left_autosaves():
            if restored:
                left.release()
                kept += 1
            elif not file_prompts.ask_restore(self._parent):
                left.discard()
            else:
                restored = self._restore(left)
        if kept:
            self.note.emit(
                self.tr("One more autosaved experiment is kept; it is offered at the next start.")
                if kept == 1
                else self.tr(
                    "%n more autosaved experiments are kept; they are offered at the next start.",
                    "",
                    kept,
                )
            )
        return restored

    def _restore(self, left: LeftAutosave) -> bool:
        try:
            loaded: LoadedExperiment = load_experiment_file_any(left.path)
        except FileFormatError as error:
            left.discard()
            open_warning(
                self._parent,
                sentence(
                    self.tr("The autosaved experiment could not be restored: {reason}").format(
                        reason=error
                    )
                ),
            )
            return False
        self._restored_from = left  # deleted once this window's own autosave holds the work
        self.restored.emit(loaded)
        self.dirty = True  # the restored work lives only in the autosave until it is saved
        self.save_if_changed()
        return True
