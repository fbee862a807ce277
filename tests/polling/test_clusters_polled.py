"""A cluster is polled like a job while its operation runs, then rests; `r` wakes it."""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.state import CLUSTER, WatchEntry
from jobtui.polling.fetcher import CLUSTER_REST
from jobtui.sim.clusters import ClusterStep, ClusterTimeline
from jobtui.sim.scenario import Scenario
from tests.polling.helpers import EPOCH, job, rigged

CID = "c0ffee00-0000-4000-8000-000000000001"
RESIZE = ClusterTimeline(
    f"{0:032x}", CID, "dws-one",
    (ClusterStep(0, task="GROWING", progress=0), ClusterStep(100, progress=100),
     ClusterStep(110, task="", sub_status="REDISTRIBUTING"), ClusterStep(150, sub_status="NORMAL")),
)  # fmt: skip


async def test_a_settled_cluster_is_asked_every_5_minutes_and_at_once_after_r(
    tmp_path: Path,
) -> None:
    scenario = Scenario((job(1),), clusters=(RESIZE,))
    async with rigged(scenario, tmp_path) as rig:
        cluster = WatchEntry(RESIZE.project_id, CID, EPOCH, kind=CLUSTER)
        rig.poller.set_entries([WatchEntry(f"{0:032x}", f"{1:032x}", EPOCH), cluster])
        await rig.time.run_for(rig.poller, 200)
        during = await rig.served(CID)
        state = rig.poller.states[cluster.key]
        assert state.cluster is not None and state.cluster.status_text == "AVAILABLE/NORMAL"
        assert [t.status for t in state.transitions] == [
            "GROWING", "AVAILABLE/REDISTRIBUTING", "AVAILABLE/NORMAL",
        ]  # fmt: skip
        assert 15 <= during <= 17  # every 10 s until it settled at ~150 s
        await rig.time.run_for(rig.poller, CLUSTER_REST * 2)
        assert await rig.served(CID) - during == 2  # resting: twice in 10 minutes
        assert await rig.served(f"{1:032x}") >= 79  # the job beside it kept its pace
        before = await rig.served(CID)
        rig.poller.refresh()
        await rig.time.run_for(rig.poller, 1)
        assert await rig.served(CID) == before + 1
