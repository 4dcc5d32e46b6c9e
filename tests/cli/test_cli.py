"""The command line end to end (in a subprocess, as users run it) and its dispatch in process."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
import torch

from playground import __main__ as entry
from playground.cli import main as cli
from playground.cli.train import Progress
from playground.core.spec.presets import load_preset, preset_names
from playground.core.spec.validation import parse_experiment
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot

ROOT = Path(__file__).resolve().parents[2]


def playground(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "playground", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


# ---- end to end -----------------------------------------------------------------------------


def test_train_writes_every_output(tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = playground(
        "train", "linear-regression", "--epochs", "30", "--seed", "1", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    assert "steps 300, epochs 30" in result.stdout
    assert "on cpu" in result.stdout
    summary = json.loads((out / "summary.json").read_text())
    assert summary["steps"] == 300 and summary["epochs"] == 30
    assert summary["state"] == "finished"
    assert summary["device"] == "cpu"
    assert 0 < summary["val_loss"] < 0.2
    assert 0 < summary["train_loss"] < 1.0
    assert summary["val_accuracy"] is None
    assert summary["seconds"] > 0
    with open(out / "metrics.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(row["epoch"]) for row in rows] == list(range(1, 31))
    assert float(rows[-1]["val_loss"]) == pytest.approx(summary["val_loss"], rel=1e-6)
    assert float(rows[-1]["val_loss"]) < float(rows[0]["val_loss"])
    state = torch.load(out / "model.pt", weights_only=True)
    assert state["0.weight"].item() == pytest.approx(2.0, abs=0.05)
    experiment = json.loads((out / "experiment.json").read_text())
    assert experiment["training"]["epochs"] == 30 and experiment["training"]["seed"] == 1


def test_train_stops_after_the_given_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "steps"
    assert cli.run(["train", "iris", "--steps", "7", "--device", "cpu", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["steps"] == 7
    assert summary["state"] == "stopped"
    assert 0.0 <= summary["val_accuracy"] <= 1.0
    assert "validation accuracy" in capsys.readouterr().out


def test_steps_beyond_the_epochs_extend_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "long"
    # linear-regression has 10 batches per epoch and 40 epochs: 450 steps need 45 epochs.
    assert cli.run(["train", "linear-regression", "--steps", "450", "-q", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["steps"] == 450 and summary["epochs"] == 45
    assert json.loads((out / "experiment.json").read_text())["training"]["epochs"] == 45
    assert "%" not in capsys.readouterr().out


def test_check_a_good_and_a_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(load_preset("digits-cnn").to_json())
    result = playground("check", str(good))
    assert result.returncode == 0, result.stderr
    assert "good.json is valid" in result.stdout
    assert "16×4×4" in result.stdout and "1,168" in result.stdout
    assert "Total parameters: 1,898" in result.stdout

    data = json.loads(good.read_text())
    data["model"]["layers"][3]["params"]["kernel_size"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    result = playground("check", str(bad))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert result.stderr.strip() == (
        "playground: bad.json: layer 4 (Conv2d): kernel 7 is larger than its 4×4 input "
        "(with padding 1); "
        "use a smaller kernel, more padding, or fewer pooling layers before it."
    )


def test_broken_json_exits_with_2_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"loss": "mse",\n  "training": {"epochs": 3,}\n}')
    assert cli.run(["check", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("playground: broken.json: the file is not valid JSON")
    assert "at line 2, column 28" in err


def test_an_absent_device_is_refused(tmp_path: Path) -> None:
    result = playground("train", "xor", "--device", "cuda:7", "--out", str(tmp_path / "x"))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert "'cuda:7'" in result.stderr and "Choose one of: auto, cpu" in result.stderr
    assert not (tmp_path / "x").exists()


def test_presets_are_listed_one_per_line() -> None:
    result = playground("presets")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == preset_names()
    assert any(line.startswith("spiral ") and "spiral" in line.lower()[6:] for line in lines)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT cannot be sent to a child on Windows")
def test_ctrl_c_stops_cleanly_and_writes_outputs(tmp_path: Path) -> None:
    out = tmp_path / "interrupted"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "playground",
            "train",
            "spiral",
            "--epochs",
            "100000",
            "--device",
            "cpu",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    # Wait until training has begun (the first progress line), then press Ctrl+C.
    for line in process.stdout:
        if "step" in line:
            break
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "stopped by Ctrl+C" in stdout
    summary = json.loads((out / "summary.json").read_text())
    assert summary["state"] == "stopped" and summary["steps"] > 0
    assert (out / "model.pt").is_file() and (out / "metrics.csv").is_file()


# ---- in process: dispatch, plug-ins and error handling ----------------------------------------


def test_main_opens_the_app_without_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[list[str]] = []

    def start_app(args: list[str]) -> int:
        opened.append(list(args))
        return 0

    monkeypatch.setattr(entry, "start_app", start_app)
    assert entry.main([]) == 0
    assert entry.main(["--preset", "spiral"]) == 0
    assert entry.main(["my.json"]) == 0
    assert opened == [[], ["--preset", "spiral"], ["my.json"]]


def test_wants_cli_only_for_commands_and_help() -> None:
    assert cli.wants_cli(["train", "spiral"])
    assert cli.wants_cli(["presets"])
    assert cli.wants_cli(["--help"])
    assert not cli.wants_cli([])
    assert not cli.wants_cli(["--preset", "xor"])
    assert not cli.wants_cli(["experiment.json"])
    assert not cli.wants_cli([str(Path(__file__))])
    assert cli.wants_cli(["trian"])


def test_a_mistyped_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main(["trian", "spiral"]) == 2
    assert capsys.readouterr().err.startswith(
        "playground: 'trian' is neither a command nor an experiment file (did you mean 'train'?)"
    )


def _plugin(handler: object) -> types.ModuleType:
    module = types.ModuleType("playground_test_plugin")

    def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        parser = subparsers.add_parser("hello", help="say hello")
        parser.add_argument("name")
        parser.set_defaults(handler=handler)

    module.register = register  # type: ignore[attr-defined]
    return module


def test_a_subcommand_plugs_in_with_one_registry_entry(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def hello(namespace: argparse.Namespace) -> int:
        print(f"hello {namespace.name}")
        return 0

    monkeypatch.setitem(cli.SUBCOMMANDS, "hello", _plugin(hello))
    assert "hello" in cli.subcommand_names()
    help_text = cli.build_parser().format_help()
    assert "say hello" in help_text
    assert entry.main(["hello", "world"]) == 0
    assert capsys.readouterr().out == "hello world\n"


def test_unexpected_errors_become_a_generic_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(namespace: argparse.Namespace) -> int:
        raise RuntimeError("internal detail")

    monkeypatch.delenv("PLAYGROUND_DEBUG", raising=False)
    monkeypatch.setitem(cli.SUBCOMMANDS, "hello", _plugin(broken))
    assert cli.run(["hello", "x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("playground: something unexpected went wrong (RuntimeError).")
    assert "internal detail" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "nowhere.json"], "the file 'nowhere.json' does not exist"),
        (
            ["check", "nothing-like-this"],
            "'nothing-like-this' is neither an experiment file nor a preset",
        ),
        (["train", "spirals"], "'spirals' is neither an experiment file nor a preset"),
        (["train", "xor", "--device", "gpu"], "command line: training: 'gpu' is not a device"),
    ],
)
def test_user_errors_exit_2_in_process(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(args) == 2
    assert expected in capsys.readouterr().err


def test_a_bad_csv_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "table.csv"
    table.write_text("a,b\n1,2\n3,oops\n")
    spec = {
        "data": {"kind": "csv", "path": str(table), "features": ["a", "missing"], "target": "b"},
        "loss": "mse",
        "model": {"layers": [{"kind": "Linear", "params": {"out_features": 1}}]},
    }
    file = tmp_path / "csv.json"
    file.write_text(json.dumps(spec))
    assert cli.run(["train", str(file), "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("playground: ") and "missing" in err
    assert "Traceback" not in err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _snapshot(step: int, epoch: int, progress: float) -> Snapshot:
    return Snapshot(
        state="running",
        step=step,
        epoch=epoch,
        epoch_progress=progress,
        samples_seen=step * 32,
        elapsed=1.0,
        samples_per_second=100.0,
        learning_rate=0.01,
        train_loss=0.5,
        val_loss=0.4,
        train_accuracy=0.8,
        val_accuracy=0.75,
    )


def test_the_progress_bar_redraws_in_place_on_a_terminal() -> None:
    terminal = FakeTerminal()
    progress = Progress(terminal, epochs=4, steps=None)
    progress.update(_snapshot(5, 1, 0.5))
    progress.update(_snapshot(10, 2, 0.0))
    progress.finish()
    text = terminal.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n")
    assert "[#########---------------]  38%  epoch 2/4  step 5  loss 0.5  val acc 75.0%" in text
    assert "50%  epoch 3/4  step 10" in text


def test_progress_elsewhere_is_a_plain_line_per_tenth() -> None:
    log = io.StringIO()
    progress = Progress(log, epochs=10, steps=None)
    for step in range(100):
        progress.update(_snapshot(step, step // 10, (step % 10) / 10))
    progress.finish()
    lines = log.getvalue().splitlines()
    assert len(lines) == 10 and "\r" not in log.getvalue()
    assert lines[-1].startswith(" 90%  epoch 10/10")


def test_progress_follows_the_step_limit() -> None:
    progress = Progress(io.StringIO(), epochs=100, steps=20)
    assert progress.fraction(_snapshot(10, 0, 0.5)) == 0.5


def test_argparse_problems_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["train", "xor", "--epochs", "0"]) == 2
    assert "must be at least 1, not 0" in capsys.readouterr().err


def test_every_subcommand_module_is_imported_by_name() -> None:
    """A frozen build finds only modules imported in code, never ones named in strings."""
    source = (ROOT / "playground" / "cli" / "main.py").read_text(encoding="utf-8")
    assert "import_module" not in source
    for name, module in cli.SUBCOMMANDS.items():
        assert isinstance(module, types.ModuleType), name
        assert module.__name__.startswith("playground.cli.")


def test_train_starts_the_weights_as_init_says(tmp_path: Path) -> None:
    out = tmp_path / "xavier"
    args = ["--epochs", "1", "--device", "cpu", "--init", "xavier_uniform", "--out", str(out)]
    assert cli.run(["train", "linear-regression", *args]) == 0
    saved = json.loads((out / "experiment.json").read_text(encoding="utf-8"))
    assert saved["model"]["init"] == "xavier_uniform"
    experiment = parse_experiment(saved)
    engine = Engine(experiment)
    engine.run()
    trained = torch.load(out / "model.pt", weights_only=True)
    for name, value in engine.model.state_dict().items():
        assert torch.equal(trained[name], value)


def test_a_bad_init_on_the_command_line_is_refused_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.run(["train", "linear-regression", "--init", "glorot"]) == 2
    assert "'glorot' is not a way to start the weights" in capsys.readouterr().err


def test_check_names_how_the_weights_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(["check", "digits-cnn"]) == 0
    assert "Initial weights: PyTorch default" in capsys.readouterr().out
    data = json.loads(load_preset("digits-cnn").to_json())
    data["model"]["init"] = "kaiming_normal"
    chosen = tmp_path / "kaiming.json"
    chosen.write_text(json.dumps(data), encoding="utf-8")
    assert cli.run(["check", str(chosen)]) == 0
    assert "Initial weights: Kaiming (He) normal" in capsys.readouterr().out
    data["model"]["init"] = "he"
    chosen.write_text(json.dumps(data), encoding="utf-8")
    assert cli.run(["check", str(chosen)]) == 2
    assert "'he' is not a way to start the weights" in capsys.readouterr().err
