"""Training in a background thread: the worker that runs the engine, and its thread's wiring.

The engine's loop blocks for as long as training lasts, so it runs in a
QThread; the GUI thread stays free to draw and to take clicks. Wiring follows
superqt's ``new_worker_qthread``: ``thread.started → worker.run``,
``worker.finished → thread.quit``, ``deleteLater`` on both, and the thread is
never terminated, only asked to stop through the engine's flags.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal

from playground.core.training.snapshot import Snapshot

if TYPE_CHECKING:
    from playground.core.training.engine import Engine

log = logging.getLogger(__name__)


def describe_exception(error: BaseException) -> str:
    """A sentence for the user about ``error`` (the traceback goes to the log only).

    The core raises errors whose message already is a sentence (data, model,
    validation errors are ``ValueError`` subclasses); anything else gets a
    short sentence plus the exception's own text.
    """
    text = str(error).strip()
    if isinstance(error, MemoryError) or "out of memory" in text.lower():
        return (
            "Training stopped because the device ran out of memory; "
            "try a smaller batch size, a smaller network or the CPU."
        )
    if isinstance(error, ValueError) and text:
        return text if text.endswith((".", "!", "?")) else text + "."
    detail = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return f"Training stopped because of an unexpected error ({detail})."


class TrainingWorker(QObject):
    """Runs one engine's training loop and reports through a fixed set of signals.

    It lives in its own QThread so the blocking loop never freezes the
    window. ``run`` catches every exception, reports it as a sentence on
    ``errored`` and always emits ``finished``, so the thread always ends.
    It has no controls of its own: pause, stop, steps, the learning rate and
    weight edits go straight to the engine, whose methods are thread-safe
    (see :class:`~playground.gui.training.run_controller.RunController`).
    """

    started = Signal()
    snapshot = Signal(object)  # Snapshot
    errored = Signal(object)  # str: what went wrong, in words
    finished = Signal()

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self.final: Snapshot | None = None

    def run(self) -> None:
        """Train until the run ends; emits ``started``, ``snapshot``s, maybe ``errored``, ``finished``.

        Requests made before the loop began (a pause, a stop, a single step)
        are kept by the engine, so a run asked to start paused or to stop at
        once does so.
        """
        self.started.emit()
        try:
            self.final = self.engine.run(on_snapshot=self.snapshot.emit)
            if self.final.state == "failed":
                self.errored.emit(self.final.reason or "Training failed for an unknown reason.")
        except BaseException as error:  # the thread must end cleanly whatever happens
            log.exception("training failed")
            self.errored.emit(describe_exception(error))
        finally:
            self.finished.emit()


def new_worker_thread(worker: TrainingWorker, on_thread_finished: Callable[[], None]) -> QThread:
    """A thread for ``worker``, wired as superqt's ``new_worker_qthread`` (not yet started).

    ``thread.started → worker.run``, ``worker.finished → thread.quit`` and
    ``deleteLater`` on both once they are done; the thread is never
    terminated, only asked to stop through the engine's flags.
    ``on_thread_finished`` (a bound slot of a GUI-thread object, so the call is
    queued into the GUI thread) is connected before ``deleteLater``, so it
    runs while the thread object still exists.
    """
    thread = QThread()
    thread.setObjectName("training")
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and a queued call would wait for the GUI thread,
    # which may itself be blocked waiting for this thread to end.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.finished.connect(worker.deleteLater)
    thread.finished.connect(on_thread_finished)
    thread.finished.connect(thread.deleteLater)
    return thread
