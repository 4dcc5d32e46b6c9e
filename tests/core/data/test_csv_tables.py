"""Real tables: scikit-learn's own CSV files, rows of the wrong width, several targets, typed tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import sklearn
import sklearn.datasets
import torch

from playground.core.data import DataError, describe_data, load_dataset, read_csv_preview
from playground.core.messages import describe_problems
from playground.core.spec.experiment import MAX_COLUMNS, CsvData, Experiment

SKLEARN_DATA = Path(sklearn.__file__).parent / "datasets" / "data"
WINE = SKLEARN_DATA / "wine_data.csv"
IRIS = SKLEARN_DATA / "iris.csv"
CANCER = SKLEARN_DATA / "breast_cancer.csv"


def _message(call: object) -> str:
    with pytest.raises(DataError) as caught:
        call()  # type: ignore[operator]
    return describe_problems(caught.value.problems)


def test_wine_rows_wider_than_its_first_row_are_an_error_with_the_row() -> None:
    spec = CsvData(path=str(WINE), features=["178", "13"], target="class_0")
    assert _message(lambda: describe_data(spec)) == (
        "In wine_data.csv, row 2 has 14 cells but the first row has 5; fix that row, or, if "
        "the first row does not name the columns, say so in the import (the first row is "
        "data, or a line to skip) and name the columns."
    )
    # The preview still shows the whole table and says what is wrong.
    preview = read_csv_preview(WINE)
    assert len(preview.header) == 14 and preview.row_count == 178
    assert preview.problem is not None and preview.problem.code == "data.csv.row_too_wide"
    assert preview.numeric_names == ("178", "13")


def test_wine_with_its_first_row_skipped_trains_on_13_inputs_and_3_classes() -> None:
    preview = read_csv_preview(WINE, first_row="skip")
    assert preview.problem is None and len(preview.header) == 14
    assert preview.header[0] == "column 1" and preview.row_count == 178
    # The last column holds only 0, 1 and 2: offered as classes.
    assert preview.whole_classes[13] == ("0", "1", "2")
    assert preview.whole_classes[4] == ()  # magnesium: many values
    names = [f"c{i}" for i in range(13)] + ["cultivar"]
    spec = CsvData(
        path=str(WINE),
        first_row="skip",
        column_names=names,
        features=names[:13],
        target="cultivar",
        task="classification",
    )
    info = describe_data(spec)
    assert info.task == "classification" and info.class_names == ("0", "1", "2")
    assert info.input_shape == (13,)
    data = load_dataset(spec)
    expected = sklearn.datasets.load_wine()
    labels = torch.cat([data.y_train, data.y_val]).sort().values
    assert torch.equal(labels, torch.as_tensor(expected.target).sort().values)


@pytest.mark.parametrize(("path", "columns", "rows"), [(IRIS, 5, 150), (CANCER, 31, 569)])
def test_other_sklearn_files_read_whole(path: Path, columns: int, rows: int) -> None:
    preview = read_csv_preview(path, first_row="skip")
    assert preview.problem is None
    assert len(preview.header) == columns and preview.row_count == rows
    assert preview.whole_classes[-1] in (("0", "1", "2"), ("0", "1"))
    # With its first row taken as names iris reads, but the names are numbers: a hint.
    if path == IRIS:
        assert read_csv_preview(path).numeric_names == ("150", "4")


def test_first_row_as_data_keeps_it_and_names_must_fit() -> None:
    text = "1,2,3\n4,5,6\n7,8,9\n1,1,1\n2,2,2\n"
    spec = CsvData(
        path="numbers",
        inline_table=text,
        first_row="data",
        features=["column 1"],
        target="column 3",
    )
    data = load_dataset(spec.model_copy(update={"validation_fraction": 0.0, "standardize": False}))
    assert sorted(data.x_train[:, 0].tolist()) == [1.0, 1.0, 2.0, 4.0, 7.0]
    wrong = spec.model_copy(update={"column_names": ["a", "b"], "features": ["a"], "target": "b"})
    assert _message(lambda: describe_data(wrong)) == (
        "2 column names were given, but row 1 has 3 cells; give one name per column."
    )


def test_a_header_of_numbers_suggests_saying_the_first_row_is_data(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("1,2\n3,4\n")
    assert "or say in the import that the first row is data" in _message(
        lambda: read_csv_preview(path)
    )


def test_two_target_columns_make_a_two_output_regression() -> None:
    rows = ["x1,x2,y1,y2"] + [f"{i},{i + 1},{i},{i + 1}" for i in range(1, 6)]
    spec = CsvData(
        path="identity",
        inline_table="\n".join(rows),
        features=["x1", "x2"],
        target="y1",
        extra_targets=["y2"],
        validation_fraction=0.0,
        standardize=False,
    )
    info = describe_data(spec)
    assert info.task == "regression" and info.num_outputs == 2
    assert info.target_names == ("y1", "y2")
    data = load_dataset(spec)
    assert data.y_train.shape == (5, 2)
    assert torch.equal(data.y_train, data.x_train)  # the identity mapping, exactly
    classes = spec.model_copy(update={"task": "classification"})
    assert "Classification predicts one class column, but 2 target columns" in _message(
        lambda: describe_data(classes)
    )
    doubled = spec.model_copy(update={"extra_targets": ["y1"]})
    assert "listed twice as a target" in _message(lambda: describe_data(doubled))


def test_a_typed_table_survives_the_experiment_file() -> None:
    text = "a,b\n1,2\n2,4\n3,6\n4,8\n5,10\n"
    experiment = Experiment(
        data=CsvData(path="typed table", inline_table=text, features=["a"], target="b")
    )
    again = Experiment.model_validate_json(experiment.to_json())
    assert again.data == experiment.data
    assert describe_data(again.data).num_outputs == 1


def test_new_settings_are_left_out_of_files_that_do_not_use_them() -> None:
    saved = Experiment(data=CsvData(path="t.csv", features=["a"], target="b")).to_dict()
    assert set(saved["data"]) == {
        "kind", "path", "features", "target", "task", "standardize", "validation_fraction", "seed",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a,b\n" + ",".join(["1"] * (MAX_COLUMNS + 1)) + "\n", "data.csv.too_many_columns"),
        ("a,b\n1,2\n3\n", "data.csv.row_too_short"),
        ("a,b\n1,2\n3,4,5\n", "data.csv.row_too_wide"),
        ("   \n\n", "data.csv.empty_table"),
    ],
)
def test_bad_typed_tables_are_refused_in_words(text: str, code: str) -> None:
    spec = CsvData(path="pasted", inline_table=text, features=["a"], target="b")
    with pytest.raises(DataError) as caught:
        describe_data(spec)
    assert caught.value.problems[0].code == code
    assert "pasted" in describe_problems(caught.value.problems)


def test_a_row_of_a_million_cells_stops_the_reading(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n" + "," * 1_000_000 + "\n")
    message = _message(lambda: read_csv_preview(path))
    assert message.startswith("Row 2 of wide.csv has 1000001 cells, more than the 10000 columns")
