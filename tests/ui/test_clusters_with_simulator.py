"""Clusters in the monitor on a real Session, polling the simulator's demo clusters.

The demo's resize grows from 20% to 100% in 170 s, redistributes until 280 s, then
rests; its restart fails at 110 s. Time moves only when the test advances it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import SelectionList

from jobtui.domain.state import CLUSTER, WatchEntry, cluster_key
from jobtui.sim.clock import ManualClock
from jobtui.sim.demo_clusters import CREATE_ID, RESIZE_ID, RESTART_ID
from jobtui.sim.demo_scenario import demo_scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import DisplaySettings, Settings
from jobtui.store.paths import Paths
from jobtui.store.watchlist import Watchlist
from tests.ui.conftest import Harness
from tests.ui.test_with_simulator import EPOCH, SteppedTime, on_simulator, until


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(demo_scenario(), clock=ManualClock(), wall=lambda: EPOCH) as served:
        yield served


def watching(tmp: Path, sim: Simulator, *ids: str) -> Any:
    """The monitor on a session watching the demo clusters `ids`, bars not easing."""
    entries = [
        WatchEntry(c.project_id, c.cluster_id, EPOCH, region=c.region, kind=CLUSTER)
        for c in sim.scenario.clusters
        if c.cluster_id in ids
    ]
    settings = Settings(display=DisplaySettings(animations=False))
    return on_simulator(tmp, sim, entries, settings, size=(160, 30))


def _row(ui: Harness, cluster_id: str) -> str:
    table = ui.main.table
    line = table._rows.index(next(k for k in ui.main.view.jobs if k[1].endswith(cluster_id)))
    return str(table.render_line(line + 1).text)


async def _to(ui: Harness, time: SteppedTime, t: float) -> None:
    """Advance to scenario time `t` in poll-sized steps, letting each cycle land."""
    while time.now < t:
        time.advance(10)
        await ui.pilot.pause(0.05)


async def test_a_resize_from_start_to_finish(tmp_path: Path, sim: Simulator) -> None:
    async with watching(tmp_path, sim, RESIZE_ID) as (ui, time):
        await until(ui, lambda: "GROWING" in _row(ui, RESIZE_ID))
        assert _row(ui, RESIZE_ID).startswith("> GROWING   ██░░░░░░░░  20% ")
        assert "◆ dws-prod-dw  NORMAL " in _row(ui, RESIZE_ID)
        await _to(ui, time, 90)
        # The bar moves on (which sample is seen depends on when the schedule asks).
        await until(
            ui, lambda: "GROWING" in _row(ui, RESIZE_ID) and " 20% " not in _row(ui, RESIZE_ID)
        )
        # Asked about every 30 s while it runs (the adaptive schedule, no ETA yet).
        await _to(ui, time, 240)
        await until(ui, lambda: "REDISTR" in _row(ui, RESIZE_ID))
        assert "◆ dws-prod-dw  REDISTRIBUTING" in _row(ui, RESIZE_ID)
        await _to(ui, time, 340)
        await until(ui, lambda: _row(ui, RESIZE_ID).startswith("+ DONE "))
        await until(ui, lambda: any("operation done" in toast for toast in ui.toasts))
        await ui.press("enter")
        detail = ui.detail()
        assert "Nodes        6" in detail
        history = detail[detail.index("Task history") : detail.index("Name ")]
        assert [line.split("  ")[-1] for line in history.strip().splitlines()[1:]] == [
            "GROWING", "AVAILABLE/REDISTRIBUTING", "AVAILABLE/NORMAL",
        ]  # fmt: skip


async def test_a_failed_restart_shows_its_reason(tmp_path: Path, sim: Simulator) -> None:
    async with watching(tmp_path, sim, RESTART_ID) as (ui, time):
        await until(ui, lambda: _row(ui, RESTART_ID).startswith("> REBOOTING ░░░░░░░░░░   0%"))
        await _to(ui, time, 120)
        await until(ui, lambda: _row(ui, RESTART_ID).startswith("x FAILED "))
        assert _row(ui, RESTART_ID).rstrip().endswith("DWS.5136")
        await until(ui, lambda: any("operation failed: REBOOT_FAILURE" in t for t in ui.toasts))
        await ui.press("enter")
        assert "Error msg    Node dws-reports-dn-2 did not restart." in ui.detail()


async def test_f_discovers_the_projects_clusters_and_watches_the_busy_ones(
    tmp_path: Path, sim: Simulator
) -> None:
    async with watching(tmp_path, sim, RESIZE_ID) as (ui, time):
        await until(ui, lambda: "GROWING" in _row(ui, RESIZE_ID))
        await ui.press("f")
        time.advance(1)  # requests wait a moment after a key press (Session.note_input)
        await until(ui, lambda: bool(ui.app.screen.query("#clusters")))
        choices = ui.app.screen.query_one("#clusters", SelectionList)
        assert sorted(choices.selected) == sorted([CREATE_ID, RESTART_ID])  # busy, unwatched
        prompts = [choices.get_option_at_index(i).prompt.plain for i in range(4)]
        assert any(p.startswith("+ DONE  dws-archive") for p in prompts)
        await ui.press("w")
        paths = Paths(tmp_path / "jobtui", env={})
        project = next(iter(ui.main.view.jobs))[0]
        await until(ui, lambda: cluster_key(project, CREATE_ID) in ui.main.view.jobs)
        watchlist = Watchlist(paths.watchlist_file, paths.lock_file)
        await until(ui, lambda: len(watchlist.load()) == 3)  # written on the disk thread
        assert {e.job_id for e in watchlist.load()} == {RESIZE_ID, CREATE_ID, RESTART_ID}
        assert (
            all(e.is_cluster for e in watchlist.load()) and "Now watching 2 clusters." in ui.toasts
        )
