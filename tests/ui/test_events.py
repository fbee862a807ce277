"""Poller events reach the screen: toasts, banner, status line, detail errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from jobtui.domain import events
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.model import Status
from jobtui.domain.state import NextCheck
from jobtui.store.config import DisplaySettings, Settings
from tests.ui.conftest import running
from tests.ui.fakes import PROJECT, T0, auth_error, demo_jobs

RUNNING_KEY = (PROJECT, "2c9080e8845b207101845b245e1e0002")


async def test_a_job_finishing_toasts_and_its_row_and_counts_change() -> None:
    async with running() as ui:
        job = ui.session.jobs()[1]
        record = replace(job.state.record, status=Status.FAIL, status_raw="FAIL", progress=61.0)
        state = job.state.with_record(record, T0 + timedelta(seconds=10))
        ui.session.emit(events.StatusChanged(RUNNING_KEY, state, "RUNNING", "FAIL", True))
        await ui.pilot.pause()
        assert ui.toasts == [
            "Job resizeCluster (2c9080e8845b207101845b245e1e0002) finished: FAIL at 61%"
        ]
        assert "FAIL 2" in ui.status_line()


async def test_endpoint_down_shows_a_banner_that_goes_away_on_recovery() -> None:
    async with running() as ui:
        error = replace(auth_error(), kind="connection", message="Cannot connect to the endpoint.")
        since, retry = T0, T0 + timedelta(seconds=30)
        ui.session.emit(events.EndpointDown("dws.example", error, since, retry))
        await ui.pilot.pause()
        banner = ui.main.query_one("#banner")
        assert banner.display
        assert str(banner.render()) == (
            "Offline since 09:00, retrying in 30 s — Cannot connect to the endpoint."
            " (request ID 7a1c0de5)"
        )
        ui.session.emit(events.EndpointUp("dws.example"))
        await ui.pilot.pause()
        assert not banner.display


async def test_the_offline_countdown_ticks_only_while_the_endpoint_is_down() -> None:
    async with running() as ui:
        banner = ui.main.query_one("#banner")
        assert not banner.ticking  # online: no timer, nothing sent
        now = T0 + timedelta(seconds=5)
        banner.now = lambda: now
        error = replace(auth_error(), kind="connection", message="dws.example refused.")
        ui.session.emit(events.EndpointDown("dws.example", error, T0, T0 + timedelta(seconds=30)))
        await ui.pilot.pause()
        assert banner.ticking and "retrying in 25 s" in str(banner.render())
        now = T0 + timedelta(seconds=12)
        repainted: list[tuple[object, ...]] = []
        real_refresh = banner.refresh

        def refresh(*regions: object, **kwargs: object) -> object:
            repainted.append(regions)
            return real_refresh(*regions, **kwargs)

        banner.refresh = refresh
        banner.tick()  # what its once-a-second timer calls
        assert "Offline since 09:00, retrying in 18 s — dws.example" in str(banner.render())
        # One screen line resent over the link, not the whole banner.
        assert [[r.height for r in regions] for regions in repainted] == [[1]]
        banner.refresh = real_refresh
        ui.session.emit(events.EndpointUp("dws.example"))
        await ui.pilot.pause()
        assert not banner.ticking and not banner.display


async def test_refused_credentials_show_the_clients_sentence() -> None:
    async with running() as ui:
        ui.session.emit(events.CredentialPaused("default", auth_error(), T0 + timedelta(minutes=5)))
        await ui.pilot.pause()
        text = str(ui.main.query_one("#banner").render())
        assert text.startswith("Credentials default refused, retrying in 300 s — ")
        assert "clock is 16 min ahead" in text and "7a1c0de5" in text
        ui.session.emit(events.CredentialResumed("default"))
        await ui.pilot.pause()
        assert not ui.main.query_one("#banner").display


async def test_failed_poll_shows_kind_status_code_and_next_retry_in_detail() -> None:
    async with running() as ui:
        job = ui.session.jobs()[0]
        state = job.state.with_error(auth_error(), T0 + timedelta(seconds=10))
        next_try = T0 + timedelta(seconds=40)
        ui.session.emit(events.FetchFailed(job.entry.key, state, auth_error(), next_try))
        await ui.press("enter")
        detail = ui.detail()
        for expected in ("Last poll failed", "clock_skew", "401", "APIGW.0301", "09:00:40"):
            assert expected in detail, expected
        assert "sync it with NTP" in detail


async def test_the_detail_says_when_a_job_is_checked_next_and_why() -> None:
    async with running() as ui:
        job = ui.session.jobs()[0]
        ui.session.upcoming[job.entry.key] = NextCheck(T0 + timedelta(seconds=40), "near its ETA")
        ui.session.emit(events.JobUpdated(job.entry.key, job.state, True))
        await ui.press("enter")
        assert "Next check   09:00:40, near its ETA" in ui.detail()
        ui.session.upcoming[job.entry.key] = NextCheck(None, "finished: never asked again")
        ui.session.emit(events.JobUpdated(job.entry.key, job.state, True))
        await ui.pilot.pause()
        assert "Next check   finished: never asked again" in ui.detail()


async def test_a_job_not_asked_says_so_in_detail_without_a_request_id() -> None:
    async with running() as ui:
        job = ui.session.jobs()[0]
        held = ErrorInfo("not_asked", "not asked: endpoint down since 09:00")
        state = replace(job.state, error=held)
        ui.session.emit(events.FetchFailed(job.entry.key, state, held, T0))
        await ui.press("enter")
        detail = ui.detail()
        assert "Not asked" in detail and "Last poll failed" not in detail
        assert "not asked: endpoint down since 09:00" in detail


async def test_cycle_finished_shows_last_refresh_to_the_minute_by_default() -> None:
    async with running() as ui:
        ui.session.emit(events.CycleFinished(T0 + timedelta(seconds=5), 4, None))
        await ui.pilot.pause()
        assert "refreshed 09:00  adaptive" in ui.status_line()  # the default schedule


async def test_with_a_seconds_clock_the_status_line_shows_the_next_refresh() -> None:
    settings = Settings(display=DisplaySettings(seconds_clock=True))
    async with running(settings=settings) as ui:
        ui.session.emit(events.CycleFinished(T0, 4, T0 + timedelta(seconds=10)))
        await ui.pilot.pause()
        assert "refreshed 09:00:00  next 09:00:10" in ui.status_line()


async def test_watchlist_edited_elsewhere_is_reloaded() -> None:
    async with running() as ui:
        ui.session._jobs.pop(next(iter(ui.session._jobs)))
        ui.session.emit(events.WatchlistChanged())
        await ui.pilot.pause()
        assert ui.main.table.total_count == len(demo_jobs()) - 1


async def test_a_file_that_cannot_be_saved_is_said_once() -> None:
    async with running() as ui:
        for _ in range(3):
            ui.session.emit(events.SaveFailed("state cache", "The disk is full."))
        await ui.pilot.pause()
        assert ui.toasts == ["Cannot save the state cache; monitoring goes on. The disk is full."]


async def test_a_disk_that_fills_again_after_a_good_save_is_said_again() -> None:
    async with running() as ui:
        full = "cannot save the state cache: disk full (state.json unchanged)"
        ui.session.emit(events.SaveFailed("state cache", full))
        ui.session.emit(events.SaveFailed("state cache", full))  # the session retries
        await ui.pilot.pause()
        assert len([t for t in ui.toasts if "disk full" in t]) == 1
        ui.session.emit(events.SaveRecovered("preferences"))  # another file: still said
        ui.session.emit(events.SaveFailed("state cache", full))
        await ui.pilot.pause()
        assert len([t for t in ui.toasts if "disk full" in t]) == 1
        ui.session.emit(events.SaveRecovered("state cache"))
        ui.session.emit(events.SaveFailed("state cache", full))
        await ui.pilot.pause()
        assert len([t for t in ui.toasts if "disk full" in t]) == 2


async def test_a_poller_fault_is_said_once_and_literally() -> None:
    text = "Polling hit an internal error (KeyError: '[b]x'); it goes on at the next interval."
    async with running() as ui:
        for _ in range(3):  # the same fault, interval after interval
            ui.session.emit(events.PollerFault(text))
        await ui.pilot.pause()
        assert ui.toasts == [text]


async def test_the_fixed_schedule_says_its_interval() -> None:
    async with running(settings=Settings(schedule="fixed")) as ui:
        ui.session.emit(events.CycleFinished(T0 + timedelta(seconds=5), 4, None))
        await ui.pilot.pause()
        assert "refreshed 09:00  every 10s" in ui.status_line()
