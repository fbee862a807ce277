"""Each key of the main screen, driven by Pilot against a FakeSession.

Related keys share one app run: starting Textual is the slow part of these tests.
"""

from __future__ import annotations

import asyncio

import pytest

from jobtui.store.config import Settings
from jobtui.ui import app as app_module
from jobtui.ui.keys import MAIN_BINDINGS
from tests.ui.conftest import running
from tests.ui.fakes import PROJECT, FakeSession, demo_jobs

FAILED_ID = "2c9080e88459fa44018459fbeb600001"


async def test_detail_opens_follows_the_cursor_moves_below_and_closes() -> None:
    async with running() as ui:
        assert not ui.main.detail.display
        await ui.press("enter")
        assert "ELB private IP is not configured" in ui.detail()
        assert "CreateELBTask" in ui.detail() and "req-0001" in ui.detail()
        await ui.press("escape")  # the pane had the keys: the table has them again
        assert ui.main.detail.display
        await ui.press("j")
        assert "resizeCluster" in ui.detail()
        await ui.press("k")
        assert "ecfClusterElbCreateJob" in ui.detail()
        await ui.press("v")
        assert ui.main.query_one("#body").has_class("bottom")
        assert ui.session.prefs()["detail_layout"] == "bottom"
        await ui.press("escape")
        assert not ui.main.detail.display


async def test_every_key_tells_the_session_so_polling_yields_to_the_repaint() -> None:
    async with running() as ui:
        await ui.press("j", "k", "/")
        assert ui.session.keys_noted == 3


async def test_remove_asks_first_and_only_yes_removes() -> None:
    async with running() as ui:
        await ui.press("d")
        question = str(ui.app.screen.query_one(".question").render())
        assert question.startswith('Stop watching ecfClusterElbCreateJob "elb prod" (')
        await ui.press("n")
        await ui.press("d", "enter")  # Enter answers the focused "Cancel"
        assert ui.main.table.total_count == 4
        await ui.press("d", "y")
        await ui.pilot.pause()
        assert ui.main.table.total_count == 3
        assert ui.session.calls == [("remove", ([(PROJECT, FAILED_ID)],))]
        assert 'No longer watching ecfClusterElbCreateJob "elb prod" (' in ui.toasts[-1]


async def test_refresh_pause_and_prune() -> None:
    async with running() as ui:
        await ui.press("r", "R")
        await ui.press("p")
        await ui.pilot.pause()
        assert "PAUSED" in ui.status_line()
        await ui.press("p")
        await ui.pilot.pause()
        assert "PAUSED" not in ui.status_line()
        await ui.press("x", "y")
        await ui.pilot.pause()
        assert ui.main.table.total_count == 2
        names = [name for name, _ in ui.session.calls]
        assert names == ["refresh", "refresh", "pause", "resume", "prune", "remove"]
        assert ui.session.calls[0] == ("refresh", ((PROJECT, FAILED_ID),))
        assert ui.session.calls[1] == ("refresh", (None,))
        assert any("No longer watching 2 finished jobs" in t for t in ui.toasts)


async def test_filter_active_only_and_sort_show_and_remember() -> None:
    async with running() as ui:
        await ui.press("slash", *"resize", "enter")
        assert "1 of 4 shown" in ui.status_line()
        assert ui.session.prefs()["filter"] == "resize"
        await ui.press("slash", *["backspace"] * 6, "enter")
        await ui.press("o")
        assert "2 of 4 shown" in ui.status_line()
        assert ui.session.prefs()["active_only"] is True
        await ui.press("s")
        assert ui.session.prefs()["sort"] == {"column": "status", "reverse": False}
        await ui.press("S")
        assert ui.session.prefs()["sort"] == {"column": "status", "reverse": True}


async def test_remembered_prefs_apply_at_start() -> None:
    prefs = {"filter": "snapshot", "detail_layout": "bottom", "theme": "ansi-light"}
    async with running(FakeSession(demo_jobs(), prefs=prefs)) as ui:
        assert "1 of 4 shown" in ui.status_line()
        assert ui.app.theme == "ansi-light"
        assert ui.main.query_one("#body").has_class("bottom")


