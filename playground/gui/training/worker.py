"""Training in a background thread: the worker that runs the engine and its controller.

The engine's loop blocks for as long as training lasts, so it runs in a
QThread; the GUI thread stays free to draw and to take clicks. Wiring follows
superqt's ``new_worker_qthread`` (:func:`~playground.gui.threads.wire_worker`),
and the thread is never terminated, only asked to stop through the engine's flags.

The worker, its relay and the training controller are one pipeline (thread wiring,
late-signal filtering, retired threads); they are kept together so the wiring reads once.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from playground.core.training.snapshot import Snapshot
from playground.gui.threads import wire_worker
from playground.gui.training.retired_runs import RetiredRuns

if TYPE_CHECKING:
    from playground.gui.training.process_runs import RunEngine

log = logging.getLogger(__name__)


def describe_exception(error: BaseException) -> str:
    """A sentence for the user about ``error`` (the traceback goes to the log only).

    The core raises errors whose message already is a sentence (data, model,
    validation errors are ``ValueError`` subclasses); anything else gets a
    short sentence plus the exception's own text.
    """
    text = str(error).strip()
    if isinstance(error, MemoryError) or "out of memory" in text.lower():
        return QCoreApplication.translate(
            "TrainingWorker",
            "Training stopped because the device ran out of memory; "
            "try a smaller batch size, a smaller network or the CPU.",
        )
    if isinstance(error, ValueError) and text:
        return text if text.endswith((".", "!", "?")) else text + "."
    detail = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return QCoreApplication.translate(
        "TrainingWorker", "Training stopped because of an unexpected error ({detail})."
    ).format(detail=detail)


class TrainingWorker(QObject):
    """Runs one engine's training loop and reports through a fixed set of signals.

    It lives in its own QThread so the blocking loop never freezes the
    window. ``run`` catches every exception, reports it as a sentence on
    ``errored`` and always emits ``finished``, so the thread always ends.
    Controls may be called from the GUI thread at any time: they forward to the
    engine's thread-safe methods.
    """

    started = Signal()
    snapshot = Signal(object)  # Snapshot
    errored = Signal(object)  # str: what went wrong, in words
    finished = Signal()

    def __init__(self, engine: RunEngine, *, start_paused: bool = False) -> None:
        super().__init__()
        self.engine = engine
        self.start_paused = start_paused
        self.final: Snapshot | None = None
        self._stop_requested = False

    def run(self) -> None:
        """Train until the run ends; emits ``started``, ``snapshot``s, maybe ``errored``, ``finished``."""
        self.started.emit()
        try:
            if self._stop_requested:  # stopped before the thread got going
                return
            self.final = self.engine.run(
                on_snapshot=self.snapshot.emit, start_paused=self.start_paused
            )
            if self.final.state == "failed":
                self.errored.emit(
                    self.final.reason or self.tr("Training failed for an unknown reason.")
                )
        except BaseException as error:  # the thread must end cleanly whatever happens
            log.exception("training failed")
            self.errored.emit(describe_exception(error))
        finally:
            self.finished.emit()

    # Controls, callable from the GUI thread while run() is going.
    def pause(self) -> None:
        """Pause after the current batch (or start paused if the thread has not begun)."""
        self.start_paused = True
        self.engine.pause()

    def resume(self) -> None:
        """Continue a paused run."""
        self.start_paused = False
        self.engine.resume()

    def stop(self) -> None:
        """End the run after the current batch (also when paused)."""
        self._stop_requested = True
        self.engine.stop()


class _RunRelay(QObject):
    """Passes one run's signals on to the controller while that run is current.

    It lives in the GUI thread, so the worker's signals reach it queued, in
    order. When the run is let go, the relay is switched off: signals of that
    run still waiting in the event queue then go nowhere. (The worker itself
    cannot be asked: it may already be deleted when its last snapshot arrives.)
    It holds no Python reference to the controller (its parent): a reference
    cycle between Qt wrappers would let Python's garbage collector delete
    them twice.
    """

    started = Signal()
    snapshot = Signal(object)
    errored = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.active = True

    def retire(self, *, forward_pending: bool) -> None:
        """Delete the relay once the signals already queued to it are handled.

        With ``forward_pending`` (the run ended normally) those still reach the
        controller; without (the run was let go) they are dropped.
        """
        self.active = forward_pending
        self.deleteLater()

    @Slot()
    def on_started(self) -> None:
        if self.active:
            self.started.emit()

    @Slot(object)
    def on_snapshot(self, snapshot: object) -> None:
        if self.active:
            self.snapshot.emit(snapshot)

    @Slot(object)
    def on_errored(self, message: object) -> None:
        if self.active:
            self.errored.emit(message)


class TrainingController(QObject):
    """Owns the thread and worker of the current run, so the window never juggles them.

    The main window connects once to the controller's signals, which repeat
    the worker's for whichever run is current; :meth:`stop_and_wait` lets the
    window close without leaving a thread behind. :meth:`let_go` ends the
    current run without waiting: it is asked to stop, whatever it still sends
    is ignored, and :attr:`retired` holds its thread until it has ended.
    ``threads_ended`` tells when no thread, current or let go, is left.
    """

    started = Signal()
    snapshot = Signal(object)
    errored = Signal(object)
    finished = Signal()
    threads_ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker: TrainingWorker | None = None
        self.training_thread: QThread | None = None
        self._relay: _RunRelay | None = None
        self.retired = RetiredRuns(self)
        self.retired.all_ended.connect(self._emit_if_no_threads)

    @property
    def has_threads(self) -> bool:
        """Whether any training thread is going: the current run's or one let go."""
        return self.training_thread is not None or len(self.retired) > 0

    @property
    def is_running(self) -> bool:
        """Whether a run's thread is going (paused runs count as running)."""
        return self.training_thread is not None

    def start(self, engine: RunEngine, *, start_paused: bool = False) -> TrainingWorker:
        """Train ``engine`` in a new thread; refused while another run is going."""
        if self.training_thread is not None:
            raise RuntimeError("a training run is already going; stop it before starting another")
        worker = TrainingWorker(engine, start_paused=start_paused)
        thread = QThread()
        thread.setObjectName("training")
        # The thread quits from its own side, so stop_and_wait() (which blocks the GUI
        # thread) sees it end. A bound slot of this GUI-thread object makes the
        # thread-finished call queued into the GUI thread.
        wire_worker(worker, thread, self._on_thread_finished)
        # Through a relay: a run that was let go may still have signals queued, and
        # they must not reach whoever listens to the current run.
        relay = _RunRelay(self)
        worker.started.connect(relay.on_started)
        worker.snapshot.connect(relay.on_snapshot)
        worker.errored.connect(relay.on_errored)
        relay.started.connect(self.started)
        relay.snapshot.connect(self.snapshot)
        relay.errored.connect(self.errored)
        self.worker, self.training_thread, self._relay = worker, thread, relay
        thread.start()
        return worker

    def pause(self) -> None:
        """Pause the current run (no effect without one)."""
        if self.worker is not None:
            self.worker.pause()

    def resume(self) -> None:
        """Continue the current run."""
        if self.worker is not None:
            self.worker.resume()

    def stop(self) -> None:
        """Ask the current run to end after its current batch."""
        if self.worker is not None:
            self.worker.stop()

    def let_go(self) -> RunEngine | None:
        """Stop the current run without waiting for it; returns its engine (None without one).

        From now on the run is not current: its late snapshots, errors and end are
        ignored, a new run may start at once, and its thread is kept in
        :attr:`retired` until it ends (``retired.ended`` then passes on the engine).
        """
        worker, thread = self.worker, self.training_thread
        if worker is None or thread is None:
            return None
        worker.stop()
        self._retire_relay(forward_pending=False)
        self.worker = None
        self.training_thread = None
        self.retired.keep(thread, worker.engine)
        return worker.engine

    def wait_for_threads(self, timeout: float) -> bool:
        """Stop every run and block up to ``timeout`` seconds for all threads; True when none is left.

        For quitting and for tests: it blocks the calling (GUI) thread.
        """
        deadline = time.monotonic() + timeout
        self.stop_and_wait(timeout)
        self.retired.wait(max(0.0, deadline - time.monotonic()))
        return not self.has_threads

    def stop_and_wait(self, timeout: float = 5.0) -> bool:
        """Stop the run and wait up to ``timeout`` seconds for its thread; True when it ended.

        The engine honours a stop between two layers, so this returns within one
        layer's forward or backward pass (plus the final snapshot) in practice.
        """
        thread = self.training_thread
        if thread is None:
            return True
        self.stop()
        ended = thread.wait(int(timeout * 1000))
        if ended:
            # Deliver the queued finished signals now, so no deleted object is touched later.
            self._thread_finished_if_current(thread)
        return bool(ended)

    def _on_thread_finished(self) -> None:
        sender = self.sender()
        if isinstance(sender, QThread):
            self._thread_finished_if_current(sender)
            self.retired.collect(sender)  # a run let go has ended

    def _thread_finished_if_current(self, thread: QThread) -> None:
        # Runs once per thread, whether the queued signal or stop_and_wait gets here first.
        if self.training_thread is not thread:
            return
        thread.wait()  # ``finished`` is queued: the thread may still be in its last moments
        self._retire_relay(forward_pending=True)
        self.worker = None
        self.training_thread = None
        self.finished.emit()
        self._emit_if_no_threads()

    def _retire_relay(self, *, forward_pending: bool) -> None:
        if self._relay is not None:
            self._relay.retire(forward_pending=forward_pending)
            self._relay = None

    def _emit_if_no_threads(self) -> None:
        if not self.has_threads:
            self.threads_ended.emit()
