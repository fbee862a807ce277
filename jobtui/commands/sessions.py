"""Build the connections, poller and session that status, wait and the monitor run on.

Cheap to import: httpx, the client and the poller load when first used, so the
monitor paints its cached table before it pays for them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from jobtui.domain.events import PollerEvent
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.store.config import Settings
from jobtui.store.refusals import RETRY_ENV, RefusalBook, retry_hint

if TYPE_CHECKING:
    from collections.abc import Callable

    from jobtui.commands.context import Context
    from jobtui.polling.poller import Poller
    from jobtui.session.session import Session


def connections(ctx: Context, settings: Optional[Settings] = None) -> Connections:
    """Routes for every job, honouring --endpoint, --region and the credential sources.

    Keys the gateway refused are shared through refused.json, so no process tries one
    again before its time (unless JOBTUI_RETRY_REFUSED is set).
    """
    ignore = ctx.env.get(RETRY_ENV, "").strip() not in ("", "0")
    return Connections(
        settings or ctx.settings, endpoint=ctx.args.endpoint, region=ctx.args.region,
        env=ctx.env, refusals=RefusalBook(ctx.paths.refused_file, ignore=ignore),
    )  # fmt: skip


def say_held(ctx: Context, conns: Connections) -> None:
    """Tell a CLI user which keys were refused, until when none is tried, and how to force."""
    for refusal in conns.refusals.seen.values() if conns.refusals else ():
        ctx.err(retry_hint(refusal))


def poller(
    conns: Connections,
    settings: Settings,
    on_event: Optional[Callable[[PollerEvent], None]] = None,
) -> Poller:
    from jobtui.polling.poller import Poller
    from jobtui.session.event_log import EventLog

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
    from jobtui.session.event_log import EventLog
    from jobtui.session.session import Session

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


def warn_exposed_credentials(ctx: Context, entries: Iterable[WatchEntry] = ()) -> None:
    """Say once, on stderr, when a credentials file is readable by other users,
    and when the entries' AK/SK requests would go over plain http."""
    from jobtui.api.credentials import exposed_credentials

    home = Path(ctx.env.get("HOME") or Path.home())
    warnings = exposed_credentials(ctx.env, home, ctx.settings.credentials_files())
    if entries:
        warnings += connections(ctx).clear_text_warnings(entries)
    for warning in warnings:
        ctx.err(f"warning: {warning}")
