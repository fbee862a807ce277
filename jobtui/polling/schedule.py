"""When each watched job is next due, on the monotonic clock, and in what order."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Optional

from jobtui.domain.state import JobKey, JobState
from jobtui.domain.timefmt import duration
from jobtui.polling.attention import FIRST_WAIT, PACE, plan
from jobtui.polling.backoff import backoff_delay
from jobtui.polling.demand import Demand

NEVER = math.inf
# How often a job the service called unknown (404 not_found) is asked again.
NOT_FOUND_RETRY = 600.0
# A job whose status changed this recently is polled before quiet ones.
RECENT = 600.0
# Jobs due within this share of the interval (at most MAX_GROUP s) of the first one go
# in the same cycle: answers land a few ms apart, and without grouping each job drifts
# into a cycle of its own, paying a wake-up, an event and a status repaint per request.
GROUP_SHARE = 0.1
MAX_GROUP = 1.0


@dataclass
class Slot:
    """One job's place in the schedule."""

    due: float
    errors: int = 0
    changed_at: float = -NEVER
    forced: bool = False
    fetched: bool = False
    # A request for it is out: it is not due again until that one lands or is dropped.
    in_flight: bool = False
    # Why it is due when it is (the detail pane says it), and the requests/s it wants.
    reason: str = "first look"
    rate: float = 0.0


