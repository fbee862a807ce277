"""Low bandwidth draws in the terminal's own colours; the light/dark toggle follows."""

from __future__ import annotations

from rich.color import Color

from jobtui.config import DisplaySettings, Settings
from jobtui.ui import themes
from tests.ui.conftest import running
from tests.ui.fakes import FakeSession, demo_jobs

LOW = Settings(display=DisplaySettings(low_bandwidth=True, animations=False, mouse=False))


def test_a_remembered_toggle_keeps_its_brightness_in_either_mode() -> None:
    assert themes.initial(None, "", low_bandwidth=False) == "textual-dark"
    assert themes.initial(None, "", low_bandwidth=True) == "ansi-dark"
    assert themes.initial("textual-light", "", low_bandwidth=True) == "ansi-light"
    assert themes.initial("ansi-light", "", low_bandwidth=False) == "textual-light"
    assert themes.initial(None, "nord", low_bandwidth=True) == "nord"  # configured: obeyed
    assert themes.toggled("ansi-dark", low_bandwidth=True) == "ansi-light"
    assert themes.toggled("nord", low_bandwidth=False) == "textual-dark"


async def test_low_bandwidth_starts_in_terminal_colours_with_a_reverse_video_cursor() -> None:
    async with running(settings=LOW) as ui:
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


async def test_a_light_choice_made_at_full_colour_stays_light_at_low_bandwidth() -> None:
    session = FakeSession(demo_jobs(), prefs={"theme": "textual-light"})
    async with running(session, settings=LOW) as ui:
        assert ui.app.theme == "ansi-light"
