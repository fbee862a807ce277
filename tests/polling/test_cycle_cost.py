"""What a steady poll costs the host: one cycle per interval, few connections."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

from jobtui.domain.events import CycleFinished
from jobtui.domain.model import JobRecord
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Route
from jobtui.sim.scenario import Scenario
from tests.polling.fakes import FakeJobs
from tests.polling.helpers import EPOCH, VirtualTime, job, rigged
from tests.polling.test_poller import make, watch


class SlowJobs(FakeJobs):
    """Answers land 30 ms apart on the virtual clock, as real answers do."""

    def __init__(self, time: VirtualTime) -> None:
        super().__init__()
        self.time = time

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        self.time.advance(0.03)
        return await super().get_job(project_id, job_id)


async def test_answers_landing_apart_still_share_one_cycle_per_interval() -> None:
    time = VirtualTime()
    jobs = SlowJobs(time)
    poller, events = make(jobs, time, refresh_interval=2, concurrency=1, rate_per_minute=100000)
    poller.set_entries(watch(10))
    await time.run_for(poller, 60)
    cycles = [e for e in events if isinstance(e, CycleFinished)]
    # Without grouping each job drifts into a cycle (a wake-up and a repaint) of its own.
    assert len(cycles) <= 31
    assert len(jobs.calls) >= 280  # and no job is asked less often than its interval


async def test_a_quiet_watchlist_is_polled_over_two_connections(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(10)))
    async with rigged(scenario, tmp_path, refresh_interval=2.0, concurrency=8) as rig:
        await rig.time.run_for(rig.poller, 20)
        assert await rig.served() == 100
        assert len({r.client_port for r in rig.sim.requests}) <= 2


async def test_a_big_refresh_still_uses_the_whole_concurrency(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(64)))
    async with rigged(scenario, tmp_path, concurrency=8) as rig:
        await rig.poller.refresh_once([(j.project_id, j.job_id) for j in scenario.jobs])
        await rig.served()
        assert len({r.client_port for r in rig.sim.requests}) == 8


class ThreeEndpoints(FakeJobs):
    """Each project behind an endpoint and a credential of its own."""

    def route(self, entry: WatchEntry) -> Route:
        n = entry.project_id[-1]
        return Route(f"https://dws{n}.example", f"AK {n}", None, timezone.utc)


async def test_first_probes_of_different_endpoints_go_out_together() -> None:
    # A hanging endpoint's probe must not hold back the others' for its timeout.
    jobs, time = ThreeEndpoints(), VirtualTime()
    poller, _ = make(jobs, time, concurrency=8)
    entries = [WatchEntry(f"{n:032x}", f"{n:032x}", EPOCH) for n in range(3)]
    poller.set_entries(entries)
    await poller.refresh_once([e.key for e in entries])
    assert len(jobs.calls) == 3 and jobs.most_in_flight == 3
