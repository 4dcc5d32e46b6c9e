"""``playground lab``: a script's tensors and gradients in the terminal, or as JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import torch

from playground.cli import main as cli


def test_lab_json_maps_names_to_values_and_gradients(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["lab", "chain-rule", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    a = torch.tensor(5.0, requires_grad=True)
    x = torch.tensor(10.0, requires_grad=True)
    y = 2 * x**2 + 3 * a
    z = y**2 + 1 / (6 * x * a * y)
    z.backward()
    assert out["x"] == {"value": 10.0, "grad": x.grad.item()}
    assert out["a"] == {"value": 5.0, "grad": a.grad.item()}
    assert out["y"] == {"value": y.item(), "grad": None}


def test_lab_text_prints_values_and_gradients(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "mine.lab"
    script.write_text("x = ones(2, 2, requires_grad=True)\nz = sum(x * 3)\nz.backward()\n")
    assert cli.run(["lab", str(script)]) == 0
    out = capsys.readouterr().out
    assert "x = [[1.0, 1.0], [1.0, 1.0]]  (leaf, requires grad)" in out
    assert "    grad = [[3.0, 3.0], [3.0, 3.0]]" in out
    assert "z = 12.0  (made by SumBackward0)" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("import os\n", "mine.lab: line 1: 'import os' is not part of the lab language"),
        ("x = 1\ny = open('x')\n", "mine.lab: line 2: 'open' is not a lab function"),
    ],
)
def test_a_refused_script_exits_2_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    script = tmp_path / "mine.lab"
    script.write_text(text)
    assert cli.run(["lab", str(script)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"playground: {expected}")
    assert "Traceback" not in err


def test_lab_refuses_what_is_not_a_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["lab", "no-such-example"]) == 2
    assert "neither a lab script file nor a shipped example" in capsys.readouterr().err
    assert cli.run(["lab", str(tmp_path)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    binary = tmp_path / "b.lab"
    binary.write_bytes(b"\xff\xfe\x00")
    assert cli.run(["lab", str(binary)]) == 2
    assert "not a text file" in capsys.readouterr().err
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.lab"
        os.mkfifo(fifo)
        assert cli.run(["lab", str(fifo)]) == 2
        assert "not a regular file" in capsys.readouterr().err
