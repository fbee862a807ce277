"""The poller's schedule against the simulator, checked by counting the requests it got."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtui.events import FetchFailed, FetchRecovered, StatusChanged
from jobtui.sim.scenario import Scenario
from tests.poller.helpers import Rig, entries, finishing, job, simulator


async def test_finished_jobs_are_never_requested_again(tmp_path: Path) -> None:
    scenario = Scenario((finishing(1, at=90), finishing(2, at=5, status="FAIL"), job(3)))
    with simulator(scenario) as sim:
        rig = Rig(sim, tmp_path, refresh_interval=60.0)
        rig.poller.set_entries(entries(scenario))
        await rig.time.run_for(rig.poller, 1200)
        done, failed, running = (f"{n:032x}" for n in (1, 2, 3))
        # Asked at 0 and 60 (running), then 120 (SUCCESS); never again.
        assert sim.count(done) == 3
        assert sim.count(failed) == 2
        assert sim.count(running) == 20  # 0, 60, ... 1140
        finals = [e.new for e in rig.of(StatusChanged) if e.became_terminal]
        assert sorted(finals) == ["FAIL", "SUCCESS"]
        await rig.close()


async def test_a_job_in_error_is_backed_off_and_recovers(tmp_path: Path) -> None:
    scenario = Scenario((job(1),))
    broken = f"{1:032x}"
    with simulator(scenario) as sim:
        sim.set_fault("error", status=500)
        rig = Rig(sim, tmp_path)
        rig.poller.set_entries(entries(scenario))
        await rig.time.run_for(rig.poller, 600)
        # 10 s doubling to a 5-minute cap (jitter pinned at 75%): 7 tries, not 60.
        assert sim.count(broken) == 7
        waits = [e.next_attempt for e in rig.of(FetchFailed)]
        gaps = [(b - a).total_seconds() for a, b in zip(waits, waits[1:])]
        assert gaps == sorted(gaps) and gaps[-1] > 100
        sim.clear_faults()
        rig.poller.refresh((scenario.jobs[0].project_id, broken))
        await rig.time.run_for(rig.poller, 1)
        assert [e.key[1] for e in rig.of(FetchRecovered)] == [broken]
        await rig.close()


async def test_retry_after_on_429_holds_every_request(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(5)))
    with simulator(scenario) as sim:
        sim.set_fault("throttle", retry_after="30", times=1)
        rig = Rig(sim, tmp_path)
        rig.poller.set_entries(entries(scenario))
        await rig.time.run_for(rig.poller, 35)
        times = [r.time for r in sim.requests]
        assert sim.requests[0].status == 429
        # Nothing went out between the 429 and the 30 s it asked us to wait.
        assert times[0] == 0 and min(times[1:]) >= 30
        assert sim.count() == 6
        await rig.close()


@pytest.mark.xfail(
    strict=True,
    reason="jobtui/api/errors_map.py keeps Retry-After only for 429, so a 503's is lost",
)
async def test_retry_after_on_503_backs_off_the_endpoint(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(10)))
    with simulator(scenario) as sim:
        sim.set_fault("error", status=503, retry_after="120", times=1)
        rig = Rig(sim, tmp_path)
        rig.poller.set_entries(entries(scenario))
        await rig.time.run_for(rig.poller, 125)
        times = [r.time for r in sim.requests]
        assert times[0] == 0 and sim.requests[0].status == 503
        assert min(times[1:]) >= 120
        assert sim.count() == 11  # the refused probe, then every job once
        await rig.close()
