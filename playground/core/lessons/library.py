"""Finding and reading lessons: bounded reads, strict validation, problems as sentences.

Every lesson names presets and lab examples by name; :func:`load_lesson` checks
that each exists, so a broken lesson is refused when it is opened, not halfway
through a class.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from playground.core.lab.examples import find_example
from playground.core.lessons.model import Lesson
from playground.core.resources import resource_path
from playground.core.safe_read import (
    UnreadableFileError,
    excerpt,
    parse_json_text,
    read_regular_file,
)
from playground.core.spec.presets import preset_names

MAX_LESSON_BYTES = 512 * 1024


class LessonError(ValueError):
    """A lesson file that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class LessonEntry:
    """A shipped lesson as listed in Help ▸ Lessons."""

    path: Path
    lesson: Lesson


def load_lesson(path: str | Path) -> Lesson:
    """Read and validate one lesson file; raises :class:`LessonError` with a sentence."""
    file = Path(path)
    name = excerpt(file.name, 80)
    try:
        data = read_regular_file(file, MAX_LESSON_BYTES, "a lesson file")
        document = parse_json_text(data.decode("utf-8"), MAX_LESSON_BYTES)
        lesson = Lesson.model_validate(document)
    except UnreadableFileError as exc:
        raise LessonError(f"The lesson {exc}.") from None
    except UnicodeDecodeError:
        raise LessonError(f"The lesson '{name}' is not UTF-8 text.") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = " ▸ ".join(str(part) for part in first["loc"]) or "the file"
        raise LessonError(
            f"The lesson '{name}' cannot be used: {where}: {excerpt(first['msg'], 160)}."
        ) from None
    except (ValueError, RecursionError) as exc:
        raise LessonError(f"The lesson '{name}' is not valid JSON ({excerpt(exc, 80)}).") from None
    _check_references(lesson, name)
    return lesson


def _check_references(lesson: Lesson, name: str) -> None:
    presets = set(preset_names())
    for number, step in enumerate(lesson.steps, start=1):
        if step.preset is not None and step.preset not in presets:
            raise LessonError(
                f"The lesson '{name}', step {number}, opens the preset "
                f"'{excerpt(step.preset, 40)}', which this app does not have."
            )
        if step.lab is not None and find_example(step.lab) is None:
            raise LessonError(
                f"The lesson '{name}', step {number}, opens the lab example "
                f"'{excerpt(step.lab, 40)}', which this app does not have."
            )


def list_lessons(folder: Path | None = None) -> list[LessonEntry]:
    """Every shipped lesson, in course order (by file name)."""
    root = resource_path("lessons") if folder is None else folder
    return [LessonEntry(path, load_lesson(path)) for path in sorted(root.glob("*.json"))]
