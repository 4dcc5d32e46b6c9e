"""Hostile and damaged files are refused with a sentence, never with a crash, a hang or a
flood: damaged zips, deep nesting, huge numbers, pipes, devices, link loops, weights
bombs, surrogates, values that overflow, and run histories that break the rules."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import struct
import sys
import threading
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
import torch

from playground.cli import main as cli
from playground.core import safe_read
from playground.core.data import DataError, describe_data
from playground.core.io.files import FileFormatError, save_experiment_file
from playground.core.io.readers import load_experiment_file, load_experiment_file_any
from playground.core.layers.model import build_model
from playground.core.runs.records import FinalMetrics, RunRecord
from playground.core.spec.experiment import CsvData, Experiment
from playground.core.spec.presets import load_preset
from playground.core.spec.validation import SpecError, parse_experiment

ROOT = Path(__file__).resolve().parents[3]


def _archive(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    contents = {
        name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in parts.items()
    }
    manifest = {"format": "torch-playground-experiment", "format_version": 1, "contents": contents}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest), compress_type=zipfile.ZIP_DEFLATED)
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def _spiral_text() -> str:
    return load_preset("spiral").to_json()


def _check_exit(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.run(["check", str(path)])
    err = capsys.readouterr().err
    return code, err


# ---- damaged zips and JSON -----------------------------------------------------------


def test_a_flipped_byte_in_deflated_data_is_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    experiment = _spiral_text().encode()
    data = bytearray(_archive({"experiment.json": experiment}))
    # Flip bytes inside the deflated experiment part until zlib itself objects.
    start = data.index(b"experiment.json") + len("experiment.json")
    for offset in range(0, 60):
        broken = bytearray(data)
        broken[start + offset] ^= 0xFF
        path = tmp_path / f"flip{offset}.playground"
        path.write_bytes(bytes(broken))
        code, err = _check_exit(path, capsys)
        assert code == cli.EXIT_USAGE, err
        assert "something unexpected" not in err
        assert err.startswith("playground: ")


@pytest.mark.parametrize("depth", [500, 990, 5000, 100_000])
def test_deeply_nested_json_is_refused_in_a_json_file_and_in_an_archive(
    tmp_path: Path, depth: int
) -> None:
    nested = "[" * depth + "]" * depth
    text = _spiral_text().replace('"name": "', f'"nested": {nested}, "name": "', 1)
    plain = tmp_path / "deep.json"
    plain.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match=r"nested .* levels deep"):
        load_experiment_file(plain)
    archive = tmp_path / "deep.playground"
    archive.write_bytes(_archive({"experiment.json": text.encode()}))
    with pytest.raises(FileFormatError, match=r"nested .* levels deep"):
        load_experiment_file_any(archive)


def test_json_depth_ignores_brackets_inside_strings() -> None:
    assert safe_read.json_depth('{"a": "[[[[[[[[[[[[" , "b": [1, [2]]}') == 3
    assert safe_read.json_depth("[" * 70 + "]" * 70) == 70
    assert safe_read.json_depth('"' + "[" * 100 + '"') == 0


@pytest.mark.parametrize("digits", [4301, 50_000])
def test_integers_of_thousands_of_digits_are_refused(tmp_path: Path, digits: int) -> None:
    text = _spiral_text().replace('"epochs": ', f'"epochs": {"9" * digits}, "x": ', 1)
    path = tmp_path / "digits.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match="thousands of digits") as caught:
        load_experiment_file(path)
    assert len(str(caught.value)) < 400


def test_a_long_integer_that_python_reads_is_not_echoed_in_full() -> None:
    with pytest.raises(SpecError) as caught:
        parse_experiment({"training": {"epochs": int("9" * 4000)}})
    message = str(caught.value)
    assert "epochs" in message and "4000 digits" in message
    assert len(message) < 300


@pytest.mark.parametrize(
    ("method", "version"), [(99, 20), (zipfile.ZIP_DEFLATED, 0xFFFF), (14, 63)]
)
def test_unknown_compression_method_or_zip_version_is_refused(
    tmp_path: Path, method: int, version: int
) -> None:
    data = bytearray(_archive({"experiment.json": _spiral_text().encode()}))
    for signature, version_at, method_at in ((b"PK\x03\x04", 4, 8), (b"PK\x01\x02", 6, 10)):
        position = data.find(signature, data.find(b"experiment.json") - 60)
        data[position + version_at : position + version_at + 2] = struct.pack("<H", version)
        data[position + method_at : position + method_at + 2] = struct.pack("<H", method)
    path = tmp_path / "method.playground"
    path.write_bytes(bytes(data))
    with pytest.raises(FileFormatError, match=r"'method.playground'"):
        load_experiment_file_any(path)


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.playground"
    path.write_bytes(_archive({"experiment.json": b'{"name": "caf\xe9"}'}))
    with pytest.raises(FileFormatError, match="not valid JSON"):
        load_experiment_file_any(path)


# ---- file-system objects ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("suffix", [".json", ".playground", ".csv"])
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            if suffix == ".csv":
                describe_data(CsvData(path=str(fifo), features=["a"], target="b"))
            else:
                load_experiment_file_any(fifo)
        except BaseException as error:  # the assertion below names what came back
            outcome.append(error)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert len(outcome) == 1
    assert isinstance(outcome[0], FileFormatError | DataError)
    assert "pipe (FIFO)" in str(outcome[0])


def test_a_fifo_swapped_in_after_the_check_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "swap.json"
    os.mkfifo(fifo)
    # os.open with O_NONBLOCK returns at once; fstat then sees the FIFO.
    with (
        pytest.raises(safe_read.UnreadableFileError, match="pipe"),
        safe_read.open_regular_file(fifo, 1024, "an experiment file"),
    ):
        pass


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("suffix", [".json", ".playground", ".csv"])
def test_devices_are_refused_before_reading(tmp_path: Path, device: str, suffix: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not available")
    link = tmp_path / f"device{suffix}"
    link.symlink_to(device)
    if suffix == ".csv":
        with pytest.raises(DataError, match="is a device, not a CSV file"):
            describe_data(CsvData(path=str(link), features=["a"], target="b"))
    else:
        with pytest.raises(FileFormatError, match="is a device, not an experiment file"):
            load_experiment_file_any(link)


def test_a_symlink_loop_is_refused_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.playground"
    loop.symlink_to(loop)
    with pytest.raises(FileFormatError, match="leads back to itself"):
        load_experiment_file_any(loop)
    code, err = _check_exit(loop, capsys)
    assert code == cli.EXIT_USAGE and "unexpected" not in err


def test_a_file_larger_than_the_cap_is_refused_by_its_size(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.json"
    with sparse.open("wb") as stream:
        stream.truncate(safe_read.MAX_EXPERIMENT_JSON_BYTES + 1)
    with pytest.raises(SpecError, match=r"reads at most 4\.0 MB as an experiment file"):
        load_experiment_file(sparse)


# ---- weights bombs and runs -----------------------------------------------------------


def _valid_parts() -> dict[str, bytes]:
    experiment = load_preset("spiral")
    info = describe_data(experiment.data)
    weights = build_model(experiment.model.layers, info.input_shape).state_dict()
    buffer = io.BytesIO()
    from safetensors.torch import save

    buffer.write(save({k: v.contiguous() for k, v in weights.items()}))
    return {
        "experiment.json": experiment.to_json().encode(),
        "weights.safetensors": buffer.getvalue(),
    }


def test_a_weights_bomb_is_refused_by_the_models_size_before_inflating(tmp_path: Path) -> None:
    parts = _valid_parts()
    size = 64 * 1024**2  # deflates to about 64 KB; a model of a few hundred weights needs KB
    header = json.dumps({"w": {"dtype": "F32", "shape": [size // 4], "data_offsets": [0, size]}})
    header_bytes = header.encode() + b" " * (-len(header) % 8)
    parts["weights.safetensors"] = struct.pack("<Q", len(header_bytes)) + header_bytes + bytes(size)
    path = tmp_path / "bomb.playground"
    path.write_bytes(_archive(parts))
    assert path.stat().st_size < 1024**2
    with pytest.raises(FileFormatError, match="larger than any experiment needs"):
        load_experiment_file_any(path)


def test_weights_that_lie_about_their_size_stop_at_the_models_bound(tmp_path: Path) -> None:
    parts = _valid_parts()
    parts["weights.safetensors"] = bytes(32 * 1024**2)
    data = bytearray(_archive(parts))
    # Rewrite the declared (uncompressed) size of the weights part in both headers to 100 bytes.
    name = b"weights.safetensors"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        position = data.find(signature)
        while position != -1:
            name_at = position + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[position + size_at : position + size_at + 4] = struct.pack("<I", 100)
            position = data.find(signature, position + 4)
    path = tmp_path / "liar.playground"
    path.write_bytes(bytes(data))
    with pytest.raises(FileFormatError, match=r"spiral|liar.playground"):
        load_experiment_file_any(path)


def test_runs_with_broken_layers_are_validated_like_the_experiment(tmp_path: Path) -> None:
    experiment = load_preset("spiral")
    run = RunRecord(
        started_at="2024-05-01T00:00:00+00:00",
        settings=experiment,
        device="cpu",
        seconds=1.0,
        final=FinalMetrics(train_loss=0.5),
    )
    record = json.loads(run.model_dump_json())
    record["settings"]["model"]["layers"] = [{"kind": "Nope", "params": {"x": 1}}]
    parts = {
        "experiment.json": experiment.to_json().encode(),
        "runs.json": json.dumps([record]).encode(),
    }
    path = tmp_path / "runs.playground"
    path.write_bytes(_archive(parts))
    with pytest.raises(
        FileFormatError, match=r"Run 1 in the history .* 'Nope' is not a layer kind"
    ):
        load_experiment_file_any(path)


def test_a_file_of_1_5_million_layers_is_refused_quickly(tmp_path: Path) -> None:
    spec = json.loads(_spiral_text())
    spec["model"]["layers"] = [{"kind": "ReLU"}] * 200_000
    path = tmp_path / "layers.playground"
    path.write_bytes(_archive({"experiment.json": json.dumps(spec).encode()}))
    with pytest.raises(FileFormatError, match="200,000 layers, more than the 1,000"):
        load_experiment_file_any(path)
    spec["model"]["layers"] = [{"kind": "ReLU"}] * 1_500_000  # deflates to a few KB
    path.write_bytes(_archive({"experiment.json": json.dumps(spec).encode()}))
    assert path.stat().st_size < 200_000
    with pytest.raises(FileFormatError, match="larger than any experiment needs"):
        load_experiment_file_any(path)


# ---- values inside the spec -------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "key"),
    [("schedule", "min_lr"), ("training", "grad_clip"), ("optimizer", "lr"), ("data", "noise")],
)
@pytest.mark.parametrize("literal", ["Infinity", "NaN", "1e999"])
def test_every_float_setting_must_be_finite(section: str, key: str, literal: str) -> None:
    text = json.dumps({section: {key: "@"}}).replace('"@"', literal)
    with pytest.raises(SpecError, match="must be a finite number"):
        parse_experiment(text)


def test_a_lone_surrogate_in_the_name_is_cleaned_so_saving_works(tmp_path: Path) -> None:
    text = json.dumps({"name": "run\ud800 one\x07", "description": "a\udfffb\nsecond line"})
    experiment = parse_experiment(text)
    assert experiment.name == "run\ufffd one"
    assert experiment.description == "a\ufffdb\nsecond line"
    path = tmp_path / "saved.playground"
    save_experiment_file(path, experiment)
    assert load_experiment_file_any(path).experiment == experiment


def test_a_very_long_name_is_cut() -> None:
    experiment = Experiment.model_validate({"name": "n" * 100_000})
    assert len(experiment.name) == 200


def test_a_megabyte_value_is_never_echoed_back() -> None:
    with pytest.raises(SpecError) as caught:
        parse_experiment(
            {
                "loss": "x" * 1_000_000,
                "model": {"layers": [{"kind": "y" * 1_000_000, "params": {"z" * 500: 1}}]},
                "training": {"device": "\x1b[2J" * 1000},
            }
        )
    message = str(caught.value)
    assert len(message) < 2000
    assert "\x1b" not in message


# ---- CSV -------------------------------------------------------------------------------


def test_csv_values_that_overflow_float32_are_refused_in_check(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = ["a,b,c"] + [f"{i},{i * 2},{i % 2}" for i in range(10)]
    rows[4] = "1e39,3,0"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    spec = CsvData(path=str(path), features=["a", "b"], target="c")
    with pytest.raises(DataError, match="row 5, column 'a': '1e39' is too large"):
        describe_data(spec)
    regression = CsvData(path=str(path), features=["c"], target="a", task="regression")
    with pytest.raises(DataError, match="row 5, column 'a': '1e39' is too large"):
        describe_data(regression)


def test_a_binary_or_private_file_chosen_as_csv_is_not_echoed(tmp_path: Path) -> None:
    secret = "root:$6$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP:19000:0:99999:7:::"
    path = tmp_path / "shadow"
    path.write_text(
        secret + "\n" + "\n".join(f"user{i}:x:{i}" for i in range(10)), encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        describe_data(CsvData(path=str(path), features=["a"], target="b"))
    message = str(caught.value)
    assert "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP" not in message
    assert "no column 'a'" in message


def test_quoted_cells_escape_control_characters() -> None:
    from playground.core.data.csv_read import quote_cell

    assert quote_cell("\x1b[31mred\x00") == "'\\x1b[31mred\\x00'"
    assert len(quote_cell("9" * 10_000)) <= 32


# ---- the fuzz campaign, bounded ----------------------------------------------------------


def _fuzz_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_files", ROOT / "tools" / "fuzz_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_files"] = module
    spec.loader.exec_module(module)
    return module


def test_a_small_fuzz_campaign_is_refused_cleanly_or_correct() -> None:
    tool = _fuzz_tool()
    campaign = tool.run_campaign(150, seed=7, available_memory=8 * 1024**3, quiet=True)
    others = [f"{o.mutation}: {o.detail}" for o in campaign.others]
    assert others == []
    assert sum(campaign.counts.values()) >= 150
    assert campaign.counts["refused"] > 100  # nearly every mutation breaks the file
    assert campaign.counts["correct"] >= 1  # the seed file itself still opens


def test_weights_still_load_after_saving(tmp_path: Path) -> None:
    experiment = load_preset("spiral")
    info = describe_data(experiment.data)
    weights = build_model(experiment.model.layers, info.input_shape).state_dict()
    path = tmp_path / "weights.playground"
    save_experiment_file(path, experiment, weights=weights)
    loaded = load_experiment_file_any(path)
    assert loaded.weights is not None
    for name, tensor in weights.items():
        assert torch.equal(loaded.weights[name], tensor)
