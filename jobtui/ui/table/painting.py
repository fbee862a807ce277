"""How the job table paints: a strip per row, and refreshes of only the cells that changed.

The base of `JobTable`: rows, painter and animation frames, `render_line`, and
the bookkeeping that turns a changed job, a re-sort or a cursor move into the
smallest refresh regions (a poll that moves a progress bar sends its few cells).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Callable, Optional

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from jobtui import patches
from jobtui.domain.state import JobKey
from jobtui.ui import partial_update
from jobtui.ui.animation import FrameDriver
from jobtui.ui.table import messages as table_messages
from jobtui.ui.table.columns import BAR_WIDTH_SPARE, RowContext
from jobtui.ui.table.row_painter import RowPainter
from jobtui.ui.table.rows import TableRows

ONE_SPAN_PER_LINE = 10**6  # merge gap when Textual sends each span from the line's edge


class TableView(ScrollView):
    """Rows drawn from cached strips; changes become refreshes of the changed cells."""

    _rows: TableRows
    _painter: RowPainter
    _frames: FrameDriver[JobKey]
    _reorder_pending: bool
    _style: Optional[Style] = None

    @property
    def now(self) -> datetime:
        """The table's clock for elapsed and "ago" cells: moves on `tick` and `set_jobs`."""
        return self._painter.ctx.now

    # --- Textual hooks ------------------------------------------------------------

    def on_mount(self) -> None:
        self._painter.console = self.app.console
        if not patches.install_partial_update(
            partial_update.ChopsUpdate, partial_update.render_segments
        ):
            self._painter.merge_gap = ONE_SPAN_PER_LINE
        if self.app.animation_level == "none":
            self._frames.animator.enabled = False
        self._update_virtual_size()

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None
        self._painter.forget()  # a theme change restyles every row

    @property
    def base_style(self) -> Style:
        """`rich_style`, kept until the styles change: Textual works it out afresh from
        every ancestor on each call, which was a tenth of the time a key press took
        to repaint a screenful of rows."""
        if self._style is None:
            self._style = self.rich_style
        return self._style

    def render_line(self, y: int) -> Strip:
        painter = self._painter
        painter.set_width(self.scrollable_content_region.width)
        painter.set_style(self.base_style)
        if y == 0:
            header = self.get_component_rich_style("job-table--header")
            return painter.header(self._rows.sort_column, self._rows.reverse, header)
        index = y - 1 + int(self.scroll_y)
        if not 0 <= index < len(self._rows.order):
            return Strip.blank(painter.width, self.base_style)
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

    # --- painting -------------------------------------------------------------------

    def _set_now(self, now: datetime) -> None:
        ctx = self._painter.ctx
        self._painter.ctx = RowContext(
            now, ctx.glyphs, ctx.seconds_clock, ctx.zone, ctx.project_labels
        )

    def _bar_step(self) -> float:
        """Moves up to this (in percent: one whole cell of the bar) jump, not ease.

        Easing them would show one to seven eighth-cell glyphs
        in turn, too little to read as motion, and each costs ~35 bytes per row.
        """
        widths = [width for column, width in self._painter.layout if column.id == "progress"]
        return 100.0 / max(1, widths[0] - BAR_WIDTH_SPARE) if widths else 0.0

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
        """Re-render rows whose data, clock or animation moved; refresh only changed cells."""
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

    # --- the cursor -----------------------------------------------------------------

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
        self.post_message(table_messages.Selected(self, after))

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

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(self._rows.order) + 1)

    def _default_timer(self, interval: float, callback: Callable[[], None]) -> Timer:
        return self.set_interval(interval, callback, name="job-table-animation")
