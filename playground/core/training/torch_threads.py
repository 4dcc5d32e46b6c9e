"""torch's intra-op thread count, shared by runs that overlap in time.

``torch.set_num_threads`` is one setting for the whole process, while the
engine picks a count per run (one thread for small networks). Runs overlap:
a run that was let go may still be ending while the next one starts. If each
run saved the setting and put it back afterwards, the one ending last would
restore the other's choice and leave the process on one thread for good.
Here the first run to begin remembers the process's own setting, and it is
restored only when the last overlapping run has ended.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import torch
from torch import nn

# Measured with benchmarks/engine_vs_loop.py ("engine on 1 thread ÷ on 2", 2-core CPU, 5
# alternating pairs), per layer kind: dense stacks 1.01–1.24× faster on one thread on a quiet
# machine and 8.8–24× under load; the digits-cnn preset's convolutions alike, 0.99× [0.86–1.14]
# quiet and 8.2× [5.4–28] under load. Thread hand-off costs far more than these small products
# save, so the rule holds for convolutions too. Larger models keep torch's own choice. The
# process's setting returns when the last run ends.
SINGLE_THREAD_PARAMETERS = 100_000

_lock = threading.Lock()
_active = 0
_original = 0


def process_threads() -> int:
    """The process's own thread count, not the one a running engine chose for itself."""
    with _lock:
        return _original if _active else torch.get_num_threads()


def threads_for(model: nn.Module) -> int:
    """The intra-op threads a run of ``model`` should use: one for small models."""
    count = sum(p.numel() for p in model.parameters())
    return 1 if count <= SINGLE_THREAD_PARAMETERS else process_threads()


def claim(threads: int) -> None:
    """A run begins and wants ``threads`` intra-op threads; pair with :func:`release`."""
    global _active, _original
    with _lock:
        if _active == 0:
            _original = torch.get_num_threads()
        _active += 1
        torch.set_num_threads(threads)


def release() -> None:
    """A run has ended; the last one to end restores the process's own setting."""
    global _active
    with _lock:
        if _active == 0:  # nothing was claimed: leave the setting alone
            return
        _active -= 1
        if _active == 0:
            torch.set_num_threads(_original)


@contextmanager
def claimed(threads: int) -> Iterator[None]:
    """:func:`claim` ``threads`` for the ``with`` block, released however it ends."""
    claim(threads)
    try:
        yield
    finally:
        release()
