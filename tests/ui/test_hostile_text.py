"""Server text full of markup and escapes is shown literally and crashes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from jobtui.domain import events
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.model import Status
from tests.ui.conftest import running
from tests.ui.fakes import T0, FakeSession, job

HOSTILE_NAME = "[bold red]pwn[/] \x1b[31mred\x1b]52;c;aGk=\x07 [link=x]"
HOSTILE_DETAIL = "DWS.0114:[/] closing tag\n[b]not bold[/b]\x1b[2J"


def hostile_session() -> FakeSession:
    return FakeSession([
        job("h1", {
            "status": "[blink]FAIL[/]", "progress": "[50]%", "job_name": HOSTILE_NAME,
            "failed_code": "[Task]-fail:[/]", "failed_detail": HOSTILE_DETAIL, "x[/]": "[/]",
        }, label="[/]label"),
        job("h2", {"status": "RUNNING", "progress": "10%", "job_name": "[/]"}),
    ])  # fmt: skip


async def test_markup_and_escapes_show_as_typed_everywhere() -> None:
    async with running(hostile_session()) as ui:
        await ui.press("enter")
        detail = ui.detail()
        assert "[bold red]pwn[/]" in detail and "[/] closing tag" in detail
        assert "[b]not bold[/b]" in detail and "\x1b" not in detail
        error = ErrorInfo("server", "Gateway said [/] \x1b[5m", http_status=502, error_code="[/]")
        state = ui.session.jobs()[0].state.with_error(error, T0)
        ui.session.emit(
            events.FetchFailed(("05f2cff45100d5112f4bc00b794ea08e", "h1"), state, error, T0)
        )
        ui.session.emit(events.EndpointDown("[/]", error, T0, T0 + timedelta(seconds=5)))
        running_job = ui.session.jobs()[1]
        record = replace(running_job.state.record, status=Status.SUCCESS, status_raw="SUCCESS")
        done = running_job.state.with_record(record, T0)
        ui.session.emit(
            events.StatusChanged(running_job.entry.key, done, "RUNNING", "SUCCESS", True)
        )
        await ui.pilot.pause()
        assert "Gateway said [/] ^[[5m" in ui.detail()
        assert ui.toasts and ui.toasts[0].startswith("Job [/] (h2) finished")
        screen = ui.app.export_screenshot()
        assert "[bold red]pwn[/]" in screen.replace("&#160;", " ")
        assert "\x1b" not in screen and "\x07" not in screen
