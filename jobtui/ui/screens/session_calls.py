"""Calls into the session made by the main screen's keys, run off the key handler."""

from __future__ import annotations

import inspect
from typing import Any, Callable, Optional

from textual.screen import Screen

from jobtui.ui.host import Host
from jobtui.ui.session_api import SessionCall


class SessionCalls:
    """Runs each call in a worker and toasts its outcome: `done`, or the error's sentence."""

    def __init__(self, screen: Screen[None], tui: Host) -> None:
        self.screen, self.tui = screen, tui

    def run(
        self, call: SessionCall, *, done: str = "", said: Optional[Callable[[Any], str]] = None
    ) -> None:
        """Call `call(session)`; an edit's new list arrives as the session's WatchlistChanged.

        `said` words the toast from what the call returned (which jobs were new).
        """

        async def work() -> None:
            try:
                result = call(self.tui.session)
            except Exception as error:  # the session's own typed errors, shown not raised
                self.screen.app.notify(f"{error}", severity="error", markup=False)
                return
            message = said(result) if said is not None else done
            if message:
                self.screen.app.notify(message, markup=False, timeout=3)

        self.screen.run_worker(work(), group="session", exit_on_error=False)

    def fetch(self, call: SessionCall, then: Callable[[object], None]) -> None:
        """Call `call(session)`, awaiting what it returns if it must (a request), then
        hand the result to `then` on the screen's loop; an error is toasted instead."""

        async def work() -> None:
            try:
                result = call(self.tui.session)
                if inspect.isawaitable(result):
                    result = await result
            except Exception as error:  # the session's typed errors: one sentence each
                self.screen.app.notify(f"{error}", severity="error", markup=False)
                return
            then(result)

        self.screen.run_worker(work(), group="session", exit_on_error=False)
