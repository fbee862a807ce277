"""What the main screen shows of the watchlist, and when it repaints rows, detail and status.

Handlers update only what changed, so an idle screen sends nothing to the terminal.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from textual.screen import Screen

from jobtui.domain.state import JobKey, JobState, WatchedJob
from jobtui.domain.watch_key import is_cluster
from jobtui.session.status_line import StatusFacts
from jobtui.ui.host import Host
from jobtui.ui.keys import MAIN_BINDINGS, keys_for
from jobtui.ui.table.job_table import JobTable
from jobtui.ui.widgets.detail import JobDetail
from jobtui.ui.widgets.detail_text import RetryInfo
from jobtui.ui.widgets.empty_state import EmptyState
from jobtui.ui.widgets.status_bar import StatusBar, count_words, ordered_counts

if TYPE_CHECKING:
    from textual.timer import Timer


# Above this many jobs the status line is recounted at most every STATUS_EVERY seconds.
BIG_WATCHLIST = 1000
STATUS_EVERY = 1.0
# Changed rows are painted when their refresh cycle ends, or this long after the first
# of them arrived if the cycle is long: one terminal write per poll, not one per answer.
PAINT_WITHIN = 0.1


class MainView:
    """The jobs as last heard, painted onto the screen's table, detail pane and status line."""

    def __init__(self, screen: Screen[None], tui: Host) -> None:
        self.screen, self.tui = screen, tui
        self.jobs: dict[JobKey, WatchedJob] = {}
        self.retry: dict[JobKey, RetryInfo] = {}
        self.last_refresh: Optional[datetime] = None
        self.next_refresh: Optional[datetime] = None
        self.unpainted: dict[JobKey, WatchedJob] = {}
        self.flush_pending = False
        self.flush_timer: Optional[Timer] = None  # the PAINT_WITHIN deadline, if one runs
        self.status_timer: Optional[Timer] = None
        self.status_at = 0.0
        self.monotonic = time.monotonic  # tests freeze it
        self.paint_within = PAINT_WITHIN  # 0: after the burst's message (tests' fake poller)

    @property
    def table(self) -> JobTable:
        return self.screen.query_one("#jobs", JobTable)

    @property
    def detail(self) -> JobDetail:
        return self.screen.query_one("#detail", JobDetail)

    def selected_job(self) -> Optional[WatchedJob]:
        key = self.table.selected_key
        return self.jobs.get(key) if key else None

    def job_to_act_on(self) -> Optional[WatchedJob]:
        """The selected job; with none (an empty or filtered-out table), say so."""
        job = self.selected_job()
        if job is None:
            words = "No job selected: add one with a." if not self.jobs else "No job selected."
            self.screen.app.notify(words, severity="warning", markup=False, timeout=3)
        return job

    def reload_jobs(self) -> None:
        """Re-read every job from the session (start, and after watchlist edits)."""
        self.jobs = {job.entry.key: job for job in self.tui.session.jobs()}
        self.table.set_jobs(list(self.jobs.values()))
        self.update_empty()
        self.update_detail()
        self.update_status()

    def update_empty(self) -> None:
        """No job watched: how to add one and the set-up state, in the table's place."""
        empty, box = not self.jobs, self.screen.query_one("#empty", EmptyState)
        if empty:
            box.show(self.tui.session.setup())
        if box.display != empty:
            box.display, self.table.display = empty, not empty
            if not empty:
                self.table.focus()

    def store_state(self, state: JobState, changed: bool = True) -> Optional[WatchedJob]:
        """Keep the newest state of a watched job and redraw its row (and detail)."""
        old = self.jobs.get(state.key)
        if old is None:
            return None
        job = self.jobs[state.key] = replace(old, state=state)
        # An unchanged answer repaints nothing: most polls of a quiet watchlist.
        if changed or (old.state.stale, old.state.error) != (state.stale, state.error):
            self.unpainted[state.key] = job
        if not self.flush_pending and (self.unpainted or self.detail.display):
            # Answers arrive in bursts (a cycle over 1,000 jobs): paint once per burst,
            # so key presses are not queued behind 1,000 repaints.
            self.flush_pending = True
            if self.paint_within > 0:
                self.flush_timer = self.screen.set_timer(self.paint_within, self.flush)
            else:
                self.screen.call_later(self.flush)
        return job

    def flush(self) -> None:
        """Paint the rows that changed since the last flush, and the detail if it is one."""
        if self.flush_timer is not None:
            self.flush_timer.stop()
            self.flush_timer = None
        self.flush_pending = False
        jobs, self.unpainted = list(self.unpainted.values()), {}
        if jobs:
            self.table.update_jobs(jobs)
            self.status_soon()
        if self.detail.display:
            self.update_detail()

    def status_soon(self) -> None:
        """Recount the status line after a burst; with a big watchlist at most once a second.

        A recount walks every job: at 10,000 jobs, once per burst of answers took about
        a third of the UI's time during a full refresh and slowed key presses.
        """
        if self.status_timer is not None:
            return
        wait = self.status_at + STATUS_EVERY - self.monotonic()
        if len(self.jobs) < BIG_WATCHLIST or wait <= 0:
            self._recount()
        else:
            self.status_timer = self.screen.set_timer(wait, self._recount)

    def _recount(self) -> None:
        self.status_timer, self.status_at = None, self.monotonic()
        self.update_status()

    def update_detail(self) -> None:
        if not self.detail.display:
            return
        key = self.table.selected_key
        job = self.jobs.get(key) if key else None
        retry = self.retry.get(key) if key else None
        upcoming = self.tui.session.next_check(key) if key else None
        self.detail.show(job, self.tui.now(), retry, upcoming)

    def _active_only_key(self) -> Optional[str]:
        """The key that shows every job again, while the table shows unfinished ones only."""
        if not self.table.active_only:
            return None
        binding = next(b for b in MAIN_BINDINGS if b.id == "active_only")
        return keys_for(binding, dict(self.tui.options.keymap))

    def update_status(self) -> None:
        session = self.tui.session
        options = self.tui.options
        self.screen.query_one(StatusBar).show(
            StatusFacts.coarse(
                options.seconds_clock,
                self.last_refresh,
                interval=options.settings.refresh_interval,
                endpoint=session.endpoint_label,
                next_refresh=self.next_refresh if options.seconds_clock else None,
                paused=bool(session.paused),
                shown=self.table.shown_count,
                active_only_key=self._active_only_key(),
                total=self.table.total_count,
                clusters=sum(is_cluster(key) for key in self.jobs),
                adaptive=options.settings.schedule == "adaptive",
                counts=ordered_counts(count_words(self.jobs.values())),
            )
        )
