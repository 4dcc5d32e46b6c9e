"""CSV data: dialects, task detection, standardisation, preview, and errors that name the place."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from playground.core.data import DataError, describe_data, load_dataset, read_csv_preview
from playground.core.spec.experiment import CsvData


def _write(tmp_path: Path, text: str, name: str = "table.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline="")
    return str(path)


def _table(rows: int = 12) -> str:
    lines = ["age,height,species,score"]
    for i in range(rows):
        species = ("cat", "dog", "bird")[i % 3]
        lines.append(f"{20 + i},{150 + 2 * i}.5,{species},{i * 0.5}")
    return "\n".join(lines) + "\n"


def _spec(path: str, **options: object) -> CsvData:
    values: dict[str, object] = {"path": path, "features": ["age", "height"], "target": "score"}
    values.update(options)
    return CsvData(**values)  # type: ignore[arg-type]


def test_numeric_target_is_regression_with_standardised_features(tmp_path: Path) -> None:
    spec = _spec(_write(tmp_path, _table(20)), validation_fraction=0.25)
    info = describe_data(spec)
    data = load_dataset(spec)
    assert data.info == info
    assert info.task == "regression" and info.num_outputs == 1
    assert info.feature_names == ("age", "height") and info.target_names == ("score",)
    assert data.x_train.shape == (15, 2) and data.x_val.shape == (5, 2)
    assert data.y_train.shape == (15, 1) and data.y_train.dtype == torch.float32
    assert torch.allclose(data.x_train.mean(dim=0), torch.zeros(2), atol=1e-5)
    assert torch.allclose(data.x_train.std(dim=0), torch.ones(2), atol=1e-5)
    # Rows stay whole through the split: score is (age - 20) / 2 in the file.
    assert data.plane is not None and data.raw_train is not None
    assert torch.allclose(data.y_train[:, 0], (data.raw_train[:, 0] - 20) / 2)
    # The plane plot works in the file's units and scales like training did.
    assert torch.allclose(data.plane.expand(data.raw_train), data.x_train)
    assert data.plane.extent[0] < 20 and data.plane.extent[1] > 39


def test_unstandardised_features_keep_their_values(tmp_path: Path) -> None:
    data = load_dataset(_spec(_write(tmp_path, _table()), standardize=False))
    everything = torch.cat([data.x_train, data.x_val])
    assert sorted(everything[:, 0].tolist()) == [float(20 + i) for i in range(12)]


def test_text_target_gives_sorted_classes(tmp_path: Path) -> None:
    spec = _spec(_write(tmp_path, _table(30)), target="species", standardize=False)
    info = describe_data(spec)
    data = load_dataset(spec)
    assert info.task == "classification"
    assert info.class_names == ("bird", "cat", "dog")
    assert data.y_train.dtype == torch.int64
    # species follows (age - 20) % 3: cat, dog, bird → indices 1, 2, 0.
    expected = torch.tensor([1, 2, 0])[(data.x_train[:, 0].long() - 20) % 3]
    assert torch.equal(data.y_train, expected)


def test_numeric_target_as_classes_when_asked(tmp_path: Path) -> None:
    text = "x,label\n" + "".join(f"{i},{i % 3 * 2}\n" for i in range(12))
    spec = CsvData(
        path=_write(tmp_path, text), features=["x"], target="label", task="classification"
    )
    info = describe_data(spec)
    assert info.class_names == ("0", "2", "4")
    data = load_dataset(spec)
    assert set(torch.cat([data.y_train, data.y_val]).tolist()) == {0, 1, 2}
    assert data.curve is None and data.plane is None


def test_one_feature_regression_has_a_curve(tmp_path: Path) -> None:
    text = "x,y\n" + "".join(f"{i},{3 * i + 1}\n" for i in range(10))
    data = load_dataset(CsvData(path=_write(tmp_path, text), features=["x"], target="y"))
    assert data.curve is not None
    low, high = data.curve.x_range
    assert low < float(data.x_train.min()) and high > float(data.x_train.max())


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("a;b;y\n" + "".join(f"{i},5;{i};{i}\n" for i in range(6)), "utf-8"),
        ("a\tb\ty\n" + "".join(f"{i}.5\t{i}\t{i}\n" for i in range(6)), "utf-8"),
        ("\ufeffa,b,y\n" + "".join(f'"{i}.5",{i},{i}\n' for i in range(6)), "utf-8"),
        ("a,b,y\r\n" + "".join(f"{i}.5,{i},{i}\r\n" for i in range(6)) + "\r\n\r\n", "cp1252"),
    ],
    ids=["semicolon-decimal-comma", "tab", "bom-quoted", "crlf-blank-lines"],
)
def test_dialects_read_the_same_numbers(tmp_path: Path, text: str, encoding: str) -> None:
    spec = CsvData(
        path=_write(tmp_path, text, encoding=encoding),
        features=["a", "b"],
        target="y",
        standardize=False,
        validation_fraction=0.0,
    )
    data = load_dataset(spec)
    assert sorted(data.x_train[:, 0].tolist()) == [i + 0.5 for i in range(6)]
    assert data.x_val.shape == (0, 2)


def test_same_seed_same_split(tmp_path: Path) -> None:
    path = _write(tmp_path, _table(40))
    first = load_dataset(_spec(path, seed=1))
    again = load_dataset(_spec(path, seed=1))
    other = load_dataset(_spec(path, seed=2))
    assert torch.equal(first.x_train, again.x_train)
    assert not torch.equal(first.y_train, other.y_train)


def test_preview_shows_header_rows_types_and_count(tmp_path: Path) -> None:
    text = _table(30).replace("24,158.5", "24,NA", 1)
    preview = read_csv_preview(_write(tmp_path, text), rows=5)
    assert preview.header == ("age", "height", "species", "score")
    assert preview.delimiter == ","
    assert len(preview.rows) == 5 and preview.rows[0] == ("20", "150.5", "cat", "0.0")
    assert preview.column_types == ("numeric", "numeric", "text", "numeric")
    assert preview.missing_counts == (0, 1, 0, 0)
    assert preview.row_count == 30


def _error(tmp_path: Path, text: str, **options: object) -> str:
    spec = _spec(_write(tmp_path, text), **options)
    with pytest.raises(DataError) as caught:
        load_dataset(spec)
    return str(caught.value)


def test_a_text_cell_in_a_feature_names_row_and_column(tmp_path: Path) -> None:
    lines = _table().splitlines()
    lines[4] = "abc,158.5,cat,1.0"
    message = _error(tmp_path, "\n".join(lines))
    assert message == (
        "In table.csv, row 5, column 'age': 'abc' is not a number; "
        "fix the cell or leave the column out."
    )


@pytest.mark.parametrize("cell", ["", "NA", " nan "])
def test_blank_and_na_cells_name_row_and_column(tmp_path: Path, cell: str) -> None:
    lines = _table().splitlines()
    lines[7] = f"27,{cell},cat,3.5"
    message = _error(tmp_path, "\n".join(lines))
    assert message.startswith("In table.csv, row 8, column 'height'")
    assert "fill it in or delete the row" in message


def test_a_missing_target_cell_is_named(tmp_path: Path) -> None:
    lines = _table().splitlines()
    lines[3] = "22,154.5,bird,"
    message = _error(tmp_path, "\n".join(lines))
    assert message == "In table.csv, row 4, column 'score' is empty; fill it in or delete the row."


def test_a_short_row_is_named(tmp_path: Path) -> None:
    lines = _table().splitlines()
    lines[2] = "21,152.5"
    message = _error(tmp_path, "\n".join(lines))
    # Every row must be as wide as the header, whichever columns are used.
    assert "row 3 has no cell for column 'species' (it has 2 cells, the first row 4)" in message


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"features": ["age", "weight"]},
            "table.csv has no column 'weight'; its columns are 'age', 'height', 'species', 'score'.",
        ),
        ({"target": "Score"}, "has no column 'Score'"),
        ({"features": ["age", "score"]}, "Column 'score' is both the target and a feature"),
        ({"features": ["age", "age"]}, "Column 'age' is listed twice as a feature"),
        (
            {"target": "species", "task": "regression"},
            "row 2, column 'species': 'cat' is not a number, and a regression target needs numbers",
        ),
    ],
)
def test_column_problems(tmp_path: Path, options: dict[str, object], expected: str) -> None:
    spec = _spec(_write(tmp_path, _table()), **options)
    with pytest.raises(DataError) as caught:
        describe_data(spec)
    assert expected in str(caught.value)


def test_a_typo_in_a_numeric_target_is_named(tmp_path: Path) -> None:
    lines = _table().splitlines()
    lines[6] = "25,160.5,dog,two"
    message = _error(tmp_path, "\n".join(lines))
    assert message.startswith("In table.csv, row 7, column 'score': 'two' is not a number")
    assert "choose classification" in message


def test_a_single_class_target_is_refused(tmp_path: Path) -> None:
    text = "x,y\n" + "".join(f"{i},same\n" for i in range(8))
    with pytest.raises(DataError, match=r"only one value \('same'\); .* at least two classes"):
        describe_data(CsvData(path=_write(tmp_path, text), features=["x"], target="y"))


def test_an_identifier_column_is_not_a_class_target(tmp_path: Path) -> None:
    text = "x,name\n" + "".join(f"{i},person{i}\n" for i in range(40))
    with pytest.raises(DataError, match="40 different values in 40 rows"):
        describe_data(CsvData(path=_write(tmp_path, text), features=["x"], target="name"))


def test_too_few_rows(tmp_path: Path) -> None:
    assert _error(tmp_path, _table(3)) == (
        "table.csv has only 3 data rows; at least 5 are needed to train and validate, "
        "so add rows to the file."
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file table.csv is empty"),
        (b"\n\n  \n", "The file table.csv is empty"),
        (b"PK\x03\x04\x00\x00binary", "is not a text CSV file"),
        (b"1,2,3\n4,5,6\n", "The first row of table.csv holds numbers (1, 2, 3), not column names"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    for call in (lambda: read_csv_preview(path), lambda: describe_data(_spec(str(path)))):
        with pytest.raises(DataError) as caught:
            call()
        assert expected in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(DataError, match="does not exist; check the path or pick the file again"):
        describe_data(_spec(str(missing)))
    with pytest.raises(DataError, match="is a folder, not a CSV file"):
        read_csv_preview(tmp_path)


def test_header_only_file_has_too_few_rows(tmp_path: Path) -> None:
    assert "has only 0 data rows" in _error(tmp_path, "age,height,species,score\n")


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = _write(tmp_path, _table(12))
    spec = _spec(path, target="species")
    assert describe_data(spec).class_names == ("bird", "cat", "dog")
    _write(tmp_path, _table(12).replace("bird", "cat"))
    assert describe_data(spec).class_names == ("cat", "dog")


def test_unreadable_files_are_told_in_the_interface_language(tmp_path: Path) -> None:
    from playground.core.messages.texts import set_language

    binary, empty = tmp_path / "book.csv", tmp_path / "empty.csv"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    empty.write_bytes(b"")
    set_language("zh_CN")
    try:
        with pytest.raises(DataError) as not_text:
            read_csv_preview(binary)
        with pytest.raises(DataError) as nothing:
            read_csv_preview(empty)
        assert str(not_text.value).startswith("book.csv 不是文本 CSV 文件")  # worded when read
        assert str(nothing.value).startswith("文件 empty.csv 是空的")
    finally:
        set_language("en")
