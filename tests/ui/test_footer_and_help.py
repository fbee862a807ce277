"""The footer says what the pause key will do; the help fits an 80x24 terminal."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from jobtui.config import Settings
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
