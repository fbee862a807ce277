"""The detail pane at 80x24: a failure first, its own keys once it has focus, whole IDs."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import running
from tests.ui.painted import Painted, painted

FAILED_ID = "2c9080e88459fa44018459fbeb600001"
PROJECT_ID = "05f2cff45100d5112f4bc00b794ea08e"


def _pane_lines(ui: Any, shot: Painted) -> list[str]:
    region = ui.main.detail.region
    return [shot.line(y)[region.x : region.right] for y in range(region.y, region.bottom)]


def _title_reversed(ui: Any, shot: Painted) -> bool:
    region = ui.main.detail.region
    row = shot.screen.buffer[region.y]
    return all(row[x].reverse for x in range(region.x + 2, region.x + 10))


async def test_a_failure_is_on_screen_first_with_its_request_id_and_whole_ids() -> None:
    async with running(size=(80, 24)) as ui:
        await ui.press("enter")
        lines = _pane_lines(ui, painted(ui.app))
        text = "\n".join(lines)
        for expected in ("DWS.0114", "ELB private IP is not", "req-0001"):
            assert expected in text, text
        assert text.index("DWS.0114") < text.index("Job ID")
        # Whole on a line of their own, not cut at the value column's edge.
        assert any(FAILED_ID in line for line in lines), text
        assert any(PROJECT_ID in line for line in lines), text


async def test_with_focus_the_keys_scroll_the_pane_and_escape_gives_them_back() -> None:
    async with running(size=(80, 24)) as ui:
        await ui.press("enter")
        detail, table = ui.main.detail, ui.main.table
        selected = table.selected_key
        assert detail.has_focus and _title_reversed(ui, painted(ui.app))
        assert detail.max_scroll_y > 0
        for key in ("down", "j", "pagedown"):
            before = detail.scroll_y
            await ui.press(key)
            assert detail.scroll_y > before or detail.scroll_y == detail.max_scroll_y, key
        await ui.press("g")
        assert detail.scroll_y == 0
        await ui.press("G")
        assert detail.scroll_y == detail.max_scroll_y
        await ui.press("k", "up", "pageup")
        assert detail.scroll_y < detail.max_scroll_y
        assert table.selected_key == selected  # the table did not move
        await ui.press("escape")
        assert table.has_focus and detail.display
        assert not _title_reversed(ui, painted(ui.app))
        await ui.press("down")
        assert table.selected_key != selected
        await ui.press("escape")
        assert not detail.display


async def test_tab_gives_the_pane_its_keys_too() -> None:
    async with running(size=(80, 24)) as ui:
        await ui.press("v", "v", "tab")  # below the table, then beside it again; Tab
        assert ui.main.detail.has_focus
        await ui.press("j")
        assert ui.main.detail.scroll_y == 1
