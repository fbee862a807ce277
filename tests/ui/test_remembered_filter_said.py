"""A remembered "active only" filter is said on the status line, with the key that undoes it."""

from __future__ import annotations

from jobtui.store.config import Settings
from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, demo_jobs


async def test_a_filter_remembered_from_last_run_is_said_at_80_columns() -> None:
    session = FakeSession(demo_jobs(), prefs={"active_only": True})
    async with running(session, size=(80, 24)) as ui:
        cells = ui.main.query_one("#status").render_line(0).text  # what the terminal gets
        assert len(cells) <= 80 and "2 of 4 shown, active only (o: all)  FAIL 1" in cells
        await ui.press("o")
        assert "active only" not in ui.status_line() and "4 jobs" in ui.status_line()


async def test_a_remapped_key_is_the_one_named() -> None:
    settings = Settings(keymap={"active_only": "A"})
    session = FakeSession(demo_jobs(), prefs={"active_only": True})
    async with running(session, settings, size=(120, 24)) as ui:
        assert "2 of 4 shown, active only (A shows all)" in ui.status_line()
