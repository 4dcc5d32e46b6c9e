"""The lesson file format, validated strictly: a shared lesson file is untrusted input."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

#: Languages a lesson's texts may carry; English is required, the rest fall back to it.
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")
MAX_STEPS = 40

#: A control a step hides or locks: a panel (``panel.data``), a setting (``training.lr``),
#: or a menu/toolbar command (``command.reset``).
ControlId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.-]{0,63}$")]
Metric = Literal["train_loss", "validation_loss", "train_accuracy", "validation_accuracy"]


class LessonModel(BaseModel):
    # Built when first used (a lesson is opened), not while the app starts.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


class LocalText(LessonModel):
    """One text in each language; ``en`` is always there."""

    en: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    zh_CN: Annotated[str, StringConstraints(max_length=20_000)] = ""

    def text(self, language: str) -> str:
        """The text in ``language`` (``zh_CN``, ``zh``, ``en``…), English where it has none."""
        if language.startswith("zh") and self.zh_CN:
            return self.zh_CN
        return self.en


class Goal(LessonModel):
    """What the class should reach, checked live: a metric below or above a bound, and
    optionally at most so many hidden units (the outputs of every Linear but the last)."""

    metric: Metric
    below: float | None = None
    above: float | None = None
    max_hidden_units: int | None = Field(None, ge=0, le=100_000)

    @model_validator(mode="after")
    def _one_bound(self) -> Goal:
        if (self.below is None) == (self.above is None):
            raise ValueError("a goal needs exactly one of 'below' and 'above'")
        return self


class LessonStep(LessonModel):
    """One screen of a lesson: its text and what the app shows for it."""

    text: LocalText
    preset: str | None = Field(None, max_length=80, description="A shipped preset to open.")
    lab: str | None = Field(None, max_length=80, description="A shipped lab example to open.")
    tool: Literal["lab", "landscape"] | None = None
    weights: (
        dict[Annotated[str, StringConstraints(max_length=80)], list[float] | list[list[float]]]
        | None
    ) = Field(
        None,
        max_length=20,
        description="Starting values of a small model's parameters, by torch name.",
    )
    device_timing: bool = Field(False, description="Offer to time one step on every device.")
    hide: list[ControlId] = Field(default_factory=list, max_length=50)
    lock: list[ControlId] = Field(default_factory=list, max_length=50)
    goal: Goal | None = None


class Lesson(LessonModel):
    """A lesson: a title, a one-line summary, the course unit it belongs to, its steps."""

    format: Literal[1] = 1
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
    unit: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    title: LocalText
    summary: LocalText
    steps: list[LessonStep] = Field(min_length=1, max_length=MAX_STEPS)
