"""Moving the table's cursor and changing its sort, and what each change repaints.

The widget's key and click handlers each call one method here. Every change ends
the same way: the shown order is worked out again if needed, the lines that moved
are refreshed, and the screen is told (`Selected`, `Activated`, `SortChanged`).
"""

from __future__ import annotations

from typing import Callable, Optional

from textual.scroll_view import ScrollView

from jobtui.domain.state import JobKey
from jobtui.ui.table import messages as table_messages
from jobtui.ui.table.column_layout import COLUMN_IDS, shown_ids
from jobtui.ui.table.row_strips import RowStrips
from jobtui.ui.table.rows import TableRows
from jobtui.ui.table.shown_jobs import next_column
from jobtui.ui.table.table_painter import TablePainter

FALLBACK_SORT = "status"  # keep 0: shown at every width


class CursorAndSort:
    """Moves the cursor over `rows` and re-sorts them, for the `table` it posts from."""

    def __init__(
        self, table: ScrollView, rows: TableRows, strips: RowStrips, painter: TablePainter
    ) -> None:
        self._table = table
        self._rows = rows
        self._strips = strips  # its context holds the table's clock, which sorts use
        self._painter = painter
        self._reorder_pending = False

    # --- the cursor -----------------------------------------------------------------

    def move(self, delta: int) -> None:
        """Down `delta` rows (up when negative), stopping at either end."""
        self._move(lambda rows: rows.move(delta))

    def page(self, pages: int) -> None:
        self.move(pages * self._painter.page)

    def move_to(self, index: int) -> None:
        """To row `index` (negative counts from the end)."""
        self._move(lambda rows: rows.move_to(index))

    def select(self, key: JobKey) -> None:
        """To `key` if it is shown."""
        if self._rows.index(key) is not None:
            self._move(lambda rows: key)

    def activate(self) -> None:
        if self._rows.cursor is not None:
            self._table.post_message(table_messages.Activated(self._table, self._rows.cursor))

    def click(self, x: int, y: int) -> None:
        """A click on a title sorts by it (again: reverses); on a row, opens it."""
        if y == 0:
            column = self._painter.column_at(x)
            if column is not None:
                again = column == self._rows.sort_column
                self.sort_by(column, not self._rows.reverse if again else None)
            return
        key = self._painter.key_at(y)
        if key is not None:
            self._move(lambda rows: key)
            self._table.post_message(table_messages.Activated(self._table, key))

    def _move(self, move: Callable[[TableRows], Optional[JobKey]]) -> None:
        before = self._rows.cursor
        self._rows.cursor = move(self._rows)
        self._after_move(before)

    def _after_move(self, before: Optional[JobKey]) -> None:
        after = self._rows.cursor
        if after == before:
            return
        self._painter.repaint_line(before)
        self._painter.scroll_to(after)
        self._painter.repaint_line(after)
        self._table.post_message(table_messages.Selected(self._table, after))

    # --- the order ------------------------------------------------------------------

    def shown_columns(self) -> tuple[str, ...]:
        """The ids of the columns on screen (all of them before the first layout)."""
        width = self._table.scrollable_content_region.width
        return shown_ids(width) if width > 0 else COLUMN_IDS

    def sort_by(self, column: Optional[str], reverse: Optional[bool] = None) -> None:
        """Sort by `column` (None: watchlist order); `reverse` None keeps the direction.

        A column not shown at this width is not sorted by: the rows would be in an
        order nothing on screen explains. The status column (always shown) is, and
        `SortChanged.hidden` says which column was asked for.
        """
        hidden = None
        if column is not None and column not in self.shown_columns():
            hidden, column, reverse = column, FALLBACK_SORT, False
        if reverse is None:
            reverse = self._rows.reverse if column == self._rows.sort_column else False
        self._rows.sort_column, self._rows.reverse = column, reverse
        self._painter.repaint_header()
        self.reorder()
        changed = table_messages.SortChanged(self._table, column, reverse, hidden)
        self._table.post_message(changed)

    def cycle_sort(self) -> None:
        """The next shown column: `s` never sorts by a column that is not on screen."""
        self.sort_by(next_column(self._rows.sort_column, self.shown_columns()), reverse=False)

    def check_sort_shown(self) -> None:
        """After a resize: a sort column that no longer fits falls back (and says so)."""
        column = self._rows.sort_column
        if column is not None and column not in self.shown_columns():
            self.sort_by(column)

    def reverse_sort(self) -> None:
        self.sort_by(self._rows.sort_column, reverse=not self._rows.reverse)

    def reorder_soon(self) -> None:
        """Sort once after a burst of updates: a poll of 2,000 jobs is 2,000 calls."""
        if not self._table.is_mounted:
            self.reorder()
        elif not self._reorder_pending:
            self._reorder_pending = True
            self._table.call_later(self.reorder)

    def reorder(self, full: bool = False) -> None:
        """Work the shown order out again (`full`: every line is redrawn)."""
        self._reorder_pending = False
        before = self._rows.cursor
        previous = self._rows.reorder(self._strips.ctx.now)
        self._painter.repaint_moved(previous, full)
        self._after_move(before)
