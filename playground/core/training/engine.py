"""The training engine: a plain loop over in-memory tensors with thread-safe controls.

:class:`Engine` builds the model, loss, optimizer and schedule from an
:class:`~playground.core.spec.experiment.Experiment` and trains in whichever thread calls
:meth:`Engine.run`. Other threads pause, resume, stop, single-step and change
the learning rate through :class:`~playground.core.training.run_control.RunControl`;
observers receive :class:`~playground.core.training.snapshot.Snapshot` objects at a
rate bounded by time.

For the tiny networks of the playground, per-call overhead dominates, so the
data stays as one tensor on the device and mini-batches are views of a
per-epoch permutation (no DataLoader), losses are accumulated on the device
and read back only when a snapshot is due, plain dense stacks skip autograd
(:mod:`~playground.core.training.fast_dense`), and at full speed the controls are
checked once per burst of steps (:mod:`~playground.core.training.pace`).

The loop, snapshots and bookkeeping share the run's state (step, epoch, optimizer);
the pieces that can stand alone (the set-up, the controls, run control, pace, epoch
order, the batch step, loss recorder, snapshot maker, gradients, stop-in-batch, step
limits) live in their own modules.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence

import torch
from torch import nn

from playground.core.data.base import Dataset
from playground.core.errors import ProblemError
from playground.core.layers.memory import is_allocation_failure
from playground.core.problems import Problem
from playground.core.spec.experiment import Experiment
from playground.core.training import run_ending, torch_threads
from playground.core.training.batch_step import BatchStep
from playground.core.training.builders import (
    OptimizerOnDemand,
    set_learning_rate,
    step_schedule,
)
from playground.core.training.devices import resolve_device
from playground.core.training.engine_controls import EngineControls, EngineError
from playground.core.training.epoch_order import EpochOrder
from playground.core.training.gradients import GradientNorms
from playground.core.training.history import EpochRecord, LearningRateChange, MetricHistory
from playground.core.training.loss_recorder import LossRecorder
from playground.core.training.pace import Pace
from playground.core.training.run_control import Callback, Decision, RunClock, RunControl
from playground.core.training.run_ending import RunEnding
from playground.core.training.run_setup import set_up_run
from playground.core.training.snapshot import RunState, Snapshot
from playground.core.training.snapshot_demand import EVERYTHING, SnapshotContent, SnapshotDemand
from playground.core.training.snapshot_maker import Progress
from playground.core.training.step_limit import batches_per_epoch
from playground.core.training.stop_in_batch import BatchInterrupter, BatchStopped

__all__ = ["Callback", "Engine", "EngineError"]

SnapshotCallback = Callable[[Snapshot], None]
# Wait at least this many times a snapshot's own cost before the next one (≤ ~20% overhead).
SNAPSHOT_COST_FACTOR = 4.0


class Engine(EngineControls):
    """One training run of an experiment, controllable from other threads while it runs."""

    _state: RunState
    _ending: RunEnding | None
    _clock: RunClock
    _step: int
    _epoch: int
    _batch: int  # batches done in the current epoch
    _samples: int
    _next_snapshot: float
    _on_snapshot: SnapshotCallback | None

    def __init__(
        self,
        experiment: Experiment,
        dataset: Dataset | None = None,
        *,
        snapshot_interval: float = 1 / 30,
        initial_state: dict[str, torch.Tensor] | None = None,
        callbacks: Sequence[Callback] = (),
        demand: SnapshotDemand | None = None,
        device: torch.device | None = None,
    ) -> None:
        """``device``: build and train there instead of on the experiment's ``training.device``."""
        if dataset is None:
            from playground.core.data import load_dataset

            dataset = load_dataset(experiment.data)
        self._experiment = experiment
        self._dataset = dataset
        self._snapshot_interval = snapshot_interval
        # What the observer shows and when it takes a snapshot (the window sets its own).
        self.demand = demand or SnapshotDemand()
        self._device = device if device is not None else resolve_device(experiment.training.device)
        try:  # everything that allocates at the start, so running out of memory is one sentence
            setup = set_up_run(experiment, dataset, self._device, initial_state)
        except ProblemError as error:
            raise EngineError(error.problems) from None
        except (MemoryError, RuntimeError) as error:
            if not is_allocation_failure(error):
                raise
            ending = run_ending.out_of_memory(experiment, device=str(self._device))
            raise EngineError(ending.message) from None
        self._model, self._has_batchnorm = setup.model, setup.has_batchnorm
        self._initial_state, self._x_train = setup.initial_state, setup.x_train
        self._y_train_loss, self._loss_fn = setup.y_train_loss, setup.loss_fn
        self._fast, self._snapshots = setup.fast, setup.snapshots
        # The engine's own hook runs after the caller's: it sees the gradients the
        # optimizer will get, before clipping rescales them.
        self._gradient_norms = GradientNorms(self._model)
        self._callbacks = (*callbacks, self._gradient_norms)
        self._control = RunControl()
        control = self._control
        self._interrupter = BatchInterrupter(self._model, lambda: control.stop_requested)
        self._batch_step = BatchStep(
            self._model, self._loss_fn, self._gradient_norms, self._interrupter, self._fast,
            experiment.training, self._callbacks,
        )  # fmt: skip
        self.history = MetricHistory()
        # Intra-op threads this run claims (torch_threads.threads_for); set it before run().
        self.threads = torch_threads.threads_for(self._model)
        self._reset_progress()

    # ---- read-only views ----------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return self._device

    @property
    def model(self) -> nn.Sequential:
        return self._model

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def experiment(self) -> Experiment:
        return self._experiment

    @property
    def fast_path(self) -> bool:
        """Whether batches train with the hand-written pass (fast_dense), not autograd."""
        return self._batch_step.fast is not None

    @property
    def initial_state(self) -> dict[str, torch.Tensor]:
        """Copies of the weights the run started from (for paired runs and resets)."""
        return {k: v.clone() for k, v in self._initial_state.items()}

    @property
    def state(self) -> RunState:
        return self._state

    @property
    def step(self) -> int:
        """Optimizer steps taken so far."""
        return self._step

    @property
    def epoch(self) -> int:
        """Completed epochs."""
        return self._epoch

    @property
    def learning_rate(self) -> float:
        return self._optimizing.learning_rate

    @property
    def train_loss(self) -> float:
        """Mean training loss of the latest epoch (nan before the first step).

        The running epoch if it has begun, else the last finished one. Unlike a
        snapshot's recent mean it does not depend on when snapshots were taken,
        so it is what summaries and run records report. Read it while no batch runs.
        """
        return self._losses.epoch_mean(self._batch)

    @property
    def reason(self) -> str:
        """Why the run ended, in words (empty while it has not ended)."""
        return self._ending.message if self._ending is not None else ""

    def reset_weights(self) -> None:
        """Return to the starting weights with a fresh optimizer, schedule and history."""
        if self._state in ("running", "paused"):
            raise EngineError(Problem("training.reset_while_running"))
        self._model.load_state_dict(self._initial_state)
        self.history.clear()
        self._reset_progress()

    def snapshot(self) -> Snapshot:
        """A snapshot taken now (when no batch is running, or from a snapshot callback)."""
        with self._control.condition:
            self._require_idle("training.busy_snapshot")
            # On the run's threads, as during the run: on the process's own count the first
            # snapshot of a small model woke torch's thread pool, ~0.09 s of the app's start.
            with torch_threads.claimed(self.threads):
                return self._build_snapshot(self._state)

    # ---- the run (its controls, callable from any thread, are in engine_controls) -----

    def run(
        self, on_snapshot: SnapshotCallback | None = None, start_paused: bool = False
    ) -> Snapshot:
        """Train until the last epoch, a stop or divergence; returns the final snapshot.

        Blocks the calling thread. ``on_snapshot`` is called in this thread after
        the first step, then at most every ``snapshot_interval`` seconds (less often
        when building one is slow: snapshots take at most ~20% of the time), on
        pausing, after single steps and at the end. ``snapshot_interval=0`` gives
        one after every batch. Without ``on_snapshot`` (a headless run) none is
        built along the way, only the final one that ``run`` returns.
        """
        # The final snapshot too is built on the run's threads: on the process's own
        # count it woke idle threads and took ~0.2 s on the digits-cnn preset.
        with torch_threads.claimed(self.threads):
            return self._run(on_snapshot, start_paused)

    def _run(self, on_snapshot: SnapshotCallback | None, start_paused: bool) -> Snapshot:
        if self._state in ("running", "paused"):
            raise EngineError(Problem("training.already_running"))
        if self._state == "diverged":
            raise EngineError(Problem("training.diverged", {"reason": self.reason}))
        self._on_snapshot = on_snapshot
        self._control.start(start_paused)
        self._state = "running"
        self._ending = None
        self._clock.start()
        self._interrupter.install()
        try:
            final_state = self._loop()
        except Exception as error:
            self._state = "failed"
            if is_allocation_failure(error):
                self._ending = run_ending.out_of_memory(self._experiment, step=self._step)
            else:
                self._ending = run_ending.failed(self._step, error)
            for callback in self._callbacks:
                callback.on_exception(self, error)
            if isinstance(error, EngineError):
                raise
            raise EngineError(self.reason) from error
        finally:
            self._interrupter.remove()
            self._clock.stop()
            self._control.finish()
        self._state = final_state
        if final_state == "diverged":
            self._ending = self._divergence()
        elif self._ending is None and final_state == "finished":
            self._ending = run_ending.finished(self._epoch)
        elif self._ending is None and final_state == "stopped":
            self._ending = run_ending.stopped(self._step)
        last = self._last_snapshot
        if last is not None and last.state == final_state and last.step == self._step:
            return last
        return self._emit(final_state)

    def _loop(self) -> RunState:
        epochs = self._experiment.training.epochs
        batches = self._batches_per_epoch
        watched = self._on_snapshot is not None  # headless: only the final snapshot is built
        while self._epoch < epochs:
            self._order.begin()
            while self._batch < batches:
                decision = self._control.safe_point(
                    self._apply_lr, self._clock.waiting, self._pace.next_turn
                )
                if decision is Decision.STOP:
                    return "stopped"
                if decision is Decision.REPORT_PAUSE:
                    self._state = "paused"
                    if self._emit("paused").state == "diverged":
                        return "diverged"
                    continue
                rate = self._control.steps_per_second
                self._pace.took_turn()
                self._state = "running"
                # A snapshot is due every step at a watchable speed, else when the window
                # has drawn the last one and the interval has passed.
                due = watched and (
                    Pace.every_step(rate)
                    or (self.demand.wanted and time.perf_counter() >= self._next_snapshot)
                )
                # The run's last step is measured alone: the final snapshot shows its updates.
                left = batches - self._batch - (self._epoch + 1 == epochs)
                record = due or left == 0
                outcome = self._train_burst(1 if record else self._pace.burst(rate, left), record)
                if outcome is not None:
                    return outcome
                if due and self._batch < batches and self._emit("running").state == "diverged":
                    return "diverged"
            self._end_epoch()
            if self._losses.first_bad is not None:
                return "diverged"
            due = watched and self.demand.wanted and time.perf_counter() >= self._next_snapshot
            if due and self._epoch < epochs and self._emit("running").state == "diverged":
                return "diverged"
        return "finished"

    def _train_burst(self, steps: int, record: bool) -> RunState | None:
        """Up to ``steps`` batches, ending early when a request arrives; a final state or None.

        Between the burst's steps only the lock-free request flags are read, so a
        pause or stop is honoured after the step running when it came.
        """
        started = time.perf_counter()
        done = 0
        while done < steps:
            done += 1
            inputs, targets = self._order.batch(self._batch)
            try:
                loss = self._batch_step.run(
                    self, self._optimizing.optimizer, inputs, targets, record
                )
            except BatchStopped:  # a stop arrived during forward or backward
                self._optimizing.optimizer.zero_grad(set_to_none=True)
                self._interrupter.roll_back()
                return "stopped"
            self._step += 1
            self._batch += 1
            self._samples += inputs.shape[0]
            self._losses.add(self._step, loss)
            for callback in self._callbacks:
                callback.on_batch_end(self, self._step, loss)
            if self._losses.first_bad is not None:
                return "diverged"
            if not self._control.quiet():
                break
        self._pace.measured(done, time.perf_counter() - started)
        return None

    def _end_epoch(self) -> None:
        self._losses.flush()
        if self._losses.first_bad is not None:
            return
        train_loss = self._losses.epoch_sum / self._batches_per_epoch
        validation = self._snapshots.validation()
        self._epoch += 1
        record = EpochRecord(
            epoch=self._epoch,
            step=self._step,
            train_loss=train_loss,
            val_loss=validation.loss if validation else None,
            val_accuracy=validation.accuracy if validation else None,
            lr=self.learning_rate,
            train_accuracy=self._snapshots.train_accuracy(),
        )
        self.history.add_epoch(record)
        self._new_epochs.append(record)
        step_schedule(self._optimizing.schedule, validation.loss if validation else train_loss)
        self._losses.epoch_sum = 0.0
        self._batch = 0
        self._order.end()
        self._control.epoch_done()
        for callback in self._callbacks:
            callback.on_epoch_end(self, self._epoch)

    # ---- bookkeeping --------------------------------------------------------------

    def _reset_progress(self) -> None:
        """Fresh optimizer, schedule, batch order and counters (at start and on reset)."""
        training = self._experiment.training
        parameters = [p for p in self._model.parameters() if p.requires_grad]
        self._optimizing = OptimizerOnDemand(self._experiment, parameters)  # built at first step
        self._order = EpochOrder(
            self._x_train, self._y_train_loss, training.batch_size, training.seed
        )
        count = self._x_train.shape[0]
        self._batches_per_epoch = batches_per_epoch(count, training.batch_size, self._has_batchnorm)
        self._losses = LossRecorder(self._device, self.history)
        self._state = "idle"
        self._ending = None
        self._snapshots.reset()
        self._gradient_norms.reset()
        self._step = self._epoch = self._batch = self._samples = 0
        self._batch_step.update_ratios = {}
        self._pace = Pace()
        self._new_epochs: list[EpochRecord] = []
        self._clock = RunClock()
        self._next_snapshot = -math.inf
        self._last_snapshot: Snapshot | None = None
        self._on_snapshot = None

    def _apply_lr(self, lr: float) -> None:
        # Recorded where it takes effect, so a run's record says what really ran.
        if lr != self.learning_rate:
            self.history.add_lr_change(LearningRateChange(self._step, self._epoch + 1, lr))
        set_learning_rate(self._optimizing.optimizer, lr)

    def _divergence(self) -> RunEnding | None:
        return self._losses.divergence(self.learning_rate) or self._snapshots.weights_problem

    # ---- snapshots ----------------------------------------------------------------

    def _emit(self, state: RunState) -> Snapshot:
        started = time.perf_counter()
        content = self.demand.take()
        # A run that is not moving shows everything, so hidden views hold its current state.
        snapshot = self._build_snapshot(state, content if state == "running" else EVERYTHING)
        if self._new_epochs:
            snapshot = dataclasses.replace(snapshot, new_epochs=tuple(self._new_epochs))
            self._new_epochs.clear()
        if snapshot.state == "diverged":
            self._state = "diverged"
        self._last_snapshot = snapshot
        now = time.perf_counter()
        # Snapshots by time, yet never more than ~1/SNAPSHOT_COST_FACTOR of the run's time:
        # on a slow machine (or a large model) they come less often rather than slow training.
        interval = self._snapshot_interval
        if interval > 0:
            interval = max(interval, SNAPSHOT_COST_FACTOR * (now - started))
        self._next_snapshot = now + interval
        if self._on_snapshot is not None:
            self._on_snapshot(snapshot)
        return snapshot

    def _build_snapshot(self, state: RunState, content: SnapshotContent = EVERYTHING) -> Snapshot:
        steps, losses = self._losses.take_new()
        progress = Progress(
            state=state,
            step=self._step,
            epoch=self._epoch,
            epoch_progress=self._batch / self._batches_per_epoch,
            samples_seen=self._samples,
            elapsed=self._clock.elapsed,
            learning_rate=self.learning_rate,
            ending=self._divergence() if state == "diverged" else self._ending,
        )
        return self._snapshots.make(
            progress,
            steps,
            losses,
            self._batch_step.update_ratios,
            self._gradient_norms.latest(),
            content=content,
        )
