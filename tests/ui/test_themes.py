"""The terminal's own colours by default; the light/dark toggle stays in the family."""

from __future__ import annotations

from typing import Any

from rich.color import Color

from jobtui.store.config import DisplaySettings, Settings
from jobtui.ui import themes
from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, demo_jobs


def test_a_remembered_toggle_counts_only_for_the_theme_it_toggled() -> None:
    assert themes.initial(None, "") == "ansi-dark"
    assert themes.initial("ansi-light", "") == "ansi-light"
    assert themes.initial(None, "textual-dark") == "textual-dark"
    assert themes.initial("textual-light", "textual-dark") == "textual-light"
    # Config changed since: the new choice wins over a toggle of the old one.
    assert themes.initial("ansi-light", "nord") == "nord"
    assert themes.initial("textual-light", "") == "ansi-dark"
    assert themes.toggled("ansi-dark") == "ansi-light"
    assert themes.toggled("textual-light") == "textual-dark"
    assert themes.toggled("nord") == "ansi-dark"


async def test_it_starts_in_terminal_colours_with_a_reverse_video_cursor() -> None:
    async with running() as ui:
        assert ui.app.theme == "ansi-dark"
        table = ui.main.query_one("#jobs")
        cursor_row = table.render_line(1)  # the header is line 0
        styles = {segment.style for segment in cursor_row if segment.text.strip()}
        # The terminal's own reverse video: visible whatever its palette, no colour codes.
        assert styles and all(s is not None and s.reverse for s in styles)
        assert all(s.color in (None, Color.default()) for s in styles if s is not None)
        await ui.press("t")
        assert ui.app.theme == "ansi-light"
        assert ui.session.prefs()["theme"] == "ansi-light"


async def test_textuals_own_colours_on_request_and_their_light_toggle_remembered() -> None:
    own = Settings(display=DisplaySettings(theme="textual-dark"))
    session = FakeSession(demo_jobs(), prefs={"theme": "textual-light"})
    async with running(session, settings=own) as ui:
        assert ui.app.theme == "textual-light"
        await ui.press("t")
        assert ui.app.theme == "textual-dark"


def _bar_of_running_job(ui: Any) -> str:
    table = ui.main.query_one("#jobs")
    lines = ["".join(s.text for s in table.render_line(y)) for y in range(1, 5)]
    return next(line for line in lines if "RUNNING" in line).split()[2]


async def test_bars_move_in_whole_cells_unless_smooth_bars_is_set() -> None:
    async with running() as ui:
        assert _bar_of_running_job(ui) == "████░░░░░░"  # 42%: the figure says the rest
    smooth = Settings(display=DisplaySettings(smooth_bars=True))
    async with running(settings=smooth) as ui:
        assert _bar_of_running_job(ui) == "████▏░░░░░"
