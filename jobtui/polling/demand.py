"""What the adaptive schedule wants of the rate cap, and how much to stretch it to fit.

Each job wants `rate` requests per second; when together they want more than SHARE of
`rate_per_minute`, every wait is stretched by the same factor (the square-root law
keeps its shape: the same price for every job), and a job may wait up to its turn in
a plain round robin at that share.
"""

from __future__ import annotations

import math
from typing import Protocol

from jobtui.polling.attention import FLOOR, PACE, Plan

# Leave a tenth of the budget for first looks, retries and refreshes.
SHARE = 0.9


class Wanting(Protocol):
    rate: float


class Demand:
    """The sum of the jobs' wanted rates, kept as they change."""

    def __init__(self, rate_per_minute: float) -> None:
        self.budget = SHARE * rate_per_minute / 60.0 if math.isfinite(rate_per_minute) else math.inf
        self.total = 0.0
        self.active = 0

    def want(self, slot: Wanting, rate: float) -> None:
        """`slot` now wants `rate` requests per second (0: none, finished or gone)."""
        self.active += (rate > 0) - (slot.rate > 0)
        self.total = max(0.0, self.total + rate - slot.rate)
        slot.rate = rate

    def wait(self, slot: Wanting, wanted: Plan, interval: float) -> Plan:
        """The wait `slot` gets for what it `wanted`: stretched when the budget is short,
        and at most the floor, or its turn when the budget cannot pay for the floor."""
        self.want(slot, 1.0 / wanted.wait)
        stretch = self.stretch()
        reason = wanted.reason
        if stretch > 1.05:
            reason += f"; budget shared by {self.active} jobs"
        longest = max(FLOOR * interval / PACE, self.turn())
        return Plan(min(wanted.wait * stretch, longest), reason)

    def stretch(self) -> float:
        """How much longer every wait must be for the demand to fit the budget."""
        return max(1.0, self.total / self.budget)

    def turn(self) -> float:
        """The wait of a round robin over the active jobs at the budget's share."""
        return self.active / self.budget if self.active else 0.0
