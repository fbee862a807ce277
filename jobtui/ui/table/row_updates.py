"""New and changed jobs reaching the table: rows, strips, bar easing, and what to refresh.

A changed job repaints only its changed cells, and a bar on screen eases to its
new value; when a change may move rows, the re-sort runs once after the burst.
The table's clock moves here too, repainting only visible cells that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Callable, Optional

from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui.animation import FrameDriver
from jobtui.ui.cluster_look import bar_value
from jobtui.ui.table.cursor_and_sort import CursorAndSort
from jobtui.ui.table.row_strips import RowStrips
from jobtui.ui.table.rows import TableRows
from jobtui.ui.table.table_painter import TablePainter


class RowUpdates:
    """Applies jobs to `rows`, easing bars with `frames`; `now` is the wall clock."""

    def __init__(
        self,
        rows: TableRows,
        strips: RowStrips,
        painter: TablePainter,
        cursor: CursorAndSort,
        frames: FrameDriver[JobKey],
        now: Callable[[], datetime],
    ) -> None:
        self._rows = rows
        self._strips = strips
        self._painter = painter
        self._cursor = cursor
        self._frames = frames
        self._now = now

    def replace(self, jobs: Sequence[WatchedJob]) -> None:
        """Every row anew (bars land at once); keeps the cursor's job."""
        self._rows.replace(jobs)
        self._frames.stop()
        self._strips.set_now(self._now())
        self._strips.forget()
        self._cursor.reorder(full=True)

    def update(self, jobs: Sequence[WatchedJob]) -> None:
        """Apply all of `jobs`, then sort once if any may have moved."""
        moved = False
        for job in jobs:
            key = job.entry.key
            old = self._rows.jobs.get(key)
            self._rows.jobs[key] = job
            moved = moved or self._rows.needs_reorder(old, job, self._strips.ctx.now)
            if self._painter.line_of(key) is not None:  # off-screen bars just jump
                self._frames.start(key, _bar_value(old), _bar_value(job), self._strips.bar_step())
            self._painter.repaint([key])
        if moved:
            self._cursor.reorder_soon()

    def remove(self, key: JobKey) -> None:
        if self._rows.jobs.pop(key, None) is not None:
            self._strips.forget([key])
            self._frames.animator.cancel(key)
            self._cursor.reorder()

    def tick(self, now: Optional[datetime] = None) -> None:
        """Move the table's clock (to the wall clock's time when None)."""
        self._strips.set_now(now or self._now())
        visible = self._painter.visible_keys()
        self._strips.keep_only(set(visible))
        self._painter.repaint(visible)
        if self._rows.sort_column in ("elapsed", "started"):
            self._cursor.reorder()


def _bar_value(job: Optional[WatchedJob]) -> Optional[float]:
    """The value a job's bar shows; None (no easing) for pending jobs and no answer."""
    if job is not None and job.state.cluster is not None:
        return bar_value(job.state.cluster)
    record = job.state.record if job is not None else None
    if record is None or record.status.pending:
        return None
    return 100.0 if record.status.value == "SUCCESS" else record.progress
