"""The option families of an experiment, one table each: optimizers, losses, inits, schedules.

Every front end reads these tables instead of keeping its own list: the spec
takes its field bounds and defaults from them, validation its combination
rules and loss tasks, the training builders and the exported script their
torch classes and arguments, and the training panel its titles, ranges,
steps and help texts. A new optimizer is one new row here (plus its name in
the spec's ``Literal``, which a test keeps in step).

The torch classes are named as dotted paths (``torch.optim.SGD``) so the spec
stays importable without building anything; the builders resolve them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from playground.core.spec.option_fields import FieldOption

Task = Literal["classification", "regression"]

# ---- optimizers ---------------------------------------------------------------------

OPTIMIZER_FIELDS: dict[str, FieldOption] = {
    f.name: f
    for f in (
        FieldOption(
            "lr", "Learning rate", "Learning rate.", "float", 0.01,
            minimum=0.0, maximum=100.0, low_open=True, step=0.001, log_scale=True,
        ),
        FieldOption(
            "momentum", "Momentum", "SGD and RMSprop momentum.", "float", 0.0,
            minimum=0.0, maximum=1.0, high_open=True, step=0.05,
        ),
        FieldOption(
            "nesterov", "Nesterov momentum",
            "SGD only: Nesterov momentum (needs momentum > 0).", "bool", False,
        ),
        FieldOption(
            "beta1", "Beta 1", "Adam/AdamW averaging factor for the gradient.", "float", 0.9,
            minimum=0.0, maximum=1.0, high_open=True, step=0.01,
        ),
        FieldOption(
            "beta2", "Beta 2", "Adam/AdamW averaging factor for the squared gradient.",
            "float", 0.999, minimum=0.0, maximum=1.0, high_open=True, step=0.001,
        ),
        FieldOption(
            "weight_decay", "Weight decay", "L2 penalty on the weights.", "float", 0.0,
            minimum=0.0, maximum=1.0, step=0.0001, log_scale=True,
        ),
    )
}  # fmt: skip


@dataclass(frozen=True)
class CombinationRule:
    """A setting that needs others: ``setting`` may be on only when every need holds.

    ``needs_above`` maps a setting to the value it must exceed (``momentum > 0``),
    ``needs_equal`` to the value it must have. ``code`` names the rule for messages.
    """

    code: str
    setting: str
    needs_above: Mapping[str, float] = field(default_factory=dict)
    needs_equal: Mapping[str, float] = field(default_factory=dict)

    def allows(self, values: Mapping[str, object]) -> bool:
        """Whether the rule holds for these settings (true when ``setting`` is off)."""
        if not values.get(self.setting):
            return True
        above = all(_number(values.get(k)) > v for k, v in self.needs_above.items())
        equal = all(_number(values.get(k)) == v for k, v in self.needs_equal.items())
        return above and equal


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


@dataclass(frozen=True)
class OptimizerOption:
    """One optimizer: its torch class, the settings it reads and how they are passed.

    ``arguments`` pairs each keyword of the torch class with the spec setting
    it gets (``betas`` is the pair of ``beta1`` and ``beta2``). ``fused``
    optimizers get one kernel for all parameters on CPU and CUDA (measured on a
    2-16-16-2 MLP on one CPU thread, Adam went from 1,328 to 1,907 steps/s);
    the others keep torch's plain loop (``foreach=False``), which every device has.
    """

    name: str
    title: str
    torch_class: str
    fields: tuple[str, ...]
    arguments: tuple[tuple[str, str], ...]
    fused: bool
    rules: tuple[CombinationRule, ...] = ()


NESTEROV_NEEDS_MOMENTUM = CombinationRule(
    "nesterov-needs-momentum", "nesterov", needs_above={"momentum": 0.0}
)

_LR, _DECAY = ("lr", "lr"), ("weight_decay", "weight_decay")
OPTIMIZER_TABLE: dict[str, OptimizerOption] = {
    o.name: o
    for o in (
        OptimizerOption(
            "sgd", "SGD", "torch.optim.SGD", ("lr", "momentum", "nesterov", "weight_decay"),
            (_LR, ("momentum", "momentum"), ("nesterov", "nesterov"), _DECAY), True,
            (NESTEROV_NEEDS_MOMENTUM,),
        ),
        OptimizerOption(
            "adam", "Adam", "torch.optim.Adam", ("lr", "beta1", "beta2", "weight_decay"),
            (_LR, ("betas", "betas"), _DECAY), True,
        ),
        OptimizerOption(
            "adamw", "AdamW", "torch.optim.AdamW", ("lr", "beta1", "beta2", "weight_decay"),
            (_LR, ("betas", "betas"), _DECAY), True,
        ),
        OptimizerOption(
            "rmsprop", "RMSprop", "torch.optim.RMSprop", ("lr", "momentum", "weight_decay"),
            (_LR, ("momentum", "momentum"), _DECAY), False,
        ),
        OptimizerOption(
            "adagrad", "Adagrad", "torch.optim.Adagrad", ("lr", "weight_decay"),
            (_LR, _DECAY), False,
        ),
    )
}  # fmt: skip

# ---- losses -------------------------------------------------------------------------


@dataclass(frozen=True)
class LossOption:
    """One loss: its torch class, the task it learns, a title and when to use it."""

    name: str
    title: str
    torch_class: str
    task: Task
    help: str


LOSS_TABLE: dict[str, LossOption] = {
    o.name: o
    for o in (
        LossOption(
            "cross-entropy", "Cross-entropy", "torch.nn.CrossEntropyLoss", "classification",
            "For classes: one output per class.",
        ),
        LossOption(
            "bce-with-logits", "Binary cross-entropy", "torch.nn.BCEWithLogitsLoss",
            "classification", "For exactly two classes: one output.",
        ),
        LossOption(
            "mse", "Mean squared error", "torch.nn.MSELoss", "regression",
            "For numbers: the mean of the squared errors.",
        ),
        LossOption(
            "l1", "Mean absolute error", "torch.nn.L1Loss", "regression",
            "For numbers: the mean of the absolute errors (L1); less hurt by outliers.",
        ),
        LossOption(
            "huber", "Huber", "torch.nn.HuberLoss", "regression",
            "For numbers: squared for small errors, absolute for large ones.",
        ),
    )
}  # fmt: skip


def losses_for(task: Task) -> tuple[str, ...]:
    """The losses that learn ``task``, in table order."""
    return tuple(name for name, option in LOSS_TABLE.items() if option.task == task)


# ---- initial weights ------------------------------------------------------------------

#: The layers an initialisation sets: every layer with a weight matrix or filters.
INITIALIZED_LAYERS: tuple[str, ...] = ("torch.nn.Linear", "torch.nn.Conv2d")


@dataclass(frozen=True)
class InitOption:
    """One way the weights start, applied after torch has built the layers.

    ``weight_init`` names the ``torch.nn.init`` function each weight of
    :data:`INITIALIZED_LAYERS` gets, with the keywords ``arguments``, and
    ``bias_init`` the one each bias gets; ``None`` keeps what torch's layers
    drew themselves. Other layers (BatchNorm, LayerNorm) always keep torch's values.
    """

    name: str
    title: str
    help: str
    weight_init: str | None = None
    arguments: tuple[tuple[str, str], ...] = ()
    bias_init: str | None = None


INIT_TABLE: dict[str, InitOption] = {
    o.name: o
    for o in (
        InitOption(
            "pytorch", "PyTorch default",
            "Each layer keeps what PyTorch drew when building it: weights and biases spread "
            "evenly between -1/√n and 1/√n, where n is the layer's number of inputs.",
        ),
        InitOption(
            "xavier_uniform", "Xavier (Glorot) uniform",
            "Weights spread evenly between ±√(6 / (inputs + outputs)), so signals keep their "
            "size going forwards and backwards; biases start at zero.",
            "torch.nn.init.xavier_uniform_", (), "torch.nn.init.zeros_",
        ),
        InitOption(
            "kaiming_normal", "Kaiming (He) normal",
            "Weights drawn from a bell curve (normal distribution) of spread √(2 / n), n the "
            "number of inputs, which keeps signals their size through ReLU layers; biases start "
            "at zero.",
            "torch.nn.init.kaiming_normal_", (("mode", "fan_in"), ("nonlinearity", "relu")),
            "torch.nn.init.zeros_",
        ),
    )
}  # fmt: skip

# ---- learning-rate schedules --------------------------------------------------------

SCHEDULE_FIELDS: dict[str, FieldOption] = {
    f.name: f
    for f in (
        FieldOption(
            "step_size", "Every (epochs)", "Step: epochs between decays.", "int", 10,
            minimum=1, maximum=1_000_000,
        ),
        FieldOption(
            "gamma", "Multiply by", "Step: factor applied at each decay.", "float", 0.5,
            minimum=0.0, maximum=1.0, low_open=True, step=0.05,
        ),
        FieldOption(
            "t_max", "Half-cycle (epochs)",
            "Cosine: epochs of one half-cycle (default: all).", "int", None,
            minimum=1, maximum=1_000_000, optional=True, empty_text="all epochs",
        ),
        FieldOption(
            "min_lr", "Lowest rate", "Cosine and plateau: lowest learning rate.", "float", 0.0,
            minimum=0.0, step=0.0001, log_scale=True,
        ),
        FieldOption(
            "patience", "Patience (epochs)",
            "Plateau: epochs without improvement before decaying.", "int", 5,
            minimum=0, maximum=10_000,
        ),
        FieldOption(
            "factor", "Decay factor", "Plateau: factor applied at each decay.", "float", 0.5,
            minimum=0.0, maximum=1.0, low_open=True, high_open=True, step=0.05,
        ),
    )
}  # fmt: skip


@dataclass(frozen=True)
class ScheduleOption:
    """One schedule: its torch class (none for a constant rate) and its arguments.

    ``arguments`` pairs torch keywords with spec settings; ``fixed`` are
    keywords with constant values. Cosine's ``T_max`` falls back to all epochs.
    """

    name: str
    title: str
    torch_class: str | None
    fields: tuple[str, ...]
    arguments: tuple[tuple[str, str], ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()


SCHEDULE_TABLE: dict[str, ScheduleOption] = {
    o.name: o
    for o in (
        ScheduleOption("none", "Constant", None, ()),
        ScheduleOption(
            "step", "Step decay", "torch.optim.lr_scheduler.StepLR", ("step_size", "gamma"),
            (("step_size", "step_size"), ("gamma", "gamma")),
        ),
        ScheduleOption(
            "cosine", "Cosine annealing", "torch.optim.lr_scheduler.CosineAnnealingLR",
            ("t_max", "min_lr"), (("T_max", "t_max"), ("eta_min", "min_lr")),
        ),
        ScheduleOption(
            "plateau", "Reduce on plateau", "torch.optim.lr_scheduler.ReduceLROnPlateau",
            ("patience", "factor", "min_lr"),
            (("factor", "factor"), ("patience", "patience"), ("min_lr", "min_lr")),
            (("mode", "min"),),
        ),
    )
}  # fmt: skip

# ---- the training loop --------------------------------------------------------------

TRAINING_FIELDS: dict[str, FieldOption] = {
    f.name: f
    for f in (
        FieldOption(
            "batch_size", "Batch size", "Samples per weight update.", "int", 32,
            minimum=1, maximum=1_000_000,
        ),
        FieldOption(
            "epochs", "Epochs", "Passes over the training data.", "int", 100,
            minimum=1, maximum=10_000_000,
        ),
        FieldOption(
            "seed", "Seed", "Seed for initial weights and batch order.", "int", 0,
            minimum=0, maximum=2**31 - 1,
        ),
        FieldOption(
            "grad_clip", "Clip gradients",
            "Clip the total gradient norm to this value (off when empty).", "float", None,
            minimum=0.0, low_open=True, step=0.1, optional=True, empty_text="off",
        ),
        FieldOption(
            "zero_grad", "Clear gradients before each step",
            "Off, the gradients add up from step to step, as when optimizer.zero_grad() is "
            "forgotten.", "bool", True,
        ),
    )
}  # fmt: skip

#: The numeric settings of each spec section, by section name.
SECTION_FIELDS: dict[str, dict[str, FieldOption]] = {
    "optimizer": OPTIMIZER_FIELDS,
    "schedule": SCHEDULE_FIELDS,
    "training": TRAINING_FIELDS,
}
