"""A job the service says does not exist is asked again every 10 minutes, and at once on `r`."""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.events import FetchFailed
from jobtui.sim.scenario import Scenario
from tests.polling.helpers import job, rigged


async def test_a_missing_job_is_asked_rarely_not_at_every_backoff_step(tmp_path: Path) -> None:
    scenario = Scenario((job(1), job(2)))
    missing, fine = f"{1:032x}", f"{2:032x}"
    async with rigged(scenario, tmp_path, refresh_interval=10.0) as rig:
        rig.sim.set_fault("not_found", job_id=missing)
        await rig.time.run_for(rig.poller, 1199)
        # At 0 and 600 s; a 500 would have been asked 7 times in the first 600 s alone.
        assert await rig.served(missing) == 2
        assert await rig.served(fine) == 120
        failed = [e for e in rig.of(FetchFailed) if e.key[1] == missing]
        assert {e.error.kind for e in failed} == {"not_found"}
        gap = failed[1].next_attempt - failed[0].next_attempt
        assert gap.total_seconds() == 600
        rig.poller.refresh((scenario.jobs[0].project_id, missing))  # `r` on its row
        await rig.time.run_for(rig.poller, 0.5)
        assert await rig.served(missing) == 3
