"""The detail pane: everything about the selected job, scrollable."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Optional

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from jobtui.domain.state import NextCheck, WatchedJob
from jobtui.ui.mono import without_colour
from jobtui.ui.widgets.detail_text import RetryInfo, detail_text
from jobtui.ui.widgets.hanging import hang


class JobDetail(VerticalScroll, can_focus=True):
    """Shows one job; `show()` redraws only when the text would change."""

    DEFAULT_CSS = """
    JobDetail { padding: 0 1; }
    JobDetail > Static { width: 1fr; }
    """

    def __init__(self, *, zone: Optional[tzinfo] = None, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self.zone = zone
        self.job: Optional[WatchedJob] = None
        self.text = Text()
        self._shown: Optional[str] = None

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def show(
        self,
        job: Optional[WatchedJob],
        now: datetime,
        retry: Optional[RetryInfo],
        upcoming: Optional[NextCheck] = None,
    ) -> None:
        """Draw `job`; a no-op when nothing visible changed (saves bytes over SSH)."""
        self.job = job
        if job is None:
            text = Text("No job selected.")
        else:
            text = detail_text(job, now, self.zone, retry, upcoming)
        if self.app.no_color:
            text = without_colour(text)
        key = text.plain + repr(text.spans)
        if key != self._shown:
            self._shown, self.text = key, text
            self._paint()

    def on_resize(self) -> None:
        self._paint()

    def _paint(self) -> None:
        # `text` stays unwrapped (copying, tests); only what is drawn hangs its rows.
        width = self.scrollable_content_region.width
        self.query_one("#detail-body", Static).update(hang(self.text, width, self.app.console))
