"""Puts the table's rows on screen lines, and refreshes only the cells a change moved.

Line 0 is the header; line y shows row y - 1 below the scroll offset. A changed
job, a re-sort or a cursor move becomes the smallest refresh regions (a poll that
moves a progress bar sends its few cells); rows off screen are drawn when
scrolled to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from jobtui.domain.state import JobKey
from jobtui.ui.animation import ProgressAnimator
from jobtui.ui.table.column_layout import column_at
from jobtui.ui.table.row_strips import RowStrips
from jobtui.ui.table.rows import TableRows


class TablePainter:
    """Draws `rows` in `view` from `strips`, bars at the values `animator` eases them to."""

    def __init__(
        self,
        view: ScrollView,
        rows: TableRows,
        strips: RowStrips,
        animator: ProgressAnimator[JobKey],
    ) -> None:
        self._view = view
        self._rows = rows
        self._strips = strips
        self._animator = animator
        self._style: Optional[Style] = None

    def restyle(self) -> None:
        """The styles changed (a theme): every row is drawn afresh."""
        self._style = None
        self._strips.forget()

    @property
    def base_style(self) -> Style:
        """The view's `rich_style`, kept until the styles change: Textual works it out
        afresh from every ancestor on each call, which was a tenth of the time a key
        press took to repaint a screenful of rows."""
        if self._style is None:
            self._style = self._view.rich_style
        return self._style

    def line(self, y: int) -> Strip:
        """Screen line `y`: the header, a row (the cursor's highlighted), or blank."""
        strips = self._strips
        strips.set_width(self._view.scrollable_content_region.width)
        strips.set_style(self.base_style)
        if y == 0:
            header = self._view.get_component_rich_style("job-table--header")
            return strips.header(self._rows.sort_column, self._rows.reverse, header)
        key = self.key_at(y)
        if key is None:
            return Strip.blank(strips.width, self.base_style)
        strip = strips.row(self._rows.jobs[key], self._animator.value(key))
        return self._cursor_line(strip) if key == self._rows.cursor else strip

    def _cursor_line(self, strip: Strip) -> Strip:
        # On top of the cells' own styles; reversed too, so it shows under NO_COLOR.
        cursor = self._view.get_component_rich_style("job-table--cursor")
        if self._view.app.no_color:
            cursor += Style(reverse=True)
        return Strip(Segment.apply_style(strip, post_style=cursor), strip.cell_length)

    # --- where rows are -------------------------------------------------------------

    def key_at(self, y: int) -> Optional[JobKey]:
        """The job on screen line `y` (1 is the first row line), if any."""
        index = y - 1 + int(self._view.scroll_y)
        order = self._rows.order
        return order[index] if 0 <= index < len(order) else None

    def column_at(self, x: int) -> Optional[str]:
        """The id of the column whose title or cells are at `x`, if any."""
        return column_at(self._strips.layout, x)

    def line_of(self, key: Optional[JobKey]) -> Optional[int]:
        """The screen line showing `key`, or None when it is not on screen."""
        index = self._rows.index(key)
        if index is None:
            return None
        line = index + 1 - int(self._view.scroll_y)
        return line if 1 <= line < self._view.size.height else None

    def visible_keys(self) -> list[JobKey]:
        top = int(self._view.scroll_y)
        return self._rows.order[top : top + max(0, self._view.size.height - 1)]

    @property
    def page(self) -> int:
        """How many rows a page key moves."""
        return max(1, self._view.size.height - 2)

    # --- refreshing what changed ----------------------------------------------------

    def repaint(self, keys: Sequence[JobKey]) -> None:
        """Re-render rows whose data, clock or animation moved; refresh only changed cells."""
        for key in keys:
            line = self.line_of(key)
            if line is None:
                self._strips.forget([key])
                continue
            spans = self._strips.redraw(self._rows.jobs[key], self._animator.value(key))
            for x, width in spans if spans is not None else [(0, self._view.size.width)]:
                self._view.refresh(Region(x, line, width, 1))

    def repaint_line(self, key: Optional[JobKey]) -> None:
        """Refresh the whole line of `key` (the cursor came or went), if on screen."""
        line = self.line_of(key)
        if line is not None:
            self._view.refresh(Region(0, line, self._view.size.width, 1))

    def repaint_header(self) -> None:
        self._view.refresh(Region(0, 0, self._view.size.width, 1))

    def repaint_moved(self, previous: Sequence[JobKey], full: bool = False) -> None:
        """After a re-sort: all if `full` or rows came or went, else lines whose job changed."""
        order = self._rows.order
        if full or len(previous) != len(order):
            self.resize()
            self._view.refresh()
            return
        # Only lines on screen matter; off-screen rows are drawn when scrolled to.
        top, width = int(self._view.scroll_y), self._view.size.width
        for line in range(1, self._view.size.height):
            index = top + line - 1
            if index < len(order) and previous[index] != order[index]:
                self._view.refresh(Region(0, line, width, 1))

    def resize(self) -> None:
        """Size the scrollable area to the header and every shown row."""
        width = self._view.scrollable_content_region.width
        self._view.virtual_size = Size(width, len(self._rows.order) + 1)

    def scroll_to(self, key: Optional[JobKey]) -> None:
        """Scroll the least that brings `key`'s row on screen."""
        index = self._rows.index(key)
        if index is None or not self._view.is_mounted:
            return
        rows = max(1, self._view.size.height - 1)
        top = int(self._view.scroll_y)
        if index < top:
            self._view.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + rows:
            self._view.scroll_to(y=index - rows + 1, animate=False, immediate=True)
