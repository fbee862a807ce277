"""A full disk or a read-only config folder: monitoring goes on, nothing on disk is cut.

Tests run as root, so a refusing disk is played by `os.replace` failing with ENOSPC
or EROFS (what a full or read-only file system says when the new file goes in); a
folder whose name is taken by a file is in tests/session and tests/store.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jobtui.domain.events import SaveFailed
from jobtui.store.watchlist import StateCache
from tests.faults.rig import KEYS, SCENARIO, Resolver, session_on
from tests.polling.helpers import simulator


def _refuse(code: int) -> object:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


@pytest.mark.parametrize(("code", "reason"), [(errno.ENOSPC, "disk full"),
                                              (errno.EROFS, "read-only file system")])  # fmt: skip
async def test_a_refused_cache_save_keeps_the_old_file_and_polling_goes_on(
    tmp_path: Path, resolver: Resolver, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    with simulator(SCENARIO) as sim:
        async with session_on(tmp_path, sim) as rig:
            await rig.poll(1)
            await rig.session.save_cache()
            state_file = rig.paths.state_file
            saved = state_file.read_bytes()

            monkeypatch.setattr(os, "replace", _refuse(code))
            await rig.poll(60)
            await rig.session.save_cache()
            assert sim.count() >= 6 * len(KEYS)  # every interval, as if nothing happened
            (_, failed), *_ = rig.of(SaveFailed)
            assert failed.what == "state cache" and reason in failed.message
            assert str(state_file) in failed.message and "unchanged" in failed.message
            assert state_file.read_bytes() == saved
            assert not list(state_file.parent.glob("*.tmp"))

            monkeypatch.undo()  # space again: the next save goes through
            await rig.poll(10)
            await rig.session.save_cache()
            assert state_file.read_bytes() != saved
            assert set(StateCache(state_file).load()) == set(KEYS)
