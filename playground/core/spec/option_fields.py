"""One setting of an option family, described once: type, range, default, title and help.

The optimizer, schedule and training tables (:mod:`playground.core.spec.options`)
are built from :class:`FieldOption` rows. The spec's pydantic fields are made
from them (:meth:`FieldOption.field`), so the ranges a file is checked against,
the ranges a spin box offers and the defaults a new experiment gets are the
same numbers, written in one place.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

FieldType = Literal["float", "int", "bool"]
Number = float | int | bool


@dataclass(frozen=True)
class FieldOption:
    """A numeric or on/off setting.

    ``minimum``/``maximum`` are the spec's bounds (``None``: unbounded);
    ``low_open``/``high_open`` say whether the bound itself is excluded
    (``lr > 0``, ``momentum < 1``). ``optional`` settings may be empty
    (``None``), which a widget shows with ``empty_text``. ``step`` and
    ``log_scale`` are hints for editors: a learning rate is stepped by
    factors, a momentum by a fixed amount.
    """

    name: str
    title: str
    help: str
    type: FieldType
    default: Number | None
    minimum: float | None = None
    maximum: float | None = None
    low_open: bool = False
    high_open: bool = False
    step: float = 1.0
    log_scale: bool = False
    optional: bool = False
    empty_text: str = ""

    def field(self) -> Any:
        """The pydantic ``Field`` with this setting's default, bounds and description."""
        cast = int if self.type == "int" else float
        low = None if self.minimum is None else cast(self.minimum)
        high = None if self.maximum is None else cast(self.maximum)
        return Field(
            self.default,
            description=self.help,
            gt=low if self.low_open else None,
            ge=None if self.low_open else low,
            lt=high if self.high_open else None,
            le=None if self.high_open else high,
        )

    def allows(self, value: float) -> bool:
        """Whether ``value`` lies within the bounds (for settings checked by hand, e.g. betas)."""
        if not math.isfinite(value):
            return False
        if self.minimum is not None and (
            value < self.minimum or (self.low_open and value == self.minimum)
        ):
            return False
        return not (
            self.maximum is not None
            and (value > self.maximum or (self.high_open and value == self.maximum))
        )

    def editor_range(self) -> tuple[float, float]:
        """The closed range an editor may offer: every value the spec allows, and no other.

        An open bound becomes the nearest float inside it (``momentum < 1`` gives
        0.9999999999999999); a missing bound becomes the largest float.
        """
        low = -sys.float_info.max if self.minimum is None else float(self.minimum)
        high = sys.float_info.max if self.maximum is None else float(self.maximum)
        if self.low_open:
            low = sys.float_info.min if low == 0.0 else math.nextafter(low, math.inf)
        if self.high_open:
            high = math.nextafter(high, -math.inf)
        return low, high

    def range_text(self) -> str:
        """The range in words for help texts: ``above 0, at most 100``."""
        parts = []
        if self.minimum is not None:
            parts.append(f"{'above' if self.low_open else 'at least'} {self.minimum:g}")
        if self.maximum is not None:
            parts.append(f"{'below' if self.high_open else 'at most'} {self.maximum:g}")
        return ", ".join(parts)
