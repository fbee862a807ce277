"""The app on a real Session, polling the simulator over loopback HTTP, in stepped time.

Time moves only when the test says so: the poller's sleeps wait for `advance()`,
and the simulator's clock moves with them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.session.session import Session
from jobtui.sim.clock import ManualClock
from jobtui.sim.demo_scenario import demo_scenario, hostile_scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from jobtui.store.paths import Paths
from jobtui.store.watchlist import Watchlist
from tests.ui.conftest import Harness

EPOCH = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
ELB_JOB = "2c9080e88459fa44018459fbeb600001"


class SteppedTime:
    """A clock whose sleeps end only when the test advances it."""

    def __init__(self, sim: Simulator) -> None:
        self.now, self.sim = 0.0, sim
        self.sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def clock(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return EPOCH + timedelta(seconds=self.now)

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        self.sleepers.append((self.now + max(0.0, seconds), future))
        await future

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.sim.advance(seconds)
        for deadline, future in list(self.sleepers):
            if deadline <= self.now and not future.done():
                future.set_result(None)
        self.sleepers = [(d, f) for d, f in self.sleepers if not f.done()]


@pytest.fixture
def hostile_sim() -> Iterator[Simulator]:
    with Simulator(hostile_scenario(), clock=ManualClock(), wall=lambda: EPOCH) as sim:
        yield sim


@pytest.fixture
def demo_sim() -> Iterator[Simulator]:
    with Simulator(demo_scenario(), clock=ManualClock(), wall=lambda: EPOCH) as sim:
        yield sim


@asynccontextmanager
async def on_simulator(
    tmp: Path,
    sim: Simulator,
    entries: Optional[list[WatchEntry]] = None,
    settings: Optional[Settings] = None,
    size: tuple[int, int] = (120, 30),
) -> AsyncIterator[tuple[Harness, SteppedTime]]:
    """The app on a Session watching `entries` (default: every job of the scenario)."""
    from jobtui.ui.app import build_app

    paths = Paths(tmp / "jobtui", env={})
    if entries is None:
        entries = [
            WatchEntry(j.project_id, j.job_id, EPOCH, region=j.region) for j in sim.scenario.jobs
        ]
    Watchlist(paths.watchlist_file, paths.lock_file).add(entries)
    settings = replace(settings or Settings(), endpoint=sim.url)
    time = SteppedTime(sim)
    session = Session.from_paths(
        paths, settings, Connections(settings, env={}, home=tmp),
        clock=time.clock, sleep=time.sleep, wall=time.wall,
    )  # fmt: skip
    app = build_app(session, settings, clock=time.wall, zone=timezone.utc)
    async with app.run_test(size=size, notifications=True) as pilot:
        harness = Harness(app, pilot, session)  # type: ignore[arg-type]
        _record_toasts(harness)
        yield harness, time


def _record_toasts(harness: Harness) -> None:
    real = harness.app.notify

    def notify(message: str, **kwargs: Any) -> None:
        assert kwargs.get("markup") is False
        harness.toasts.append(message)
        real(message, **kwargs)

    harness.app.notify = notify  # type: ignore[method-assign]


async def until(harness: Harness, condition: Callable[[], bool]) -> None:
    """Let the app and the poller run until `condition` holds (real HTTP takes a moment)."""
    for _ in range(200):
        if condition():
            return
        await harness.pilot.pause(0.02)
    raise AssertionError("the screen never got there")


def _statuses(harness: Harness) -> set[str]:
    return {j.state.record.status_text for j in harness.main.view.jobs.values() if j.state.record}


async def test_demo_jobs_appear_a_failure_toasts_and_its_detail_shows(
    tmp_path: Path, demo_sim: Simulator
) -> None:
    async with on_simulator(tmp_path, demo_sim) as (ui, time):
        await until(ui, lambda: "refreshed 09:00  adaptive" in ui.status_line())
        assert "RUNNING" in _statuses(ui)
        for _ in range(10):  # the ELB job fails 90 s in
            time.advance(10)
            await ui.pilot.pause(0.05)
        await until(ui, lambda: any("finished: FAIL" in t for t in ui.toasts))
        key = next(k for k in ui.main.view.jobs if k[1] == ELB_JOB)
        ui.main.table.select_key(key)
        await ui.press("enter")
        assert "ELB private IP is not configured" in ui.detail()
        request_id = ui.main.view.jobs[key].state.record.request_id
        assert request_id and request_id in ui.detail()
        assert "Next check   finished: never asked again" in ui.detail()


async def test_refused_credentials_show_a_banner_until_they_work_again(
    tmp_path: Path, demo_sim: Simulator
) -> None:
    demo_sim.set_fault(
        "error",
        status=401,
        error_code="APIGW.0301",
        error_msg="Incorrect IAM authentication information: verify aksk signature fail",
    )
    async with on_simulator(tmp_path, demo_sim) as (ui, time):
        banner = ui.main.query_one("#banner")
        await until(ui, lambda: banner.display)
        assert "refused" in str(banner.render())
        demo_sim.clear_faults()
        await ui.press("R")
        time.advance(300)
        await until(ui, lambda: not banner.display)
        await until(ui, lambda: "RUNNING" in _statuses(ui))


async def test_remove_goes_through_the_store(tmp_path: Path, demo_sim: Simulator) -> None:
    async with on_simulator(tmp_path, demo_sim) as (ui, _time):
        first = ui.main.table.selected_key
        await ui.press("d", "y")
        await until(ui, lambda: first not in ui.main.view.jobs)
        paths = Paths(tmp_path / "jobtui", env={})
        keys = [e.key for e in Watchlist(paths.watchlist_file, paths.lock_file).load()]
        assert first not in keys and len(keys) == len(demo_sim.scenario.jobs) - 1


async def test_the_hostile_scenario_is_shown_literally(
    tmp_path: Path, hostile_sim: Simulator
) -> None:
    async with on_simulator(tmp_path, hostile_sim) as (ui, _time):
        await until(ui, lambda: len(_statuses(ui)) == 3)
        details = {}
        for key in list(ui.main.view.jobs):
            ui.main.table.select_key(key)
            await ui.press("enter")
            details[key[1][-1]] = ui.detail()
        assert all("\x1b" not in d and "\x07" not in d for d in details.values())
        assert "[link=https://evil.example]click[/link]" in details["2"]
        assert "[red]Task" in details["2"] and "[bold]x[/] [/] ^[[31mred" in details["2"]
        assert "[blink]PAUSED^[[5m[/]" in details["3"]
        screen = ui.app.export_screenshot()
        assert "\x1b" not in screen and "\x07" not in screen
