"""A job dropped from the watchlist while a cycle runs must not stop polling for good.

Found by the disk-full test: a refused watchlist write is rolled back mid-cycle, and
the dropped job's turn in the running cycle raised KeyError, killing the poller.
"""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.events import JobUpdated, PollerEvent
from jobtui.sim.scenario import Scenario
from tests.polling.helpers import entries, job, rigged

THREE = Scenario((job(1), job(2), job(3)))


async def test_a_job_removed_during_a_cycle_is_skipped_and_polling_goes_on(
    tmp_path: Path,
) -> None:
    first, second, third = entries(THREE)
    async with rigged(THREE, tmp_path, concurrency=1) as rig:
        dropped: list[PollerEvent] = []

        def drop_third(event: PollerEvent) -> None:
            # The first answer lands while the other two still wait their turn.
            if isinstance(event, JobUpdated) and not dropped:
                dropped.append(event)
                rig.poller.set_entries([first, second])

        rig.poller._on_event = drop_third
        await rig.time.run_for(rig.poller, 55)
        assert await rig.served(second.job_id) == 6  # at 0, 10, ... 50 s: never stopped
        assert await rig.served(third.job_id) == 0
        assert set(rig.poller.states) == {first.key, second.key}
