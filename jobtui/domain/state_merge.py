"""Two pictures of one job from two processes: which is newer, and one history of both.

The monitor, `status` and `wait` each poll and each save the state cache; whichever
saves last must not put back an older picture than another process wrote. No I/O.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Optional

from jobtui.domain.state import MAX_SAMPLES, MAX_TRANSITIONS, JobState


def asked_at(state: JobState) -> Optional[datetime]:
    return state.attempted_at or state.fetched_at


def newer(ours: Optional[JobState], theirs: Optional[JobState]) -> Optional[JobState]:
    """The state asked about last; ours on a tie (or when neither says when)."""
    if ours is None or theirs is None:
        return ours or theirs
    ours_at, theirs_at = asked_at(ours), asked_at(theirs)
    if theirs_at is not None and (ours_at is None or _after(theirs_at, ours_at)):
        return theirs
    return ours


def continued(earlier: JobState, later: JobState) -> JobState:
    """`later` with `earlier`'s history before it: a run that started without the
    cache (`wait`) keeps the transitions and samples the monitor had seen."""
    start = later.transitions[0].at if later.transitions else None
    kept = [t for t in earlier.transitions if start is None or _after(start, t.at)]
    moves = [*kept, *later.transitions]
    if kept and later.transitions and kept[-1].status == later.transitions[0].status:
        moves = [*kept, *later.transitions[1:]]
    first = later.samples[0].at if later.samples else None
    samples = [s for s in earlier.samples if first is None or _after(first, s.at)]
    return replace(
        later,
        transitions=tuple(moves[-MAX_TRANSITIONS:]),
        samples=tuple([*samples, *later.samples][-MAX_SAMPLES:]),
    )


def _after(a: datetime, b: datetime) -> bool:
    """a later than b; a naive time (a damaged cache) never compares as later."""
    try:
        return a > b
    except TypeError:
        return False
