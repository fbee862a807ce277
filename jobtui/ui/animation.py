"""Our own animation clock for progress bars: bounded, and idle when nothing moves.

Textual's ProgressBar keeps timers running forever; here a bar eases to its new
value within `duration` seconds and the tween is then forgotten, so the owner can
stop its frame timer. Pure: time comes from an injected monotonic clock.
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Callable, Generic, Optional, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)

FPS = 15.0
DURATION = 0.8  # seconds; the budget is 1 s


@dataclass(frozen=True)
class Tween:
    """A move from `start` to `end` beginning at `began` (monotonic seconds)."""

    start: float
    end: float
    began: float
    duration: float

    def value(self, now: float) -> float:
        done = min(1.0, max(0.0, (now - self.began) / self.duration))
        eased = 1.0 - (1.0 - done) ** 3  # ease-out: fast start, gentle landing
        return self.start + (self.end - self.start) * eased

    def finished(self, now: float) -> bool:
        return now - self.began >= self.duration


class ProgressAnimator(Generic[K]):
    """Per-key tweens of progress values; `step` says which keys moved."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        duration: float = DURATION,
        enabled: bool = True,
    ) -> None:
        self.clock = clock
        self.duration = duration
        self.enabled = enabled
        self._tweens: dict[K, Tween] = {}

    @property
    def active(self) -> bool:
        return bool(self._tweens)

    def start(self, key: K, old: Optional[float], new: Optional[float], step: float = 0.0) -> bool:
        """Begin easing `key` from `old` to `new`; False when there is nothing to ease.

        A move of at most `step` jumps: easing a move the bar can barely show
        would send a dozen frames that draw one change or none.
        """
        now = self.clock()
        current = self.value(key, now) if key in self._tweens else old
        if not self.enabled or current is None or new is None or abs(new - current) <= step:
            self._tweens.pop(key, None)
            return False
        self._tweens[key] = Tween(current, new, now, self.duration)
        return True

    def value(self, key: K, now: Optional[float] = None) -> Optional[float]:
        """The value to draw for `key` now, or None when it is not animating."""
        tween = self._tweens.get(key)
        return None if tween is None else tween.value(self.clock() if now is None else now)

    def step(self) -> list[K]:
        """Keys whose drawn value changed this frame; finished tweens are dropped."""
        now = self.clock()
        moved = list(self._tweens)
        for key in moved:
            if self._tweens[key].finished(now):
                del self._tweens[key]
        return moved

    def keys(self) -> list[K]:
        return list(self._tweens)

    def cancel(self, key: K) -> None:
        self._tweens.pop(key, None)

    def clear(self) -> None:
        self._tweens.clear()


class Stoppable(Protocol):
    def stop(self) -> None: ...


TimerFactory = Callable[[float, Callable[[], None]], Stoppable]


class FrameDriver(Generic[K]):
    """Runs a frame timer only while some tween is active; stops it when all land."""

    def __init__(
        self,
        animator: ProgressAnimator[K],
        timer_factory: TimerFactory,
        on_moved: Callable[[list[K]], None],
    ) -> None:
        self.animator = animator
        self._timer_factory = timer_factory
        self._on_moved = on_moved
        self._timer: Optional[Stoppable] = None

    @property
    def running(self) -> bool:
        return self._timer is not None

    def start(self, key: K, old: Optional[float], new: Optional[float], step: float = 0.0) -> None:
        """Ease `key` to `new`, starting the frame timer if it is not running."""
        if self.animator.start(key, old, new, step) and self._timer is None:
            self._timer = self._timer_factory(1.0 / FPS, self.frame)

    def frame(self) -> None:
        """One frame: report the keys that moved, stop when nothing animates."""
        self._on_moved(self.animator.step())
        if not self.animator.active:
            self.stop()

    def stop(self) -> None:
        """Land every bar now and stop the timer."""
        if self.animator.active:
            moved = list(self.animator.keys())
            self.animator.clear()
            self._on_moved(moved)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
