"""Every key the help lists does something the user can see: the screen changes.

Each key is pressed on the demo watchlist, starting from the table with nothing open
(the close key with the detail pane open, the up key one row down); the screen as the
terminal would get it must differ afterwards. With no job, the keys that act on the
selected job say so.
"""

from __future__ import annotations

from typing import Any

from jobtui.ui.keys import APP_BINDINGS, MAIN_BINDINGS
from jobtui.ui.screens.main import MainScreen
from tests.ui.conftest import running
from tests.ui.fakes import FakeSession
from tests.ui.painted import painted

QUITS = {"quit", "quit_ctrl"}
# What must be open or done first for the key to have something to do.
SET_UP = {"close_detail": "enter", "cursor_up": "j"}


async def _back_to_the_table(ui: Any) -> None:
    while not isinstance(ui.app.screen, MainScreen):
        ui.app.pop_screen()
        await ui.pilot.pause()
    ui.main.detail.display = False
    ui.main.table.focus()
    ui.app.clear_notifications()
    await ui.pilot.pause()


async def test_every_listed_key_changes_the_screen() -> None:
    async with running(size=(80, 24)) as ui:
        for binding in [*APP_BINDINGS, *MAIN_BINDINGS]:
            if binding.id in QUITS:
                continue
            await _back_to_the_table(ui)
            if binding.id in SET_UP:
                await ui.press(SET_UP[binding.id])
            before = painted(ui.app).data
            await ui.press(binding.key.split(",")[0])
            assert painted(ui.app).data != before, f"{binding.key} ({binding.id}) showed nothing"


async def test_keys_for_the_selected_job_say_there_is_none() -> None:
    async with running(FakeSession([]), size=(80, 24)) as ui:
        for key in ("r", "d", "c", "C", "y"):
            await ui.press(key)
            assert ui.toasts[-1] == "No job selected: add one with a.", key
