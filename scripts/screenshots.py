"""Regenerate screenshots/*.svg from the demo scenario at fixed times; same SVGs every run.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

The demo simulator runs on 127.0.0.1 with a manual clock; every job and watched cluster
is fetched through the real client every 10 simulated seconds, so the pictures show
real records, history and sparklines. The app's clock and zone are fixed (UTC), and no
toast is on screen.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Optional

from jobtui.api.client import DwsClient
from jobtui.domain.events import CycleFinished
from jobtui.domain.state import CLUSTER, JobKey, JobState, WatchedJob, WatchEntry
from jobtui.sim.clock import ManualClock
from jobtui.sim.demo_clusters import DEMO_CLUSTER_LABELS, RESIZE_ID
from jobtui.sim.demo_scenario import DEMO_LABELS, demo_scenario
from jobtui.sim.server import Simulator
from jobtui.ui.app import build_app

WALL = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
SHOT_AT = 150.0  # seconds into the demo: one failure, one stop, several running
STEP = 10.0
FAILED_JOB = "2c9080e88459fa44018459fbeb600001"


class ReplaySession:
    """A Session that serves recorded states; actions are accepted and ignored."""

    paused = False

    def __init__(self, jobs: list[WatchedJob], endpoint: str, cycle: CycleFinished) -> None:
        self._jobs, self.endpoint_label, self._cycle = jobs, endpoint, cycle
        self._callbacks: list[Callable[[Any], None]] = []

    def jobs(self) -> list[WatchedJob]:
        return list(self._jobs)

    def subscribe(self, callback: Callable[[Any], None]) -> None:
        self._callbacks.append(callback)

    async def start(self) -> None:
        for callback in self._callbacks:
            callback(self._cycle)

    async def stop(self) -> None:
        return None

    def prefs(self) -> dict[str, Any]:
        return {"sort": {"column": "status", "reverse": False}}

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None  # add, remove, refresh…: nothing to do here


async def record_demo() -> list[WatchedJob]:
    """Fetch every demo job and cluster every STEP seconds up to SHOT_AT, as the poller would."""
    scenario, clock = demo_scenario(), ManualClock(0.0)
    entries = [
        WatchEntry(j.project_id, j.job_id, WALL, region=j.region, label=DEMO_LABELS.get(j.job_id))
        for j in scenario.jobs
    ]
    # The clusters the demo watches (the idle one is left for discovery), beside the jobs.
    entries += [
        WatchEntry(c.project_id, c.cluster_id, WALL, region=c.region, kind=CLUSTER,
                   label=DEMO_CLUSTER_LABELS[c.cluster_id] or None)
        for c in scenario.clusters if c.cluster_id in DEMO_CLUSTER_LABELS
    ]  # fmt: skip
    states: dict[JobKey, JobState] = {e.key: JobState(e.key) for e in entries}
    with Simulator(scenario, clock=clock, wall=lambda: WALL) as sim:
        async with DwsClient(sim.url) as client:
            t = 0.0
            while t <= SHOT_AT:
                clock.set(t)
                at = WALL + timedelta(seconds=t)
                for entry in entries:
                    states[entry.key] = await fetch(client, entry, states[entry.key], t, at)
                t += STEP
    return [WatchedJob(entry, states[entry.key]) for entry in entries]


async def fetch(
    client: DwsClient, entry: WatchEntry, state: JobState, t: float, at: datetime
) -> JobState:
    """One answer about a job or cluster, folded into its state."""
    # The simulator's X-Request-Id is random: pin it so the SVGs repeat.
    request_id = f"demo-{entry.job_id[-4:]}-{int(t):03d}"
    if entry.is_cluster:
        cluster = await client.get_cluster(entry.project_id, entry.job_id)
        return state.with_cluster(replace(cluster, request_id=request_id), at)
    record = await client.get_job(entry.project_id, entry.job_id)
    return state.with_record(replace(record, request_id=request_id), at)


async def shoot(
    jobs: list[WatchedJob],
    path: Path,
    size: tuple[int, int],
    before: Optional[Callable[[Any], Awaitable[None]]] = None,
) -> None:
    now = WALL + timedelta(seconds=SHOT_AT)
    cycle = CycleFinished(now, len(jobs), now + timedelta(seconds=STEP))
    session = ReplaySession(jobs, "demo simulator", cycle)
    app = build_app(session, clock=lambda: now, zone=timezone.utc, title="jobtui demo")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if before is not None:
            await before(pilot)
        await pilot.pause()
        path.write_text(app.export_screenshot(title="jobtui demo"), encoding="utf-8")


async def open_failed(pilot: Any) -> None:
    await open_detail(pilot, FAILED_JOB)


async def open_detail(pilot: Any, item_id: str) -> None:
    main = pilot.app.main
    main.table.select_key(next(k for k in main.view.jobs if k[1].endswith(item_id)))
    await pilot.press("enter")


async def open_resize(pilot: Any) -> None:
    await open_detail(pilot, RESIZE_ID)


async def press(*keys: str) -> Callable[[Any], Awaitable[None]]:
    async def run(pilot: Any) -> None:
        await pilot.press(*keys)
        for field in pilot.app.screen.query("Input"):
            field.cursor_blink = False

    return run


async def main(out: Path) -> None:
    jobs = await record_demo()
    out.mkdir(parents=True, exist_ok=True)
    wide = (120, 32)
    await shoot(jobs, out / "main.svg", wide)
    await shoot(jobs, out / "detail-failed.svg", wide, open_failed)
    await shoot(jobs, out / "cluster-resize.svg", wide, open_resize)
    await shoot(jobs, out / "add-dialog.svg", wide, await press("a"))
    await shoot(jobs, out / "help.svg", wide, await press("question_mark"))
    await shoot(jobs, out / "narrow-80x24.svg", (80, 24))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "screenshots")
    asyncio.run(main(parser.parse_args().out))
