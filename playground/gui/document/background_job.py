"""A slow job (the first ONNX export takes seconds) run off the GUI thread, with a busy dialog.

Run in the GUI thread, such a job froze the window with the file dialog still
drawn over it. Here the job runs in a worker thread wired like every other
worker (:func:`~playground.gui.threads.wire_worker`); the caller waits in a
local event loop, so the window keeps painting, training keeps drawing its
plots, and a window-modal busy dialog says what is going on. The caller gets
the result, or the job's exception, as if it had called the job itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from playground.gui.threads import wire_worker

T = TypeVar("T")

#: A job that ends sooner than this shows no dialog at all (no flash for quick exports).
BUSY_DIALOG_AFTER_MS = 300


@dataclass
class _Outcome(Generic[T]):
    """What the job gave, kept outside the worker (the worker is deleted when it ends)."""

    value: T | None = None
    error: Exception | None = None
    done: bool = False


class _JobWorker(QObject):
    """Runs one job in its thread; catches every exception and always emits ``finished``."""

    finished = Signal()

    def __init__(self, job: Callable[[], Any], outcome: _Outcome[Any]) -> None:
        super().__init__()
        self._job = job
        self._outcome = outcome

    def run(self) -> None:
        try:
            self._outcome.value = self._job()
        except Exception as error:  # handed to the caller, which words it
            self._outcome.error = error
        finally:
            self._outcome.done = True
            self.finished.emit()


def run_with_busy_dialog(parent: QWidget, label: str, job: Callable[[], T]) -> T:
    """Run ``job`` in a worker thread and return its result (or raise its exception).

    While it runs, the GUI thread keeps handling events and, after
    :data:`BUSY_DIALOG_AFTER_MS`, a window-modal dialog shows ``label`` with a
    busy bar (a PyTorch export cannot be interrupted halfway, so there is no
    Cancel button). ``job`` must not touch widgets.
    """
    outcome: _Outcome[T] = _Outcome()
    worker = _JobWorker(job, outcome)
    thread = QThread()
    thread.setObjectName("backgroundJob")
    loop = QEventLoop()
    wire_worker(worker, thread, loop.quit)
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("busyDialog")
    dialog.setWindowTitle(parent.window().windowTitle() or label)
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(BUSY_DIALOG_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setValue(0)  # starts the timer that shows the dialog if the job is still going
    thread.start()
    loop.exec()  # returns when the thread has ended (its end is queued to this loop)
    # The loop may already have deleted the ended thread (deleteLater); a thread still
    # there is waited for, so dropping the wrappers never races with the worker's deletion.
    if shiboken6.isValid(thread):
        thread.wait()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]
