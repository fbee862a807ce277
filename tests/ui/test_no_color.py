"""NO_COLOR: not one colour code reaches the terminal, and everything stays readable.

The screens are rendered as the terminal would receive them and replayed on a VT
emulator (pyte): the bytes carry no colour parameter, the cursor row is reverse video
and the other rows are not, and the status line's words are on screen.
"""

from __future__ import annotations

import pytest
from rich.style import Style

from jobtui.store.config import DisplaySettings, Settings
from jobtui.ui import themes
from tests.ui.conftest import running
from tests.ui.painted import DEPTHS, Painted, painted


def _reversed(shot: Painted, y: int, columns: range) -> set[bool]:
    return {shot.screen.buffer[y][x].reverse for x in columns}


def _colours_on_screen(shot: Painted) -> set[tuple[str, str]]:
    buffer = shot.screen.buffer
    return {(c.fg, c.bg) for y in buffer for c in buffer[y].values()}


@pytest.mark.parametrize("theme", [*themes.TERMINAL, *themes.OWN])
async def test_no_colour_code_is_sent_and_the_cursor_row_is_reversed(
    monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    settings = Settings(display=DisplaySettings(theme=theme))
    async with running(settings=settings, size=(80, 24)) as ui:
        ui.app.notify("Job finished", markup=False)
        await ui.press("enter")
        table = ui.main.table.region
        columns = range(table.x, table.right - 1)  # not the scrollbar
        for depth in DEPTHS:
            shot = painted(ui.app, depth)
            assert shot.colour_params() == [], depth
            assert _colours_on_screen(shot) == {("default", "default")}
            assert _reversed(shot, 1, columns) == {True}  # the cursor row, whole
            assert _reversed(shot, 2, columns) == {False}
            status = shot.line(ui.main.query_one("#status").region.y)
            assert "4 jobs" in status and "FAIL 1" in status


async def test_dialogs_and_help_send_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with running(size=(80, 24)) as ui:
        await ui.press("a")
        shot = painted(ui.app, "truecolor")
        assert shot.colour_params() == []
        # The text cursor in the focused field: reverse video, not a colour.
        field = shot.row_of("or paste project/job")
        assert any(cell.reverse for cell in shot.screen.buffer[field].values())
        await ui.press("escape", "question_mark")
        shot = painted(ui.app, "truecolor")
        assert shot.colour_params() == [] and "Quit" in "\n".join(shot.screen.display)


def _styles_of(text, word: str) -> list[Style]:  # type: ignore[no-untyped-def]
    start = text.plain.index(word)
    return [Style.parse(str(s.style)) for s in text.spans if s.start <= start < s.end]


async def test_failure_count_is_reversed_not_grey_red(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with running() as ui:
        bar = ui.main.query_one("#status")
        (style,) = _styles_of(bar.render(), "FAIL 1")
        assert style.reverse and style.bold and style.color is None
        for word in ("INIT", "WAITING"):
            if word in bar.render().plain:
                assert not any(s.dim for s in _styles_of(bar.render(), word))


async def test_detail_title_of_a_failed_job_is_reversed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with running() as ui:
        ui.main.detail.show(ui.session.jobs()[0], ui.app.now(), None)
        text = ui.main.detail.text
        assert text.plain.startswith("x FAIL")
        assert Style.parse(str(text.style)).reverse or any(
            Style.parse(str(s.style)).reverse for s in text.spans if s.start == 0
        )
