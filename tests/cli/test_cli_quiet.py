"""A quiet headless run builds only the snapshot its summary needs."""

from __future__ import annotations

import pytest

from playground.cli import main as cli
from playground.core.training.snapshot_maker import SnapshotMaker


def test_quiet_training_builds_one_snapshot(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built: list[int] = []
    make = SnapshotMaker.make

    def counting(self: SnapshotMaker, progress, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(progress.step)
        return make(self, progress, *args, **kwargs)

    monkeypatch.setattr(SnapshotMaker, "make", counting)
    assert cli.run(["train", "iris", "--epochs", "30", "--device", "cpu", "-q"]) == 0
    assert len(built) == 1  # the final one: accuracy and losses for the summary
    out = capsys.readouterr().out
    assert "accuracy" in out.lower()
    built.clear()
    assert cli.run(["train", "iris", "--epochs", "30", "--device", "cpu"]) == 0
    assert len(built) > 1  # with progress shown, snapshots feed the progress line
