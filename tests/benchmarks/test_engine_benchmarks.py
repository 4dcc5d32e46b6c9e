"""The engine's benchmarks run in their quick mode and print a line per goal."""

from __future__ import annotations

import re

import pytest

from benchmarks import engine_vs_loop, fast_path, memory, vs_sklearn

RATIO = r"\d+\.\d\d× \[\S+–\S+\]"


def _run(main: object, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--quick"]) == 0  # type: ignore[operator]
    return capsys.readouterr().out


def test_engine_vs_loop_prints_every_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(engine_vs_loop.main, capsys)
    for name in ("spiral b10", "digits b32", "digits b200", "digits-cnn"):
        goals = re.findall(rf"^{name}: engine ÷ loop, .*{RATIO}.*goal ≥ 1\.3: ", out, re.M)
        assert len(goals) == 2, out  # same threads, and both at torch's default
    assert "load average before:" in out and "load average after:" in out


def test_vs_sklearn_prints_both_batch_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(vs_sklearn.main, capsys)
    assert re.search(r"^initial weights: engine xavier_uniform .*scikit-learn Glorot uniform", out,
                     re.M), out  # like for like by default  # fmt: skip
    for batch in (32, 200):
        assert re.search(rf"^digits MLP b{batch}: .*scikit-learn ÷ engine: {RATIO}.*goal ≥ 1: ",
                         out, re.M), out  # fmt: skip
        assert re.search(
            rf"^digits MLP b{batch}: epochs/s .*engine ÷ scikit-learn: {RATIO}", out, re.M
        )
        assert re.search(
            rf"^digits MLP b{batch}: epochs to 50% for training seeds 0–1: "
            r"engine \[.+\], scikit-learn \[.+\]$",
            out,
            re.M,
        ), out
    assert "load average" in out


def test_memory_prints_the_growth_goal(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(memory.main, capsys)
    assert re.search(
        rf"^RSS growth over 5,000 steps: 50 MB ÷ growth: {RATIO}.*goal ≥ 1: ", out, re.M
    )
    assert "load average" in out


def test_fast_path_prints_each_configuration(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(fast_path.main, capsys)
    assert len(re.findall(rf"hand-written pass ÷ autograd: {RATIO}", out)) == 4, out
    assert "digits-cnn b32: hand-written pass" in out
