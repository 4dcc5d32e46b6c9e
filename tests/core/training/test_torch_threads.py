"""Overlapping runs share torch's one thread setting; the last to end restores the process's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import torch

from playground.core.training import torch_threads


@pytest.fixture
def two_threads() -> Iterator[int]:
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield 2
    torch.set_num_threads(before)


def test_overlapping_runs_restore_the_process_setting_whatever_order_they_end(
    two_threads: int,
) -> None:
    torch_threads.claim(1)  # a small network's run
    assert torch.get_num_threads() == 1
    assert torch_threads.process_threads() == two_threads  # what a new large run should use
    torch_threads.claim(1)  # the next run starts before the first has ended
    torch_threads.release()  # the first ends: the second still runs on one thread
    assert torch.get_num_threads() == 1
    torch_threads.release()
    assert torch.get_num_threads() == two_threads
    assert torch_threads.process_threads() == two_threads


def test_an_extra_release_does_not_change_the_setting(two_threads: int) -> None:
    torch_threads.claim(1)
    torch_threads.release()
    torch.set_num_threads(3)  # changed by someone else after the runs
    torch_threads.release()  # one release too many
    assert torch.get_num_threads() == 3
    torch.set_num_threads(two_threads)
