"""What each poller event changes on the main screen: one typed handler per event type.

A handler is registered by the type its argument is annotated with, so adding an event
means its class in `jobtui.domain.events` and its handler here; an event with no
handler is not shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import singledispatchmethod

from textual.screen import Screen

from jobtui.domain import events
from jobtui.session.status_line import Problem
from jobtui.ui.host import Host
from jobtui.ui.notify import announce_finished
from jobtui.ui.screens.main_view import MainView
from jobtui.ui.widgets.banner import Banner
from jobtui.ui.widgets.detail_text import RetryInfo

# How long a warning's toast stays up.
WARNING_SECONDS = 20.0


def _showing(shown_at: datetime, now: datetime) -> bool:
    """Whether a toast shown at `shown_at` is still up (a clock set back: no longer)."""
    return 0 <= (now - shown_at).total_seconds() < WARNING_SECONDS


class EventRouter:
    """Hands each event of a drained burst to its handler, in order."""

    def __init__(self, screen: Screen[None], view: MainView, tui: Host) -> None:
        self.screen, self.view, self.tui = screen, view, tui
        self.save_problems: set[tuple[str, str]] = set()
        self.faults_said: set[str] = set()
        # Each warning's text → when it was last shown (the host's clock).
        self.warned_at: dict[str, datetime] = {}
        # Bound once: a burst over a big watchlist dispatches thousands of events.
        self.handle: Callable[[events.PollerEvent], None] = self._handler

    @singledispatchmethod
    def _handler(self, event: events.PollerEvent) -> None:
        """An event the screen does not show."""

    @property
    def banner(self) -> Banner:
        return self.screen.query_one(Banner)

    # Jobs. The status line is recounted once per burst, in `flush`, not per answer.
    @_handler.register
    def _job_updated(self, event: events.JobUpdated) -> None:
        self.view.retry.pop(event.state.key, None)
        self.view.store_state(event.state, event.changed)

    @_handler.register
    def _fetch_recovered(self, event: events.FetchRecovered) -> None:
        self.view.retry.pop(event.state.key, None)
        self.view.store_state(event.state)

    @_handler.register
    def _status_changed(self, event: events.StatusChanged) -> None:
        self.view.store_state(event.state)
        if event.became_terminal and event.old is not None:
            announce_finished(self.screen.app, event.state, self.tui.options)

    @_handler.register
    def _fetch_failed(self, event: events.FetchFailed) -> None:
        self.view.retry[event.state.key] = RetryInfo(event.next_attempt)
        self.view.store_state(event.state)

    @_handler.register
    def _watchlist_changed(self, event: events.WatchlistChanged) -> None:
        self.view.reload_jobs()

    # Endpoints and credentials: the banner.
    @_handler.register
    def _endpoint_down(self, event: events.EndpointDown) -> None:
        problem = Problem(event.error, event.retry_at, since=event.since)
        self.banner.raise_problem(f"endpoint {event.endpoint}", problem)

    @_handler.register
    def _endpoint_up(self, event: events.EndpointUp) -> None:
        self.banner.clear_problem(f"endpoint {event.endpoint}")

    @_handler.register
    def _credential_paused(self, event: events.CredentialPaused) -> None:
        problem = Problem(event.error, event.probe_at, credential=event.credential)
        self.banner.raise_problem(f"credential {event.credential}", problem)

    @_handler.register
    def _credential_resumed(self, event: events.CredentialResumed) -> None:
        self.banner.clear_problem(f"credential {event.credential}")

    # Polling: the status line and the footer.
    @_handler.register
    def _cycle_finished(self, event: events.CycleFinished) -> None:
        self.view.last_refresh, self.view.next_refresh = event.at, event.next_due
        if self.view.flush_pending:
            self.view.flush()
        self.view.update_status()

    @_handler.register
    def _polling_paused(self, event: events.PollingPaused) -> None:
        self.view.update_status()
        self.screen.refresh_bindings()  # the footer's "p Pause" becomes "p Resume" and back

    # Toasts.
    @_handler.register
    def _warned(self, event: events.Warned) -> None:
        # The same words again while their toast is up (`r` pressed 8 times on a held
        # key) would stack identical toasts: said once until it has timed out.
        now = self.tui.now()
        self.warned_at = {m: at for m, at in self.warned_at.items() if _showing(at, now)}
        if event.message in self.warned_at:
            return
        self.warned_at[event.message] = now
        self.screen.app.notify(
            event.message, severity="warning", markup=False, timeout=WARNING_SECONDS
        )

    @_handler.register
    def _save_failed(self, event: events.SaveFailed) -> None:
        # Said once per distinct problem: the session retries every few seconds.
        if (event.what, event.message) not in self.save_problems:
            self.save_problems.add((event.what, event.message))
            text = f"Cannot save the {event.what}; monitoring goes on. {event.message}"
            self.screen.app.notify(text, severity="error", markup=False, timeout=15)

    @_handler.register
    def _save_recovered(self, event: events.SaveRecovered) -> None:
        # The disk took a write again: if it fills up later, that is worth saying again.
        self.save_problems = {p for p in self.save_problems if p[0] != event.what}

    @_handler.register
    def _setup_checked(self, event: events.SetupChecked) -> None:
        self.view.update_empty()

    @_handler.register
    def _poller_fault(self, event: events.PollerFault) -> None:
        # Said once per distinct fault: one that repeats every interval is in the log.
        if event.message not in self.faults_said:
            self.faults_said.add(event.message)
            self.screen.app.notify(event.message, severity="error", markup=False, timeout=20)
