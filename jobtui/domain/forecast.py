"""When a running job will likely end: a straight line through its progress samples.

The schedule asks a job often only near its predicted end, so the prediction carries
its own doubt: the spread of the samples around the line (jobs that advance in jumps
have a wide one), the slope's error carried to the end, and the percent steps the API
reports. Pure: the caller says what time it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple, Optional

from jobtui.domain.history import Sample

# The line goes through the last samples only: a job's pace changes between its phases.
RECENT_SAMPLES = 20
# Progress arrives in whole percents (at best): a point is this unsure.
QUANTUM = 0.5


class Forecast(NamedTuple):
    """A predicted end: `end` on the samples' clock, `spread` one standard deviation (s)."""

    end: datetime
    spread: float
    last_change: datetime


def forecast(samples: Sequence[Sample]) -> Optional[Forecast]:
    """The predicted end of a job from its samples; None with fewer than 3 or no progress."""
    if len(samples) < 3:
        return None
    recent = list(samples[-RECENT_SAMPLES:])
    origin = recent[0].at
    xs = [(s.at - origin).total_seconds() for s in recent]
    ys = [s.progress for s in recent]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx <= 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    if slope <= 0 or ys[-1] >= 100.0:
        return None
    residual = sum((y - (my + slope * (x - mx))) ** 2 for x, y in zip(xs, ys)) / max(1, n - 2)
    noise = math.sqrt(residual + QUANTUM**2)
    end_x = mx + (100.0 - my) / slope
    # Slope error carried over the distance to the end, plus one point's own noise.
    slope_error = noise / math.sqrt(sxx)
    spread = math.hypot(noise / slope, (end_x - mx) * slope_error / slope)
    return Forecast(_at(origin, end_x), spread, recent[-1].at)


def _at(origin: datetime, seconds: float) -> datetime:
    return origin + timedelta(seconds=min(seconds, 1e9))
