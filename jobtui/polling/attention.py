"""How long a job may go unasked: spend requests where an end is likely.

Each job has a hazard, the chance per second that it ends now. Any running job may end
without warning (a failure comes at any progress): about `1 / (UNWARNED * duration)`,
so a job expected to run 5 minutes is asked more often than one expected to run 4
hours. Near a job's predicted end (`jobtui.domain.forecast`, within two spreads) the
hazard rises by `1 / (4 * spread)`. Waiting `w` before the next look costs about
`hazard * w / 2` seconds of unseen end per second and `1 / w` requests per second;
the sum is least at `w = sqrt(PRICE / hazard)` (a square-root law: four times the
hazard, half the wait). A job is never left longer than `FLOOR` (the budget allowing),
nor asked sooner than `MIN_GAP` after its last answer. Every wait here is for the
default `refresh_interval` (PACE s); another interval scales them all alike.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import NamedTuple, Optional

from jobtui.domain.forecast import Forecast, forecast
from jobtui.domain.model import Status
from jobtui.domain.state import JobState
from jobtui.domain.timefmt import duration

# The refresh_interval these waits are for.
PACE = 10.0
# The wait far from any predicted end for a job expected to run REFERENCE seconds.
BASE = 30.0
REFERENCE = 1200.0
# About one job in UNWARNED ends without warning over its run (fails, is stopped).
UNWARNED = 3.0
PRICE = BASE**2 / (REFERENCE * UNWARNED)
# The guaranteed floor of attention: no job waits longer (unless the budget cannot
# pay for it: then every job is asked in turn, see `Schedule`).
FLOOR = 120.0
MIN_GAP = 2.0
# Before the first useful samples a job is assumed to run at least this long.
SHORTEST = 600.0
# Queued jobs (INIT, WAITING, DELAY_SCHEDULED) change rarely: this much less hazard.
QUEUED_SHARE = 0.25
# Progress unchanged this long is worth saying.
STALLED = 600.0


NEAR = "near its ETA"
# What a job not yet answered is assumed to want (a running job with no ETA, about 21 s):
# counting it at one request per interval stretched the first answers' waits for nothing.
FIRST_WAIT = math.sqrt(PRICE * UNWARNED * SHORTEST)


class Plan(NamedTuple):
    """How long until the next look, and why (shown in the detail pane)."""

    wait: float
    reason: str


def plan(state: JobState, now: datetime, interval: float = PACE) -> Plan:
    """The wait before the next look at a job that just answered and is not finished."""
    wait, reason = _plan(state, now)
    return Plan(wait * interval / PACE, reason)


def _plan(state: JobState, now: datetime) -> Plan:
    record = state.record
    if record is None and state.cluster is None:
        return Plan(MIN_GAP, "first look")
    # A cluster is planned only while its operation runs (a settled one rests).
    running = record is None or record.status is Status.RUNNING
    ahead = forecast(state.samples) if running else None
    unwarned = 1.0 / (UNWARNED * _expected_run(state, ahead, now))
    if record is not None and record.status.pending:
        wait = _wait(unwarned * QUEUED_SHARE)
        return _floored(wait, f"queued ({record.status.value}): changes rarely")
    quiet = _quiet(state, now)
    if ahead is None:
        return _floored(_wait(unwarned), quiet or "no ETA yet")
    planned = _near_end(ahead, unwarned, now)
    # A job that stopped moving is worth saying so, unless its end is near.
    return planned if quiet is None or planned.reason == NEAR else Plan(planned.wait, quiet)


def _near_end(ahead: Forecast, unwarned: float, now: datetime) -> Plan:
    """Ask often within two spreads of the predicted end; be there when that window opens."""
    to_end = (ahead.end - now).total_seconds()
    spread = max(ahead.spread, MIN_GAP)
    if to_end < -2 * spread:
        late = duration(timedelta(seconds=-to_end), seconds=False)
        return _floored(_wait(unwarned), f"past its ETA by {late}")
    if to_end <= 2 * spread:
        return Plan(max(MIN_GAP, min(_wait(unwarned + 1 / (4 * spread)), FLOOR)), NEAR)
    opens = to_end - 2 * spread
    wait = _wait(unwarned)
    if opens <= min(wait, FLOOR):
        return Plan(max(MIN_GAP, opens), NEAR)
    eta = duration(timedelta(seconds=to_end), seconds=False)
    return _floored(wait, f"ETA in {eta}: not near yet")


def _wait(hazard: float) -> float:
    return math.sqrt(PRICE / hazard)


def _floored(wait: float, reason: str) -> Plan:
    return Plan(max(MIN_GAP, min(wait, FLOOR)), reason)


def _expected_run(state: JobState, ahead: Optional[Forecast], now: datetime) -> float:
    """How long the job will likely run in all: its forecast, else twice its age so far."""
    began = _began(state, now)
    age = (now - began).total_seconds() if began is not None else 0.0
    if ahead is not None:
        return max(SHORTEST / 10, age + (ahead.end - now).total_seconds())
    return max(SHORTEST, 2 * age)


def _began(state: JobState, now: datetime) -> Optional[datetime]:
    """When it started: the server's begin time if sane, else when we first saw it."""
    record = state.record
    begin = record.begin_time if record is not None else None
    if begin is not None and begin.tzinfo is not None and begin <= now:
        return begin
    return state.transitions[0].at if state.transitions else None


def _quiet(state: JobState, now: datetime) -> Optional[str]:
    """`no progress for 20m` when the job has shown progress and stopped moving."""
    if not state.samples:
        return None
    still = (now - state.samples[-1].at).total_seconds()
    if still < STALLED:
        return None
    return f"no progress for {duration(timedelta(seconds=still), seconds=False)}"
