"""Nothing a shared experiment holds can become code in a generated file.

The training script is fuzzed with hostile names, descriptions, script file
names, CSV file names, column names and class names; its syntax tree must be
the one a plain experiment gives (same statements, same calls: only the text
of strings differs), and one hostile script is run to show that its payload
never runs. Model files must not carry the experiment's text at all, the
metrics CSV must not hand a spreadsheet a formula, and proposed file names
must stay in their folder.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import random
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path
from string import Template

import onnx
import pytest
import torch
from safetensors import safe_open

from playground.core.data import DataError
from playground.core.export import export_experiment, script
from playground.core.export.base import ExportError
from playground.core.export.literals import (
    checked_layer_code,
    checked_source,
    python_literal,
    quoted_text,
)
from playground.core.export.metrics_csv import metrics_csv_text, spreadsheet_cell, write_metrics_csv
from playground.core.export.names import (
    MAX_STEM_BYTES,
    MAX_STEM_CHARACTERS,
    proposed_file_name,
    proposed_path,
    safe_file_stem,
)
from playground.core.export.script import training_script
from playground.core.spec.experiment import CsvData, Experiment, LayerSpec, ModelSpec, TrainingSpec
from playground.core.spec.presets import load_preset
from playground.core.spec.validation import parse_experiment
from playground.core.training.history import EPOCH_COLUMNS

#: Texts that end strings, comments and docstrings, or hide line breaks, in one place or another.
HOSTILE_TEXTS: tuple[str, ...] = (
    '"',
    "'",
    '"""',
    "'''",
    'name"""',
    '"""\nimport os\nos.system("echo owned")\n"""',
    "'''\n__import__('os').system('echo owned')\n'''",
    "\\",
    "ends with a backslash\\",
    '\\"""',
    "line\nbreak(); print('owned')",
    "carriage\rreturn()",
    "crlf\r\nimport os",
    "nul\x00byte",
    "\\N{BULLET} and \\N{",
    "\\x41\\u0041\\U00000041\\0",
    "line\u2028separator()",
    "paragraph\u2029separator()",
    "next\x85line()",
    "form\x0cfeed()",
    "vertical\x0btab()",
    "file\x1cgroup\x1drecord\x1eseparators",
    "# a comment\nprint('owned')",
    "{x} {{y}} {__import__('os').system('echo owned')}",
    'f\'{__import__("os").system("echo owned")}\'',
    "$title ${needs} $$",
    "\u202eevil\u202c reversed",
    "lone \ud800 surrogate",
    "\t\tindented",
    "\x1b[31mred\x1b[0m",
    "é🙂中文 ünïcödé",
    ");import os;(",
    "\n\n\n",
    "  ",
    "x" * 5000,
    "a\"b'c\"\"\"d'''e\\f\ng\rh",
)
_ALPHABET = "\"'\\\n\r\x00\u2028\u2029\x85\x0c#{}$Nxu0() ;=é\u202e"


def _random_texts(count: int, seed: int) -> list[str]:
    generator = random.Random(seed)
    return [
        "".join(generator.choice(_ALPHABET) for _ in range(generator.randint(1, 40)))
        for _ in range(count)
    ]


