"""One way to run a worker in a QThread, after superqt's ``new_worker_qthread``.

``thread.started → worker.run`` (called in the new thread), ``worker.finished →
thread.quit``, and once the thread has ended the worker and the thread are let go
in the GUI thread (``deleteLater``); the owner is told then. The training run, the
lab, the landscape slices and background exports start their workers this way.

The worker object itself stays in the GUI thread; only its ``run`` executes in the
worker thread, and its signals reach GUI objects queued, as from any thread. The
worker thread never creates, connects, disconnects, moves or deletes a Qt object,
because with Python's bindings each of those can deadlock: Qt holds its connection
locks while it asks a Python-wrapped object about a disconnection, which needs the
GIL, while the GUI thread may hold the GIL and want one of those locks (pyqtgraph
setting an axis label does). Both orders were seen to hang the app. The wiring is
also undone in the GUI thread, in Python (GIL first, locks second, as everywhere
else), before the worker is deleted, so its deletion asks nothing of the thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, SignalInstance


class Worker(Protocol):
    """A QObject with a ``run`` slot and a ``finished`` signal emitted as run ends."""

    finished: SignalInstance

    def run(self) -> None: ...
    def deleteLater(self) -> None: ...


def wire_worker(
    worker: Worker | QObject, thread: QThread, on_thread_finished: Callable[[], None]
) -> None:
    """Connect ``worker`` to ``thread``'s start and end; the caller starts the thread.

    ``worker.finished`` must be emitted from ``run``. The thread quits at once then
    (``quit`` is thread-safe), so an owner that blocks the GUI thread waiting for
    the run still sees it end. ``on_thread_finished`` runs in the GUI thread after
    the thread has ended, while the thread object still exists.
    """
    direct = Qt.ConnectionType.DirectConnection
    thread.started.connect(worker.run, direct)  # type: ignore[union-attr]
    worker.finished.connect(thread.quit, direct)  # type: ignore[union-attr]
    # Held by this connection until the thread's end is handled, so the worker is never
    # deleted (by an owner dropping it early) while it is still wired to the thread.
    thread.finished.connect(lambda: _unwire(worker, thread))
    thread.finished.connect(on_thread_finished)
    thread.finished.connect(thread.deleteLater)


def _unwire(worker: Worker | QObject, thread: QThread) -> None:
    """In the GUI thread, once the thread has ended: undo the wiring, delete the worker."""
    if not shiboken6.isValid(worker):  # an owner deleted it already: Qt dropped its wiring
        return
    thread.started.disconnect(worker.run)  # type: ignore[union-attr]
    worker.finished.disconnect(thread.quit)  # type: ignore[union-attr]
    worker.deleteLater()
