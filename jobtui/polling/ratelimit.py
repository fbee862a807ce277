"""Request pacing: a global token bucket for the rate cap, and per-route 429 back-off.

The global bucket (`rate_per_minute`) spends one token per request, whatever its
endpoint. A 429 is one gateway's word about one caller: it slows and holds only the
endpoint and credential it came from (`Throttle`, AIMD), so a throttled project never
stops the jobs of another endpoint or credential.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Awaitable
from typing import Callable, Optional

from jobtui.polling.backoff import capped_retry_after

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

# After a 429 the rate is halved, down to this floor (requests per minute).
MIN_RATE = 6.0
# Share of a minute's requests that may go at once: a one-shot `status` of a few
# dozen jobs goes out without waiting, yet a steady poll stays under the cap.
BURST_SHARE = 0.75
# After a 429 the rate climbs back by this share of the cap per successful request,
# so it takes a couple of hundred answers to reach the cap again.
RECOVERY_SHARE = 1 / 200
# The gateway counts requests per minute; a millisecond more, so that no rounding of
# times lets one more in.
WINDOW = 60.001


def burst_for(rate_per_minute: float) -> float:
    return max(1.0, rate_per_minute * BURST_SHARE)


class _Tokens:
    """Tokens refill at `rate` per minute up to `capacity`; one token per request."""

    def __init__(self, rate_per_minute: float, *, clock: Clock) -> None:
        self.cap = max(MIN_RATE, float(rate_per_minute))
        self.rate = self.cap
        self.capacity = burst_for(self.cap)
        self.tokens = self.capacity
        self._clock = clock
        self._stamp = clock()
        self._hold_until = -math.inf

    def _refill(self) -> float:
        now = self._clock()
        self.tokens = min(self.capacity, self.tokens + (now - self._stamp) * self.rate / 60.0)
        self._stamp = now
        return now

    def held_for(self) -> float:
        """Seconds left of a hold the server asked for (Retry-After); 0 when none."""
        return max(0.0, self._hold_until - self._clock())

    def wait_time(self) -> float:
        """Seconds until a request may go; 0 when a token is there."""
        now = self._refill()
        if now < self._hold_until:
            return self._hold_until - now
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) * 60.0 / self.rate

    def take(self) -> None:
        self.tokens -= 1.0

    def refund(self) -> None:
        """Give back a token that was taken for a request not sent after all."""
        self.tokens = min(self.capacity, self.tokens + 1.0)


class TokenBucket(_Tokens):
    """The global rate cap: `acquire` sleeps (on the injected sleep) for a token.

    The tokens let a one-shot `status` of a few dozen jobs go at once; the sliding
    window on top keeps `rate_per_minute` in every 60 s, so neither start-up nor a
    refresh of everything lands on top of the steady pace: they wait their turn.
    """

    def __init__(self, rate_per_minute: float, *, clock: Clock, sleep: Sleep) -> None:
        super().__init__(rate_per_minute, clock=clock)
        self._sleep = sleep
        self._defer_window = -math.inf
        self._window = SlidingWindow(rate_per_minute, clock)

    def wait_time(self) -> float:
        return max(super().wait_time(), self._window.wait_time())

    def take(self) -> None:
        super().take()
        self._window.take()

    def refund(self) -> None:
        super().refund()
        self._window.refund()

    async def acquire(self) -> None:
        """Take one token, sleeping until there is one."""
        while True:
            delay = self.wait_time()
            if delay <= 0.0:
                self.take()
                return
            await self._sleep(delay)

    def affordable(self, seconds: float) -> int:
        """How many requests the bucket allows within the next `seconds`."""
        self._refill()
        tokens = int(self.tokens + max(0.0, seconds) * self.rate / 60.0)
        return min(tokens, self._window.room(seconds))

    def defer(self, seconds: float, budget: float) -> None:
        """Hold new requests for `seconds` (a key press: its answer paints first).

        Holds within one window of 2 x `budget` end at most `budget` after it began,
        so a key held down slows polling to half its pace and never stops it.
        """
        now = self._refill()
        if now - self._defer_window >= 2 * budget:
            self._defer_window = now
        until = min(now + seconds, self._defer_window + budget)
        self._hold_until = max(self._hold_until, until)


class SlidingWindow:
    """At most `rate_per_minute` requests in any 60 s: the send times of the last ones."""

    def __init__(self, rate_per_minute: float, clock: Clock) -> None:
        self.limit = max(1, int(min(rate_per_minute, 1e7)))
        self._clock = clock
        self._sent: deque[float] = deque()

    def _forget(self) -> float:
        now = self._clock()
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()
        return now

    def wait_time(self) -> float:
        now = self._forget()
        if len(self._sent) < self.limit:
            return 0.0
        return self._sent[-self.limit] + WINDOW - now

    def take(self) -> None:
        self._sent.append(self._forget())

    def refund(self) -> None:
        if self._sent:
            self._sent.pop()

    def room(self, seconds: float) -> int:
        """How many may go within the next `seconds` (the older ones age out meanwhile)."""
        now = self._forget()
        leaving = sum(1 for at in self._sent if at + WINDOW <= now + seconds)
        return self.limit - len(self._sent) + leaving


class Throttle(_Tokens):
    """One endpoint and credential's 429 back-off: its own hold and halved rate.

    Until its first 429 it never binds (same cap and burst as the global bucket, which
    every request passes first). Callers never sleep on it: a job it holds back is
    deferred in the schedule, so a long Retry-After holds no cycle open.
    """

    def throttled(self, retry_after: Optional[float]) -> None:
        """A 429: halve the rate and hold this route for `retry_after` s (capped)."""
        self.rate = max(min(MIN_RATE, self.cap), self.rate / 2.0)
        now = self._refill()
        self.tokens = min(self.tokens, 0.0)
        wait = capped_retry_after(retry_after)
        if wait:
            self._hold_until = max(self._hold_until, now + wait)

    def succeeded(self) -> None:
        """An answer that was not a 429: creep back towards the cap."""
        if self.rate < self.cap:
            self.rate = min(self.cap, self.rate + self.cap * RECOVERY_SHARE)
