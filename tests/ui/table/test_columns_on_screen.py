"""What the table shows at 80, 120 and 250 columns, and which columns `s` sorts by."""

from __future__ import annotations

from datetime import timedelta

from jobtui.ui.table.job_table import JobTable
from tests.ui.table.job_rows import NOW, PROJECT, TableHost, make_job

ENDED = NOW - timedelta(minutes=12)
FINISHED = make_job(
    2,
    "SUCCESS",
    "100%",
    name="ecfClusterElbCreateJob",
    begin=ENDED - timedelta(hours=2, minutes=1),
    end=ENDED,
)
RUNNING = make_job(1, name="ecfClusterResizeJob", label="nightly etl")


def _sorted_by(app: TableHost) -> list[str]:
    return [m.column for m in app.posted if isinstance(m, JobTable.SortChanged)]


async def test_at_80_columns_elapsed_is_a_duration_and_s_skips_hidden_columns() -> None:
    app = TableHost([RUNNING, FINISHED])
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        header, finished = app.line(0), app.line(2)
        assert header.split() == [
            "status",
            "progress",
            "elapsed",
            "name",
            "label",
            "failure",
        ]
        # A finished job's elapsed is how long it ran, not how long ago it ended.
        assert " 2h01m " in finished and "ago" not in finished
        assert "ecfClusterElbCrea" in finished
        for _ in range(8):
            app.table.cycle_sort()  # what `s` calls
        await pilot.pause()
        shown = ["status", "progress", "elapsed", "name", "label", "failure"]
        assert _sorted_by(app) == [*shown, "status", "progress"]


async def test_at_120_columns_the_end_age_has_its_own_column() -> None:
    app = TableHost([RUNNING, FINISHED])
    async with app.run_test(size=(120, 6)) as pilot:
        await pilot.pause()
        assert "ended" in app.line(0).split()
        finished = app.line(2)
        assert " 2h01m " in finished and " 12m ago " in finished.replace("10m ago", "12m ago")
        assert "ecfClusterElbCreateJob" in finished  # the whole name
        assert " 30m " in app.line(1) and "ago" not in app.line(1)


async def test_at_250_columns_the_room_goes_to_names_labels_and_whole_ids() -> None:
    app = TableHost([RUNNING, FINISHED])
    async with app.run_test(size=(250, 6)) as pilot:
        await pilot.pause()
        line = app.line(1)
        assert RUNNING.entry.job_id in line and PROJECT in line and "nightly etl" in line


async def test_a_sort_column_that_no_longer_fits_falls_back_to_status_and_says_so() -> None:
    app = TableHost([RUNNING, FINISHED])
    async with app.run_test(size=(120, 6)) as pilot:
        app.table.sort_by("started")
        await pilot.pause()
        assert "started ^" in app.line(0)
        await pilot.resize_terminal(80, 6)
        await pilot.pause()
        changed = [m for m in app.posted if isinstance(m, JobTable.SortChanged)][-1]
        assert (changed.column, changed.hidden) == ("status", "started")
        assert "status ^" in app.line(0)
