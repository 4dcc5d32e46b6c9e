"""Why a run ended, as data: a code and the numbers it rests on, worded where it is read.

The engine decides why a run ended in its training thread (or in a training
process), long before anyone reads the reason; wording it there would fix the
language at that moment. Like a diagnosis :class:`~playground.core.training.snapshot.Hint`,
a :class:`RunEnding` is worded by the active message catalogue (``run.<code>``)
when :attr:`RunEnding.message` is read, so the window, the command line and a
saved run record each say it in their own language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from playground.core.messages import use_catalogue, word
from playground.core.messages.en import TEMPLATES as ENGLISH
from playground.core.spec.experiment import Experiment

__all__ = [
    "RUN_ENDING_CODES",
    "RunEnding",
    "failed",
    "finished",
    "loss_not_finite",
    "out_of_memory",
    "process_ended",
    "stopped",
    "suggest_learning_rate",
    "weights_not_finite",
]


#: Every code and the names of the values its wording uses (``run.<code>`` in each catalogue).
RUN_ENDING_CODES: Mapping[str, tuple[str, ...]] = {
    "finished": ("epochs",),
    "stopped": ("step",),
    "loss_nan": ("step", "lr", "suggestion"),
    "loss_infinite": ("step", "lr", "suggestion"),
    "weights_not_finite": ("layer", "step", "lr", "suggestion"),
    "failed": ("step", "error"),
    "process_ended": ("step",),
    "out_of_memory_training": ("layers", "batch_size", "step"),
    "out_of_memory_building": ("layers", "batch_size", "device"),
}


@dataclass(frozen=True)
class RunEnding:
    """One reason a run ended: ``code`` names the template ``run.<code>``, ``values`` fill it."""

    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The reason as a sentence in the active catalogue's language."""
        return word(f"run.{self.code}", self.values)

    def in_english(self) -> str:
        """The reason in English, for files, which stay in one language whatever the interface speaks."""
        with use_catalogue(ENGLISH):
            return self.message


def suggest_learning_rate(lr: float) -> float:
    """A learning rate 100× smaller, rounded to one significant digit."""
    return float(f"{lr / 100:.0e}")


def finished(epochs: int) -> RunEnding:
    return RunEnding("finished", {"epochs": epochs})


def stopped(step: int) -> RunEnding:
    return RunEnding("stopped", {"step": step})


def loss_not_finite(step: int, value: float, lr: float) -> RunEnding:
    """The loss of step ``step`` was ``value`` (NaN or ±inf) at learning rate ``lr``."""
    code = "loss_nan" if math.isnan(value) else "loss_infinite"
    return RunEnding(code, {"step": step, "lr": lr, "suggestion": suggest_learning_rate(lr)})


def weights_not_finite(layer_number: int, kind: str, step: int, lr: float) -> RunEnding:
    """The weights of the layer numbered ``layer_number`` (1-based) stopped being finite."""
    return RunEnding(
        "weights_not_finite",
        {
            "layer": {"number": layer_number, "kind": kind},
            "step": step,
            "lr": lr,
            "suggestion": suggest_learning_rate(lr),
        },
    )


def failed(step: int, error: BaseException) -> RunEnding:
    """Training raised ``error`` at step ``step`` (its own text is shown as it is)."""
    return RunEnding("failed", {"step": step, "error": str(error) or type(error).__name__})


def process_ended(step: int) -> RunEnding:
    """The process that trained the run ended unexpectedly after step ``step``."""
    return RunEnding("process_ended", {"step": step})


def out_of_memory(
    experiment: Experiment, *, step: int | None = None, device: str = ""
) -> RunEnding:
    """Memory ran out training at ``step``, or (``step`` None) building the model on ``device``."""
    values: dict[str, object] = {
        "layers": len(experiment.model.layers),
        "batch_size": experiment.training.batch_size,
    }
    if step is None:
        return RunEnding("out_of_memory_building", {**values, "device": device})
    return RunEnding("out_of_memory_training", {**values, "step": step})
