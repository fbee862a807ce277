"""Exponential backoff with jitter, and the cap on what a server may ask us to wait."""

from __future__ import annotations

import math
import random
from typing import Callable, Optional

from jobtui.api.answer import MAX_RETRY_AFTER

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
    nominal = min(cap, base * (2.0 ** max(0, min(attempt - 1, 64))))
    return nominal / 2.0 + rand() * nominal / 2.0


def capped_retry_after(seconds: Optional[float]) -> Optional[float]:
    """A Retry-After worth honouring, at most MAX_RETRY_AFTER; None when it asks nothing.

    A date in the past (0 s), a negative or a non-number asks nothing: the usual
    backoff applies.
    """
    if seconds is None or math.isnan(seconds) or seconds <= 0:
        return None
    return min(float(seconds), MAX_RETRY_AFTER)
