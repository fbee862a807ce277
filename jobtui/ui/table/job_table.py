"""The table of watched jobs: a Line-API widget that repaints only what changed.

Not a DataTable: that re-sends the whole table on any cell update, parses str
cells as markup and loses the cursor on sort. Here each row is one cached strip
(`RowStrips`); a changed job sends only its changed cells, a cursor move two
lines (`TablePainter`), and no timer runs unless a progress bar is easing to a
new value. `JobTable` is what the screen and Textual call; it hands keys, clicks
and sorting to `CursorAndSort` and changed jobs and the tick to `RowUpdates`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo
from typing import Callable, ClassVar, Optional

from textual import events
from textual.binding import BindingType
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from jobtui import patches
from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui import partial_update, render
from jobtui.ui.animation import FrameDriver, ProgressAnimator, TimerFactory
from jobtui.ui.keys import TABLE_BINDINGS
from jobtui.ui.table import messages as table_messages
from jobtui.ui.table.cursor_and_sort import CursorAndSort
from jobtui.ui.table.row_cells import RowContext
from jobtui.ui.table.row_strips import RowStrips
from jobtui.ui.table.row_updates import RowUpdates
from jobtui.ui.table.rows import TableRows
from jobtui.ui.table.shown_jobs import status_counts
from jobtui.ui.table.table_painter import TablePainter

ONE_SPAN_PER_LINE = 10**6  # merge gap when Textual sends each span from the line's edge


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class JobTable(ScrollView, can_focus=True):
    """Every watched job, one line each, under a fixed header of column titles."""

    # No :hover rules anywhere: a hover repaint costs ~270 KB/s over SSH.
    DEFAULT_CSS = """
    JobTable { overflow-x: hidden; overflow-y: auto; height: 1fr; scrollbar-size-vertical: 1; }
    JobTable > .job-table--header { text-style: bold; }
    JobTable > .job-table--cursor { background: $block-cursor-blurred-background; }
    JobTable:focus > .job-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"job-table--header", "job-table--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [*TABLE_BINDINGS]
    Selected = table_messages.Selected
    Activated = table_messages.Activated
    SortChanged = table_messages.SortChanged

    def __init__(
        self,
        jobs: Sequence[WatchedJob] = (),
        *,
        animations: bool = True,
        seconds_clock: bool = False,
        glyphs: Optional[render.Glyphs] = None,
        zone: Optional[tzinfo] = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = _utc_now,
        timer_factory: Optional[TimerFactory] = None,
        name: Optional[str] = None,
        id: Optional[str] = None,
        classes: Optional[str] = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows = TableRows()
        ctx = RowContext(now(), glyphs or render.glyphs_for(), seconds_clock, zone)
        self._strips = RowStrips(ctx)
        animator: ProgressAnimator[JobKey] = ProgressAnimator(clock, enabled=animations)
        self._painter = TablePainter(self, self._rows, self._strips, animator)
        self._cursor = CursorAndSort(self, self._rows, self._strips, self._painter)
        timers = timer_factory or self._default_timer
        self._frames = FrameDriver(animator, timers, self._painter.repaint)
        self._updates = RowUpdates(
            self._rows, self._strips, self._painter, self._cursor, self._frames, now
        )
        self._rows.replace(jobs)
        self._rows.reorder(ctx.now)

    # --- what the screen reads ------------------------------------------------

    @property
    def selected_key(self) -> Optional[JobKey]:
        return self._rows.cursor

    @property
    def selected_job(self) -> Optional[WatchedJob]:
        key = self._rows.cursor
        return None if key is None else self._rows.jobs.get(key)

    def cursor_row_line(self) -> Optional[int]:
        """The widget line the cursor row is drawn on (0 is the header), if on screen."""
        return self._painter.line_of(self._rows.cursor)

    @property
    def shown_count(self) -> int:
        return len(self._rows.order)

    @property
    def total_count(self) -> int:
        return len(self._rows.jobs)

    @property
    def sort_column(self) -> Optional[str]:
        return self._rows.sort_column

    @property
    def sort_reverse(self) -> bool:
        return self._rows.reverse

    @property
    def now(self) -> datetime:
        """The table's clock for elapsed and "ago" cells: moves on `tick` and `set_jobs`."""
        return self._strips.ctx.now

    @property
    def animations(self) -> bool:
        return self._frames.animator.enabled

    @animations.setter
    def animations(self, value: bool) -> None:
        self._frames.animator.enabled = value
        if not value:
            self._frames.stop()

    @property
    def timer_running(self) -> bool:
        """True while a frame timer runs (only while a bar eases)."""
        return self._frames.running

    def counts(self) -> dict[str, int]:
        """Jobs per status word over the whole watchlist (`-` = no answer yet)."""
        return status_counts(self._rows.jobs.values())

    # --- what the screen changes ----------------------------------------------

    def set_jobs(self, jobs: Sequence[WatchedJob]) -> None:
        """Replace every row (at start, or after a reload); keeps the cursor's job."""
        self._updates.replace(jobs)

    def update_job(self, job: WatchedJob) -> None:
        """One job changed: repaint the changed cells of its line."""
        self._updates.update([job])

    def update_jobs(self, jobs: Sequence[WatchedJob]) -> None:
        """Several jobs changed in one poll: apply all, then sort once if needed."""
        self._updates.update(jobs)

    def remove_job(self, key: JobKey) -> None:
        self._updates.remove(key)

    def set_filter(self, text: str) -> None:
        self._rows.query = text
        self._cursor.reorder()

    @property
    def active_only(self) -> bool:
        return self._rows.active_only

    def set_active_only(self, active_only: bool) -> None:
        self._rows.active_only = active_only
        self._cursor.reorder()

    def set_project_labels(self, labels: dict[str, str]) -> None:
        """Names to show in the project column instead of shortened IDs."""
        self._strips.set_project_labels(labels)
        self.refresh()

    def tick(self, now: Optional[datetime] = None) -> None:
        """Move the table's clock; repaints only the visible cells whose text changed."""
        self._updates.tick(now)

    def advance_animation(self) -> None:
        """Run one animation frame now (tests drive the animation clock through this)."""
        self._frames.frame()

    def select_key(self, key: JobKey) -> None:
        """Put the cursor on `key` if it is shown."""
        self._cursor.select(key)

    def sort_by(self, column: Optional[str], reverse: Optional[bool] = None) -> None:
        """Sort by `column` (None: watchlist order); `reverse` None keeps the direction."""
        self._cursor.sort_by(column, reverse)

    def set_sort(self, column: Optional[str], reverse: bool) -> None:
        """Restore a remembered sort (same as `sort_by`)."""
        self._cursor.sort_by(column, reverse)

    def cycle_sort(self) -> None:
        self._cursor.cycle_sort()

    def reverse_sort(self) -> None:
        self._cursor.reverse_sort()

    # --- keys and clicks ----------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._cursor.move(1)

    def action_cursor_up(self) -> None:
        self._cursor.move(-1)

    def action_page_down(self) -> None:
        self._cursor.page(1)

    def action_page_up(self) -> None:
        self._cursor.page(-1)

    def action_first(self) -> None:
        self._cursor.move_to(0)

    def action_last(self) -> None:
        self._cursor.move_to(-1)

    def action_activate(self) -> None:
        self._cursor.activate()

    def action_cycle_sort(self) -> None:
        self._cursor.cycle_sort()

    def action_reverse_sort(self) -> None:
        self._cursor.reverse_sort()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self._cursor.click(offset.x, offset.y)

    # --- Textual hooks ------------------------------------------------------------

    def on_mount(self) -> None:
        self._strips.console = self.app.console
        if not patches.install_partial_update(
            partial_update.ChopsUpdate, partial_update.render_segments
        ):
            self._strips.merge_gap = ONE_SPAN_PER_LINE
        if self.app.animation_level == "none":
            self._frames.animator.enabled = False
        self._painter.resize()

    def on_resize(self, event: events.Resize) -> None:
        self._painter.resize()
        self._cursor.check_sort_shown()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.restyle()

    def render_line(self, y: int) -> Strip:
        return self._painter.line(y)

    def _default_timer(self, interval: float, callback: Callable[[], None]) -> Timer:
        return self.set_interval(interval, callback, name="job-table-animation")