def _skeleton(tree: ast.AST) -> str:
    """The syntax tree with the text of every string blanked: the code, without its words."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree)


def _calls(tree: ast.AST) -> set[str]:
    return {ast.dump(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}


class SameCode:
    """Compares generated scripts with the one a plain experiment gives (parsed once)."""

    def __init__(self, reference: str) -> None:
        plain = ast.parse(reference)
        self.calls = _calls(plain)
        self.skeleton = _skeleton(plain)

    def check(self, text: str) -> None:
        tree = ast.parse(text)  # it parses...
        assert _calls(tree) <= self.calls  # ...calls nothing new...
        assert _skeleton(tree) == self.skeleton  # ...and is the same code, word for word


def _xor(**update: object) -> Experiment:
    return load_preset("xor").model_copy(update=update)


def test_hostile_names_descriptions_and_file_names_change_no_code() -> None:
    same = SameCode(training_script(_xor(name="plain", description="plain"), "train.py"))
    texts = [*HOSTILE_TEXTS, *_random_texts(12, seed=7)]
    for index, text in enumerate(texts):
        # Each text is tried as the name, and (rotated) as description and file name at once.
        description = texts[(index + 1) % len(texts)]
        filename = texts[(index + 2) % len(texts)] + ".py"
        generated = training_script(_xor(name=text, description=description), filename)
        same.check(generated)
        docstring = ast.get_docstring(ast.parse(generated)) or ""
        assert docstring.startswith("A training script exported from Torch Playground")


def _write_table(folder: Path, file_name: str, columns: list[str], classes: list[str]) -> Path:
    path = folder / file_name
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in range(24):
        writer.writerow([row % 5, (row * 7) % 3, classes[row % len(classes)]])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _csv_experiment(table: Path, columns: list[str]) -> Experiment:
    return Experiment(
        name="table",
        data=CsvData(path=str(table), features=columns[:2], target=columns[2]),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 4}),
                LayerSpec(kind="ReLU"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        training=TrainingSpec(epochs=1, device="cpu"),
    )


def _file_safe(text: str) -> str:
    """``text`` as a Linux file name: no NUL, no slash, at most 200 bytes."""
    name = text.replace("\x00", "0").replace("/", "|")
    return name.encode("utf-8", "replace")[:200].decode("utf-8", "ignore") or "t"


def test_hostile_csv_file_column_and_class_names_change_no_code(tmp_path: Path) -> None:
    plain_columns = ["a", "b", "kind"]
    plain = _write_table(tmp_path, "plain.csv", plain_columns, ["yes", "no"])
    same = SameCode(training_script(_csv_experiment(plain, plain_columns)))
    texts = [t for t in (*HOSTILE_TEXTS, *_random_texts(6, seed=11)) if t.strip()]
    checked = 0
    for index, text in enumerate(texts):
        folder = tmp_path / f"case{index}"
        folder.mkdir()
        text = text.encode("utf-8", "replace").decode("utf-8")  # a file holds UTF-8 only
        columns = [f"{text}1".strip(), f"{text}2".strip(), "kind"]
        columns = [c if c.strip() else f"c{i}" for i, c in enumerate(columns)]
        classes = [f"{text}A".strip(), f"{text}B".strip()]
        table = _write_table(folder, _file_safe(text) + ".csv", columns, classes)
        try:
            experiment = _csv_experiment(table, columns)
            generated = training_script(experiment)
        except DataError:  # a NUL reads as binary, a sniffed ";" splits the header: refused
            continue
        same.check(generated)
        checked += 1
    assert checked >= len(texts) * 3 // 4


def test_a_hostile_script_trains_and_its_payload_never_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentinel = tmp_path / "owned"
    monkeypatch.setenv("PLAYGROUND_SENTINEL", str(sentinel))  # reaches the script's process
    # No "/" in the payload, so it also fits in a file name.
    payload = "__import__('pathlib').Path(__import__('os').environ['PLAYGROUND_SENTINEL']).touch()"
    exec(payload)  # the payload works when it runs as code...
    assert sentinel.is_file()
    sentinel.unlink()
    # Each text closes the docstring or comment it lands in, the way pasting would let it.
    experiment = _xor(
        name=f'x"""\n{payload}\n"""\r{payload}\u2028{payload}\\N{{BULLET}}',
        description=f"# \n{payload}\n'''",
        training=TrainingSpec(batch_size=64, epochs=1, device="cpu"),
    )
    path = tmp_path / f'run"""\n{payload}\n"""me.py'
    export_experiment(experiment, "script", path)
    result = subprocess.run(
        [sys.executable, str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "epoch     1/1  train loss" in result.stdout
    assert not sentinel.exists()  # ...and never when it comes in as the experiment's text


def test_the_script_is_parsed_before_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        script, "SCRIPT", Template('"""Script $title."""\ndef broken(:\n    pass\n')
    )
    target = tmp_path / "train.py"
    with pytest.raises(ExportError, match=r"invalid Python \(line 2\).*not written"):
        export_experiment(_xor(), "script", target)
    assert not target.exists()
    with pytest.raises(ExportError, match="invalid Python"):
        checked_source("x = 1\x00")


def test_literals_refuse_what_is_not_plain_data() -> None:
    assert python_literal(["a'\"\n", 1, 2.5, None, True, (-3,)]) == repr(
        ["a'\"\n", 1, 2.5, None, True, (-3,)]
    )
    for value in (float("nan"), float("inf"), object(), {"a": 1}, b"bytes", [float("-inf")]):
        with pytest.raises(ExportError, match="fault in Torch Playground"):
            python_literal(value)
    assert checked_layer_code("nn.Flatten(start_dim=1, end_dim=-1)", "Flatten", "layer 1") != ""
    for code in (
        "nn.Linear(__import__('os').system('x'))",
        "nn.Linear(in_features=x)",
        "os.system('x')",
        "nn.Linear(1, 2), print('x')",
        "nn.Linear(1, inf)",
        "nn.ReLU(",
        "nn.ReLU(**options)",
    ):
        with pytest.raises(ExportError, match=r"layer 2 .* cannot be written"):
            checked_layer_code(code, "Linear" if "Linear" in code else "ReLU", "layer 2 (X)")


def test_quoted_text_is_one_line_that_reads_back_as_the_text() -> None:
    for text in [*HOSTILE_TEXTS, *_random_texts(200, seed=3)]:
        quoted = quoted_text(text)
        assert len(quoted.splitlines()) == 1
        assert quoted.isprintable() and quoted.startswith('"') and quoted.endswith('"')
        one_line = " ".join(part.strip() for part in text.splitlines() if part.strip())
        if len(one_line) <= 2000:
            assert ast.literal_eval(quoted) == one_line
        else:
            assert ast.literal_eval(quoted).endswith("…")
        for where in (f"# {quoted}\nx = 1\n", f'"""Doc {quoted}."""\nx = 1\n'):
            tree = ast.parse(where)
            assert len(tree.body) == 1 + where.startswith('"""')


