"""``playground train --steps`` shares the app's step rule: counts no epoch limit can hold are refused."""

from __future__ import annotations

import pytest

from playground.cli import main as cli


def test_steps_beyond_the_epoch_limit_are_refused_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = cli.run(["train", "iris", "--steps", "10000000000000", "--device", "cpu", "-q"])
    assert code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "--steps 10000000000000" in err and "fewer steps" in err
    assert "Traceback" not in err
