"""Measurement primitives over a running PtyTerm: windows of bytes and CPU, bursts, keys."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable, Optional

from tests.ptyterm import PtyTerm


@dataclass(frozen=True)
class Window:
    """What the app cost over a stretch of wall time."""

    seconds: float
    bytes: int
    cpu: float

    @property
    def bytes_per_second(self) -> float:
        return self.bytes / self.seconds

    @property
    def cpu_percent(self) -> float:
        return 100.0 * self.cpu / self.seconds


def measure(term: PtyTerm, seconds: float) -> Window:
    """Sit still for `seconds` and count the bytes and CPU the app spends."""
    cpu0, t0 = term.cpu_seconds(), time.monotonic()
    time.sleep(seconds)
    t1 = time.monotonic()
    return Window(t1 - t0, term.bytes_between(t0, t1), term.cpu_seconds() - cpu0)


def settle(term: PtyTerm, at_least: float, quiet: float = 1.0, limit: float = 15.0) -> None:
    """Let start-up and the first polls pass: wait `at_least`, then for a quiet spell."""
    time.sleep(at_least)
    term.quiet_for(quiet, limit)


def bursts(term: PtyTerm, start: float, end: float, gap: float = 0.03) -> list[tuple[float, int]]:
    """Writes grouped into frames: (start time, bytes); a pause over `gap` s starts a new one."""
    frames: list[tuple[float, int]] = []
    last = -1.0
    for t, n in term.chunks_between(start, end):
        if frames and t - last <= gap:
            frames[-1] = (frames[-1][0], frames[-1][1] + n)
        else:
            frames.append((t, n))
        last = t
    return frames


@dataclass(frozen=True)
class KeyAnswer:
    """When a key's answer reached the terminal, in seconds after the key was written."""

    first_byte: float  # the app's first write after the key (may be a partial answer)
    shown: float  # the last byte of what turned the screen into the answer


def key_latency(term: PtyTerm, key: str, shows: Callable[[str], bool], timeout: float) -> KeyAnswer:
    """Type `key`; time the app's first write and the arrival of its whole answer.

    Times are read-side arrival stamps; the VT emulation and the `shows` check run on
    the harness's own thread and are not counted. `timeout` for an answer never shown.
    """
    t0 = time.monotonic()
    term.send_keys(key)
    if not term.wait_for(shows, timeout):
        return KeyAnswer(timeout, timeout)
    chunks = term.chunks_between(t0, time.monotonic())
    if not chunks:
        return KeyAnswer(time.monotonic() - t0, time.monotonic() - t0)
    return KeyAnswer(chunks[0][0] - t0, chunks[-1][0] - t0)


def median(values: list[float]) -> Optional[float]:
    return statistics.median(values) if values else None


def p95(values: list[float]) -> Optional[float]:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
