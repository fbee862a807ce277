"""Toasts never cover the status line or the cursor row, and at most three show."""

from __future__ import annotations

from textual.widgets._toast import Toast

from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, job
from tests.ui.painted import painted


def _many_jobs(count: int) -> FakeSession:
    bodies = [
        {"status": "RUNNING", "progress": f"{n}%", "job_name": f"job{n:02d}"} for n in range(count)
    ]
    return FakeSession(
        [job(f"2c9080e8845b207101845b245e1e{n:04d}", b) for n, b in enumerate(bodies)]
    )


async def _seven_toasts(ui) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        ui.app.notify(f"Job job{n:02d} finished: SUCCESS, toast {n}", markup=False)
    # Lengths Textual lays out a line too short when they wrap at 80 columns.
    for length in (80, 37):
        ui.app.notify("w" * length, markup=False)
    await ui.pilot.pause()
    await ui.pilot.pause()


async def test_a_toast_textual_lays_out_a_line_short_is_shown_whole() -> None:
    async with running(size=(80, 24)) as ui:
        status_text = ui.status_line().strip()
        ui.app.notify("Theme 2 of 3: Textual dark (t: next).", markup=False)  # 37 characters
        await ui.pilot.pause()
        await ui.pilot.pause()
        shot = painted(ui.app)
        assert status_text in shot.line(ui.main.query_one("#status").region.y)
        assert "next)." in "\n".join(shot.screen.display)  # its last line was cut off


async def test_seven_notifications_leave_the_status_line_whole_and_three_toasts() -> None:
    async with running(size=(80, 24)) as ui:
        status_text = ui.status_line().strip()
        await _seven_toasts(ui)
        shot = painted(ui.app)
        status_row = ui.main.query_one("#status").region.y
        assert status_text in shot.line(status_row)
        shown = "\n".join(shot.screen.display)
        assert [n for n in range(5) if f"toast {n}" in shown] == [4]
        assert len(ui.app.screen.query(Toast)) == 3
        cursor = 1 + ui.main.table.region.y  # the first row, under the header
        assert shot.line(cursor).startswith("x FAIL")


async def test_with_the_cursor_low_the_toasts_go_to_the_top_half() -> None:
    async with running(_many_jobs(30), size=(80, 24)) as ui:
        await ui.press(*["down"] * 17)
        line = ui.main.table.cursor_row_line()
        assert line is not None and line > 10
        y = ui.main.table.region.y + line
        row_text = painted(ui.app).line(y)
        await _seven_toasts(ui)
        shot = painted(ui.app)
        assert shot.line(y) == row_text
        # Reverse video from edge to edge: no toast over any part of it.
        assert {shot.screen.buffer[y][x].reverse for x in range(70)} == {True}
        assert "w" * 30 in "\n".join(shot.screen.display[:12])


async def test_a_toast_shows_once_over_a_dialog_opened_beside_the_detail_pane() -> None:
    async with running(size=(120, 40)) as ui:
        await ui.press("enter")  # the detail pane opens on the right; toasts move left
        ui.app.notify("Job shrinkClusterJob finished: SUCCESS", markup=False)
        await ui.pilot.pause()
        await ui.press("question_mark")
        await ui.pilot.pause()
        shown = "\n".join(painted(ui.app).screen.display)
        assert "Keys" in shown
        # the table's own rack stays drawn behind the dialog: placed alike, it is hidden
        assert shown.count("finished: SUCCESS") == 1
