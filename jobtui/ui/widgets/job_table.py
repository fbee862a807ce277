"""The table of watched jobs: a Line-API widget that repaints only what changed.

Not a DataTable: that re-sends the whole table on any cell update, parses str
cells as markup and loses the cursor on sort. Here each row is one cached strip;
a changed job repaints the changed part of its line, a cursor move two lines,
and no timer runs unless a progress bar is easing to a new value.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo
from typing import Callable, ClassVar, Optional

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from jobtui.state import JobKey, WatchedJob
from jobtui.ui import render
from jobtui.ui.animation import FrameDriver, ProgressAnimator, TimerFactory
from jobtui.ui.view import next_column, status_counts
from jobtui.ui.widgets import table_messages
from jobtui.ui.widgets.row_painter import RowPainter
from jobtui.ui.widgets.table_columns import RowContext, column_at
from jobtui.ui.widgets.table_rows import TableRows


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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="table.cursor_down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="table.cursor_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page_up"),
        Binding("home,g", "first", "First job", show=False, id="table.first"),
        Binding("end,G", "last", "Last job", show=False, id="table.last"),
        Binding("enter", "activate", "Details", show=False, id="table.activate"),
    ]
    Selected = table_messages.Selected
    Activated = table_messages.Activated
    SortChanged = table_messages.SortChanged
    # The names the shell's first draft used for the same messages.
    JobHighlighted = Selected
    JobSelected = Activated

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
        self._now_fn = now
        ctx = RowContext(now(), glyphs or render.glyphs_for(), seconds_clock, zone)
        self._painter = RowPainter(ctx)
        animator: ProgressAnimator[JobKey] = ProgressAnimator(clock, enabled=animations)
        self._frames = FrameDriver(animator, timer_factory or self._default_timer, self._repaint)
        self._rows.replace(jobs)
        self._rows.reorder(ctx.now)
        self._reorder_pending = False

    # --- what the screen reads ------------------------------------------------

    @property
    def selected_key(self) -> Optional[JobKey]:
        return self._rows.cursor

    @property
    def selected_job(self) -> Optional[WatchedJob]:
        key = self._rows.cursor
        return None if key is None else self._rows.jobs.get(key)

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
        return self._painter.ctx.now

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
        self._rows.replace(jobs)
        self._frames.stop()
        self._set_now(self._now_fn())
        self._painter.forget()
        self._reorder(full=True)

    def update_job(self, job: WatchedJob) -> None:
        """One job changed: repaint the changed cells of its line."""
        self.update_jobs([job])

    def update_jobs(self, jobs: Sequence[WatchedJob]) -> None:
        """Several jobs changed in one poll: apply all, then sort once if needed."""
        moved = False
        for job in jobs:
            key = job.entry.key
            old = self._rows.jobs.get(key)
            self._rows.jobs[key] = job
            moved = moved or self._rows.needs_reorder(old, job, self.now)
            if self._line_of(key) is not None:  # off-screen bars just jump
                self._frames.start(key, _bar_value(old), _bar_value(job))
            self._repaint([key])
        if moved:
            self._reorder_soon()

    def remove_job(self, key: JobKey) -> None:
        if self._rows.jobs.pop(key, None) is not None:
            self._painter.forget([key])
            self._frames.animator.cancel(key)
            self._reorder()

    def select_key(self, key: JobKey) -> None:
        """Put the cursor on `key` if it is shown."""
        if self._rows.index(key) is not None:
            self._move_cursor(lambda rows: key)

    def sort_by(self, column: Optional[str], reverse: Optional[bool] = None) -> None:
        """Sort by `column` (None: watchlist order); `reverse` None keeps the direction."""
        if reverse is None:
            reverse = self._rows.reverse if column == self._rows.sort_column else False
        self._rows.sort_column, self._rows.reverse = column, reverse
        self.refresh(Region(0, 0, self.size.width, 1))
        self._reorder()
        self.post_message(self.SortChanged(self, column, reverse))

    def set_sort(self, column: Optional[str], reverse: bool) -> None:
        """Restore a remembered sort (same as `sort_by`)."""
        self.sort_by(column, reverse)

    def cycle_sort(self) -> None:
        self.sort_by(next_column(self._rows.sort_column), reverse=False)

    def reverse_sort(self) -> None:
        self.sort_by(self._rows.sort_column, reverse=not self._rows.reverse)

    def set_filter(self, text: str) -> None:
        self._rows.query = text
        self._reorder()

    def set_active_only(self, active_only: bool) -> None:
        self._rows.active_only = active_only
        self._reorder()

    def set_project_labels(self, labels: dict[str, str]) -> None:
        """Names to show in the project column instead of shortened IDs."""
        ctx = self._painter.ctx
        self._painter.ctx = RowContext(ctx.now, ctx.glyphs, ctx.seconds_clock, ctx.zone, labels)
        self._painter.forget()
        self.refresh()

    def tick(self, now: Optional[datetime] = None) -> None:
        """Move the table's clock; repaints only the visible cells whose text changed."""
        self._set_now(now or self._now_fn())
        visible = self._visible_keys()
        self._painter.keep_only(set(visible))
        self._repaint(visible)
        if self._rows.sort_column in ("elapsed", "started"):
            self._reorder()

    # --- actions ----------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._move_cursor(lambda rows: rows.move(1))

    def action_cursor_up(self) -> None:
        self._move_cursor(lambda rows: rows.move(-1))

    def action_page_down(self) -> None:
        self._move_cursor(lambda rows: rows.move(self._page()))

    def action_page_up(self) -> None:
        self._move_cursor(lambda rows: rows.move(-self._page()))

    def action_first(self) -> None:
        self._move_cursor(lambda rows: rows.move_to(0))

    def action_last(self) -> None:
        self._move_cursor(lambda rows: rows.move_to(-1))

    def action_activate(self) -> None:
        if self._rows.cursor is not None:
            self.post_message(self.Activated(self, self._rows.cursor))

    def action_cycle_sort(self) -> None:
        self.cycle_sort()

    def action_reverse_sort(self) -> None:
        self.reverse_sort()

    def advance_animation(self) -> None:
        """Run one animation frame now (tests drive the animation clock through this)."""
        self._frames.frame()

    # --- Textual hooks ------------------------------------------------------------

    def on_mount(self) -> None:
        self._painter.console = self.app.console
        if self.app.animation_level == "none":
            self._frames.animator.enabled = False
        self._update_virtual_size()

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.forget()  # a theme change restyles every row

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = column_at(self._painter.layout, offset.x)
            if column is not None:
                self.sort_by(column, not self.sort_reverse if column == self.sort_column else None)
            return
        index = offset.y - 1 + int(self.scroll_y)
        if 0 <= index < len(self._rows.order):
            key = self._rows.order[index]
            self._move_cursor(lambda rows: key)
            self.post_message(self.Activated(self, key))

    def render_line(self, y: int) -> Strip:
        painter = self._painter
        painter.set_width(self.scrollable_content_region.width)
        painter.set_style(self.rich_style)
        if y == 0:
            header = self.get_component_rich_style("job-table--header")
            return painter.header(self.sort_column, self.sort_reverse, header)
        index = y - 1 + int(self.scroll_y)
        if not 0 <= index < len(self._rows.order):
            return Strip.blank(painter.width, self.rich_style)
        key = self._rows.order[index]
        strip = painter.row(self._rows.jobs[key], self._frames.animator.value(key))
        if key == self._rows.cursor:
            strip = self._cursor_line(strip)
        return strip

    def _cursor_line(self, strip: Strip) -> Strip:
        # On top of the cells' own styles; reversed too, so it shows under NO_COLOR.
        cursor = self.get_component_rich_style("job-table--cursor")
        if self.app.no_color:
            cursor += Style(reverse=True)
        return Strip(Segment.apply_style(strip, post_style=cursor), strip.cell_length)

    # --- internals ------------------------------------------------------------------

    def _set_now(self, now: datetime) -> None:
        ctx = self._painter.ctx
        self._painter.ctx = RowContext(
            now, ctx.glyphs, ctx.seconds_clock, ctx.zone, ctx.project_labels
        )

    def _visible_keys(self) -> list[JobKey]:
        top = int(self.scroll_y)
        return self._rows.order[top : top + max(0, self.size.height - 1)]

    def _line_of(self, key: Optional[JobKey]) -> Optional[int]:
        index = self._rows.index(key)
        if index is None:
            return None
        line = index + 1 - int(self.scroll_y)
        return line if 1 <= line < self.size.height else None

    def _repaint_line(self, key: Optional[JobKey]) -> None:
        line = self._line_of(key)
        if line is not None:
            self.refresh(Region(0, line, self.size.width, 1))

    def _repaint(self, keys: Sequence[JobKey]) -> None:
        """Re-render rows whose data, clock or animation moved; send only changed cells."""
        for key in keys:
            line = self._line_of(key)
            if line is None:
                self._painter.forget([key])
                continue
            shown = self._frames.animator.value(key)
            spans = self._painter.redraw(self._rows.jobs[key], shown)
            for x, width in spans if spans is not None else [(0, self.size.width)]:
                self.refresh(Region(x, line, width, 1))

    def _reorder_soon(self) -> None:
        """Sort once after a burst of updates: a poll of 2,000 jobs is 2,000 calls."""
        if not self.is_mounted:
            self._reorder()
        elif not self._reorder_pending:
            self._reorder_pending = True
            self.call_later(self._reorder)

    def _reorder(self, full: bool = False) -> None:
        self._reorder_pending = False
        before = self._rows.cursor
        previous = self._rows.reorder(self.now)
        order = self._rows.order
        if full or len(previous) != len(order):
            self._update_virtual_size()
            self.refresh()
        else:
            # Only lines on screen matter; off-screen rows are drawn when scrolled to.
            top, width = int(self.scroll_y), self.size.width
            for line in range(1, self.size.height):
                index = top + line - 1
                if index < len(order) and previous[index] != order[index]:
                    self.refresh(Region(0, line, width, 1))
        self._after_cursor_move(before)

    def _move_cursor(self, move: Callable[[TableRows], Optional[JobKey]]) -> None:
        before = self._rows.cursor
        self._rows.cursor = move(self._rows)
        self._after_cursor_move(before)

    def _after_cursor_move(self, before: Optional[JobKey]) -> None:
        after = self._rows.cursor
        if after == before:
            return
        self._repaint_line(before)
        self._scroll_to_cursor()
        self._repaint_line(after)
        self.post_message(self.Selected(self, after))

    def _scroll_to_cursor(self) -> None:
        index = self._rows.index(self._rows.cursor)
        if index is None or not self.is_mounted:
            return
        rows = max(1, self.size.height - 1)
        top = int(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + rows:
            self.scroll_to(y=index - rows + 1, animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.size.height - 2)

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(self._rows.order) + 1)

    def _default_timer(self, interval: float, callback: Callable[[], None]) -> Timer:
        return self.set_interval(interval, callback, name="job-table-animation")


def _bar_value(job: Optional[WatchedJob]) -> Optional[float]:
    """The value a job's bar shows; None (no easing) for pending jobs and no answer."""
    record = job.state.record if job is not None else None
    if record is None or record.status.pending:
        return None
    return 100.0 if record.status.value == "SUCCESS" else record.progress
