"""Adding a job from the dialog re-reads the session's jobs once: the real app and Session."""

from __future__ import annotations

from pathlib import Path

from jobtui.domain.state import WatchedJob
from jobtui.sim.clock import ManualClock
from jobtui.sim.server import Simulator
from tests.faults.rig import KEYS, SCENARIO
from tests.faults.screen import on_screen, rows, until

NEW_JOB = "2c9080e8845b207101845b245e1e00aa"


async def test_adding_one_job_re_reads_the_jobs_once(tmp_path: Path) -> None:
    with Simulator(SCENARIO, clock=ManualClock()) as sim:
        async with on_screen(tmp_path, sim) as (ui, _time):
            await until(ui, lambda: len(rows(ui)) == len(KEYS))
            session, reads = ui.session, []
            real_jobs = session.jobs

            def jobs() -> list[WatchedJob]:
                reads.append(len(reads))
                return real_jobs()

            session.jobs = jobs  # type: ignore[method-assign]
            await ui.press("a")
            ui.app.screen.query_one("#job").value = NEW_JOB
            await ui.press("enter")
            await until(ui, lambda: ui.main.table.total_count == len(KEYS) + 1)
            await session.flush()  # the write landed and the disk's list was read back
            await ui.pilot.pause()
            assert f"Now watching job {NEW_JOB}." in ui.toasts
            # Each re-read walks every job and repaints the table: one per add, not two.
            assert len(reads) == 1
