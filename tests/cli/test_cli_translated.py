"""The command line prints the catalogue's words: with another catalogue, it still exits 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground.cli import main as cli
from playground.core.spec.presets import load_preset


def test_check_prints_the_translated_sentence_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pseudo_translation: dict[str, str]
) -> None:
    data = load_preset("digits-cnn").to_dict()
    convs = [i for i, layer in enumerate(data["model"]["layers"]) if layer["kind"] == "Conv2d"]
    data["model"]["layers"][convs[-1]]["params"]["kernel_size"] = 15
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    assert cli.run(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"playground: bad.json ⟫ «layer {convs[-1] + 1} (Conv2d)» ⟫ ")
    assert "⟦layer.kernel_too_large⟧ 15" in err
    assert "larger than" not in err


def test_a_broken_file_is_told_in_the_translated_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pseudo_translation: dict[str, str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"training": {"epochs": -1}}')
    assert cli.run(["check", str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("playground: broken.json ⟫ training ⟫ ⟦spec.not_at_least⟧")
    assert "must be" not in err