async def test_copy_keys_put_text_on_clipboard_with_a_toast() -> None:
    async with running() as ui:
        await ui.press("c")
        assert ui.app.clipboard == FAILED_ID
        await ui.press("C")
        assert "CreateELBTask-fail:DWS.0114" in ui.app.clipboard
        assert "X-Request-Id: req-0001" in ui.app.clipboard
        await ui.press("y")
        assert '"job_name": "ecfClusterElbCreateJob"' in ui.app.clipboard
        await ui.press("j", "C")
        assert [t.split(" (")[0] for t in ui.toasts] == [
            "Sent the job ID",
            "Sent failure detail",
            "Sent the record as JSON",
            "Nothing to copy: this job has no failure detail.",
        ]
        # OSC 52 gets no answer: the toast says what was sent, not that it was copied.
        said = f"Sent the job ID ({len(FAILED_ID)} characters) to the clipboard via OSC 52"
        assert ui.toasts[0] == f"{said} (your terminal must allow it)."


async def test_help_palette_and_theme() -> None:
    async with running() as ui:
        await ui.press("question_mark")
        actions = {what for _, what, _ in ui.app.screen.query_one("#help-keys").rows}
        assert {b.description for b in MAIN_BINDINGS} <= actions
        await ui.press("escape")
        assert ui.app.screen is ui.main
        commands = {c.title: c.callback for c in ui.app.get_system_commands(ui.main)}
        assert {b.description for b in MAIN_BINDINGS} <= set(commands)
        await commands["Pause"]()
        await ui.pilot.pause()
        assert ("pause", ()) in ui.session.calls
        await ui.press("t")
        assert ui.app.theme == "textual-dark"
        assert ui.session.prefs()["theme"] == "textual-dark"


async def test_keymap_from_config_remaps_by_binding_id() -> None:
    async with running(settings=Settings(keymap={"add": "n"})) as ui:
        await ui.press("n")
        assert type(ui.app.screen).__name__ == "AddDialog"
        await ui.press("escape", "question_mark")
        assert ("n", "Add", "add") in ui.app.screen.query_one("#help-keys").rows


async def test_q_quits_and_stops_the_session() -> None:
    async with running() as ui:
        await ui.press("q")
    assert ui.session.stopped
    assert ui.app.return_code == 0


async def test_ctrl_c_quits() -> None:
    async with running() as ui:
        await ui.press("ctrl+c")
    assert ui.session.stopped


async def test_ctrl_q_quits_from_a_dialog_too() -> None:
    async with running() as ui:
        await ui.press("a", "ctrl+q")
    assert ui.session.stopped


class HangingSession(FakeSession):
    async def stop(self) -> None:
        await asyncio.Event().wait()  # a dead network: never returns


async def test_quit_does_not_wait_for_a_session_that_hangs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "STOP_TIMEOUT", 0.05)
    async with running(HangingSession(demo_jobs())) as ui:
        await ui.press("q")
    assert ui.app.return_code == 0


async def test_a_kept_filter_shows_its_slash_and_escape_clears_it() -> None:
    async with running() as ui:
        await ui.press("slash", *"resize", "enter")
        bar = ui.main.query_one("#filter-bar")
        assert bar.display and str(ui.main.query_one("#filter-prompt").render()) == "/"
        await ui.press("enter")  # the detail opens with the keys; Escape, Escape closes it
        await ui.press("escape", "escape")
        assert not ui.main.detail.display and "1 of 4 shown" in ui.status_line()
        await ui.press("escape")
        assert "4 jobs" in ui.status_line() and not bar.display
        assert ui.session.prefs()["filter"] == ""
        await ui.press("slash", *"zz", "escape")  # Escape while typing drops it too
        assert "4 jobs" in ui.status_line()


async def test_help_and_quit_stay_in_the_footer_at_80_columns() -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    async with running(size=(80, 24)) as ui:
        await ui.pilot.pause()
        keys = {k.action: k for k in ui.main.query_one(Footer).query(FooterKey)}
        for action in ("help", "quit"):
            assert 0 < keys[action].region.right <= 80, action
