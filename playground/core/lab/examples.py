"""The lab scripts that ship with the app (``resources/lab/*.lab``), one per course topic.

A script's first line is a comment with its title; the file name (without the
number and extension) is the name ``playground lab NAME`` accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from playground.core.resources import resource_path

_NUMBERED = re.compile(r"^\d+-")


@dataclass(frozen=True)
class LabExample:
    name: str
    title: str
    path: Path

    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")


def list_examples() -> list[LabExample]:
    """Every shipped lab script, in course order."""
    folder = resource_path("lab")
    examples = []
    for path in sorted(folder.glob("*.lab")):
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        title = first[0].lstrip("#").strip() if first and first[0].startswith("#") else path.stem
        examples.append(LabExample(_NUMBERED.sub("", path.stem), title, path))
    return examples


def find_example(name: str) -> LabExample | None:
    """The shipped script called ``name`` (``chain-rule`` or ``04-chain-rule``), if any."""
    wanted = name.strip().lower().removesuffix(".lab")
    for example in list_examples():
        if wanted in (example.name, example.path.stem):
            return example
    return None
