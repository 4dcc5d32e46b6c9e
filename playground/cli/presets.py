"""``playground presets``: list the shipped example experiments."""

from __future__ import annotations

import argparse

from playground.cli.common import EXIT_OK
from playground.core.messages.texts import text
from playground.core.spec.presets import list_presets


def _presets_command(namespace: argparse.Namespace) -> int:
    presets = list_presets()
    width = max((len(p.name) for p in presets), default=0)
    for preset in presets:
        print(f"{preset.name:<{width}}  {text(preset.description)}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``presets`` to the command line."""
    presets = subparsers.add_parser(
        "presets",
        help=text("list the example experiments"),
        description=text("List the shipped presets."),
    )
    presets.set_defaults(handler=_presets_command)
