"""Entry point: ``playground`` with a subcommand runs the command line, otherwise the app.

``playground`` alone (or with app options such as ``--preset spiral``) opens
the window; ``playground train …``, ``playground check …`` and the other
subcommands run headless (see :mod:`playground.cli`).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line or the app for ``argv`` (without the program name)."""
    args = list(sys.argv[1:] if argv is None else argv)
    from playground import cli

    if cli.wants_cli(args):
        return cli.run(args)
    return cli.start_app(args)


if __name__ == "__main__":
    sys.exit(main())
