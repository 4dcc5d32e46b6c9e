"""Fault campaign for the experiment readers: mutated files through ``playground check``'s path.

Starts from valid ``.playground`` files (spec, weights, run history) and plain
``.json`` experiments made from the shipped presets, mutates them (bit flips,
truncation, inserted bytes, zip header edits, deep nesting, huge integers,
huge layer counts, weights bombs, wrong types, NaN and infinity, unpaired
surrogates, hostile run histories) and runs each through the same code as
``playground check`` in this process: read the file, describe its data, check
it. Every outcome is one of

* **refused**: a user error with a short sentence (what ``check`` prints with exit 2),
* **correct**: a valid experiment that also saves and reads back unchanged,
* **other**: anything else (an unexpected exception, a message that is not a
  short sentence, a file that took longer than the time bound or grew memory
  beyond the bound). A healthy reader has none.

Usage::

    .venv/bin/python tools/fuzz_files.py --count 5000 --seed 1
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import signal
import struct
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch

from playground.cli.check import summary_table
from playground.cli.common import user_errors as _user_errors
from playground.core.data import describe_data
from playground.core.io.files import EXPERIMENT, MANIFEST, RUNS, WEIGHTS, save_experiment_file
from playground.core.io.readers import load_experiment_file, load_experiment_file_any
from playground.core.layers.model import build_model
from playground.core.messages import describe
from playground.core.runs.records import FinalMetrics, RunRecord, make_curves
from playground.core.spec.experiment import Experiment
from playground.core.spec.presets import load_preset, preset_names
from playground.core.spec.validation import check_experiment, parse_experiment

#: A file that takes longer than this is "other" (a reader that can hang or crawl).
SECONDS_BOUND = 10.0
#: Peak memory growth over the campaign's start that counts as a blow-up.
MEMORY_BOUND_BYTES = 1024**3
#: The longest sentence a refusal may print.
MESSAGE_CHARS_BOUND = 4000


class _TimeOver(BaseException):
    """Raised by the alarm when one file takes longer than the bound."""


@dataclass
class Outcome:
    kind: str  # refused, correct, other
    mutation: str
    detail: str = ""


@dataclass
class Campaign:
    counts: Counter[str] = field(default_factory=Counter)
    by_mutation: dict[str, Counter[str]] = field(default_factory=dict)
    others: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.kind] += 1
        self.by_mutation.setdefault(outcome.mutation, Counter())[outcome.kind] += 1
        if outcome.kind == "other":
            self.others.append(outcome)


# ---- seeds --------------------------------------------------------------------------


def _run_record(experiment: Experiment) -> RunRecord:
    steps = list(range(1, 40))
    return RunRecord(
        started_at=datetime(2024, 5, 1, tzinfo=UTC),
        settings=experiment,
        device="cpu",
        seconds=1.5,
        epochs=3,
        steps=len(steps),
        final=FinalMetrics(train_loss=0.3, val_loss=0.4, train_accuracy=0.9),
        curves=make_curves(steps, [1.0 / s for s in steps], [1, 2, 3], [0.5, 0.4, 0.3]),
    )


def seed_files(folder: Path) -> list[Path]:
    """Valid experiment files: each preset as .json and as .playground with weights and runs."""
    seeds: list[Path] = []
    for name in preset_names():
        experiment = load_preset(name)
        json_path = folder / f"{name}.json"
        json_path.write_text(experiment.to_json(), encoding="utf-8")
        seeds.append(json_path)
        info = describe_data(experiment.data)
        torch.manual_seed(0)
        weights = build_model(experiment.model.layers, info.input_shape).state_dict()
        archive = folder / f"{name}.playground"
        save_experiment_file(archive, experiment, weights=weights, runs=[_run_record(experiment)])
        seeds.append(archive)
    return seeds


# ---- rebuilding archives with valid checksums ------------------------------------------


def _read_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _build_archive(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .playground whose manifest lists every part with a correct checksum."""
    import hashlib

    contents = {
        name: {"bytes": len(value), "sha256": hashlib.sha256(value).hexdigest()}
        for name, value in parts.items()
        if name != MANIFEST
    }
    manifest = {
        "format": "torch-playground-experiment",
        "format_version": 1,
        "app_version": "fuzz",
        "contents": contents,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(MANIFEST, json.dumps(manifest), compress_type=zipfile.ZIP_DEFLATED)
        for name, value in parts.items():
            if name != MANIFEST:
                archive.writestr(name, value, compress_type=method)
    return buffer.getvalue()


def _edit_experiment(data: bytes, suffix: str, edit: Callable[[dict[str, Any]], Any]) -> bytes:
    """Apply ``edit`` to the experiment dict (it may return raw JSON text to use instead)."""
    if suffix == ".json":
        spec = json.loads(data)
        text = edit(spec)
        return (text if isinstance(text, str) else json.dumps(spec)).encode(
            "utf-8", "surrogatepass"
        )
    parts = _read_parts(data)
    spec = json.loads(parts[EXPERIMENT])
    text = edit(spec)
    parts[EXPERIMENT] = (text if isinstance(text, str) else json.dumps(spec)).encode(
        "utf-8", "surrogatepass"
    )
    return _build_archive(parts)


# ---- mutations -------------------------------------------------------------------------

Mutation = Callable[[random.Random, bytes, str], bytes]


def bit_flips(rng: random.Random, data: bytes, _suffix: str) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncation(rng: random.Random, data: bytes, _suffix: str) -> bytes:
    return data[: rng.randrange(len(data))]


def byte_insertion(rng: random.Random, data: bytes, _suffix: str) -> bytes:
    position = rng.randrange(len(data) + 1)
    return data[:position] + rng.randbytes(rng.randint(1, 64)) + data[position:]


def zip_header_edit(rng: random.Random, data: bytes, suffix: str) -> bytes:
    """Change one field of a local or central zip header: version, flags, method, sizes, CRC."""
    if suffix == ".json":
        return bit_flips(rng, data, suffix)
    out = bytearray(data)
    signatures = [(b"PK\x03\x04", (4, 6, 8, 14, 18, 22)), (b"PK\x01\x02", (6, 8, 10, 16, 20, 24))]
    signature, offsets = rng.choice(signatures)
    places = [i for i in range(len(out) - 30) if out[i : i + 4] == signature]
    if not places:
        return bit_flips(rng, data, suffix)
    start = rng.choice(places) + rng.choice(offsets)
    value = rng.choice([0, 1, 0xFF, 0xFFFF, 0xFFFFFFFF, 99, 63, 12, 14, 0x7FFFFFFF, 2**31])
    width = 2 if start % 2 == 0 and rng.random() < 0.5 else 4
    packed = struct.pack("<I", value & 0xFFFFFFFF)[:width]
    out[start : start + width] = packed
    return bytes(out)


def _nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


def deep_nesting(rng: random.Random, data: bytes, suffix: str) -> bytes:
    depth = rng.choice([65, 100, 500, 990, 2000, 10_000, 100_000])
    where = rng.choice(["name", "description", "model", "data", "extra"])

    def edit(spec: dict[str, Any]) -> str:
        spec[where] = "@NEST@"
        return json.dumps(spec).replace('"@NEST@"', _nested(depth))

    return _edit_experiment(data, suffix, edit)


def huge_integers(rng: random.Random, data: bytes, suffix: str) -> bytes:
    digits = rng.choice([30, 400, 4300, 4301, 10_000, 50_000])
    number = "9" * digits
    place = rng.choice(["training.epochs", "training.batch_size", "data.seed", "layer", "loss"])

    def edit(spec: dict[str, Any]) -> str:
        if place == "layer":
            layers = spec.get("model", {}).get("layers") or [{"kind": "Linear"}]
            layers[0].setdefault("params", {})["out_features"] = "@BIG@"
            spec.setdefault("model", {})["layers"] = layers
        elif place == "loss":
            spec["loss"] = "@BIG@"
        else:
            section, key = place.split(".")
            spec.setdefault(section, {})[key] = "@BIG@"
        return json.dumps(spec).replace('"@BIG@"', number)

    return _edit_experiment(data, suffix, edit)


def huge_layer_counts(rng: random.Random, data: bytes, suffix: str) -> bytes:
    count = rng.choice([1001, 5000, 200_000, 1_500_000])
    wide = rng.random() < 0.5

    layer = '{"kind": "Linear", "params": {"out_features": 4096}}' if wide else '{"kind": "ReLU"}'
    layers = "[" + (layer + ",") * (count - 1) + layer + "]"  # text, not json.dumps: fast

    def edit(spec: dict[str, Any]) -> str:
        spec.setdefault("model", {})["layers"] = "@LAYERS@"
        return json.dumps(spec).replace('"@LAYERS@"', layers)

    return _edit_experiment(data, suffix, edit)


def wide_valid_models(rng: random.Random, data: bytes, suffix: str) -> bytes:
    """Valid stacks of wide Linear layers that no ordinary computer can train."""
    count = rng.choice([40, 120, 400, 1000])

    def edit(spec: dict[str, Any]) -> None:
        layers = [{"kind": "Linear", "params": {"out_features": 4096}} for _ in range(count)]
        old = spec.get("model", {}).get("layers") or []
        spec.setdefault("model", {})["layers"] = layers + old[-1:]

    return _edit_experiment(data, suffix, edit)


_BOMB_CACHE: dict[int, bytes] = {}
_BOMB_ARCHIVES: dict[tuple[int, int], bytes] = {}


def weights_bomb(rng: random.Random, data: bytes, suffix: str) -> bytes:
    """A weights part that deflates to hundreds of MB (with a valid checksum)."""
    if suffix == ".json":
        return huge_layer_counts(rng, data, suffix)
    size = rng.choice([64, 256]) * 1024**2
    if size not in _BOMB_CACHE:
        header = json.dumps(
            {"w": {"dtype": "F32", "shape": [size // 4], "data_offsets": [0, size]}}
        )
        header_bytes = header.encode() + b" " * (-len(header) % 8)
        _BOMB_CACHE[size] = struct.pack("<Q", len(header_bytes)) + header_bytes + bytes(size)
    key = (hash(data), size)
    if key not in _BOMB_ARCHIVES:
        parts = _read_parts(data)
        parts[WEIGHTS] = _BOMB_CACHE[size]
        _BOMB_ARCHIVES[key] = _build_archive(parts)
    return _BOMB_ARCHIVES[key]


_WRONG_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    1.5,
    "text",
    [],
    {},
    [1, 2],
    {"kind": "Linear"},
    "x" * 100_000,
    -(2**63),
    2**64,
]


def _walk(spec: Any, rng: random.Random) -> tuple[Any, Any] | None:
    """A random (container, key) inside the spec."""
    node: Any = spec
    place: tuple[Any, Any] | None = None
    for _ in range(rng.randint(1, 5)):
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
        elif isinstance(node, list) and node:
            key = rng.randrange(len(node))
        else:
            break
        place = (node, key)
        node = node[key]
    return place


def wrong_types(rng: random.Random, data: bytes, suffix: str) -> bytes:
    def edit(spec: dict[str, Any]) -> None:
        place = _walk(spec, rng)
        if place is not None:
            container, key = place
            container[key] = rng.choice(_WRONG_VALUES)

    return _edit_experiment(data, suffix, edit)


def nan_and_infinity(rng: random.Random, data: bytes, suffix: str) -> bytes:
    literal = rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
    place = rng.choice(
        [
            ("schedule", "min_lr"),
            ("training", "grad_clip"),
            ("optimizer", "lr"),
            ("optimizer", "weight_decay"),
            ("data", "noise"),
            ("schedule", "gamma"),
            ("layer", "p"),
        ]
    )

    def edit(spec: dict[str, Any]) -> str:
        section, key = place
        if section == "layer":
            layers = spec.get("model", {}).get("layers") or [{"kind": "Dropout"}]
            layers[0] = {"kind": "Dropout", "params": {"p": "@NUM@"}}
            spec.setdefault("model", {})["layers"] = layers
        else:
            spec.setdefault(section, {})[key] = "@NUM@"
        return json.dumps(spec).replace('"@NUM@"', literal)

    return _edit_experiment(data, suffix, edit)


def surrogates(rng: random.Random, data: bytes, suffix: str) -> bytes:
    text = rng.choice(["\ud800", "a\udfffb", "\x00\x1b[31m", "\u202e" * 5, "名前\ud83d"])
    field_name = rng.choice(["name", "description"])

    def edit(spec: dict[str, Any]) -> None:
        spec[field_name] = text * rng.randint(1, 2000)

    return _edit_experiment(data, suffix, edit)


def hostile_runs(rng: random.Random, data: bytes, suffix: str) -> bytes:
    """A run history whose settings break the rules the main experiment must follow."""
    if suffix == ".json":
        return wrong_types(rng, data, suffix)
    parts = _read_parts(data)
    runs = json.loads(parts.get(RUNS, b"[]")) or []
    if not runs:
        return bit_flips(rng, data, suffix)
    run = runs[0]
    choice = rng.randrange(4)
    if choice == 0:
        run["settings"]["model"]["layers"] = [{"kind": "Nope", "params": {"x": 1}}]
    elif choice == 1:
        run["settings"]["model"]["layers"] = [{"kind": "ReLU"}] * 5000
    elif choice == 2:
        run["settings"]["schedule"] = {"kind": "cosine", "min_lr": 1e308 * 10}
    else:
        runs = [run] * rng.choice([2, 1001])
    parts[RUNS] = json.dumps(runs).encode()
    return _build_archive(parts)


MUTATIONS: dict[str, Mutation] = {
    "bit flips": bit_flips,
    "truncation": truncation,
    "byte insertion": byte_insertion,
    "zip header edit": zip_header_edit,
    "deep nesting": deep_nesting,
    "huge integers": huge_integers,
    "huge layer counts": huge_layer_counts,
    "wide valid models": wide_valid_models,
    "weights bomb": weights_bomb,
    "wrong types": wrong_types,
    "NaN and infinity": nan_and_infinity,
    "surrogates": surrogates,
    "hostile runs": hostile_runs,
}
#: Slow-to-build mutations run less often, so a campaign of a few thousand stays short.
MUTATION_WEIGHTS: dict[str, float] = {
    "weights bomb": 0.15,
    "huge layer counts": 0.3,
    "wide valid models": 0.3,
}


# ---- running one file the way `playground check` does -----------------------------------


@contextmanager
def _time_bound(seconds: float) -> Iterator[None]:
    def alarm(_signum: int, _frame: object) -> None:
        raise _TimeOver

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _is_sentence(message: str) -> bool:
    return 0 < len(message) <= MESSAGE_CHARS_BOUND and all(
        char.isprintable() or char == "\n" for char in message
    )


def check_path(path: Path, mutation: str, available_memory: int | None = None) -> Outcome:
    """Run ``path`` through check's code path and classify the result."""
    user_errors = _user_errors()
    start = time.monotonic()
    try:
        with _time_bound(SECONDS_BOUND):
            experiment = load_experiment_file(path)
            if path.suffix == ".playground":
                load_experiment_file_any(path)  # the app's reader: weights and runs too
            info = describe_data(experiment.data)
            problems = check_experiment(experiment, info, available_memory=available_memory)
            if problems:
                message = "\n".join(describe(problem) for problem in problems)
                if not _is_sentence(message):
                    return Outcome("other", mutation, f"problems not sentences: {message[:200]!r}")
                return Outcome("refused", mutation)
            summary_table(experiment, info)
            again = parse_experiment(experiment.to_json())  # saving must never fail
            if again != experiment:
                return Outcome("other", mutation, "the experiment does not read back unchanged")
    except _TimeOver:
        return Outcome("other", mutation, f"took longer than {SECONDS_BOUND:g} s")
    except user_errors as error:
        message = str(error)
        if not _is_sentence(message):
            return Outcome("other", mutation, f"message not a short sentence: {message[:200]!r}")
        return Outcome("refused", mutation)
    except Exception as error:
        return Outcome("other", mutation, f"{type(error).__name__}: {str(error)[:200]}")
    elapsed = time.monotonic() - start
    if elapsed > SECONDS_BOUND:
        return Outcome("other", mutation, f"took {elapsed:.1f} s")
    return Outcome("correct", mutation)


def _special_cases(folder: Path, seed: Path) -> Iterator[tuple[str, Path]]:
    """File-system objects: a FIFO, devices, a symlink loop, a folder, a huge sparse file."""
    fifo = folder / "pipe.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        yield "FIFO", fifo
    for device in ("/dev/zero", "/dev/urandom"):
        if Path(device).exists():
            for suffix in (".json", ".playground"):
                link = folder / f"device-{Path(device).name}{suffix}"
                link.symlink_to(device)
                yield "device", link
    loop = folder / "loop.playground"
    loop.symlink_to(loop)
    yield "symlink loop", loop
    directory = folder / "folder.json"
    directory.mkdir()
    yield "folder", directory
    sparse = folder / "sparse.playground"
    with sparse.open("wb") as stream:
        stream.truncate(3 * 1024**3)
    yield "sparse file", sparse
    yield "seed", seed


def run_campaign(
    count: int, seed: int, *, available_memory: int | None = None, quiet: bool = False
) -> Campaign:
    """Mutate ``count`` files (plus the file-system cases) and classify every outcome."""
    rng = random.Random(seed)
    campaign = Campaign()
    baseline = _peak_rss()
    names = list(MUTATIONS)
    weights = [MUTATION_WEIGHTS.get(name, 1.0) for name in names]
    with tempfile.TemporaryDirectory(prefix="fuzz-files-") as temp:
        folder = Path(temp)
        seeds = seed_files(folder)
        contents = {path: path.read_bytes() for path in seeds}
        for label, path in _special_cases(folder, seeds[0]):
            campaign.add(check_path(path, label, available_memory))
        target = folder / "mutated"
        for index in range(count):
            source = rng.choice(seeds)
            name = rng.choices(names, weights)[0]
            data = MUTATIONS[name](rng, contents[source], source.suffix)
            path = target.with_suffix(source.suffix)
            path.write_bytes(data)
            outcome = check_path(path, name, available_memory)
            if _peak_rss() - baseline > MEMORY_BOUND_BYTES:
                outcome = Outcome("other", name, "memory grew by more than the bound")
                baseline = _peak_rss()
            campaign.add(outcome)
            path.unlink()
            if not quiet and (index + 1) % 500 == 0:
                print(f"  {index + 1} files ...", file=sys.stderr)
    return campaign


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="mutated files to try")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the mutations")
    args = parser.parse_args(argv)
    started = time.monotonic()
    campaign = run_campaign(args.count, args.seed)
    total = sum(campaign.counts.values())
    print(f"{total} files in {time.monotonic() - started:.0f} s")
    for kind in ("refused", "correct", "other"):
        print(f"  {kind:8} {campaign.counts[kind]}")
    print("by mutation (refused / correct / other):")
    for name, counts in sorted(campaign.by_mutation.items()):
        print(f"  {name:18} {counts['refused']:5} {counts['correct']:5} {counts['other']:5}")
    for outcome in campaign.others[:30]:
        print(f"OTHER {outcome.mutation}: {outcome.detail}")
    return 0 if campaign.counts["other"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
