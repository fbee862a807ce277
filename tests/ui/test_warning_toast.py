"""A warning from the session (an exposed credentials file) reaches the user as a toast."""

from __future__ import annotations

from jobtui.domain import events
from tests.ui.conftest import running


async def test_a_warning_is_toasted_literally() -> None:
    text = "/home/dba/.huaweicloud/credentials is readable by other users; run: chmod 600 [x]"
    async with running() as ui:
        ui.session.emit(events.Warned(text))
        await ui.pilot.pause()
        assert ui.toasts == [text]


async def test_the_same_warning_again_while_its_toast_is_up_is_not_stacked() -> None:
    async with running() as ui:
        for text in ["key held until 09:03", "key held until 09:03", "another warning"]:
            ui.session.emit(events.Warned(text))
            await ui.pilot.pause()
        assert ui.toasts == ["key held until 09:03", "another warning"]
