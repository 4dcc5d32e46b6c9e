"""The frozen app's entry script: the same ``main`` as the ``playground`` command.

PyInstaller needs a script file; both launchers (the windowed ``TorchPlayground``
and the console ``playground``) run this one.
"""

import multiprocessing
import sys

from playground.__main__ import main

if __name__ == "__main__":
    # A frozen program re-runs itself for child processes; this lets them start cleanly.
    multiprocessing.freeze_support()
    sys.exit(main())
