"""Start, pause, step, stop and reset: the run's life cycle between panels, worker and plots.

The toolbar asks for intentions ("train", "one batch"); this object turns them
into engine runs on the :class:`TrainingController`, remembers whether the
current weights have been trained (so the window can ask before throwing
them away) and reports every state change and problem as a signal.

Kept whole: starting, stepping, resetting, letting runs go and recording them all
change the same run state; split, each piece would need the others' internals.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime

import torch
from PySide6.QtCore import QObject, Signal

from playground.core.data.base import Dataset
from playground.core.io.files import WeightsRole
from playground.core.messages import sentence
from playground.core.runs.paired import PairedRunError, paired_engine
from playground.core.runs.records import RunRecord, record_from_engine
from playground.core.spec.experiment import Experiment
from playground.core.training.engine import Callback, Engine
from playground.core.training.snapshot import RunState, Snapshot
from playground.core.training.snapshot_demand import SnapshotDemand
from playground.gui.training.fresh_model import FreshModel
from playground.gui.training.process_runs import ProcessRuns, RunEngine
from playground.gui.training.worker import TrainingController, describe_exception

SHUTDOWN_POLL_S = 0.1
ENDED_STATES = frozenset({"finished", "stopped", "diverged", "failed"})


class RunController(QObject):
    """Owns the current run of the window's experiment.

    Signals: ``state_changed(str)`` with a :data:`RunState`; ``snapshot(object)``
    for every snapshot; ``problem(str)`` with a sentence when a run cannot start
    or fails; ``run_started()`` when a fresh run (new weights) begins;
    ``run_recorded(RunRecord)`` when a run that trained ends, is stopped or is
    reset (each run once).

    Before the first step and after Reset, :attr:`fresh` shows the untrained
    model a run would start from; values set by hand there are where the next
    run starts.

    Reset and :meth:`discard` never wait for a run: a run that is still going
    is let go (see :meth:`TrainingController.let_go`), so the window is usable
    at once and the next Train starts the new experiment, even while the old
    run finishes a long batch in the background.
    """

    state_changed = Signal(str)
    snapshot = Signal(object)
    problem = Signal(str)
    run_started = Signal()
    run_recorded = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.training = TrainingController(self)
        self.experiment: Experiment | None = None
        self.dataset: Dataset | None = None
        self.callbacks: Sequence[Callback] = ()
        self.fresh = FreshModel(self)
        self.engine: RunEngine | None = None
        # Runs train in a warm child process where one can be had (process_runs.py).
        self.processes = ProcessRuns(self)
        self.speed: float | None = None  # steps per second for this run and the next; None: full
        # Every run builds its snapshots as this says; the window paces it (ShownViews).
        self.snapshot_demand = SnapshotDemand()
        self.state: RunState = "idle"
        self.last_snapshot: Snapshot | None = None
        self.first_snapshot: Snapshot | None = None
        self._pending_step = ""
        self._started_at = datetime.now(UTC)
        self._started_clock = time.perf_counter()
        self._recorded = True  # nothing to record until a run starts
        self._paired_with = ""  # the id of the run the current run repeats, if it is paired
        # Runs let go by Reset, recorded once their thread has ended:
        # engine → (start, seconds, paired_with).
        self._late_records: dict[RunEngine, tuple[datetime, float, str]] = {}
        self.training.retired.ended.connect(self._on_retired_ended)
        self.training.snapshot.connect(self._on_snapshot)
        self.training.errored.connect(self._on_errored)
        self.training.finished.connect(self._on_finished)

    # ---- what the window tells us ---------------------------------------------------

    def set_experiment(self, experiment: Experiment | None, dataset: Dataset | None) -> None:
        """The experiment the next run trains (None while it is invalid)."""
        self.experiment = experiment
        self.dataset = dataset
        if self.engine is None and not self.training.is_running:
            self.fresh.follow(experiment, dataset)

    @property
    def start_weights(self) -> dict[str, torch.Tensor] | None:
        """Weights a new run starts from instead of the seed's (a lesson's a = 1, b = 2)."""
        return self.fresh.start_weights

    @start_weights.setter
    def start_weights(self, weights: dict[str, torch.Tensor] | None) -> None:
        self.set_start_weights(weights)

    def set_start_weights(
        self, weights: dict[str, torch.Tensor] | None, *, by_hand: bool = False
    ) -> None:
        """Start the next runs from ``weights``; ``by_hand`` ones are dropped when layers change."""
        self.fresh.set_start_weights(weights, by_hand=by_hand)
        if self.engine is None and not self.training.is_running:
            self.fresh.show(self.experiment, self.dataset)

    @property
    def has_trained(self) -> bool:
        """Whether the current weights have been changed by training (worth keeping)."""
        return self.last_snapshot is not None and self.last_snapshot.step > 0

    @property
    def is_running(self) -> bool:
        """Whether a run's thread exists (running or paused)."""
        return self.training.is_running

    @property
    def can_stop(self) -> bool:
        """Whether Stop applies: a run is running or paused, not one that already ended.

        A run that finished or was stopped reports its end before its thread is
        gone; Stop then has nothing left to do.
        """
        return self.training.is_running and self.state not in ENDED_STATES

    # ---- toolbar intentions ---------------------------------------------------------

    def play_pause(self) -> None:
        """Start a run, pause a running one, or continue a paused one."""
        if not self.training.is_running:
            self._start(start_paused=False)
        elif self.state == "paused":
            self.training.resume()
            self._set_state("running")
        else:
            self.training.pause()
            self._set_state("paused")

    def step_batch(self) -> None:
        """Train exactly one batch, then pause (starting a paused run if needed)."""
        self._step(epoch=False)

    def step_epoch(self) -> None:
        """Train to the end of the current epoch, then pause."""
        self._step(epoch=True)

    def stop(self) -> None:
        """End the run; the plots keep what it showed."""
        self.training.stop()

    def reset(self) -> None:
        """Forget the run: the next one starts from the seed's initial weights.

        A run that is still going is stopped and let go; it is recorded when it
        has ended (a run ended by Reset still counts as a run).
        """
        engine = self.training.let_go()
        if engine is not None and not self._recorded:
            self._late_records[engine] = (
                self._started_at,
                time.perf_counter() - self._started_clock,
                self._paired_with,
            )
            self._recorded = True
        self._record()
        self._forget()

    def discard(self) -> None:
        """Forget the run without recording it (another experiment replaces this one).

        Also drops the records still due from runs let go earlier: they belong to
        the experiment that is being replaced.
        """
        self.training.let_go()
        self._late_records.clear()
        self._recorded = True
        self._forget()

    def _forget(self) -> None:
        self._pending_step = ""
        self.engine = None
        self.last_snapshot = None
        self.first_snapshot = None
        self._set_state("idle")
        self.fresh.show(self.experiment, self.dataset)  # the diagram shows the first weights again

    def set_speed(self, steps_per_second: float | None) -> None:
        """Train at most this many steps a second (None: full speed), this run and the next."""
        self.speed = steps_per_second
        if self.engine is not None:
            self.engine.set_speed(steps_per_second)

    def set_learning_rate(self, lr: float) -> None:
        """Apply a new learning rate to the running run at once (the engine is thread-safe)."""
        if self.engine is not None and self.training.is_running:
            self.engine.set_learning_rate(lr)

    def set_weight(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Change one weight or bias (diagram, parameter table); every view shows it at once.

        Before the first step (and after Reset) it sets where the next run starts;
        while paused or after a run it changes that run's model. Not while training runs.
        """
        try:
            if self.engine is None:
                self.fresh.set_value(name, index, value)
            elif self.training.is_running and self.state == "running":
                self.problem.emit(self.tr("Pause training before changing a parameter."))
            else:
                self.engine.set_weight(name, index, value)
                self._on_snapshot(self.engine.snapshot())
        except ValueError as error:
            self.problem.emit(sentence(str(error)))

    def shutdown(self, timeout: float = 5.0, *, keep_processes: bool = False) -> bool:
        """Stop every run and wait up to ``timeout`` s for the threads; True when none is left.

        Blocks the GUI thread (a stop is honoured between layers, so this is short);
        for saving the weights of a run, and for tests. The stop request is
        repeated while waiting: a run that had not reached its loop yet when first
        asked would otherwise miss it. The training processes end too, unless
        ``keep_processes`` (the window goes on, and its next run wants a warm one).
        """
        waited = 0.0
        while self.training.is_running and waited < timeout:
            if self.training.stop_and_wait(SHUTDOWN_POLL_S):
                break
            waited += SHUTDOWN_POLL_S
        self.training.retired.wait(max(0.0, timeout - waited))
        if not keep_processes:
            self.processes.shutdown()  # no training process outlives the runs
        return not self.training.has_threads

    def restore(self, weights: dict[str, torch.Tensor]) -> bool:
        """Show ``weights`` (from a file) as the current model, without training.

        A fresh engine holds them so the plots and the network diagram draw the
        trained model; pressing Train then starts a new run from the seed.
        """
        if self.experiment is None:
            return False
        self.reset()
        try:
            engine = Engine(self.experiment, self.dataset, initial_state=weights)
            snapshot = engine.snapshot()
        except Exception as error:  # a file's weights that do not fit are told in words
            self.problem.emit(
                sentence(
                    self.tr("The saved weights could not be used: {reason}").format(
                        reason=describe_exception(error)
                    )
                )
            )
            return False
        self.engine = engine
        self._on_snapshot(snapshot)
        return True

    def start_paired(self, base: RunRecord) -> bool:
        """Re-run ``base`` with the current settings: same start weights, data and batch order."""
        if self.training.is_running:
            self.problem.emit(self.tr("Stop the current run before starting a paired run."))
            return False
        if self.experiment is None:
            self.problem.emit(
                self.tr("A paired run cannot start until the problems shown are fixed.")
            )
            return False
        experiment, callbacks = self.experiment, list(self.callbacks)

        def make(device: torch.device | None) -> Engine:
            return paired_engine(base, experiment, callbacks=callbacks, device=device)

        try:
            engine = self.processes.build(make, callbacks)
        except PairedRunError as error:
            self.problem.emit(sentence(str(error)))
            return False
        except Exception as error:  # every failure to build a run is told in words
            self.problem.emit(sentence(describe_exception(error)))
            return False
        self.reset()
        self._launch(engine, start_paused=False, paired_with=base.id)
        return True

    def current_weights(self) -> dict[str, torch.Tensor] | None:
        """A CPU copy of the current model's weights, or None (no model, or training right now)."""
        engine = self.engine
        if engine is None or (self.training.is_running and self.state != "paused"):
            return None
        if self._pending_step:
            return None
        return {
            name: value.detach().to("cpu").clone()
            for name, value in engine.model.state_dict().items()
        }

    def weights_to_save(self) -> tuple[dict[str, torch.Tensor] | None, WeightsRole]:
        """What a save keeps: the run's weights, else the values set for the next run's start."""
        if self.engine is not None:
            return self.current_weights(), "trained"
        start = self.fresh.start_weights
        if start is None:
            return None, "trained"
        return {name: value.detach().clone() for name, value in start.items()}, "start"

    # ---- internals -------------------------------------------------------------------

    def _record(self) -> None:
        engine = self.engine
        if self._recorded or engine is None or self.training.is_running:
            return
        self._recorded = True
        final = engine.snapshot()
        if final.step <= 0:
            return
        seconds = time.perf_counter() - self._started_clock
        self.run_recorded.emit(
            record_from_engine(engine, final, self._started_at, seconds, self._paired_with)
        )

    def _step(self, *, epoch: bool) -> None:
        request = "epoch" if epoch else "batch"
        if not self.training.is_running:
            # A fresh run may not have reached its loop yet; the step is sent when the
            # run reports that it is paused (see _on_snapshot).
            self._pending_step = request
            self._start(start_paused=True)
            return
        if self.state == "running":
            self.training.pause()
        self._set_state("paused")
        self._send_step(request)

    def _send_step(self, request: str) -> None:
        if self.engine is None:
            return
        if request == "epoch":
            self.engine.step_epoch()
        else:
            self.engine.step_batch()

    def _start(self, *, start_paused: bool) -> bool:
        if self.experiment is None:
            self.problem.emit(self.tr("Training cannot start until the problems shown are fixed."))
            return False
        experiment, dataset = self.experiment, self.dataset
        start, callbacks = self.fresh.start_weights, list(self.callbacks)

        def make(device: torch.device | None) -> Engine:
            return Engine(
                experiment, dataset, initial_state=start, callbacks=callbacks, device=device
            )

        try:
            engine = self.processes.build(make, callbacks)
        except Exception as error:  # every failure to build a run is told in words
            self.problem.emit(sentence(describe_exception(error)))
            return False
        self._launch(engine, start_paused=start_paused)
        return True

    def _launch(self, engine: RunEngine, *, start_paused: bool, paired_with: str = "") -> None:
        self._record()
        engine.set_speed(self.speed)
        self.engine = engine
        self._paired_with = paired_with
        self.last_snapshot = None
        self.first_snapshot = None
        self._started_at = datetime.now(UTC)
        self._started_clock = time.perf_counter()
        self._recorded = False
        self.run_started.emit()
        engine.demand = self.snapshot_demand  # what the window shows, and when it is ready
        self.snapshot_demand.ready()  # the first step of a run is shown at once
        self.training.start(engine, start_paused=start_paused)
        self._set_state("paused" if start_paused else "running")

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        if self._pending_step and snapshot.state == "paused":
            request, self._pending_step = self._pending_step, ""
            self._send_step(request)
        if self.first_snapshot is None:
            self.first_snapshot = snapshot
        self.last_snapshot = snapshot
        if snapshot.state != self.state and snapshot.state != "idle":
            self._set_state(snapshot.state)
        self.snapshot.emit(snapshot)

    def _on_retired_ended(self, engine: RunEngine) -> None:
        started = self._late_records.pop(engine, None)
        if started is None:
            return
        started_at, seconds, paired_with = started
        final = engine.snapshot()
        if final.step > 0:
            self.run_recorded.emit(
                record_from_engine(engine, final, started_at, seconds, paired_with)
            )

    def _on_errored(self, message: object) -> None:
        self.problem.emit(sentence(str(message)))

    def _on_finished(self) -> None:
        if self.state not in ENDED_STATES:
            self._set_state("stopped")
        self._record()

    def _set_state(self, state: RunState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
