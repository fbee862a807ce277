"""In every shipped theme and colour depth the cursor row stands out from the others.

Each theme is drawn at truecolor, 256 and 16 colours (what TERM=linux gets) and
replayed on a VT emulator; the cursor row's background as the eye sees it (reverse
video applied) must differ clearly from the next row's, and its text must read on it.
NO_COLOR is in `test_no_color.py`. textual-light drew #d7d7ff on rows of #dadada.
"""

from __future__ import annotations

import pytest

from jobtui.store.config import DisplaySettings, Settings
from jobtui.ui import themes
from tests.ui.conftest import running
from tests.ui.painted import DEPTHS, contrast, painted, row_colours

SHIPPED = [*themes.TERMINAL, *themes.OWN]
# WCAG's 3:1 is the floor for large text; two backgrounds 3:1 apart are plainly two.
READABLE = STANDS_OUT = 3.0


@pytest.mark.parametrize("theme", SHIPPED)
async def test_the_cursor_row_stands_out_focused_or_not(theme: str) -> None:
    async with running(
        settings=Settings(display=DisplaySettings(theme=theme)), size=(80, 24)
    ) as ui:
        assert ui.app.theme == theme
        dark = ui.app.current_theme.dark
        for pane in ("table", "detail"):  # the detail pane focused: the table's cursor blurred
            if pane == "detail":
                await ui.press("enter")
                assert not ui.main.table.has_focus
            region = ui.main.table.region
            columns = range(region.x, region.right - 1)
            for depth in DEPTHS:
                screen = painted(ui.app, depth).screen
                text, cursor_bg = row_colours(screen, region.y + 1, dark, columns)
                _, other_bg = row_colours(screen, region.y + 2, dark, columns)
                where = f"{theme}, {depth} colours, {pane} focused"
                assert contrast(cursor_bg, other_bg) >= STANDS_OUT, where
                assert text >= READABLE, where
