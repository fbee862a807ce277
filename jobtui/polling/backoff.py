"""Exponential backoff with jitter, shared by job, endpoint and credential retries."""

from __future__ import annotations

import random
from typing import Callable

# A job in error is retried at most this far apart: a DBA should not wait longer
# than five minutes to see a job come back.
MAX_DELAY = 300.0


def backoff_delay(
    attempt: int,
    base: float,
    *,
    cap: float = MAX_DELAY,
    rand: Callable[[], float] = random.random,
) -> float:
    """Delay before retry number `attempt` (1, 2, ...): base * 2^(n-1), capped, jittered.

    "Equal jitter": half the delay is fixed, half random, so retries from many jobs
    spread out but never come sooner than half the nominal delay.
    """
    nominal = min(cap, base * (2.0 ** max(0, attempt - 1)))
    return nominal / 2.0 + rand() * nominal / 2.0
