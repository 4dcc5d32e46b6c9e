"""The base of the core's errors that carry :class:`~playground.core.problems.Problem` objects.

A check that finds problems raises one of these with the problems as data;
front ends read ``problems`` and word them themselves, while ``str(error)``
gives the English sentences so logs and plain ``print`` keep working.
"""

from __future__ import annotations

from collections.abc import Iterable

from playground.core.messages import describe, describe_problems, sentence
from playground.core.problems import Problem


def as_problems(problems: Problem | str | Iterable[Problem | str]) -> list[Problem]:
    """Problems from one problem, one already-worded text, or a sequence of either."""
    if isinstance(problems, Problem | str):
        problems = [problems]
    return [p if isinstance(p, Problem) else Problem.note(p) for p in problems]


class ProblemError(ValueError):
    """Something cannot be done; ``problems`` says every reason as data."""

    def __init__(self, problems: Problem | str | Iterable[Problem | str]) -> None:
        self.problems: list[Problem] = as_problems(problems)
        super().__init__(*self.problems)

    def __str__(self) -> str:
        return "\n".join(describe(problem) for problem in self.problems)


def describe_error(error: BaseException) -> str:
    """A user error as sentences: its problems in the catalogue's words, else its message."""
    if isinstance(error, ProblemError):
        return describe_problems(error.problems)
    return sentence(str(error))
