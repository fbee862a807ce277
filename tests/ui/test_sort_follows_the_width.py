"""The monitor sorts only by columns on screen, and says so when a resize hides the sort column."""

from __future__ import annotations

from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, demo_jobs


async def test_a_remembered_sort_column_hidden_by_a_resize_falls_back_to_status_aloud() -> None:
    session = FakeSession(demo_jobs(), prefs={"sort": {"column": "started", "reverse": False}})
    async with running(session, size=(120, 24)) as ui:
        assert ui.main.table.sort_column == "started"
        await ui.pilot.resize_terminal(80, 24)
        await ui.pilot.pause()
        assert ui.main.table.sort_column == "status"
        header = ui.main.table.render_line(0).text
        assert header.startswith("status ^") and "started" not in header
        said = "The started column does not fit at this width: sorted by status instead."
        assert said in ui.toasts
        await ui.press("s")  # the next shown column, never a hidden one
        assert ui.main.table.sort_column == "progress"
