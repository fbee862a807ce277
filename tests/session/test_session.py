"""The Session over the simulator: instant picture from the cache, edits, saves, banners."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from jobtui.domain.events import (
    CredentialPaused,
    CycleFinished,
    EndpointDown,
    EndpointUp,
    PollerEvent,
    SaveFailed,
    Warned,
    WatchlistChanged,
)
from jobtui.polling.connections import Connections
from jobtui.session.session import Session
from jobtui.session.status_line import Problem, banner_line
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from jobtui.store.paths import Paths
from jobtui.store.watchlist import StateCache, Watchlist
from tests.polling.helpers import VirtualTime, entries, finishing, job, simulator

SCENARIO = Scenario((job(1), finishing(2, at=0), job(3)))
KEYS = [e.key for e in entries(SCENARIO)]


class Harness:
    """A session on fresh files, its simulator, virtual time, and the events it sent."""

    def __init__(self, tmp: Path, sim: Simulator) -> None:
        self.sim, self.time = sim, VirtualTime(sim)
        self.paths = Paths(tmp / "jobtui", env={})
        settings = Settings(endpoint=sim.url)
        conns = Connections(settings, env={}, home=tmp)
        self.session = Session.from_paths(
            self.paths, settings, conns, clock=self.time.clock, sleep=self.time.sleep,
            wall=self.time.wall,
        )  # fmt: skip
        self.events: list[PollerEvent] = []
        self.session.subscribe(self.events.append)

    async def poll(self, seconds: float = 1) -> None:
        await self.time.run_for(self.session.poller, seconds)

    async def start_and_cycle(self) -> None:
        """Watch the scenario's jobs, start the session and wait for its first cycle."""
        self.session.add(entries(SCENARIO))
        cycled = asyncio.Event()
        self.session.subscribe(lambda e: cycled.set() if isinstance(e, CycleFinished) else None)
        await self.session.start()
        await asyncio.wait_for(cycled.wait(), timeout=10)

    def watchlist(self) -> Watchlist:
        """The watchlist as another jobtui process sees it."""
        return Watchlist(self.paths.watchlist_file, self.paths.lock_file)


@asynccontextmanager
async def harness(tmp: Path, **sim: Any) -> AsyncIterator[Harness]:
    with simulator(SCENARIO, **sim) as server:
        rig = Harness(tmp, server)
        try:
            yield rig
        finally:
            await rig.session.stop()


async def test_the_last_known_picture_shows_before_any_request(tmp_path: Path) -> None:
    async with harness(tmp_path) as first:
        first.session.add(entries(SCENARIO))
        await first.session.poller.refresh_once(KEYS)
    async with harness(tmp_path) as again:
        jobs = again.session.jobs()
        shown = [j.state.record.status_text if j.state.record else None for j in jobs]
        assert shown == ["RUNNING", "SUCCESS", "RUNNING"]
        assert all(j.state.stale for j in jobs) and again.sim.count() == 0
        # After a restart the finished job is not asked again; the others are.
        await again.poll()
        assert again.sim.count(f"{2:032x}") == 0 and again.sim.count() == 2


