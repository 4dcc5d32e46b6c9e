"""Closing and quitting while training threads may still be finishing a batch.

A QThread destroyed while it runs aborts the process ("QThread: Destroyed
while thread is still running"), and waiting for a long batch on the GUI
thread freezes the window. So closing goes in two steps: the first close
stops every run, hides the window and waits in the event loop; when the last
training thread has ended, the window is closed for real and the app quits.
:func:`install_quit_guard` covers a quit that does not go through the window
(scripted mode, the platform's quit): it waits, bounded, as a last resort.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from playground.gui.training.run_controller import RunController
from playground.gui.training.worker import TrainingController

log = logging.getLogger(__name__)

QUIT_WAIT_S = 30.0  # the longest a quit waits for a thread stuck in one long operation


class WindowShutdown(QObject):
    """The run side of closing a window: stop, hide, wait in the event loop, then close.

    ``confirmed`` is set once the user has agreed to close (the save question is
    asked once, not again when the window closes for real). Qt quits on the
    last window closed only when that window was visible, so the app's own
    window sets ``quit_when_closed``: a delayed close then ends the event loop.
    (Not by default: quitting outside ``exec()``, in tests, would stop every
    later event loop from running.)
    """

    def __init__(self, window: QWidget, run: RunController) -> None:
        super().__init__(window)
        self.window = window
        self.run = run
        self.confirmed = False
        self.waiting = False
        self.quit_when_closed = False

    def ready_to_close(self) -> bool:
        """True when the window may close now; otherwise hide it and close it later.

        Stops the current run (it is not recorded: the document is closing) and
        any run still ending after a reset; the window closes by itself once the
        last training thread has ended.
        """
        self.run.discard()
        training = self.run.training
        if not training.has_threads:
            return True
        if not self.waiting:
            self.waiting = True
            training.threads_ended.connect(self._close_now)
        self.window.hide()
        return False

    def _close_now(self) -> None:
        self.run.training.threads_ended.disconnect(self._close_now)
        self.waiting = False
        # Queued, so the thread's own bookkeeping is done first; dropped if the window is gone.
        QMetaObject.invokeMethod(self, "_close_window", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _close_window(self) -> None:
        if self.window.close() and self.quit_when_closed:
            QCoreApplication.quit()


def install_quit_guard(app: QCoreApplication, training: TrainingController) -> None:
    """When the event loop ends, wait (bounded) for training threads instead of aborting."""

    def wait_for_training() -> None:
        if training.has_threads and not training.wait_for_threads(QUIT_WAIT_S):
            log.error("training threads still running after %.0f s at quit", QUIT_WAIT_S)

    app.aboutToQuit.connect(wait_for_training)


def exit_without_waiting(training: TrainingController, code: int) -> None:
    """The very last resort after the event loop ended: never destroy a running thread.

    If a training thread is still stuck in one operation after the quit guard's
    wait, the process ends at once (no destructor runs), with a sentence, rather
    than aborting in Qt's QThread destructor.
    """
    if not training.has_threads:
        return
    print(
        "playground: training was still busy with one long step when the app quit; "
        "it was ended without saving anything more.",
        file=sys.stderr,
        flush=True,
    )
    if sys.stdout is not None:  # None in a windowed Windows app, which has no console
        sys.stdout.flush()
    os._exit(code)
