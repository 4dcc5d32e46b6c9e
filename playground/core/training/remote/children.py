"""Training children: spawning them, one kept warm, and ending them all.

A spawned interpreter needs a second or two to import torch. Pressing Train
must not wait for that, so :class:`ChildPool` spawns one child in the background
(``warm_up``) and hands it to the next run once it has said it is warm; a run
gives its child back when it ends, and a child that died or is busy with a run
that was let go is replaced in the background. When no warm child is at hand,
:meth:`ChildPool.take` returns None and the run trains in the window's process.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from multiprocessing.process import BaseProcess

from playground.core.training.remote import child
from playground.core.training.remote.protocol import Message

log = logging.getLogger(__name__)

END_WAIT_S = 1.0  # how long a child asked to quit gets before it is killed


class TrainingChild:
    """One spawned training process and the two pipe ends the window holds."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # safe with CUDA, the same on every system
        inbox_reader, self.inbox = context.Pipe(duplex=False)
        self.outbox, outbox_writer = context.Pipe(duplex=False)
        self.process: BaseProcess = context.Process(
            target=child.serve, args=(inbox_reader, outbox_writer), daemon=True, name="training"
        )
        self.process.start()
        inbox_reader.close()  # the child holds its own copies: a dead child then reads as EOF
        outbox_writer.close()
        self.pid: int | None = None  # set once the child has said it is warm
        self._send_lock = threading.Lock()
        self._end_lock = threading.Lock()
        self._ended = False

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def is_warm(self) -> bool:
        """Whether the child has imported torch and waits for a job (never blocks)."""
        if self.pid is not None:
            return self.alive
        try:
            if not self.outbox.poll(0):
                return False
            message = self.outbox.recv()
        except (EOFError, OSError):
            return False
        if message[0] == "warm":
            self.pid = int(message[1])  # type: ignore[call-overload]
        return self.pid is not None and self.alive

    def send(self, message: Message) -> bool:
        """Send ``message`` to the child; False when it is gone."""
        with self._send_lock:
            try:
                self.inbox.send(message)
            except Exception:  # gone (a broken pipe, a closed end) or a job that cannot cross
                return False
        return True

    def end(self) -> None:
        """Ask the child to quit, and kill it if it has not after :data:`END_WAIT_S`.

        Safe to call twice, also at once from two threads (a shutdown while a run's
        end gives the child back).
        """
        with self._end_lock:
            if self._ended:
                return
            self._ended = True
            self.send(("quit",))
            self.process.join(END_WAIT_S)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(END_WAIT_S)
            with self._send_lock:
                for connection in (self.inbox, self.outbox):
                    connection.close()


class ChildPool:
    """Keeps one warm training child and ends every child it made on :meth:`shutdown`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spare: TrainingChild | None = None
        self._made: list[TrainingChild] = []
        self._closed = False

    def warm_up(self) -> None:
        """Spawn a spare child unless one is there (its start-up runs in the background).

        Also after :meth:`shutdown`: asking for a child means children are wanted again.
        """
        with self._lock:
            self._closed = False
            if self._spare is not None and self._spare.alive:
                return
            try:
                spare = TrainingChild()
            except Exception:  # a system that cannot spawn trains in the window's process
                log.exception("no training process could be started")
                self._spare = None
                return
            self._spare = spare
            self._made = [made for made in self._made if made.alive] + [spare]

    def has_warm_child(self) -> bool:
        """Whether a warm spare waits for the next run (never blocks)."""
        with self._lock:
            return self._spare is not None and self._spare.is_warm()

    def take(self) -> TrainingChild | None:
        """The warm spare for a run, or None when none is ready (a new one is then started)."""
        with self._lock:
            spare = self._spare
            ready = spare is not None and spare.is_warm()
            if ready:
                self._spare = None
        if not ready:
            if spare is not None and not spare.alive:
                log.warning("the training process ended before it was used")
            self.warm_up()
            return None
        return spare

    def give_back(self, used: TrainingChild, healthy: bool) -> None:
        """A run has ended with ``used``: keep it as the spare, or end it (and make a new one).

        After :meth:`shutdown` nothing is kept or made: the children are not wanted.
        """
        with self._lock:
            closed = self._closed
            keep = healthy and not closed and self._spare is None and used.alive
            if keep:
                self._spare = used
        if not keep:
            used.end()
            if not closed:
                self.warm_up()

    def children(self) -> list[TrainingChild]:
        """Every child made and not yet collected (for shutting down, and for tests)."""
        with self._lock:
            return list(self._made)

    def shutdown(self) -> None:
        """End every child, idle or busy; no process is left behind.

        A run's child given back after this is ended too, until :meth:`warm_up`.
        """
        with self._lock:
            self._closed = True
            made, self._made, self._spare = self._made, [], None
        for training_child in made:
            training_child.end()
