"""Build the connections, poller and session that status, wait and the monitor run on.

Cheap to import: httpx, the client and the poller load when first used, so the
monitor paints its cached table before it pays for them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Optional

from jobtui.api.connections import Connections
from jobtui.config import Settings
from jobtui.events import PollerEvent

if TYPE_CHECKING:
    from collections.abc import Callable

    from jobtui.commands.context import Context
    from jobtui.poller import Poller
    from jobtui.session import Session


def connections(ctx: Context, settings: Optional[Settings] = None) -> Connections:
    """Routes for every job, honouring --endpoint, --region and the credential sources."""
    return Connections(
        settings or ctx.settings, endpoint=ctx.args.endpoint, region=ctx.args.region, env=ctx.env
    )


def poller(
    conns: Connections,
    settings: Settings,
    on_event: Optional[Callable[[PollerEvent], None]] = None,
) -> Poller:
    from jobtui.event_log import EventLog
    from jobtui.poller import Poller

    return Poller(conns, settings=settings, on_event=_also(on_event, EventLog()))


def tui_settings(ctx: Context) -> Settings:
    """config.toml's settings with --low-bandwidth and --no-mouse applied."""
    settings = ctx.settings
    display = settings.display
    if ctx.args.low_bandwidth:
        display = dataclasses.replace(display, low_bandwidth=True, animations=False, mouse=False)
    if ctx.args.no_mouse:
        display = dataclasses.replace(display, mouse=False)
    return dataclasses.replace(settings, display=display)


def open_session(ctx: Context, settings: Settings) -> Session:
    """The Session on the user's files; ConfigError (file:line:column) for a broken watchlist."""
    from jobtui.event_log import EventLog
    from jobtui.session import Session

    session = Session.from_paths(ctx.paths, settings, connections(ctx, settings))
    session.subscribe(EventLog())  # state changes and errors to jobtui.log
    return session


def _also(
    first: Optional[Callable[[PollerEvent], None]], then: Callable[[PollerEvent], None]
) -> Callable[[PollerEvent], None]:
    """Both callbacks, `first` first (the caller's, then the log)."""
    if first is None:
        return then

    def both(event: PollerEvent) -> None:
        first(event)
        then(event)

    return both
