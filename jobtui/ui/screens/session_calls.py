"""Calls into the session made by the main screen's keys, run off the key handler."""

from __future__ import annotations

from textual.screen import Screen

from jobtui.domain.events import WatchlistChanged
from jobtui.ui.host import Host
from jobtui.ui.screens.inbox import Inbox
from jobtui.ui.session_api import SessionCall


class SessionCalls:
    """Runs each call in a worker and toasts its outcome: `done`, or the error's sentence."""

    def __init__(self, screen: Screen[None], tui: Host, inbox: Inbox) -> None:
        self.screen, self.tui, self.inbox = screen, tui, inbox

    def run(self, call: SessionCall, *, done: str = "", reload: bool = False) -> None:
        """Call `call(session)`; with `reload`, re-read the watchlist afterwards."""

        async def work() -> None:
            try:
                call(self.tui.session)
            except Exception as error:  # the session's own typed errors, shown not raised
                self.screen.app.notify(f"{error}", severity="error", markup=False)
                return
            if done:
                self.screen.app.notify(done, markup=False, timeout=3)
            if reload:  # queued behind the session's own WatchlistChanged: one reload
                self.inbox.put(WatchlistChanged())

        self.screen.run_worker(work(), group="session", exit_on_error=False)
