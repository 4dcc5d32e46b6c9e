"""A standalone training script: the experiment written out as plain PyTorch a student can read.

The script rebuilds the data with the app's own generator code (copied
verbatim from :mod:`playground.core.data.synthetic` and, for scikit-learn's
sets, :mod:`playground.core.data.sklearn_sets`), writes the model as a literal
``nn.Sequential``, and trains with the same loss, optimizer, schedule, seeds
and batch order as :class:`~playground.core.training.engine.Engine`, so on a CPU its
losses match the app's. It also runs unchanged under ``torchrun`` with
DistributedDataParallel.

Values of the experiment reach the script only as Python literals or as quoted
one-line text (:mod:`.literals`), and the finished text is parsed before it is
written: a shared experiment file can change what the script trains, never
what else it runs.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import torch

from playground.core.data import describe_data
from playground.core.data.catalog import SKLEARN_SETS
from playground.core.data.csv_data import spec_table
from playground.core.export.base import ExportError
from playground.core.export.literals import (
    checked_layer_code,
    checked_source,
    python_literal,
    quoted_text,
)
from playground.core.export.script_template import DATA_BUILTIN, DATA_CSV, SCRIPT
from playground.core.io.atomic import atomic_write_text
from playground.core.layers.catalog import describe_shape
from playground.core.layers.model import build_model, layer_label, summarize
from playground.core.messages.texts import text
from playground.core.spec.experiment import (
    BuiltinData,
    CsvData,
    Experiment,
    OptimizerSpec,
    ScheduleSpec,
)
from playground.core.spec.options import (
    INIT_TABLE,
    INITIALIZED_LAYERS,
    LOSS_TABLE,
    OPTIMIZER_TABLE,
    SCHEDULE_TABLE,
)
from playground.core.training.builders import optimizer_arguments, schedule_arguments

SYNTHETIC_MODULE = "playground.core.data.synthetic"
SKLEARN_MODULE = "playground.core.data.sklearn_sets"


def module_source(module: str) -> str:
    """A module's code without its docstring, headed by a comment naming where it comes from.

    The module is located, not imported (scikit-learn's import alone takes a second).
    """
    spec = importlib.util.find_spec(module)
    try:
        text = Path(spec.origin if spec and spec.origin else "").read_text(encoding="utf-8")
    except OSError:
        raise ExportError(
            "The data code to copy into the script is missing from this installation; "
            "reinstall Torch Playground, or export the model as weights instead."
        ) from None
    tree = ast.parse(text)
    lines = text.splitlines()
    first = tree.body[0] if tree.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.end_lineno is not None
    ):
        lines = lines[first.end_lineno :]
    name = module.replace(".", "/") + ".py"
    body = "\n".join(lines).strip("\n")
    return f"# ---- copied unchanged from Torch Playground's {name} ----\n\n{body}\n"


def _call(torch_class: str, first: str, arguments: dict[str, Any], *extra: str) -> str:
    """``torch.optim.SGD(parameters, lr=0.1, ...)``: the table's class, values as literals only."""
    words = [first, *(f"{key}={python_literal(value)}" for key, value in arguments.items()), *extra]
    return f"{torch_class}({', '.join(words)})"


def _optimizer_code(spec: OptimizerSpec) -> str:
    """The same call as :func:`playground.core.training.builders.build_optimizer` makes."""
    option = OPTIMIZER_TABLE[spec.kind]
    # fused: one kernel updates all parameters (faster for small networks), as in the app.
    fused = 'fused=parameters[0].device.type in ("cpu", "cuda")'
    fast = fused if option.fused else "foreach=False"
    return _call(option.torch_class, "parameters", optimizer_arguments(spec), fast)


def _schedule_code(spec: ScheduleSpec, epochs: int) -> str:
    """The same schedule as :func:`playground.core.training.builders.build_schedule` makes."""
    option = SCHEDULE_TABLE[spec.kind]
    if option.torch_class is None:
        return "None"
    return _call(option.torch_class, "optimizer", schedule_arguments(spec, epochs))


def _init_body(init: str) -> str:
    """The body of ``initialize_weights``: the same draws as
    :func:`playground.core.training.initial_weights.initialize_weights` makes."""
    option = INIT_TABLE[init]
    if option.weight_init is None:
        return '    """How the weights start: as PyTorch drew them when it built each layer."""'
    layers = ", ".join(name.removeprefix("torch.") for name in INITIALIZED_LAYERS)
    lines = [
        f'    """How the weights start: {option.title}. Other layers keep PyTorch\'s values."""',
        "    for module in model.modules():",
        f"        if isinstance(module, ({layers})):",
        f"            {_call(option.weight_init, 'module.weight', dict(option.arguments))}",
    ]
    if option.bias_init is not None:
        lines += [
            "            if module.bias is not None:",
            f"                {_call(option.bias_init, 'module.bias', {})}",
        ]
    return "\n".join(lines)


def _shape_comment(shape: tuple[int, ...]) -> str:
    """``32 features`` or ``8×4×4 image`` (channels×height×width, said once in the docstring)."""
    if len(shape) == 1:
        return describe_shape(shape)
    return "×".join(str(size) for size in shape) + " image"


def _layers_code(experiment: Experiment, input_shape: tuple[int, ...]) -> str:
    model = build_model(experiment.model.layers, input_shape)
    summary = summarize(experiment.model.layers, input_shape)
    lines = []
    for index, (module, row) in enumerate(zip(model, summary.layers, strict=True)):
        assert row.output_shape is not None
        kind = type(module).__name__
        code = checked_layer_code(f"nn.{module!r}", kind, layer_label(index, kind))
        lines.append(f"        {code},  # -> {_shape_comment(row.output_shape)}")
    return "\n".join(lines)


def _builtin_data(spec: BuiltinData, classification: bool) -> tuple[str, str]:
    library = module_source(SYNTHETIC_MODULE)
    if spec.name in SKLEARN_SETS:
        library += "\n\n" + module_source(SKLEARN_MODULE)
        arguments: tuple[object, ...] = (
            spec.name,
            spec.validation_fraction,
            spec.seed,
            spec.as_images,
        )
        call = f"load_sklearn({', '.join(map(python_literal, arguments))})"
        needs = "PyTorch and scikit-learn"
    else:
        arguments = (
            spec.name,
            spec.samples,
            spec.noise,
            list(spec.derived_features),
            spec.validation_fraction,
            spec.seed,
        )
        call = f"build_synthetic(\n        {', '.join(map(python_literal, arguments))}\n    )"
        needs = "PyTorch"
    body = (
        f"    x_train, y_train, x_val, y_val, _, _ = {call}\n"
        "    return x_train, y_train, x_val, y_val"
    )
    code = DATA_BUILTIN.substitute(
        library=library,
        classification=python_literal(classification),
        data_name=quoted_text(spec.name),
        load_body=body,
    )
    return code, needs


def _csv_data(spec: CsvData, classification: bool, class_names: tuple[str, ...]) -> str:
    table = spec_table(spec)
    path = None if spec.typed else str(Path(spec.path).expanduser().resolve())
    return DATA_CSV.substitute(
        csv_name=quoted_text(Path(spec.path).name),
        csv_path=python_literal(path),
        table_text=python_literal(spec.inline_table),
        first_row=python_literal(spec.first_row),
        column_names=python_literal(list(spec.column_names)),
        delimiter=python_literal(table.delimiter),
        features=python_literal(list(spec.features)),
        targets=python_literal(list(spec.targets)),
        classification=python_literal(classification),
        class_names=python_literal(list(class_names)),
        validation_fraction=python_literal(spec.validation_fraction),
        data_seed=python_literal(spec.seed),
        standardize=python_literal(spec.standardize),
        library="\n" + module_source(SYNTHETIC_MODULE),
    )


#: A file name shown bare in the ``Run:`` lines; any other is shown quoted (and escaped).
_PLAIN_FILE_NAME = re.compile(r"[\w.+-]+")
#: The experiment's name is shown cut to this length in the docstring and ``--help``.
MAX_SHOWN_NAME = 200
#: The most numbers of hand-set start weights a script spells out as a literal.
MAX_START_VALUES = 100_000


def _command_name(filename: str) -> str:
    """The script's file name as the ``Run:`` lines of the docstring show it."""
    if _PLAIN_FILE_NAME.fullmatch(filename) and filename.isprintable():
        return filename
    return quoted_text(filename)


def _start_weights_code(
    experiment: Experiment, input_shape: tuple[int, ...], weights: dict[str, torch.Tensor] | None
) -> str:
    """The values a run starts from as a literal list of (name, nested lists); ``None`` without."""
    if weights is None:
        return "None"
    count = sum(tensor.numel() for tensor in weights.values())
    if count > MAX_START_VALUES:
        raise ExportError(
            text(
                "The weights set by hand hold {count:,} numbers, more than the {most:,} a "
                "training script can spell out; export the weights instead, or reset them.",
                count=count,
                most=MAX_START_VALUES,
            )
        )
    try:
        build_model(experiment.model.layers, input_shape).load_state_dict(weights)
    except (RuntimeError, KeyError, ValueError):
        raise ExportError(
            text(
                "The weights set by hand do not fit the layers any more; set them again or reset them."
            )
        ) from None
    return python_literal(
        [(name, tensor.detach().cpu().tolist()) for name, tensor in weights.items()]
    )


def training_script(
    experiment: Experiment,
    filename: str = "train.py",
    start_weights: dict[str, torch.Tensor] | None = None,
) -> str:
    """The full text of a standalone training script for ``experiment``.

    ``start_weights`` (values set by hand where the app's runs start) are written into
    the script, so it trains from them as the app does.
    """
    info = describe_data(experiment.data)
    classification = info.task == "classification"
    if isinstance(experiment.data, CsvData):
        data_code, needs = _csv_data(experiment.data, classification, info.class_names), "PyTorch"
    else:
        data_code, needs = _builtin_data(experiment.data, classification)
    bce = experiment.loss == "bce-with-logits"
    description = experiment.description.strip()
    training = experiment.training
    name = experiment.name
    if len(name) > MAX_SHOWN_NAME:
        name = name[: MAX_SHOWN_NAME - 1] + "…"
    text = SCRIPT.substitute(
        title=quoted_text(name),
        description=f"\n{quoted_text(description)}\n" if description else "",
        command_name=_command_name(filename),
        needs=f"{needs} (exported {date.today().isoformat()})",
        epochs=python_literal(training.epochs),
        batch_size=python_literal(training.batch_size),
        seed=python_literal(training.seed),
        init=python_literal(experiment.model.init),
        init_body=_init_body(experiment.model.init),
        device=python_literal(training.device),
        grad_clip=python_literal(training.grad_clip),
        zero_grad=python_literal(training.zero_grad),
        start_weights=_start_weights_code(experiment, tuple(info.input_shape), start_weights),
        data_code=data_code.rstrip("\n"),
        input_text=describe_shape(tuple(info.input_shape)),
        layers=_layers_code(experiment, tuple(info.input_shape)),
        loss=f"{LOSS_TABLE[experiment.loss].torch_class.removeprefix('torch.')}()",
        loss_targets="y.to(torch.float32).reshape(-1, 1)" if bce else "y",
        predicted="(outputs.reshape(-1) > 0).to(torch.int64)" if bce else "outputs.argmax(dim=1)",
        optimizer=_optimizer_code(experiment.optimizer),
        schedule=_schedule_code(experiment.schedule, training.epochs),
        parser_description=python_literal(f"Train the experiment {name!r}."),
    )
    return checked_source(text)


def export_script(
    experiment: Experiment,
    path: str | os.PathLike[str],
    start_weights: dict[str, torch.Tensor] | None = None,
) -> None:
    """Write the training script for ``experiment`` to ``path`` (atomically)."""
    target = Path(path)
    atomic_write_text(target, training_script(experiment, target.name, start_weights))
