"""What the job table tells its screen: cursor moves, activation, sort changes.

Defined here in the `job_table` namespace, so handlers are `on_job_table_selected`
and so on, as if nested in `JobTable` (which exposes them as `JobTable.Selected`).
"""

from __future__ import annotations

from typing import Any, Optional

from textual.message import Message

from jobtui.domain.state import JobKey


class TableMessage(Message, namespace="job_table"):
    """Base: carries the table that sent it, for `@on(..., "#jobs")` selectors."""

    def __init__(self, table: Any) -> None:
        super().__init__()
        self.table = table

    @property
    def control(self) -> Any:
        return self.table


class Selected(TableMessage, namespace="job_table"):
    """The cursor moved to another job (or to none)."""

    def __init__(self, table: Any, key: Optional[JobKey]) -> None:
        super().__init__(table)
        self.key = key


class Activated(TableMessage, namespace="job_table"):
    """Enter or a click on a job: open its detail."""

    def __init__(self, table: Any, key: JobKey) -> None:
        super().__init__(table)
        self.key = key


class SortChanged(TableMessage, namespace="job_table"):
    """The sort column or direction changed (to remember between runs)."""

    def __init__(
        self, table: Any, column: Optional[str], reverse: bool, hidden: Optional[str] = None
    ) -> None:
        super().__init__(table)
        self.column = column
        self.reverse = reverse
        self.hidden = hidden  # the column asked for, when it does not fit and status is used
