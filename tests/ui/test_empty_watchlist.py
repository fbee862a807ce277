"""An empty watchlist shows how to add a job and the endpoint and credentials state."""

from __future__ import annotations

from jobtui.domain import events
from jobtui.session.empty_watchlist import SetupFacts
from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, demo_jobs
from tests.ui.painted import painted

NO_ENDPOINT = (
    "No endpoint: set a region in config.toml, or pass --endpoint, or set JOBTUI_ENDPOINT."
)


def _screen(ui) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(painted(ui.app).screen.display)


async def test_how_to_add_and_what_is_missing_at_80x24() -> None:
    session = FakeSession([])
    async with running(session, size=(80, 24)) as ui:
        shown = _screen(ui)
        for words in ("No jobs watched yet.", "jobtui add PROJECT_ID/JOB_ID", "| jobtui add -"):
            assert words in shown, shown
        assert "Endpoint     checking…" in shown
        session.setup_facts = SetupFacts(endpoint_problem=NO_ENDPOINT)
        session.emit(events.SetupChecked())
        await ui.pilot.pause()
        shown = _screen(ui)
        assert "Endpoint     No endpoint: set a region in config.toml" in shown
        assert "Credentials  none found: set HUAWEICLOUD_SDK_AK" in shown
        assert "JOBTUI_AUTH_TOKEN" in shown and "jobtui doctor" in shown


async def test_what_was_found_then_the_table_once_a_job_is_added() -> None:
    session = FakeSession([])
    session.setup_facts = SetupFacts(
        endpoint="https://dws.cn-north-4.myhuaweicloud.com", credential="AK ABCD… from environment"
    )
    async with running(session, size=(80, 24)) as ui:
        shown = _screen(ui)
        assert "Credentials  AK ABCD… from environment" in shown and "doctor" not in shown
        session.add([demo_jobs()[0].entry])
        await ui.pilot.pause()
        shown = _screen(ui)
        assert "No jobs watched yet." not in shown and "status" in shown.splitlines()[0]
        assert ui.main.table.has_focus
