"""What keys and the mouse do in the job table: cursor moves, activation, sorting."""

from __future__ import annotations

from typing import ClassVar, Optional

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region

from jobtui.domain.state import JobKey
from jobtui.ui.table import messages as table_messages
from jobtui.ui.table.columns import column_at
from jobtui.ui.table.painting import TableView
from jobtui.ui.table.view import next_column


class TableActions(TableView):
    """Key bindings, clicks and sorting on top of the painted rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="table.cursor_down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="table.cursor_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page_up"),
        Binding("home,g", "first", "First job", show=False, id="table.first"),
        Binding("end,G", "last", "Last job", show=False, id="table.last"),
        Binding("enter", "activate", "Details", show=False, id="table.activate"),
    ]

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
        self.post_message(table_messages.SortChanged(self, column, reverse))

    def set_sort(self, column: Optional[str], reverse: bool) -> None:
        """Restore a remembered sort (same as `sort_by`)."""
        self.sort_by(column, reverse)

    def cycle_sort(self) -> None:
        self.sort_by(next_column(self._rows.sort_column), reverse=False)

    def reverse_sort(self) -> None:
        self.sort_by(self._rows.sort_column, reverse=not self._rows.reverse)

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
            self.post_message(table_messages.Activated(self, self._rows.cursor))

    def action_cycle_sort(self) -> None:
        self.cycle_sort()

    def action_reverse_sort(self) -> None:
        self.reverse_sort()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            self._click_header(offset.x)
            return
        index = offset.y - 1 + int(self.scroll_y)
        if 0 <= index < len(self._rows.order):
            key = self._rows.order[index]
            self._move_cursor(lambda rows: key)
            self.post_message(table_messages.Activated(self, key))

    def _click_header(self, x: int) -> None:
        """A click on a title sorts by it; a second click reverses."""
        column = column_at(self._painter.layout, x)
        if column is not None:
            again = column == self._rows.sort_column
            self.sort_by(column, not self._rows.reverse if again else None)

    def _page(self) -> int:
        return max(1, self.size.height - 2)
