"""An asyncio event loop on virtual time: sleeping costs nothing, order is kept.

`loop.time()` is a number that jumps to the next timer whenever nothing is ready to
run, so hours of a poller's life pass in seconds of CPU, with every timer, wait and
timeout of asyncio (and the poller's own sleeps) honoured as on a real clock.
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Coroutine
from typing import Any, Optional, TypeVar

T = TypeVar("T")


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        super().__init__(selectors.SelectSelector())
        self._now = 0.0
        real = self._selector.select  # type: ignore[attr-defined]

        def select(timeout: Optional[float] = None) -> Any:
            events = real(0)
            if not events and timeout is not None and timeout > 0:
                self._now += timeout  # nothing to do until the next timer: go there
            return events

        self._selector.select = select  # type: ignore[attr-defined]

    def time(self) -> float:
        return self._now


def run_virtual(main: Coroutine[Any, Any, T]) -> T:
    """Run `main` to its end on a fresh virtual loop."""
    loop = VirtualLoop()
    try:
        return loop.run_until_complete(main)
    finally:
        loop.close()
