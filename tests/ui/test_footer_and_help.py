"""The footer says what the pause key will do; the help fits an 80x24 terminal."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from jobtui.store.config import Settings
from tests.ui.conftest import Harness, running


def footer_words(ui: Harness) -> dict[str, str]:
    """Each footer key's action and the words it shows."""
    keys = ui.main.query_one(Footer).query(FooterKey)
    return {key.action: key.description for key in keys}


async def test_the_footer_offers_resume_while_paused() -> None:
    async with running() as ui:
        assert footer_words(ui)["toggle_pause"] == "Pause"
        await ui.press("p")
        assert footer_words(ui)["toggle_pause"] == "Resume"
        await ui.press("p")
        assert footer_words(ui)["toggle_pause"] == "Pause"


async def test_resume_follows_a_remapped_pause_key() -> None:
    async with running(settings=Settings(keymap={"toggle_pause": "P"})) as ui:
        await ui.press("P")
        keys = ui.main.query_one(Footer).query(FooterKey)
        assert [(k.key, k.description) for k in keys if k.action == "toggle_pause"] == [
            ("P", "Resume")
        ]


def help_lines(ui: Harness) -> list[str]:
    keys = ui.app.screen.query_one("#help-keys")
    return [keys.render_line(y).text for y in range(keys.size.height)]


async def test_the_help_fits_80x24_in_two_columns_with_ids() -> None:
    async with running(size=(80, 24)) as ui:
        await ui.press("question_mark")
        scroll = ui.app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y == 0 and scroll.max_scroll_x == 0
        lines = help_lines(ui)
        # Side by side: the first rows pair the columns' first keys; the last key is shown.
        assert any("cursor_down" in line and "toggle_pause" in line for line in lines)
        assert "refresh_all" in lines[-1] and any("toggle_theme" in line for line in lines)
        assert any(line.split()[:2] == ["f", "Find"] for line in lines)  # clusters of the project
        # g and G work in the table, so the help names them.
        assert any(line.split()[:4] == ["g", "home", "First", "job"] for line in lines)
        assert any(line.split()[:4] == ["G", "end", "Last", "job"] for line in lines)
        assert "ctrl+p: every action by name" in str(ui.app.screen.query(".hint").first().render())


async def test_a_shorter_terminal_scrolls_the_help_with_j_and_k() -> None:
    async with running(size=(80, 16)) as ui:
        await ui.press("question_mark")
        scroll = ui.app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0
        await ui.press("j", "j")
        assert scroll.scroll_y == 2
        await ui.press("k")
        assert scroll.scroll_y == 1
        await ui.press("pagedown")
        assert scroll.scroll_y > 1


async def palette_titles(ui: Harness) -> list[str]:
    """The commands Ctrl+P lists before anything is typed, as the user reads them."""
    from textual.command import CommandList

    await ui.press("ctrl+p")
    await ui.pilot.pause(0.3)  # the palette gathers its commands in a worker
    options = ui.app.screen.query_one(CommandList).options
    return [str(option.prompt).split("\n")[0] for option in options]


async def test_the_palette_offers_resume_while_paused() -> None:
    async with running() as ui:
        await ui.press("p")
        titles = await palette_titles(ui)
        assert "Resume" in titles and "Pause" not in titles
        await ui.press("escape", "p")
        titles = await palette_titles(ui)
        assert "Pause" in titles and "Resume" not in titles


async def test_the_help_says_resume_for_p_while_paused() -> None:
    async with running() as ui:
        await ui.press("p", "question_mark")
        rows = ui.app.screen.query_one("#help-keys").rows
        assert ("p", "Resume", "toggle_pause") in rows
        await ui.press("escape", "p", "question_mark")
        assert ("p", "Pause", "toggle_pause") in ui.app.screen.query_one("#help-keys").rows


async def test_the_help_scroll_keys_remap_by_id_like_every_other_key() -> None:
    keymap = {"help_scroll_down": "n", "help_scroll_up": "e"}
    async with running(settings=Settings(keymap=keymap), size=(80, 16)) as ui:
        await ui.press("question_mark")
        scroll = ui.app.screen.query_one("#help-scroll")
        await ui.press("n", "n")
        assert scroll.scroll_y == 2
        await ui.press("e")
        assert scroll.scroll_y == 1
