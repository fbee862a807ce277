"""A disk that fills, frees and fills again is announced twice: the real app and Session."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jobtui.sim.clock import ManualClock
from jobtui.sim.server import Simulator
from tests.faults.rig import KEYS, SCENARIO
from tests.faults.screen import advance_until, on_screen, rows, until


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


async def test_a_disk_full_again_after_space_came_back_is_said_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Simulator(SCENARIO, clock=ManualClock()) as sim:
        async with on_screen(tmp_path, sim) as (ui, time):
            await until(ui, lambda: len(rows(ui)) == len(KEYS))

            def said() -> int:
                return len([t for t in ui.toasts if "state cache" in t and "disk full" in t])

            # The session saves the cache at most every 10 s, after a cycle.
            with monkeypatch.context() as full:
                full.setattr(os, "replace", _disk_full)
                await advance_until(ui, time, lambda: said() == 1, 40)
            await advance_until(ui, time, lambda: not ui.main.router.save_problems, 40)
            monkeypatch.setattr(os, "replace", _disk_full)
            await advance_until(ui, time, lambda: said() == 2, 40)
