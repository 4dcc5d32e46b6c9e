"""``playground train``: train an experiment file or preset headless and save the results.

The run is the same engine the app drives. On a terminal a one-line progress
bar redraws in place; when the output goes to a file or a pipe, a plain line
is printed every tenth of the run instead, so logs stay readable. Ctrl+C asks
the engine to stop at its next safe point, so the outputs are still written.

One module for the whole command: its options, the progress display and the outputs
are read together when the command changes (about 300 lines).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import torch

from playground.cli.check import resolve_experiment
from playground.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, CliError, positive_int
from playground.core.data import describe_data, load_dataset
from playground.core.export.metrics_csv import write_metrics_csv
from playground.core.io.atomic import atomic_write_bytes, atomic_write_text
from playground.core.io.output_paths import input_files, refuse_overwriting_inputs
from playground.core.io.save_errors import model_json
from playground.core.messages.texts import text
from playground.core.spec.experiment import Experiment
from playground.core.spec.options import INIT_TABLE
from playground.core.spec.validation import SpecError, check_experiment, parse_experiment
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot
from playground.core.training.step_limit import StepLimit, StepLimitError, with_epochs_for_steps


class Progress:
    """A progress bar redrawn in place on a terminal, or a plain line per tenth elsewhere."""

    WIDTH = 24

    def __init__(self, stream: TextIO, epochs: int, steps: int | None) -> None:
        self.stream = stream
        self.epochs = epochs
        self.steps = steps
        self.tty = stream.isatty()
        self._last_tenth = -1
        self._drawn = False
        self._width = 0

    def fraction(self, snapshot: Snapshot) -> float:
        by_epochs = (snapshot.epoch + snapshot.epoch_progress) / self.epochs
        if self.steps:
            return min(1.0, max(by_epochs, snapshot.step / self.steps))
        return min(1.0, by_epochs)

    def _text(self, snapshot: Snapshot) -> str:
        epoch = f"{min(snapshot.epoch + 1, self.epochs)}/{self.epochs}"
        parts = [text("epoch {value}", value=epoch), text("step {value}", value=snapshot.step)]
        if math.isfinite(snapshot.train_loss):
            parts.append(text("loss {value}", value=f"{snapshot.train_loss:.4g}"))
        if snapshot.val_accuracy is not None:
            parts.append(text("val acc {value}", value=f"{snapshot.val_accuracy:.1%}"))
        elif snapshot.val_loss is not None:
            parts.append(text("val loss {value}", value=f"{snapshot.val_loss:.4g}"))
        return "  ".join(parts)

    def update(self, snapshot: Snapshot) -> None:
        fraction = self.fraction(snapshot)
        if self.tty:
            filled = round(fraction * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = f"[{bar}] {fraction:4.0%}  {self._text(snapshot)}"
            # Spaces (not a terminal escape code, which older Windows consoles print
            # literally) wipe what is left of a longer previous line.
            self.stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
            self.stream.flush()
            self._drawn = True
            return
        tenth = int(fraction * 10)
        if tenth > self._last_tenth and snapshot.state == "running":
            self._last_tenth = tenth
            print(f"{fraction:4.0%}  {self._text(snapshot)}", file=self.stream, flush=True)

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


@contextlib.contextmanager
def stop_on_interrupt(engine: Engine) -> Iterator[list[bool]]:
    """While training, Ctrl+C asks the engine to stop; a second Ctrl+C quits at once."""
    interrupted = [False]
    previous = signal.getsignal(signal.SIGINT)

    def handle(signum: int, frame: object) -> None:
        if interrupted[0]:
            raise KeyboardInterrupt
        interrupted[0] = True
        engine.stop()

    signal.signal(signal.SIGINT, handle)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def apply_overrides(experiment: Experiment, namespace: argparse.Namespace) -> Experiment:
    """The experiment with --epochs, --device, --seed and --init applied, validated like a file."""
    data = experiment.to_dict()
    training = data["training"]
    for option in ("epochs", "device", "seed"):
        value = getattr(namespace, option)
        if value is not None:
            training[option] = value
    if namespace.init is not None:
        data["model"]["init"] = namespace.init
    try:
        return parse_experiment(data)
    except SpecError as exc:
        raise SpecError(
            [problem.within(text("command line")) for problem in exc.problems]
        ) from None


def _summary(
    experiment: Experiment, engine: Engine, final: Snapshot, seconds: float
) -> dict[str, Any]:
    return {
        "experiment": experiment.name,
        "state": final.state,
        "reason": final.ending.in_english() if final.ending else "",  # summary.json: English
        "steps": final.step,
        "epochs": final.epoch,
        "train_loss": engine.train_loss,
        "val_loss": final.val_loss,
        "train_accuracy": final.train_accuracy,
        "val_accuracy": final.val_accuracy,
        "seconds": round(seconds, 3),
        "samples_per_second": final.samples_per_second,
        "device": str(engine.device),
        "parameters": sum(p.numel() for p in engine.model.parameters()),
    }


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:.1%}" if percent else f"{value:.6g}"


def print_summary(summary: dict[str, Any], stream: TextIO, reason: str | None = None) -> None:
    """The end-of-run report a person reads; ``reason`` in the active language (else the summary's)."""
    reason = summary["reason"] if reason is None else reason
    lines = [
        f"{summary['experiment']}: {reason or text(summary['state'])}",
        "  "
        + text(
            "steps {steps}, epochs {epochs}, {seconds} s on {device}",
            steps=summary["steps"],
            epochs=summary["epochs"],
            seconds=f"{summary['seconds']:.2f}",
            device=summary["device"],
        ),
        "  "
        + text(
            "train loss {train}, validation loss {validation}",
            train=_number(summary["train_loss"]),
            validation=_number(summary["val_loss"]),
        ),
    ]
    if summary["val_accuracy"] is not None or summary["train_accuracy"] is not None:
        lines.append(
            "  "
            + text(
                "train accuracy {train}, validation accuracy {validation}",
                train=_number(summary["train_accuracy"], True),
                validation=_number(summary["val_accuracy"], True),
            )
        )
    print("\n".join(lines), file=stream, flush=True)


def _clean(value: Any) -> Any:
    """JSON has no NaN or infinity: write them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


OUTPUT_FILES = ("summary.json", "metrics.csv", "model.pt", "experiment.json")


def write_outputs(
    folder: Path, experiment: Experiment, engine: Engine, summary: dict[str, Any]
) -> None:
    """summary.json, metrics.csv, model.pt and experiment.json in ``folder``.

    Each is written atomically, and a link planted at one of those names is
    replaced by the file, never written through.
    """
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        folder / "summary.json",
        json.dumps({k: _clean(v) for k, v in summary.items()}, indent=2) + "\n",
    )
    write_metrics_csv(folder / "metrics.csv", engine.history.rows())
    state = {name: tensor.detach().cpu() for name, tensor in engine.model.state_dict().items()}
    weights = io.BytesIO()
    torch.save(state, weights)
    atomic_write_bytes(folder / "model.pt", weights.getvalue())
    atomic_write_text(
        folder / "experiment.json", model_json(experiment, "the experiment", experiment.to_json)
    )


def _check_out_folder(out: str | None, source: str, experiment: Experiment) -> Path | None:
    """The --out folder, refused when it is a file or when a result would replace an input."""
    if out is None:
        return None
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise CliError(
            text("--out '{out}' is a file, not a folder; give a folder for the results.", out=out)
        )
    refuse_overwriting_inputs(
        [folder / name for name in OUTPUT_FILES],
        input_files(experiment, source),
        text("give --out another folder"),
    )
    return folder


def train_command(namespace: argparse.Namespace) -> int:
    """Train, print progress and a summary, and write the outputs; returns the exit code."""
    experiment, label = resolve_experiment(namespace.experiment)
    experiment = apply_overrides(experiment, namespace)
    folder = _check_out_folder(namespace.out, namespace.experiment, experiment)
    info = describe_data(experiment.data)
    problems = check_experiment(experiment, info)
    if problems:
        raise SpecError([problem.within(label) for problem in problems])
    dataset = load_dataset(experiment.data)
    steps: int | None = namespace.steps
    if steps is not None and namespace.epochs is None:
        # --steps alone decides the length: make sure the epochs do not end the run first.
        try:
            experiment = with_epochs_for_steps(experiment, dataset.x_train.shape[0], steps)
        except StepLimitError as error:
            raise CliError(f"--steps {steps}: {error}") from None
    callbacks = [StepLimit(steps)] if steps is not None else []
    engine = Engine(experiment, dataset, callbacks=callbacks)
    progress = Progress(sys.stdout, experiment.training.epochs, steps)
    if not namespace.quiet:
        print(
            text(
                "Training {label} on {device} ({task}, {count} samples)",
                label=label,
                device=engine.device,
                task=text(info.task),
                count=dataset.x_train.shape[0],
            ),
            flush=True,
        )
    started = time.perf_counter()
    with stop_on_interrupt(engine) as interrupted:
        final = engine.run(on_snapshot=None if namespace.quiet else progress.update)
    seconds = time.perf_counter() - started
    progress.finish()
    summary = _summary(experiment, engine, final, seconds)
    reason = final.reason
    if interrupted[0]:
        summary["reason"] = f"stopped by Ctrl+C after {final.step} steps"
        reason = text("stopped by Ctrl+C after {steps} steps", steps=final.step)
    print_summary(summary, sys.stdout, reason)
    if folder is not None:
        write_outputs(folder, experiment, engine, summary)
        print(text("Results written to {folder}", folder=folder), flush=True)
    if interrupted[0]:
        return EXIT_INTERRUPTED
    if final.state in ("diverged", "failed"):
        return EXIT_FAILED
    return EXIT_OK


def _seed(given: str) -> int:
    try:
        value = int(given)
    except ValueError:
        raise argparse.ArgumentTypeError(
            text("'{value}' is not a whole number", value=given)
        ) from None
    if not 0 <= value <= 2**31 - 1:
        raise argparse.ArgumentTypeError(
            text("must be between 0 and {most}, not {value}", most=2**31 - 1, value=value)
        )
    return value


def _init(given: str) -> str:
    if given not in INIT_TABLE:
        raise argparse.ArgumentTypeError(
            text(
                "'{value}' is not a way to start the weights; choose one of {choices}",
                value=given,
                choices=", ".join(INIT_TABLE),
            )
        )
    return given


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``train`` to the command line."""
    parser = subparsers.add_parser(
        "train",
        help=text("train an experiment file or preset in the terminal"),
        description=text(
            "Train an experiment headless. Progress is shown while it runs; Ctrl+C stops "
            "cleanly and still writes the results."
        ),
    )
    parser.add_argument(
        "experiment",
        metavar="EXPERIMENT_OR_PRESET",
        help=text("an experiment file (.json or .playground) or a preset name"),
    )
    add = parser.add_argument
    add("--epochs", type=positive_int, metavar="N", help=text("train for N epochs"))
    add("--steps", type=positive_int, metavar="N", help=text("stop after N optimizer steps"))
    add(
        "--device",
        metavar="D",
        help=text("auto, cpu, cuda, cuda:N or mps (default: the experiment's)"),
    )
    add("--seed", type=_seed, metavar="S", help=text("seed for weights and batch order"))
    add(
        "--init",
        type=_init,
        metavar="I",
        help=text(
            "how the weights start: {choices} (default: the experiment's)",
            choices=", ".join(INIT_TABLE),
        ),
    )
    add(
        "--out",
        metavar="DIR",
        help=text("folder for summary.json, metrics.csv, model.pt and experiment.json"),
    )
    add("-q", "--quiet", action="store_true", help=text("no progress, only the final summary"))
    parser.set_defaults(handler=train_command)
