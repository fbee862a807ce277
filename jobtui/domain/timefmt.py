"""Short human forms of durations and times for tables and progress lines."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional


def duration(delta: Optional[timedelta], seconds: bool = False) -> str:
    """`<1m`, `3m`, `2h07m`, `3d04h`; empty when unknown. The one duration format.

    The table, the detail pane and every command write durations with it, so one job
    reads the same everywhere. Minutes, because the monitor's clock ticks once a
    minute; `seconds` (only the monitor's opt-in seconds clock) gives `45s`, `3m05s`.
    """
    if delta is None:
        return ""
    total = max(0, int(delta.total_seconds()))
    minutes, secs = divmod(total, 60)
    if minutes < 60 and not seconds:
        return f"{minutes}m" if minutes else "<1m"
    if total < 60:
        return f"{secs}s"
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h{minutes:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d{hours:02d}h"


def clock_time(moment: Optional[datetime]) -> str:
    """`2022-11-09 20:25` in the zone the time carries; empty when unknown."""
    if moment is None:
        return ""
    return moment.strftime("%Y-%m-%d %H:%M")


def parse_duration(text: str) -> timedelta:
    """Read `90`, `90s`, `15m`, `12h`, `7d` or `1w`; raise ValueError with a sentence."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    raw = text.strip().lower()
    unit = raw[-1:] if raw[-1:] in units else "s"
    number = raw[:-1] if raw[-1:] in units else raw
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"{text!r} is not a duration such as 90s, 15m, 12h or 7d") from None
    if value < 0 or value != value or value == float("inf"):
        raise ValueError(f"{text!r} must be a positive, finite duration")
    return timedelta(seconds=value * units[unit])
