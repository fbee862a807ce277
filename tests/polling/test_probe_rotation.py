"""A job whose every answer times out does not keep its endpoint's other jobs back.

Its timeout blocks the endpoint (a timeout is the endpoint's trouble as far as one
request can tell); the next probe is another job, whose answer opens the gate again.
"""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.sim.scenario import Scenario
from jobtui.store.config import Settings
from tests.polling.helpers import EPOCH, VirtualTime, job, simulator

SCENARIO = Scenario(tuple(job(n) for n in range(6)))
DRIPPING = SCENARIO.jobs[0].job_id


async def test_a_job_that_always_times_out_does_not_hold_the_others(tmp_path: Path) -> None:
    with simulator(SCENARIO) as sim:
        sim.set_fault("drip", delay=0.05, job_id=DRIPPING)  # ~300 bytes: 15 s a body
        time = VirtualTime(sim)
        settings = Settings(
            endpoint=sim.url, refresh_interval=10.0, rate_per_minute=6000.0, schedule="fixed"
        )
        async with Connections(settings, env={}, home=tmp_path, timeout=0.3) as connections:
            poller = Poller(
                connections, settings=settings, clock=time.clock, sleep=time.sleep,
                wall=time.wall, rand=lambda: 0.5,
            )  # fmt: skip
            poller.set_entries([WatchEntry(p, j, EPOCH) for p, j in SCENARIO.pairs()])
            await time.run_for(poller, 60)
            others = [sim.count(j.job_id) for j in SCENARIO.jobs[1:]]
            # Six intervals; the dripping job's timeouts cost the others a turn or two.
            assert min(others) >= 4, others
            error = poller.states[SCENARIO.pairs()[0]].error
            assert error is not None and error.kind == "timeout"
