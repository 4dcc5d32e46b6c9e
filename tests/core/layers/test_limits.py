"""Limits that keep a valid but enormous experiment from exhausting memory: the estimate
in `check`, the refusal before building, and torch's allocation errors as sentences."""

from __future__ import annotations

import pytest
import torch
from pydantic import ValidationError

from playground.cli import main as cli
from playground.core.data import describe_data, load_dataset
from playground.core.layers import memory as memory_estimate
from playground.core.layers.memory import (
    estimate_memory,
    is_allocation_failure,
    memory_problem,
    weights_bytes_bound,
)
from playground.core.layers.model import build_model
from playground.core.messages import describe
from playground.core.spec.experiment import MAX_LAYERS, Experiment, LayerSpec
from playground.core.spec.messages import translate_errors
from playground.core.spec.presets import load_preset
from playground.core.spec.validation import SpecError, check_experiment, parse_experiment
from playground.core.training import run_setup as engine_module
from playground.core.training.engine import Engine, EngineError

GIB = 1024**3


def _wide(layers: int, width: int = 4096) -> Experiment:
    spiral = load_preset("spiral")
    stack = [LayerSpec(kind="Linear", params={"out_features": width}) for _ in range(layers)]
    stack.append(LayerSpec(kind="Linear", params={"out_features": 2}))
    model = spiral.model.model_copy(update={"layers": stack})
    return spiral.model_copy(update={"model": model})


def test_the_estimate_counts_weights_gradients_optimizer_state_and_activations() -> None:
    experiment = _wide(2, width=100)
    estimate = estimate_memory(experiment, (2,))
    assert estimate is not None
    parameters = (2 * 100 + 100) + (100 * 100 + 100) + (100 * 2 + 2)
    assert estimate.parameters == parameters
    # adam: weights, gradients, the starting-weights copy and two moments, 4 bytes each
    assert estimate.parameter_bytes == parameters * 4 * 5
    assert estimate.activation_bytes > 2 * experiment.training.batch_size * (2 + 100 + 100 + 2) * 4


def test_check_refuses_a_model_this_computer_cannot_hold_and_names_the_numbers() -> None:
    experiment = _wide(40)
    info = describe_data(experiment.data)
    problems = check_experiment(experiment, info, available_memory=8 * GIB)
    assert len(problems) == 1
    assert problems[0].code == "model.too_large_for_memory"
    sentence = describe(problems[0])
    assert "654,491,650 parameters" in sentence  # 39 layers of 4096×4096 and the edges
    assert "GB of memory" in sentence and "6.4 GB" in sentence  # 80% of 8 GiB may be used
    assert "fewer or narrower layers or a smaller batch size" in sentence
    assert check_experiment(_wide(1, width=64), info, available_memory=8 * GIB) == []


def test_nothing_is_refused_when_the_memory_cannot_be_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory_estimate, "available_memory_bytes", lambda: None)
    experiment = _wide(40)
    assert memory_problem(experiment, describe_data(experiment.data)) is None


def test_available_memory_is_read_from_the_system() -> None:
    available = memory_estimate.available_memory_bytes()
    assert available is None or available > 16 * 1024**2


def test_cli_check_exits_2_for_a_model_too_large_for_memory(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "wide.json"
    path.write_text(_wide(400).to_json(), encoding="utf-8")
    monkeypatch.setattr(memory_estimate, "available_memory_bytes", lambda: 16 * GIB)
    assert cli.run(["check", str(path)]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "training needs about" in err and "parameters" in err


def test_the_engine_refuses_before_building_what_does_not_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memory_estimate, "available_memory_bytes", lambda: 1 * GIB)
    experiment = _wide(400)
    with pytest.raises(EngineError, match="training needs about"):
        Engine(experiment, load_dataset(experiment.data))


def test_an_allocation_failure_while_building_becomes_an_engine_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    experiment = load_preset("spiral")
    dataset = load_dataset(experiment.data)

    def out_of_memory(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("[enforce fail at alloc_cpu.cpp:83] DefaultCPUAllocator: can't allocate")

    monkeypatch.setattr("playground.core.training.run_setup.build_checked_model", out_of_memory)
    with pytest.raises(EngineError, match="not enough memory for this model"):
        Engine(experiment, dataset)

    def other_bug(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a different problem")

    monkeypatch.setattr("playground.core.training.run_setup.build_checked_model", other_bug)
    with pytest.raises(RuntimeError, match="a different problem"):
        Engine(experiment, dataset)


def test_allocation_failures_are_recognised() -> None:
    assert is_allocation_failure(MemoryError())
    assert is_allocation_failure(torch.OutOfMemoryError("CUDA out of memory. Tried to allocate"))
    assert is_allocation_failure(RuntimeError("DefaultCPUAllocator: can't allocate memory"))
    assert not is_allocation_failure(RuntimeError("shapes cannot be multiplied"))
    assert not is_allocation_failure(ValueError("can't allocate"))


def test_an_out_of_memory_step_ends_the_run_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The layer added below runs only on the autograd path (the dense fast path is
    # planned from the model as built).
    monkeypatch.setattr(engine_module, "plan_dense_stack", lambda *args: None)
    experiment = load_preset("spiral")
    engine = Engine(experiment, load_dataset(experiment.data), snapshot_interval=0)

    class Exhausting(torch.nn.Module):
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    engine.model.append(Exhausting())
    with pytest.raises(EngineError, match="not enough memory for training at step 0"):
        engine.run()
    assert engine.state == "failed"


def test_the_layer_count_is_capped_before_each_layer_is_validated() -> None:
    layers = [{"kind": "ReLU"}] * (MAX_LAYERS + 1)
    with pytest.raises(SpecError, match="1,001 layers, more than the 1,000"):
        parse_experiment({"model": {"layers": layers}})
    with pytest.raises(ValidationError) as caught:
        Experiment.model_validate({"model": {"layers": layers}})
    problems = translate_errors(caught.value.errors(), {"model": {"layers": layers}})
    assert [describe(problem) for problem in problems] == [
        "model: the model has 1,001 layers, more than the 1,000 this app builds; remove layers"
    ]
    parse_experiment({"model": {"layers": [{"kind": "ReLU"}] * MAX_LAYERS}})


def test_the_weights_bound_covers_the_real_weights_and_little_more() -> None:
    from safetensors.torch import save

    for name in ("spiral", "digits-cnn"):
        experiment = load_preset(name)
        info = describe_data(experiment.data)
        state = build_model(experiment.model.layers, info.input_shape).state_dict()
        saved = save({k: v.double().contiguous() for k, v in state.items()})
        bound = weights_bytes_bound(experiment)
        assert len(saved) <= bound
        assert bound < 2 * len(saved) + 256 * 1024
