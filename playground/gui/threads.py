"""One way to put a worker in a QThread, as superqt's ``new_worker_qthread`` does.

``thread.started → worker.run``, ``worker.finished → thread.quit``, ``deleteLater``
on both, and the owner told when the thread has ended (connected before the
thread's ``deleteLater``, so it runs while the thread object still exists). The
training run, the lab and the landscape slices all start their workers this way.
Connect any other slot of ``worker.finished`` before calling :func:`wire_worker`,
so it runs before the worker is scheduled for deletion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QThread, SignalInstance


class Worker(Protocol):
    """A QObject with a ``run`` slot and a ``finished`` signal emitted when run ends."""

    finished: SignalInstance

    def run(self) -> None: ...
    def moveToThread(self, thread: QThread) -> bool: ...
    def deleteLater(self) -> None: ...


def wire_worker(
    worker: Worker | QObject,
    thread: QThread,
    on_thread_finished: Callable[[], None],
    *,
    direct_quit: bool = False,
) -> None:
    """Move ``worker`` into ``thread`` and connect the start and end; the caller starts it.

    ``direct_quit``: quit the thread from the worker's thread (``quit`` is thread-safe),
    for owners that may block the GUI thread while waiting for the run to end.
    """
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[union-attr]
    finished = worker.finished  # type: ignore[union-attr]
    if direct_quit:
        finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    else:
        finished.connect(thread.quit)
    finished.connect(worker.deleteLater)
    thread.finished.connect(on_thread_finished)
    thread.finished.connect(thread.deleteLater)
