"""The session's file writes, one at a time and in order, on a thread off the event loop.

A watchlist write takes the cross-process lock and fsyncs; the first cache save of
thousands of jobs takes about a second. Neither may freeze the UI, and an add followed
by a remove of the same job must reach the disk in that order: one worker thread, FIFO.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Optional, TypeVar

T = TypeVar("T")


class DiskQueue:
    """Runs blocking jobs on one worker thread in the order they were submitted."""

    def __init__(self) -> None:
        self._executor: Optional[ThreadPoolExecutor] = None
        self._pending: set[asyncio.Future[Any]] = set()

    @property
    def busy(self) -> bool:
        """True while a submitted job has not finished (its callback not yet run)."""
        return bool(self._pending)

    def submit(self, job: Callable[[], T]) -> asyncio.Future[T]:
        """Queue `job`; the future completes on the running event loop."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="jobtui-disk")
        future = asyncio.get_running_loop().run_in_executor(self._executor, job)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        return future

    async def drain(self) -> None:
        """Wait until every job submitted so far has finished (errors are the callers')."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def close(self) -> None:
        """Finish what is queued and stop the thread; a later submit starts a new one."""
        await self.drain()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)


def on_event_loop() -> bool:
    """True when called from a running event loop (the TUI), False in the plain CLI."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
