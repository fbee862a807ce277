"""With a big watchlist, bursts of answers recount the status line at most once a second."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from jobtui.domain import events
from jobtui.domain.model import Status
from jobtui.ui.screens import main_view
from tests.ui.conftest import running
from tests.ui.fakes import T0, FakeSession, job


async def test_a_burst_on_a_big_watchlist_recounts_once_then_catches_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_view, "BIG_WATCHLIST", 50)
    monkeypatch.setattr(main_view, "STATUS_EVERY", 1.0)
    jobs = [job(f"{i:032x}", {"status": "RUNNING", "progress": "5%"}) for i in range(60)]
    async with running(FakeSession(jobs)) as ui:
        ui.main.view.monotonic = lambda: 1000.0  # frozen: every answer lands in one window
        recounts: list[int] = []
        real = ui.main.view.update_status

        def counted() -> None:
            recounts.append(1)
            real()

        monkeypatch.setattr(ui.main.view, "update_status", counted)
        for i, watched in enumerate(jobs[:3]):
            record = replace(watched.state.record, status=Status.FAIL, status_raw="FAIL")
            state = watched.state.with_record(record, T0 + timedelta(seconds=i + 1))
            ui.session.emit(events.StatusChanged(watched.entry.key, state, "RUNNING", "FAIL", True))
            await ui.pilot.pause()
        assert len(recounts) == 1  # the first burst at once, the others wait
        await ui.pilot.pause(1.3)  # the trailing recount, due 1 s after the second burst
        assert len(recounts) == 2 and "FAIL 3" in ui.status_line()
