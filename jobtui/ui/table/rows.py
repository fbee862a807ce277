"""The rows behind the job table: jobs by key, shown order and the cursor.

Pure (no Textual), so order and cursor rules are tested without a screen. The
cursor is a job key, not an index: sorting or filtering never moves it to
another job.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Optional

from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui.table.shown_jobs import SORT_KEYS, matches, search_text, visible_keys


class TableRows:
    """Watched jobs in watchlist order, the shown subset sorted, and the cursor."""

    def __init__(self) -> None:
        self.jobs: dict[JobKey, WatchedJob] = {}
        self.order: list[JobKey] = []
        self.cursor: Optional[JobKey] = None
        self.sort_column: Optional[str] = None
        self.reverse = False
        self.query = ""
        self.active_only = False
        self._index: dict[JobKey, int] = {}
        # Search text per job, rebuilt only when the job object changes: typing
        # a filter over 10,000 jobs must not rebuild 10,000 strings per key.
        self._haystacks: dict[JobKey, tuple[WatchedJob, str]] = {}

    def index(self, key: Optional[JobKey]) -> Optional[int]:
        """Where `key` is shown, or None when it is filtered out or unknown."""
        return None if key is None else self._index.get(key)

    def replace(self, jobs: Iterable[WatchedJob]) -> None:
        self.jobs = {job.entry.key: job for job in jobs}
        self._haystacks.clear()

    def haystack(self, job: WatchedJob) -> str:
        """The job's search text, cached while the job is unchanged."""
        cached = self._haystacks.get(job.entry.key)
        if cached is None or cached[0] is not job:
            cached = self._haystacks[job.entry.key] = (job, search_text(job))
        return cached[1]

    def _shows(self, job: WatchedJob) -> bool:
        return matches(job, self.query, self.active_only, self.haystack)

    def needs_reorder(self, old: Optional[WatchedJob], new: WatchedJob, now: datetime) -> bool:
        """True when a changed job may move or appear or vanish in the shown list."""
        if old is None:
            return True
        if matches(old, self.query, self.active_only) != matches(new, self.query, self.active_only):
            return True
        key = SORT_KEYS.get(self.sort_column or "")
        return key is not None and key(old, now) != key(new, now)

    def reorder(self, now: datetime) -> list[JobKey]:
        """Recompute the shown order; returns the previous one. Keeps the cursor's job."""
        previous = self.order
        at = self.index(self.cursor)
        self.order = visible_keys(
            self.jobs.values(),
            query=self.query,
            active_only=self.active_only,
            column=self.sort_column,
            reverse=self.reverse,
            now=now,
            haystack=self.haystack,
        )
        self._index = {key: i for i, key in enumerate(self.order)}
        if self.cursor not in self._index:
            self.cursor = self._nearest(at if at is not None else 0)
        return previous

    def _nearest(self, index: int) -> Optional[JobKey]:
        if not self.order:
            return None
        return self.order[min(max(0, index), len(self.order) - 1)]

    def move(self, delta: int) -> Optional[JobKey]:
        """Move the cursor `delta` rows (clamped); returns the new cursor."""
        at = self.index(self.cursor)
        self.cursor = self._nearest((at if at is not None else -1 if delta > 0 else 0) + delta)
        return self.cursor

    def move_to(self, index: int) -> Optional[JobKey]:
        """Put the cursor on row `index` (negative counts from the end)."""
        if index < 0:
            index += len(self.order)
        self.cursor = self._nearest(index)
        return self.cursor
