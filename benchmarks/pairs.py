"""Side-by-side measurement shared by every benchmark: alternating pairs, ratio of medians.

The machines these run on are shared and noisy, so a benchmark never reports one
timing: it runs the two sides in alternating order (A B, B A, A B, …) so that a
change in the machine's load hits both alike, and prints the ratio of their
medians with the min–max of the per-pair ratios, and the load average seen.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Ratio:
    """Throughput of side A divided by side B (> 1: A is faster)."""

    name: str
    median: float
    low: float
    high: float
    a_median: float
    b_median: float
    unit: str
    goal: float | None = None

    @classmethod
    def of(
        cls, name: str, a_values: list[float], b_values: list[float], unit: str, goal: float | None
    ) -> Ratio:
        """Ratio of the medians, with the min–max of the per-pair ratios."""
        ratios = [a / b for a, b in zip(a_values, b_values, strict=True) if b > 0]
        a_median = statistics.median(a_values)
        b_median = statistics.median(b_values)
        return cls(
            name=name,
            median=a_median / b_median if b_median > 0 else float("inf"),
            low=min(ratios, default=float("nan")),
            high=max(ratios, default=float("nan")),
            a_median=a_median,
            b_median=b_median,
            unit=unit,
            goal=goal,
        )

    @property
    def ok(self) -> bool | None:
        return None if self.goal is None else self.median >= self.goal

    def line(self) -> str:
        goal = (
            ""
            if self.goal is None
            else f"  goal ≥ {self.goal:g}: {'met' if self.ok else 'NOT met'}"
        )
        return (
            f"{self.name}: {self.median:.2f}× [{self.low:.2f}–{self.high:.2f}]"
            f"  ({self.a_median:,.1f} vs {self.b_median:,.1f} {self.unit}){goal}"
        )


def compare(
    name: str,
    side_a: Callable[[], float],
    side_b: Callable[[], float],
    *,
    pairs: int = 5,
    unit: str = "per s",
    goal: float | None = None,
) -> Ratio:
    """Run ``side_a`` and ``side_b`` (each returns a throughput, higher is better) in
    ``pairs`` alternating pairs and return the ratio of their medians."""
    a_values: list[float] = []
    b_values: list[float] = []
    for index in range(max(1, pairs)):
        if index % 2 == 0:
            a_values.append(side_a())
            b_values.append(side_b())
        else:
            b_values.append(side_b())
            a_values.append(side_a())
    return Ratio.of(name, a_values, b_values, unit, goal)


def load_average() -> str:
    """The 1/5/15-minute load average, for the report (``n/a`` where unknown)."""
    try:
        one, five, fifteen = os.getloadavg()
    except (AttributeError, OSError):
        return "n/a"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (on {os.cpu_count()} CPUs)"