class Schedule:
    """Per-job due times: terminal never, errors backed off, the others `adaptive`ly
    (`jobtui.polling.attention`, within `rate_per_minute`) or every `interval` (fixed)."""

    def __init__(
        self,
        interval: float,
        *,
        rand: Callable[[], float] = random.random,
        adaptive: bool = False,
        rate_per_minute: float = math.inf,
    ) -> None:
        self.interval = interval
        self.adaptive = adaptive
        self._rand = rand
        self._slots: dict[JobKey, Slot] = {}
        self.demand = Demand(rate_per_minute)

    def __contains__(self, key: object) -> bool:
        return key in self._slots

    def keys(self) -> list[JobKey]:
        return list(self._slots)

    def add(self, key: JobKey, now: float, *, terminal: bool = False) -> None:
        """Watch a job: due now, or never when its cached status is final."""
        if key not in self._slots:
            slot = self._slots[key] = Slot(due=NEVER if terminal else now, fetched=terminal)
            if terminal:
                slot.reason = "finished: never asked again"
            else:
                first = FIRST_WAIT * self.interval / PACE if self.adaptive else self.interval
                self.demand.want(slot, 1.0 / first)

    def discard(self, key: JobKey) -> None:
        slot = self._slots.pop(key, None)
        if slot is not None:
            self.demand.want(slot, 0.0)

    @property
    def window(self) -> float:
        """How far ahead a cycle looks for jobs to take along (see GROUP_SHARE)."""
        return min(MAX_GROUP, GROUP_SHARE * self.interval)

    def due(self, now: float, *, forced_only: bool = False, ahead: float = 0.0) -> list[JobKey]:
        """Jobs due now (or within `ahead` s): forced, new and recently changed first."""
        ready = [
            (key, slot)
            for key, slot in self._slots.items()
            if slot.due <= now + ahead and (slot.forced or not forced_only) and not slot.in_flight
        ]
        ready.sort(key=lambda item: (self._rank(item[1], now), item[1].due))
        return [key for key, _ in ready]

    def _rank(self, slot: Slot, now: float) -> int:
        if slot.forced or not slot.fetched:
            return 0
        # The fixed schedule puts recently changed jobs first. When more is due than the
        # cap allows, a quiet job can then wait behind ever-changing ones for hours; the
        # adaptive one takes the longest overdue first (its waits already weigh the jobs).
        return 0 if self.adaptive or now - slot.changed_at < RECENT else 1

    def next_due(self) -> Optional[float]:
        waiting = (slot.due for slot in self._slots.values() if not slot.in_flight)
        soonest = min(waiting, default=NEVER)
        return None if soonest == NEVER else soonest

    def sent(self, key: JobKey) -> None:
        """A request for the job went out: hold it back until `landed`."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.in_flight = True

    def landed(self, key: JobKey) -> None:
        """The job's request is over (answered, failed or dropped): due as it says."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.in_flight = False

    def due_at(self, key: JobKey) -> Optional[float]:
        slot = self._slots.get(key)
        return None if slot is None or slot.due == NEVER else slot.due

    def reason(self, key: JobKey) -> Optional[str]:
        """Why the job is due when it is ("near its ETA", "no ETA yet", ...)."""
        slot = self._slots.get(key)
        return None if slot is None else slot.reason

    def succeeded(
        self,
        key: JobKey,
        now: float,
        *,
        terminal: bool,
        changed: bool,
        cycle: float = NEVER,
        rest: Optional[float] = None,
        state: Optional[JobState] = None,
        wall: Optional[datetime] = None,
    ) -> None:
        """An answer landed: terminal jobs are never due again unless forced.

        Answers that land late in a cycle (started at `cycle`) are due with its first
        ones, so the next cycle takes them all: one wake-up and one repaint per interval.
        `rest` is this item's own interval this time (a settled cluster: asked rarely).
        """
        slot = self._slots.get(key)
        if slot is None:
            return
        slot.errors, slot.forced, slot.fetched = 0, False, True
        if changed:
            slot.changed_at = now
        if terminal:
            slot.due, slot.reason = NEVER, "finished: never asked again"
            self.demand.want(slot, 0.0)
            return
        wait = self._wait(slot, state, wall) if rest is None else self._rest(slot, rest)
        slot.due = min(now, cycle + self.window) + wait

    def _rest(self, slot: Slot, rest: float) -> float:
        slot.reason = f"at rest: asked every {duration(timedelta(seconds=rest), seconds=False)}"
        self.demand.want(slot, 1.0 / rest)
        return rest

    def _wait(self, slot: Slot, state: Optional[JobState], wall: Optional[datetime]) -> float:
        if not self.adaptive or state is None or wall is None:
            slot.reason = f"every {self.interval:g} s (fixed schedule)"
            return self.interval
        wait, slot.reason = self.demand.wait(slot, plan(state, wall, self.interval), self.interval)
        return wait

    def failed(self, key: JobKey, now: float, *, at_least: float = 0.0) -> float:
        """An error: retry after an exponential, jittered delay (or `at_least`)."""
        slot = self._slots.get(key)
        if slot is None:
            return now
        slot.errors += 1
        slot.forced = False
        slot.reason = "retry after an error"
        delay = backoff_delay(slot.errors, self.interval, rand=self._rand)
        slot.due = now + max(delay, at_least)
        return slot.due

    def missing(self, key: JobKey, now: float) -> float:
        """The service says the job does not exist: ask again rarely, not at each backoff step.

        A typo'd or purged job would otherwise cost a request every few minutes for ever;
        `r` (a forced refresh) still asks at once.
        """
        slot = self._slots.get(key)
        if slot is None:
            return now
        slot.errors += 1
        slot.forced = False
        slot.due = now + max(NOT_FOUND_RETRY, self.interval)
        return slot.due

    def defer(self, key: JobKey, until: float) -> None:
        """Not sent because its endpoint or credential is blocked: not an error of its own."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.due = max(slot.due, until)

    def release(self, key: JobKey, now: float) -> None:
        """Make a held-back job due now (finished jobs stay finished)."""
        slot = self._slots.get(key)
        if slot is not None and slot.due != NEVER:
            slot.due = min(slot.due, now)

    def force(self, now: float, key: Optional[JobKey] = None) -> None:
        """Refresh now: one job (even a finished one), or every unfinished job."""
        if key is not None:
            slots = [self._slots[key]] if key in self._slots else []
        else:
            slots = [slot for slot in self._slots.values() if slot.due != NEVER]
        for slot in slots:
            slot.due, slot.forced, slot.reason = now, True, "refresh asked"
