"""A cluster's resize, answer by answer as the poller hands it over, seen on screen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from jobtui.domain import events
from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.state import cluster_key
from jobtui.store.config import DisplaySettings, Settings
from tests.ui.conftest import running
from tests.ui.fakes import PROJECT, T0, FakeSession, cluster

CID = "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01"
BASE = {"status": "AVAILABLE", "sub_status": "NORMAL", "name": "dws-prod-dw"}
RESIZE = {"origin_node_num": "3", "target_node_num": "6"}
ANSWERS: list[dict[str, Any]] = [
    {**BASE, "task_status": "GROWING", "action_progress": {"GROWING": "20%"},
     "resize_info": {**RESIZE, "resize_status": "GROWING"}},
    {**BASE, "task_status": "GROWING", "action_progress": {"GROWING": "60%"},
     "resize_info": {**RESIZE, "resize_status": "GROWING"}},
    {**BASE, "sub_status": "REDISTRIBUTING", "number_of_node": "6",
     "resize_info": {**RESIZE, "resize_status": "REDISTRIBUTING"}},
    {**BASE, "number_of_node": "6"},
]  # fmt: skip


def _row(ui: Any) -> str:
    return str(ui.main.table.render_line(1).text)


async def test_a_resize_moves_from_growing_to_redistributing_to_done() -> None:
    watched = cluster(CID, BASE)
    session = FakeSession([watched])
    key = cluster_key(PROJECT, CID)
    seen: list[str] = []
    no_easing = Settings(display=DisplaySettings(animations=False))  # each bar where it lands
    async with running(session, no_easing, size=(120, 20)) as ui:
        await ui.press("enter")
        state = watched.state
        for i, body in enumerate(ANSWERS):
            record = ClusterRecord.from_api(PROJECT, CID, body)
            state = state.with_cluster(record, T0 - timedelta(minutes=len(ANSWERS) - 1 - i))
            ui.session.emit(events.JobUpdated(key, state, True))
            await ui.pilot.pause()
            seen.append(_row(ui)[:36].rstrip())
        assert seen == [
            "> GROWING   ██░░░░░░░░  20% 3m",  # the screen's clock stays at T0
            "> GROWING   ██████░░░░  60% 3m",
            "> REDISTRI… ··········   -- 1m",
            "+ DONE",  # nothing runs: no bar, no elapsed time (the ended column says when)
        ]
        detail = ui.detail()
        assert "Nodes        6" in detail
        history = detail[detail.index("Task history") : detail.index("Name ")]
        assert [line.split("  ")[-1] for line in history.strip().splitlines()[1:]] == [
            "AVAILABLE/NORMAL", "GROWING", "AVAILABLE/REDISTRIBUTING", "AVAILABLE/NORMAL",
        ]  # fmt: skip
