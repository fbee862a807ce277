"""In place of the table while no job is watched: how to add one, and the set-up state.

The words are the session's (`session/empty_watchlist.py`); config and environment
text in them is drawn literally.
"""

from __future__ import annotations

from typing import Optional

from rich.text import Text
from textual.widgets import Static

from jobtui.session.empty_watchlist import EmptyWords, SetupFacts, empty_words
from jobtui.ui.mono import without_colour
from jobtui.ui.render import literal
from jobtui.ui.widgets.hanging import LABEL_WIDTH, hang

KEY_WIDTH = 30  # "jobtui add PROJECT_ID/JOB_ID" and two spaces


def empty_text(words: EmptyWords) -> Text:
    """The heading, the ways to add a job, then Endpoint/Credentials rows."""
    out = Text(words.heading, style="bold")
    out.append("\n\n")
    for key, what in words.how_to_add:
        out.append(f"  {key:<{KEY_WIDTH}}", style="bold")
        out.append(f"{what}\n")
    for label, value, problem in words.setup:
        out.append("\n")
        out.append(f"{label:<{LABEL_WIDTH}}", style="bold")
        out.append(literal(value), style="bold red" if problem else "")
    if words.footer:
        out.append(f"\n\n{words.footer}", style="italic")
    return out


class EmptyState(Static):
    """Shown by `MainView` instead of the table when the watchlist is empty."""

    DEFAULT_CSS = "EmptyState { width: 1fr; height: 1fr; padding: 1 2; }"

    def __init__(self, id: Optional[str] = None) -> None:
        super().__init__(id=id, markup=False)
        self.text = Text()

    def show(self, facts: Optional[SetupFacts]) -> None:
        text = empty_text(empty_words(facts))
        self.text = without_colour(text) if self.app.no_color else text
        self._paint()

    def on_resize(self) -> None:
        self._paint()

    def _paint(self) -> None:
        width = self.content_region.width or self.app.size.width - 4
        self.update(hang(self.text, width, self.app.console))
