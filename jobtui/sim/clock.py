"""Simulated time: seconds since the simulator started, real (maybe sped up) or manual."""

from __future__ import annotations

import threading
import time
from typing import Callable, Protocol


class Clock(Protocol):
    """Seconds of scenario time since the simulator started."""

    def now(self) -> float: ...


class RealClock:
    """Wall time since creation, multiplied by `speed` (2.0 plays a scenario twice as fast)."""

    def __init__(self, speed: float = 1.0, monotonic: Callable[[], float] = time.monotonic):
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._speed = speed
        self._monotonic = monotonic
        self._start = monotonic()

    def now(self) -> float:
        return (self._monotonic() - self._start) * self._speed


class ManualClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        with self._lock:
            self._now += seconds
            return self._now

    def set(self, seconds: float) -> None:
        with self._lock:
            self._now = seconds