# ---- model files carry no text of the experiment ---------------------------------------------

MARKER = "MARKER-7f3a"


def _marked() -> Experiment:
    hostile = f'{MARKER}"""\n__import__("os").system("echo owned")\x00{{x}}'
    return _xor(name=hostile, description=hostile)


def _zip_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(info) + info.filename.encode() for info in archive.infolist())


def test_model_files_hold_no_text_of_the_experiment(tmp_path: Path) -> None:
    experiment = _marked()
    marker = MARKER.encode()
    weights = tmp_path / "w.safetensors"
    export_experiment(experiment, "weights", weights)
    assert marker not in weights.read_bytes()
    with safe_open(str(weights), framework="pt") as handle:
        assert not handle.metadata()

    scripted = tmp_path / "m.pt"
    export_experiment(experiment, "torchscript", scripted)
    assert marker not in _zip_bytes(scripted)
    with zipfile.ZipFile(scripted) as archive:
        assert not [name for name in archive.namelist() if "/extra/" in name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert torch.jit.load(str(scripted))(torch.zeros(3, 2)).shape == (3, 2)

    graph = tmp_path / "m.onnx"
    export_experiment(experiment, "onnx", graph)
    assert marker not in graph.read_bytes()
    model = onnx.load(str(graph))
    texts = [model.doc_string, model.graph.doc_string, model.producer_name]
    texts += [p.key + p.value for p in model.metadata_props]
    texts += [node.doc_string + node.name for node in model.graph.node]
    assert not any(MARKER in text or "owned" in text for text in texts)


# ---- the metrics CSV -------------------------------------------------------------------------

FORMULAS = (
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "\t=1",
    "\r=1",
    "  =1",
    "＝1",
)


def test_formula_cells_are_written_as_text() -> None:
    for text in FORMULAS:
        assert spreadsheet_cell(text) == "'" + text
    for value in ("loss", "", "1.5", 1, -2.5, 0.0, None):
        assert spreadsheet_cell(value) == value


def test_metrics_csv_keeps_columns_and_numbers(tmp_path: Path) -> None:
    columns = [*FORMULAS, 'a,"b"\nc', "plain"]
    rows = [{name: -1.25 for name in columns}, {columns[0]: "=2*3", "plain": 4}]
    path = tmp_path / "metrics.csv"
    assert write_metrics_csv(path, rows, columns) == 2
    with open(path, newline="", encoding="utf-8") as handle:
        read = list(csv.reader(handle))
    assert read[0] == [spreadsheet_cell(name) for name in columns]
    assert all(cell[:1] not in "=+-@\t\r＝" for cell in read[0])
    assert read[1] == ["-1.25"] * len(columns)  # negative numbers stay numbers
    assert read[2][0] == "'=2*3" and read[2][-1] == "4" and read[2][1] == ""


def test_metrics_csv_of_a_run_has_the_epoch_columns() -> None:
    rows = [
        {
            "epoch": 1,
            "step": 3,
            "train_loss": 0.5,
            "val_loss": "",
            "train_accuracy": 0.75,
            "val_accuracy": "",
            "lr": 0.1,
        }
    ]
    text = metrics_csv_text(rows)
    assert text.splitlines() == [",".join(EPOCH_COLUMNS), "1,3,0.5,,0.75,,0.1"]
    assert "train_accuracy" in EPOCH_COLUMNS


# ---- file names proposed from the experiment's name ------------------------------------------

RESERVED = ("CON", "prn", "Aux", "NUL", "nul.txt", "COM1", "lpt9.tar", "COM¹", "CON .py")
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{device}{n}" for device in ("COM", "LPT") for n in "123456789¹²³"
}


