"""The terminal's own colours by default; `t` steps through themes that look different."""

from __future__ import annotations

from typing import Any

from rich.color import Color

from jobtui.store.config import DisplaySettings, Settings
from jobtui.ui import themes
from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, demo_jobs
from tests.ui.painted import painted


def test_a_remembered_theme_counts_only_under_the_config_it_was_chosen_under() -> None:
    assert themes.initial(None, "") == "ansi-dark"
    assert themes.initial("textual-light", "", "") == "textual-light"
    assert themes.initial(None, "textual-dark") == "textual-dark"
    assert themes.initial("ansi-dark", "textual-dark", "textual-dark") == "ansi-dark"
    # Config changed since: the new choice wins over one made under the old.
    assert themes.initial("textual-light", "nord", "") == "nord"
    assert themes.initial("ansi-dark", "textual-dark", "") == "textual-dark"
    # Prefs from before `t` cycled: only the light/dark toggle of the configured theme.
    assert themes.initial("ansi-light", "") == "ansi-light"
    assert themes.initial("textual-light", "") == "ansi-dark"
    assert themes.initial("ansi-light", "nord") == "nord"


def test_t_steps_through_themes_that_look_different() -> None:
    assert themes.cycle("") == ("ansi-dark", "textual-dark", "textual-light")
    assert themes.cycle("ansi-light") == ("ansi-light", "textual-dark", "textual-light")
    assert themes.cycle("nord") == ("nord", "ansi-dark", "textual-dark", "textual-light")
    assert themes.following("textual-light", "") == "ansi-dark"
    assert themes.following("ansi-light", "") == "ansi-dark"  # not in the cycle: its start
    assert themes.announcement("textual-dark", "") == "Theme 2 of 3: Textual dark (t: next)."


async def test_each_t_changes_the_screen_and_says_which_theme() -> None:
    async with running(size=(80, 24)) as ui:
        before = painted(ui.app, "256").data
        for expected in ("textual-dark", "textual-light", "ansi-dark"):
            await ui.press("t")
            assert ui.app.theme == expected
            assert ui.toasts[-1] == themes.announcement(expected, "")
            await ui.pilot.pause()
            shot = painted(ui.app, "256")
            table = "\n".join(shot.screen.display[:6])
            assert "FAIL" in table and shot.data != before, expected
            before = shot.data
        assert ui.session.prefs()["theme"] == "ansi-dark"
        assert ui.session.prefs()["theme_for"] == ""


async def test_it_starts_in_terminal_colours_with_a_reverse_video_cursor() -> None:
    async with running() as ui:
        assert ui.app.theme == "ansi-dark"
        table = ui.main.query_one("#jobs")
        cursor_row = table.render_line(1)  # the header is line 0
        styles = {segment.style for segment in cursor_row if segment.text.strip()}
        # The terminal's own reverse video: visible whatever its palette, no colour codes.
        assert styles and all(s is not None and s.reverse for s in styles)
        assert all(s.color in (None, Color.default()) for s in styles if s is not None)


async def test_textuals_own_colours_on_request_and_their_light_toggle_remembered() -> None:
    own = Settings(display=DisplaySettings(theme="textual-dark"))
    session = FakeSession(demo_jobs(), prefs={"theme": "textual-light"})
    async with running(session, settings=own) as ui:
        assert ui.app.theme == "textual-light"
        await ui.press("t")
        assert ui.app.theme == "ansi-dark"


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
