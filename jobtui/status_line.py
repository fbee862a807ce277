"""What the status line says: endpoint, last and next refresh, pause, and the banner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Optional

from jobtui.refusals import held_banner

if TYPE_CHECKING:  # the TUI imports this module before the poller is needed
    from jobtui.poller import Poller


@dataclass(frozen=True)
class StatusLine:
    """Plain data for the TUI's status line; `banner` is the one thing to shout about."""

    endpoint: str
    last_refresh: Optional[datetime]
    next_refresh: Optional[datetime]
    paused: bool
    offline_since: Optional[datetime] = None
    retry_at: Optional[datetime] = None
    banner: Optional[str] = None
    notice: Optional[str] = None


def status_line(
    poller: Poller, endpoint: str, now: datetime, notice: Optional[str] = None
) -> StatusLine:
    """Build the status line from the poller's gates; the worst trouble wins the banner."""
    down = poller.endpoints_down()
    refused = poller.credentials_paused()
    since = min((g.since for g in down if g.since), default=None)
    retry = min((poller.wall_at(g.retry_at) for g in [*down, *refused]), default=None)
    banner = None
    held = refused[0].refused if refused else None
    if held is not None:  # a refused AK/SK: `r` does not try it early, so say when
        banner = held_banner(refused[0].name, held, poller.wall_at(refused[0].retry_at))
    elif refused:
        gate = refused[0]
        banner = (
            f"Credentials refused ({gate.name}); polling paused, "
            f"next try in {_seconds(retry, now)} (press r to retry now)"
        )
    elif down:
        banner = (
            f"{offline_since(since, retry, now)}"
            f" ({down[0].error.message if down[0].error else down[0].name})"
        )
    return StatusLine(
        endpoint, poller.last_cycle, poller.next_due(), poller.paused, since, retry, banner, notice
    )


def offline_since(
    since: Optional[datetime],
    retry: Optional[datetime],
    now: datetime,
    zone: Optional[tzinfo] = None,
) -> str:
    """The status line's and the TUI banner's words: Offline since hh:mm, retrying in N s."""
    return f"Offline since {_clock(since, zone)}, {retrying_in(retry, now)}"


def retrying_in(when: Optional[datetime], now: datetime) -> str:
    """The countdown to `when` in whole seconds (never negative), or "a moment" if unknown."""
    return f"retrying in {_seconds(when, now)}"


def _clock(when: Optional[datetime], zone: Optional[tzinfo] = None) -> str:
    return when.astimezone(zone).strftime("%H:%M") if when else "?"


def _seconds(when: Optional[datetime], now: datetime) -> str:
    if when is None:
        return "a moment"
    return f"{max(0, round((when - now).total_seconds()))} s"