def test_proposed_names_stay_in_the_folder_and_can_be_created(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    names = [
        *HOSTILE_TEXTS,
        *_random_texts(150, seed=5),
        *RESERVED,
        "../../x",
        "..",
        ".",
        "/etc/passwd",
        "C:\\Windows\\x",
        "a/b\\c",
        "~/x",
        ".hidden",
        "name.",
        "x" * 1000,
        "é" * 400,
        "🙂" * 100,
    ]
    for name in names:
        path = proposed_path(folder, name, ".py", fallback="model")
        stem = path.name[: -len(".py")]
        assert path.parent == folder and path.resolve().parent == folder.resolve()
        assert stem and stem.isprintable() and not any(c in stem for c in '/\\<>:"|?*')
        assert not stem.startswith((".", " ")) and not stem.endswith((".", " "))
        assert len(stem) <= MAX_STEM_CHARACTERS and len(stem.encode()) <= MAX_STEM_BYTES
        assert stem.split(".")[0].strip().upper() not in WINDOWS_DEVICES
        assert safe_file_stem(stem) == stem  # a safe name stays as it is
        path.write_text("x", encoding="utf-8")  # the file system accepts it
        assert path.read_text(encoding="utf-8") == "x"
    assert {p.parent for p in tmp_path.rglob("*") if p.is_file()} == {folder}


def test_plain_names_are_kept_and_empty_ones_fall_back() -> None:
    assert proposed_file_name("Spirale à deux bras", ".py") == "Spirale à deux bras.py"
    assert proposed_file_name("xor-2 (v1.5)", ".onnx") == "xor-2 (v1.5).onnx"
    assert proposed_file_name("../../x", ".py") == "x.py"
    assert proposed_file_name("CON", ".py") == "_CON.py"
    assert proposed_file_name(" ... ", ".csv", fallback="metrics") == "metrics.csv"
    assert proposed_file_name("", ".py", fallback="///") == "experiment.py"
    assert proposed_file_name("a\nb\u2028c\x00d", ".py") == "a_b_c_d.py"


def test_summary_json_holds_a_hostile_name_as_a_string(tmp_path: Path) -> None:
    from playground.cli.main import run

    name = 'x"}, "state": "owned", "y": {"\n\u2028\x00=cmd|'
    spec = tmp_path / "exp.json"
    experiment = _xor(name=name, training=TrainingSpec(batch_size=64, epochs=1, device="cpu"))
    spec.write_text(json.dumps(experiment.to_dict()), encoding="utf-8")
    out = tmp_path / "out"
    assert run(["train", str(spec), "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    # Names are cleaned when read (control characters go); the rest stays one JSON string.
    cleaned = parse_experiment(spec.read_text(encoding="utf-8")).name
    assert cleaned.startswith('x"}, "state": "owned"') and "=cmd|" in cleaned
    assert summary["experiment"] == cleaned and summary["state"] == "finished"
    with open(out / "metrics.csv", newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == list(EPOCH_COLUMNS)
