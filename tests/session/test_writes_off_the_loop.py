"""Edits and saves from the UI go to one disk thread, in order; the UI never waits on disk."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from jobtui.domain.events import SaveFailed, SaveRecovered, WatchlistChanged
from jobtui.store.watchlist import Watchlist
from tests.polling.helpers import entries
from tests.session.test_session import KEYS, SCENARIO, harness


async def test_an_edit_shows_at_once_and_is_written_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writers: list[str] = []
    real_add = Watchlist.add

    def add(self: Watchlist, wanted: object) -> object:
        writers.append(threading.current_thread().name)
        return real_add(self, wanted)  # type: ignore[arg-type]

    monkeypatch.setattr(Watchlist, "add", add)
    async with harness(tmp_path) as rig:
        added = rig.session.add(entries(SCENARIO))
        # The table can show the new jobs before the disk has them.
        assert [e.key for e in added] == KEYS
        assert [j.entry.key for j in rig.session.jobs()] == KEYS
        assert any(isinstance(e, WatchlistChanged) for e in rig.events)
        await rig.session.flush()
        assert [e.key for e in rig.watchlist().load()] == KEYS
        assert writers and all(name.startswith("jobtui-disk") for name in writers)


async def test_an_add_then_a_remove_of_the_same_job_land_in_that_order(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        for _ in range(3):
            rig.session.add(entries(SCENARIO)[:1])
            rig.session.remove(KEYS[:1])
        rig.session.add(entries(SCENARIO)[1:])
        assert [j.entry.key for j in rig.session.jobs()] == KEYS[1:]
        await rig.session.flush()
        assert [e.key for e in rig.watchlist().load()] == KEYS[1:]
        assert [j.entry.key for j in rig.session.jobs()] == KEYS[1:]


async def test_a_refused_watchlist_write_is_an_event_and_the_disk_list_comes_back(
    tmp_path: Path,
) -> None:
    async with harness(tmp_path) as rig:
        rig.session.add(entries(SCENARIO)[:1])
        await rig.session.flush()
        # A newer jobtui's watchlist: this one must not rewrite it.
        text = rig.paths.watchlist_file.read_text("utf-8")
        rig.paths.watchlist_file.write_text(text.replace("version = 1", "version = 99"), "utf-8")
        rig.session.add(entries(SCENARIO)[1:])
        await rig.session.flush()
        failed = [e for e in rig.events if isinstance(e, SaveFailed)]
        assert [e.what for e in failed] == ["watchlist"]
        assert "version" in failed[0].message
        assert rig.session.notice == failed[0].message
        # What the table shows is what was kept, not what was asked for.
        assert [j.entry.key for j in rig.session.jobs()] == KEYS[:1]


async def test_preferences_are_remembered_at_once_and_written_in_the_background(
    tmp_path: Path,
) -> None:
    async with harness(tmp_path) as rig:
        rig.session.save_prefs({"filter": "elb"})
        assert rig.session.prefs() == {"filter": "elb"}
        await rig.session.flush()
        assert '"filter": "elb"' in rig.paths.prefs_file.read_text("utf-8")
        # A prefs path that is a folder: the failure is said, the choice still holds.
        rig.paths.prefs_file.unlink()
        rig.paths.prefs_file.mkdir()
        rig.session.save_prefs({"active_only": True})
        await rig.session.flush()
        assert [e.what for e in rig.events if isinstance(e, SaveFailed)] == ["preferences"]
        assert rig.session.prefs() == {"filter": "elb", "active_only": True}


async def test_a_save_that_works_again_is_announced_once(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        rig.paths.prefs_file.parent.mkdir(parents=True, exist_ok=True)
        rig.paths.prefs_file.mkdir()
        rig.session.save_prefs({"filter": "elb"})
        await rig.session.flush()
        assert rig.session.notice
        rig.paths.prefs_file.rmdir()
        rig.session.save_prefs({"filter": "elb"})
        rig.session.save_prefs({"filter": "x"})
        await rig.session.flush()
        said = [type(e).__name__ for e in rig.events if isinstance(e, (SaveFailed, SaveRecovered))]
        assert said == ["SaveFailed", "SaveRecovered"]
        assert rig.session.notice is None
