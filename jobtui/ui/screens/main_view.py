"""The main screen's drawing: banner, job table, detail pane, filter, status line.

Poller events arrive as messages (`jobtui.ui.messages`); handlers update the widgets
that changed and nothing else, so an idle screen sends nothing to the terminal.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Optional, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from jobtui.state import JobKey, JobState, WatchedJob
from jobtui.ui import messages as m
from jobtui.ui import render
from jobtui.ui.notify import announce_finished
from jobtui.ui.prefs import UiPrefs
from jobtui.ui.session_api import settle
from jobtui.ui.widgets import table_messages
from jobtui.ui.widgets.banner import Banner, Problem
from jobtui.ui.widgets.detail import JobDetail
from jobtui.ui.widgets.detail_text import RetryInfo
from jobtui.ui.widgets.job_table import JobTable
from jobtui.ui.widgets.status_bar import StatusBar, StatusFacts, count_words, ordered_counts

if TYPE_CHECKING:
    from textual.timer import Timer

    from jobtui.ui.app import JobtuiApp


# Above this many jobs the status line is recounted at most every STATUS_EVERY seconds.
BIG_WATCHLIST = 1000
STATUS_EVERY = 1.0
# Changed rows are painted when their refresh cycle ends, or this long after the first
# of them arrived if the cycle is long: one terminal write per poll, not one per answer.
PAINT_WITHIN = 0.1


class MainView(Screen[None]):
    """Everything a user watches; the keys' actions live in `MainScreen`."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[JobKey, WatchedJob] = {}
        self.retry: dict[JobKey, RetryInfo] = {}
        self.last_refresh: Any = None
        self.next_refresh: Any = None
        self.prefs = UiPrefs()
        self.save_problems: set[tuple[str, str]] = set()
        self.faults_said: set[str] = set()
        self.stored_prefs: dict[str, Any] = {}
        self.unpainted: dict[JobKey, WatchedJob] = {}
        self.flush_pending = False
        self.flush_timer: Optional[Timer] = None  # the PAINT_WITHIN deadline, if one runs
        self.inbox: deque[object] = deque()
        self.inbox_posted = False
        self.status_timer: Optional[Timer] = None
        self.status_at = 0.0
        self.monotonic = time.monotonic  # tests freeze it
        self.paint_within = PAINT_WITHIN  # 0: after the burst's message (tests' fake poller)

    def compose(self) -> ComposeResult:
        yield Banner(zone=self.tui.zone, now=self.tui.now, id="banner")
        with Container(id="body", classes="right"):
            yield JobTable(
                id="jobs",
                animations=self.tui.options.animations,
                glyphs=render.glyphs_for(whole_cells=not self.tui.options.smooth_bars),
                seconds_clock=self.tui.options.seconds_clock,
                zone=self.tui.zone,
                now=self.tui.now,
            )
            yield JobDetail(zone=self.tui.zone, id="detail")
        # "/" before the words, as in less, k9s and htop: a kept filter reads as one.
        with Horizontal(id="filter-bar"):
            yield Static("/", id="filter-prompt", markup=False)
            yield Input(placeholder="words in name, label, IDs, status, failure", id="filter")
        yield StatusBar(zone=self.tui.zone, id="status")
        yield Footer(compact=True)  # "? Help" and "q Quit" must fit at 80 columns

    def on_resize(self, event: events.Resize) -> None:
        # At 80 columns the palette hint would push "q Quit" and "? Help" off the footer.
        footer, wide = self.query_one(Footer), event.size.width >= 100
        if footer.show_command_palette != wide:
            footer.show_command_palette = wide
            footer.refresh(recompose=True)

    def show_filter(self, shown: bool) -> None:
        self.query_one("#filter-bar").display = shown

    @property
    def tui(self) -> JobtuiApp:
        """The app, typed: what screens may use of it (session, options, clock)."""
        return cast("JobtuiApp", self.app)

    @property
    def table(self) -> JobTable:
        return self.query_one("#jobs", JobTable)

    @property
    def detail(self) -> JobDetail:
        return self.query_one("#detail", JobDetail)

    def on_mount(self) -> None:
        self.tui.session.subscribe(self._on_poller_event)
        # Read once: later saves merge into this copy instead of re-reading the file.
        self.stored_prefs = dict(self.tui.session.prefs())
        self.apply_prefs(UiPrefs.from_dict(self.stored_prefs))
        self.reload_jobs()
        self.table.focus()
        # Ages and elapsed times move on a coarse tick: nothing redraws every second
        # unless the user asked for a seconds clock (see the bastion-host budgets).
        self.set_interval(1 if self.tui.options.seconds_clock else 60, self.tick)

    def tick(self) -> None:
        self.table.tick(self.tui.now())
        self.update_detail()

    def _on_poller_event(self, event: object) -> None:
        # May run on the poller's task or a thread: only queue, never touch widgets.
        # One message carries a whole burst: a Textual message per answer cost more
        # CPU than the answer's HTTP request when nothing changed.
        self.inbox.append(event)
        if not self.inbox_posted:
            self.inbox_posted = True
            self.post_message(m.PollerNews())

    def on_poller_news(self, _message: m.PollerNews) -> None:
        # Lowered before draining: an event queued meanwhile posts news again.
        self.inbox_posted = False
        while self.inbox:
            message = m.message_for(self.inbox.popleft())
            if message is not None:
                getattr(self, message.handler_name)(message)

    def reload_jobs(self) -> None:
        """Re-read every job from the session (start, and after watchlist edits)."""
        self.jobs = {job.entry.key: job for job in self.tui.session.jobs()}
        self.table.set_jobs(list(self.jobs.values()))
        self.update_detail()
        self.update_status()

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
                self.flush_timer = self.set_timer(self.paint_within, self.flush)
            else:
                self.call_later(self.flush)
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
            self.status_timer = self.set_timer(wait, self._recount)

    def _recount(self) -> None:
        self.status_timer, self.status_at = None, self.monotonic()
        self.update_status()

    def update_detail(self) -> None:
        if not self.detail.display:
            return
        key = self.table.selected_key
        job = self.jobs.get(key) if key else None
        self.detail.show(job, self.tui.now(), self.retry.get(key) if key else None)

    def update_status(self) -> None:
        session = self.tui.session
        options = self.tui.options
        self.query_one(StatusBar).show(
            StatusFacts.coarse(
                options.seconds_clock,
                self.last_refresh,
                interval=options.settings.refresh_interval,
                endpoint=session.endpoint_label,
                next_refresh=self.next_refresh if options.seconds_clock else None,
                paused=bool(session.paused),
                shown=self.table.shown_count,
                total=self.table.total_count,
                counts=ordered_counts(count_words(self.jobs.values())),
            )
        )

    def call_session(self, method: str, *args: Any, done: str = "", reload: bool = False) -> None:
        """Run a session call off the key handler; toast `done` or the error's sentence."""

        async def work() -> None:
            try:
                await settle(getattr(self.tui.session, method)(*args))
            except Exception as error:  # the session's own typed errors, shown not raised
                self.app.notify(f"{error}", severity="error", markup=False)
                return
            if done:
                self.app.notify(done, markup=False, timeout=3)
            if reload:
                self.post_message(m.WatchlistReloaded())

        self.run_worker(work(), group="session", exit_on_error=False)

    def apply_prefs(self, prefs: UiPrefs, save: bool = False) -> None:
        """Show the remembered choices; with `save`, hand them to the session."""
        self.prefs = prefs
        table = self.table
        if (table.sort_column, table.sort_reverse) != (prefs.sort_column, prefs.sort_reverse):
            table.set_sort(prefs.sort_column, prefs.sort_reverse)
        table.set_active_only(prefs.active_only)
        field = self.query_one("#filter", Input)
        if field.value != prefs.filter:
            field.value = prefs.filter
        self.show_filter(bool(prefs.filter) or field.has_focus)
        table.set_filter(prefs.filter)
        self.query_one("#body").set_classes(prefs.detail_layout)
        self.update_status()
        if save:
            merged = self.stored_prefs = prefs.merged_into(self.stored_prefs)
            self.call_session("save_prefs", merged)

    # Poller events, as messages.
    def on_job_refreshed(self, message: m.JobRefreshed) -> None:
        # The status line is recounted once per burst, in `flush`, not per answer.
        self.retry.pop(message.key, None)
        self.store_state(message.state, message.changed)

    def on_job_status_changed(self, message: m.JobStatusChanged) -> None:
        self.store_state(message.state)
        if message.became_terminal and message.old is not None:
            announce_finished(self.app, message.state, self.tui.options)

    def on_job_fetch_failed(self, message: m.JobFetchFailed) -> None:
        self.retry[message.state.key] = RetryInfo(message.next_attempt)
        self.store_state(message.state)

    def on_endpoint_went_down(self, message: m.EndpointWentDown) -> None:
        problem = Problem(message.error, message.retry_at, since=message.since)
        self.query_one(Banner).raise_problem(f"endpoint {message.endpoint}", problem)

    def on_endpoint_came_back(self, message: m.EndpointCameBack) -> None:
        self.query_one(Banner).clear_problem(f"endpoint {message.endpoint}")

    def on_credentials_refused(self, message: m.CredentialsRefused) -> None:
        problem = Problem(message.error, message.probe_at, credential=message.credential)
        self.query_one(Banner).raise_problem(f"credential {message.credential}", problem)

    def on_credentials_accepted(self, message: m.CredentialsAccepted) -> None:
        self.query_one(Banner).clear_problem(f"credential {message.credential}")

    def on_refresh_cycle_finished(self, message: m.RefreshCycleFinished) -> None:
        self.last_refresh, self.next_refresh = message.at, message.next_due
        if self.flush_pending:
            self.flush()
        self.update_status()

    def on_polling_pause_toggled(self, message: m.PollingPauseToggled) -> None:
        self.update_status()
        self.refresh_bindings()  # the footer's "p Pause" becomes "p Resume" and back

    def on_warning_raised(self, message: m.WarningRaised) -> None:
        self.app.notify(message.message, severity="warning", markup=False, timeout=20)

    def on_saving_failed(self, message: m.SavingFailed) -> None:
        # Said once per distinct problem: the session retries every few seconds.
        if (message.what, message.message) not in self.save_problems:
            self.save_problems.add((message.what, message.message))
            text = f"Cannot save the {message.what}; monitoring goes on. {message.message}"
            self.app.notify(text, severity="error", markup=False, timeout=15)

    def on_poller_faulted(self, message: m.PollerFaulted) -> None:
        # Said once per distinct fault: one that repeats every interval is in the log.
        if message.message not in self.faults_said:
            self.faults_said.add(message.message)
            self.app.notify(message.message, severity="error", markup=False, timeout=20)

    def on_saving_recovered(self, message: m.SavingRecovered) -> None:
        # The disk took a write again: if it fills up later, that is worth saying again.
        self.save_problems = {p for p in self.save_problems if p[0] != message.what}

    def on_watchlist_reloaded(self, message: m.WatchlistReloaded) -> None:
        self.reload_jobs()

    # The table.
    @on(JobTable.Selected)
    def _highlighted(self) -> None:
        self.update_detail()

    @on(JobTable.SortChanged)
    def _sort_changed(self, event: table_messages.SortChanged) -> None:
        if (event.column, event.reverse) != (self.prefs.sort_column, self.prefs.sort_reverse):
            prefs = replace(self.prefs, sort_column=event.column, sort_reverse=event.reverse)
            self.apply_prefs(prefs, save=True)

    @on(JobTable.Activated)
    def _selected(self) -> None:
        self.detail.display = True
        self.update_detail()
