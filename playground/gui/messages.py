"""Turning the core's problem phrases into sentences a user reads in the window.

The core writes problems as phrases that name the place ("layer 3 (Conv2d):
kernel 5 is larger than its 4×4 input") so they can be joined in lists; the
window shows them as sentences: capital letter, final full stop.
"""

from __future__ import annotations


def as_sentence(text: str) -> str:
    """``text`` with a capital first letter and a final full stop (or ? or !)."""
    text = " ".join(text.strip().split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if text[-1] not in ".?!":
        text += "."
    return text


def join_problems(problems: list[str], limit: int = 3) -> str:
    """Several problems as sentences, the first ``limit`` of them, then how many more."""
    shown = [as_sentence(p) for p in problems[:limit]]
    extra = len(problems) - len(shown)
    if extra > 0:
        shown.append(f"({extra} more {'problem' if extra == 1 else 'problems'}.)")
    return " ".join(shown)