async def test_an_entry_added_by_another_process_is_picked_up(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        assert rig.session.jobs() == []
        rig.watchlist().add(entries(SCENARIO))
        assert rig.session.notice_edits()
        assert any(isinstance(e, WatchlistChanged) for e in rig.events)
        await rig.poll()
        assert rig.sim.count() == 3 and len(rig.session.jobs()) == 3


async def test_add_remove_and_prune_go_through_the_store(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        assert len(rig.session.add(entries(SCENARIO))) == 3
        await rig.poll()
        assert rig.session.prune() == 1  # the SUCCESS job
        assert rig.session.remove([KEYS[0]]) == 1
        await rig.session.flush()
        assert [e.key for e in rig.watchlist().load()] == [KEYS[2]]
        assert [j.entry.key for j in rig.session.jobs()] == [KEYS[2]]


async def test_the_cache_is_saved_and_a_refusal_is_reported(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        rig.session.add(entries(SCENARIO))
        await rig.poll()
        await rig.session.save_cache()
        assert StateCache(rig.paths.state_file).load()[KEYS[1]].terminal
        # A cache whose folder is a file: saving fails, monitoring goes on.
        rig.session._cache = StateCache(rig.paths.watchlist_file / "state.json")
        await rig.session.save_cache()
        failures = [e for e in rig.events if isinstance(e, SaveFailed)]
        assert [e.what for e in failures] == ["state cache"]
        assert rig.session.notice == failures[0].message


async def test_start_polls_at_once_and_stop_saves(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        await rig.start_and_cycle()
        await rig.session.stop()
        assert len(json.loads(rig.paths.state_file.read_text())["states"]) == 3


async def test_the_banner_says_when_the_endpoint_is_down(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        rig.session.add(entries(SCENARIO))
        rig.sim.set_fault("reset")
        await rig.poll(2)
        (down,) = [e for e in rig.events if isinstance(e, EndpointDown)]
        assert down.endpoint == rig.sim.url
        # What the screen's banner says of it (`MainView` makes the same Problem).
        problem = Problem(down.error, down.retry_at, since=down.since)
        line = str(banner_line(problem, rig.time.wall()))
        assert line.startswith("Offline since")
        # The next probe is 2.5 to 5 s after the first (jittered); 2 s have passed.
        assert re.search(r"retrying in [0-3] s — The connection to 127.0.0.1", line)
        rig.sim.clear_faults()
        await rig.poll(5)
        gates = [e for e in rig.events if isinstance(e, (EndpointDown, EndpointUp))]
        assert isinstance(gates[-1], EndpointUp)  # and the banner goes


async def test_the_banner_says_when_credentials_are_refused(tmp_path: Path) -> None:
    async with harness(tmp_path, ak="AK", sk="SK") as rig:
        rig.session.add(entries(SCENARIO))
        await rig.poll()
        (paused,) = [e for e in rig.events if isinstance(e, CredentialPaused)]
        problem = Problem(paused.error, paused.probe_at, credential=paused.credential)
        line = str(banner_line(problem, rig.time.wall()))
        assert re.match(r"Credentials .+ refused, retrying in 1[5-8]\d s — ", line), line
        assert rig.sim.count() == 1


async def test_preferences_keep_keys_the_ui_does_not_know(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        rig.session.save_prefs({"sort": {"column": "status", "reverse": False}, "future": 1})
        rig.session.save_prefs({"filter": "elb"})
        assert rig.session.prefs() == {
            "sort": {"column": "status", "reverse": False}, "future": 1, "filter": "elb",
        }  # fmt: skip


async def test_a_watchlist_broken_by_hand_keeps_the_last_good_jobs(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        rig.session.add(entries(SCENARIO))
        await rig.session.flush()
        rig.paths.watchlist_file.write_text("version = 1\n[[jobs]\nproject_id = ", "utf-8")
        assert not rig.session.notice_edits()
        assert len(rig.session.jobs()) == 3
        notice = rig.session.notice
        assert notice and "watchlist.toml:2" in notice and "last good list" in notice


async def test_a_listener_that_fails_does_not_stop_the_others(tmp_path: Path) -> None:
    async with harness(tmp_path) as rig:
        rig.session.subscribe(lambda event: 1 / 0)
        seen: list[PollerEvent] = []
        rig.session.subscribe(seen.append)
        rig.session.add(entries(SCENARIO))
        await rig.poll()
        assert any(isinstance(e, CycleFinished) for e in seen)


async def test_a_credentials_file_others_can_read_is_warned_about_once(tmp_path: Path) -> None:
    secret = tmp_path / ".huaweicloud" / "credentials"
    secret.parent.mkdir()
    secret.write_text("[basic]\nak = EXAMPLEAK\nsk = EXAMPLESECRETSK\n", encoding="utf-8")
    secret.chmod(0o644)
    async with harness(tmp_path) as rig:
        await rig.start_and_cycle()
    warned = [e.message for e in rig.events if isinstance(e, Warned)]
    assert warned == [f"{secret} is readable by other users; run: chmod 600 {secret}"]
