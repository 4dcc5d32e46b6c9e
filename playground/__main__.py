"""Entry point: ``playground`` with a subcommand runs the command line, otherwise the app.

``playground`` alone (or with app options such as ``--preset spiral``) opens
the window; ``playground train …``, ``playground check …`` and the other
subcommands run headless (see :mod:`playground.cli.main`). This module sits
above both front ends, so neither imports the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from playground.cli import main as cli
from playground.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, debug_details, say


def main(argv: list[str] | None = None) -> int:
    """Run the command line or the app for ``argv`` (without the program name)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.wants_cli(args):
        return cli.run(args)
    return start_app(args)


def start_app(args: Sequence[str]) -> int:
    """Open the desktop app with its options (``--preset NAME``, an experiment file)."""
    from playground.gui.shell.collector import pause_during_start, resume_after_start

    pause_during_start()  # the window resumes it once it serves events
    try:
        from playground.gui.shell.app import main as app_main
    except ImportError as exc:
        resume_after_start()
        say(
            f"the app window cannot start because a part is missing ({exc.name or exc}); "
            "reinstall Torch Playground. The commands (playground --help) still work."
        )
        return EXIT_FAILED
    try:
        return int(app_main(list(args)))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        debug_details()
        say(
            f"the app stopped because of an unexpected problem ({type(exc).__name__}). "
            "Please report this with what you were doing."
        )
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
