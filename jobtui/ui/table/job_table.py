"""The table of watched jobs: a Line-API widget that repaints only what changed.

Not a DataTable: that re-sends the whole table on any cell update, parses str
cells as markup and loses the cursor on sort. Here each row is one cached strip;
a changed job sends only its changed cells, a cursor move two lines, and no
timer runs unless a progress bar is easing to a new value. Painting lives in
`table_view`, keys and clicks in `table_actions`; this is what the screen calls.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo
from typing import Callable, ClassVar, Optional

from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui import render
from jobtui.ui.animation import FrameDriver, ProgressAnimator, TimerFactory
from jobtui.ui.table import messages as table_messages
from jobtui.ui.table.actions import TableActions
from jobtui.ui.table.columns import RowContext
from jobtui.ui.table.row_painter import RowPainter
from jobtui.ui.table.rows import TableRows
from jobtui.ui.table.view import status_counts


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class JobTable(TableActions, can_focus=True):
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
                self._frames.start(key, _bar_value(old), _bar_value(job), self._bar_step())
            self._repaint([key])
        if moved:
            self._reorder_soon()

    def remove_job(self, key: JobKey) -> None:
        if self._rows.jobs.pop(key, None) is not None:
            self._painter.forget([key])
            self._frames.animator.cancel(key)
            self._reorder()

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

    def advance_animation(self) -> None:
        """Run one animation frame now (tests drive the animation clock through this)."""
        self._frames.frame()


def _bar_value(job: Optional[WatchedJob]) -> Optional[float]:
    """The value a job's bar shows; None (no easing) for pending jobs and no answer."""
    record = job.state.record if job is not None else None
    if record is None or record.status.pending:
        return None
    return 100.0 if record.status.value == "SUCCESS" else record.progress
