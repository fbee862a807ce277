"""The detail pane: everything about the selected job, scrollable.

Enter (or Tab) gives it the keys: the arrows, PgUp/PgDn, j/k and g/G then scroll the
pane, not the table, and its title line turns to reverse video and says so; Escape
hands the keys back to the table (`MainScreen.action_close_detail`).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import ClassVar, Optional

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from jobtui.domain.state import NextCheck, WatchedJob
from jobtui.ui.mono import without_colour
from jobtui.ui.widgets.cluster_detail import cluster_detail_text
from jobtui.ui.widgets.detail_text import RetryInfo, detail_text
from jobtui.ui.widgets.hanging import hang


class JobDetail(VerticalScroll, can_focus=True):
    """Shows one job; `show()` redraws only when the text would change."""

    DEFAULT_CSS = """
    /* A one-cell scrollbar and no right padding: a 32-character job ID fits whole
       in the pane at 80 columns. */
    JobDetail { padding: 0 0 0 1; scrollbar-size-vertical: 1; }
    JobDetail > Static { width: 1fr; }
    JobDetail > #detail-title { dock: top; height: 1; overflow: hidden; text-style: dim; }
    JobDetail:focus > #detail-title { text-style: bold reverse; }
    """
    # Arrows, PgUp/PgDn, Home/End come with the scroll container; these are vim's.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="detail.scroll_down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="detail.scroll_up"),
        Binding("g", "scroll_home", "Top", show=False, id="detail.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="detail.bottom"),
    ]
    TITLES = ("Detail  Enter/Tab: scroll it", "DETAIL  ↑↓ j k g G  Esc: table")

    def __init__(
        self, *, zone: Optional[tzinfo] = None, seconds: bool = False, id: Optional[str] = None
    ) -> None:
        super().__init__(id=id)
        self.zone, self.seconds = zone, seconds
        self.job: Optional[WatchedJob] = None
        self.text = Text()
        self._shown: Optional[str] = None

    def compose(self) -> ComposeResult:
        yield Static(self.TITLES[0], id="detail-title", markup=False)
        yield Static(id="detail-body")

    def on_focus(self) -> None:
        self.query_one("#detail-title", Static).update(self.TITLES[1])

    def on_blur(self) -> None:
        self.query_one("#detail-title", Static).update(self.TITLES[0])

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
        elif job.entry.is_cluster:
            text = cluster_detail_text(job, now, self.zone, retry, upcoming, seconds=self.seconds)
        else:
            text = detail_text(job, now, self.zone, retry, upcoming, seconds=self.seconds)
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
