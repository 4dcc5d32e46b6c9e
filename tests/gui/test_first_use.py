"""Parts made the first time they are needed: once, and only then."""

from __future__ import annotations

from playground.gui.first_use import FirstUse


def test_first_use_makes_the_object_once_when_first_asked() -> None:
    made: list[int] = []
    seen: list[int] = []

    def make() -> int:
        made.append(len(made))
        return 42

    first = FirstUse(make)
    first.when_built(seen.append)
    assert not first.built and made == [] and seen == []
    assert first.get() == 42 and first.get() == 42
    assert made == [0] and seen == [42] and first.built
    first.when_built(seen.append)  # already made: told at once
    assert seen == [42, 42]
