"""Why a run ended is data, worded in the language of whoever reads it."""

from __future__ import annotations

import math
import pickle
import re

import pytest
import torch

from playground.core.messages.texts import set_language
from playground.core.training import run_ending
from playground.core.training.engine import Engine
from playground.core.training.run_ending import RUN_ENDING_CODES, RunEnding
from tests.core.training.test_engine import blobs, experiment, layers, line

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese() -> object:
    set_language("zh_CN")
    yield None
    set_language("en")


def _sample(code: str) -> RunEnding:
    values: dict[str, object] = {
        "epochs": 8,
        "step": 12,
        "lr": 100.0,
        "suggestion": 1.0,
        "layer": {"number": 2, "kind": "Linear"},
        "error": "shape mismatch",
        "layers": 3,
        "batch_size": 32,
        "device": "cuda",
    }
    return RunEnding(code, {name: values[name] for name in RUN_ENDING_CODES[code]})


@pytest.mark.parametrize("code", sorted(RUN_ENDING_CODES))
def test_every_ending_is_worded_in_both_languages(code: str) -> None:
    ending = _sample(code)
    english = ending.message
    set_language("zh_CN")
    try:
        chinese = ending.message
    finally:
        set_language("en")
    number = {"finished": "8", "out_of_memory_building": "32"}.get(code, "12")
    for words in (english, chinese):
        assert "{" not in words and "}" not in words
        assert number in words  # the numbers it rests on are in the words
    assert not HAN.search(english) and HAN.search(chinese)
    if code == "weights_not_finite":
        assert "layer 2 (Linear)" in english and "第 2 层（Linear）" in chinese


def test_builders_give_the_declared_values() -> None:
    built = [
        run_ending.finished(3),
        run_ending.stopped(4),
        run_ending.loss_not_finite(5, math.nan, 0.5),
        run_ending.loss_not_finite(5, math.inf, 0.5),
        run_ending.weights_not_finite(1, "Linear", 6, 0.5),
        run_ending.failed(7, RuntimeError("boom")),
        run_ending.process_ended(9),
        run_ending.out_of_memory(experiment(layers(4, 2)), step=8),
        run_ending.out_of_memory(experiment(layers(4, 2)), device="cpu"),
    ]
    assert {ending.code for ending in built} == set(RUN_ENDING_CODES)
    for ending in built:
        assert set(ending.values) == set(RUN_ENDING_CODES[ending.code])
    assert built[2].values["suggestion"] == 0.005  # 100× smaller, one significant digit


def test_a_finished_run_says_so_in_the_readers_language(chinese: object) -> None:
    set_language("en")
    final = Engine(experiment(layers(4, 2), epochs=2), blobs()).run()
    assert final.reason == "Training finished after 2 epochs."
    set_language("zh_CN")
    assert final.reason == "训练完成，共 2 轮。"  # the same snapshot, read in Chinese


def test_a_diverged_run_in_chinese_names_step_and_learning_rate(chinese: object) -> None:
    spec = experiment(layers(1), "mse", epochs=50, lr=100.0, optimizer="sgd", batch_size=8)
    engine = Engine(spec, line())
    final = engine.run()
    assert final.state == "diverged"
    step = final.ending.values["step"] if final.ending else None
    assert isinstance(step, int) and 0 < step <= final.step
    assert final.reason.startswith(f"损失在第 {step} 步变成了")
    assert "学习率 100 可能太大了，试试 1。" in final.reason
    assert engine.reason == final.reason


def test_an_ending_crosses_a_process_boundary() -> None:
    final = Engine(experiment(layers(4, 2), epochs=1), blobs()).run()
    copied = pickle.loads(pickle.dumps(final.ending))
    assert copied == final.ending and copied.message == final.reason


def test_a_failed_step_keeps_the_errors_own_text() -> None:
    ending = run_ending.failed(9, torch.cuda.OutOfMemoryError())
    assert ending.message == "Training failed at step 9: OutOfMemoryError"
