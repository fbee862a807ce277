"""A request that hangs holds up its own job only: every other job keeps its schedule.

The simulator's `latency` fault delays one job's answer in real time; the poller runs on
virtual time, so a stuck request is one that never lands while the schedule moves on.
The straggler bounds are real time (they bound I/O), set small here.
"""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.events import CycleFinished, FetchFailed
from jobtui.sim.scenario import Scenario
from tests.polling.helpers import entries, job, rigged

SIX = Scenario(tuple(job(n) for n in range(6)))
STUCK = SIX.jobs[3].job_id


async def test_one_hanging_request_does_not_stop_the_other_jobs_polls(tmp_path: Path) -> None:
    async with rigged(SIX, tmp_path, poller=dict(straggler_after=0.05)) as rig:
        rig.sim.set_fault("latency", delay=3600, job_id=STUCK)
        await rig.time.run_for(rig.poller, 60)
        others = [rig.sim.count(t.job_id) for t in SIX.jobs if t.job_id != STUCK]
        # Asked at 0, 10, ... 50 s, as if nothing hung: not once and then never again.
        assert others == [6] * 5
        # The stuck job went once and was not sent again while its request was out.
        assert rig.sim.count(STUCK) == 0 and rig.poller.requested == rig.sim.count() + 1


async def test_a_hanging_first_request_does_not_hold_its_endpoints_other_jobs(
    tmp_path: Path,
) -> None:
    # The first request through a new endpoint goes alone (a probe); if it hangs, the
    # next cycle probes with another job instead of waiting for it.
    first = SIX.jobs[0].job_id
    async with rigged(SIX, tmp_path, poller=dict(straggler_after=0.05)) as rig:
        rig.sim.set_fault("latency", delay=3600, job_id=first)
        await rig.time.run_for(rig.poller, 60)
        others = [rig.sim.count(timeline.job_id) for timeline in SIX.jobs[1:]]
        assert others == [6] * 5  # at 1, 11, ... 51 s
        cycles = rig.of(CycleFinished)
        gaps = [(b.at - a.at).total_seconds() for a, b in zip(cycles[1:], cycles[2:])]
        assert gaps and all(gap == 10 for gap in gaps)
        assert rig.sim.count(first) == 0 and rig.poller.requested == rig.sim.count() + 1


async def test_a_request_that_never_answers_is_given_up_and_reported(tmp_path: Path) -> None:
    # `status` waits for its stragglers, but not for ever: the hard bound ends them.
    bounds = dict(straggler_after=0.01, give_up_after=0.1)
    async with rigged(SIX, tmp_path, poller=bounds) as rig:
        rig.sim.set_fault("latency", delay=3600, job_id=STUCK)
        keys = [entry.key for entry in entries(SIX)]
        states = await rig.poller.refresh_once(keys)
        stuck = states[keys[3]]
        assert stuck.error is not None and stuck.error.kind == "timeout"
        assert "No answer within 0.1 s" in stuck.error.message
        assert all(states[key].record for key in keys if key != keys[3])
        assert [e.key for e in rig.of(FetchFailed)] == [keys[3]]
        assert rig.poller.in_flight == 0


async def test_a_down_endpoint_whose_probes_hang_gets_one_every_half_minute(
    tmp_path: Path,
) -> None:
    async with rigged(SIX, tmp_path, poller=dict(straggler_after=0.02)) as rig:
        rig.sim.set_fault("reset")
        await rig.time.run_for(rig.poller, 30)  # refused: the endpoint is down
        sent = rig.poller.requested
        rig.sim.clear_faults()
        rig.sim.set_fault("latency", delay=3600)  # now every request hangs
        await rig.time.run_for(rig.poller, 120)
        # A hanging probe keeps the gate waiting 30 s: 4 or 5 probes, not one every
        # few seconds (and never one per job).
        assert 3 <= rig.poller.requested - sent <= 5
        assert rig.sim.count() == sent  # none of them answered
