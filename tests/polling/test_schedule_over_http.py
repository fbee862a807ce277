"""The poller's schedule against the simulator, checked by counting the requests it got."""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.events import FetchFailed, FetchRecovered, StatusChanged
from jobtui.sim.scenario import Scenario
from tests.polling.helpers import finishing, job, rigged


async def test_finished_jobs_are_never_requested_again(tmp_path: Path) -> None:
    scenario = Scenario((finishing(1, at=90), finishing(2, at=5, status="FAIL"), job(3)))
    async with rigged(scenario, tmp_path, refresh_interval=60.0) as rig:
        await rig.time.run_for(rig.poller, 1200)
        done, failed, running = (f"{n:032x}" for n in (1, 2, 3))
        # Asked at 0 and 60 (running), then 120 (SUCCESS); never again.
        assert await rig.served(done) == 3
        assert await rig.served(failed) == 2
        assert await rig.served(running) == 20  # 0, 60, ... 1140
        finals = [e.new for e in rig.of(StatusChanged) if e.became_terminal]
        assert sorted(finals) == ["FAIL", "SUCCESS"]


async def test_a_job_in_error_is_backed_off_and_recovers(tmp_path: Path) -> None:
    scenario = Scenario((job(1),))
    broken = f"{1:032x}"
    async with rigged(scenario, tmp_path) as rig:
        sim = rig.sim
        sim.set_fault("error", status=500)
        await rig.time.run_for(rig.poller, 600)
        # 10 s doubling to a 5-minute cap (jitter pinned at 75%): 7 tries, not 60.
        assert await rig.served(broken) == 7
        waits = [e.next_attempt for e in rig.of(FetchFailed)]
        gaps = [(b - a).total_seconds() for a, b in zip(waits, waits[1:])]
        assert gaps == sorted(gaps) and gaps[-1] > 100
        sim.clear_faults()
        rig.poller.refresh((scenario.jobs[0].project_id, broken))
        await rig.time.run_for(rig.poller, 1)
        assert [e.key[1] for e in rig.of(FetchRecovered)] == [broken]


async def test_retry_after_on_429_holds_every_request(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(5)))
    async with rigged(scenario, tmp_path) as rig:
        sim = rig.sim
        sim.set_fault("throttle", retry_after="30", times=1)
        await rig.time.run_for(rig.poller, 29.9)
        assert await rig.served() == 1
        assert sim.requests[0].status == 429
        # Nothing else went out in the 30 s it asked us to wait; then every job did.
        await rig.time.run_for(rig.poller, 1)
        assert await rig.served() == 6


async def test_retry_after_on_503_backs_off_the_endpoint(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(10)))
    async with rigged(scenario, tmp_path) as rig:
        sim = rig.sim
        sim.set_fault("error", status=503, retry_after="120", times=1)
        await rig.time.run_for(rig.poller, 119.9)
        assert await rig.served() == 1
        assert sim.requests[0].status == 503
        await rig.time.run_for(rig.poller, 1)
        assert await rig.served() == 11  # the refused probe, then every job once
