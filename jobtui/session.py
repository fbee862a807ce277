"""The Session: watchlist, state cache and poller behind one object, for the TUI and `wait`.

It shows the last known picture at once (cached states, marked stale), keeps the
poller's entries in step with the watchlist (also when another process edits it), and
saves the cache after cycles, debounced. On an event loop (the TUI) every file write
goes to one worker thread in order and edits show at once; the plain CLI writes
inline. A disk that refuses a write becomes a SaveFailed event and a notice, never a
crash. No Textual here, and no httpx until `start()`: the cached picture comes first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Optional, Protocol

from jobtui import prefs as prefs_file
from jobtui.config import Settings
from jobtui.disk_queue import DiskQueue, on_event_loop
from jobtui.errors import JobtuiError, StoreError
from jobtui.events import CycleFinished, PollerEvent, SaveFailed, WatchlistChanged
from jobtui.fetcher import Router
from jobtui.paths import Paths
from jobtui.poller import Poller, utcnow
from jobtui.state import JobKey, JobState, WatchedJob, WatchEntry
from jobtui.status_line import StatusLine, status_line
from jobtui.store import StateCache, Watchlist
from jobtui.watchlist_file import merge_duplicates

Listener = Callable[[PollerEvent], None]
log = logging.getLogger(__name__)
# How often the session looks for watchlist edits by other processes (one stat()).
TICK = 2.0
# The cache is written at most this often while polling.
SAVE_EVERY = 10.0


class Links(Router, Protocol):
    """What the session needs of `jobtui.api.connections.Connections`."""

    def label(self) -> str: ...
    def warm_up(self, entries: Iterable[WatchEntry] = ()) -> None: ...
    async def aclose(self) -> None: ...


class Session:
    """What the TUI and `wait` talk to; see docs/internals.md for the contract."""

    def __init__(
        self,
        watchlist: Watchlist,
        cache: StateCache,
        connections: Links,
        settings: Settings,
        *,
        prefs_path: Optional[Path] = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        wall: Callable[[], datetime] = utcnow,
    ) -> None:
        self._watchlist, self._cache, self._connections = watchlist, cache, connections
        self._prefs_path = prefs_path
        self._clock, self._sleep, self._wall = clock, sleep, wall
        self._listeners: list[Listener] = []
        self.poller = Poller(
            connections, settings=settings, clock=clock, sleep=sleep, wall=wall, on_event=self._emit
        )  # fmt: skip
        self._entries = watchlist.load()
        cached = cache.load()
        self.notice: Optional[str] = cache.warning
        self.poller.seed({e.key: cached[e.key] for e in self._entries if e.key in cached})
        self.poller.set_entries(self._entries)
        self._dirty = False
        self._saved_at = clock()
        self._tasks: list[asyncio.Future[None]] = []
        self._disk = DiskQueue()
        # Read once here, before the UI runs: the UI asks at mount and must not wait on disk.
        self._prefs = prefs_file.load_prefs(prefs_path) if prefs_path else {}

    @classmethod
    def from_paths(cls, paths: Paths, settings: Settings, connections: Links, **kw: Any) -> Session:
        """The session on jobtui's usual files; ConfigError if the watchlist does not parse."""
        watchlist = Watchlist(paths.watchlist_file, paths.lock_file)
        cache = StateCache(paths.state_file)
        return cls(watchlist, cache, connections, settings, prefs_path=paths.prefs_file, **kw)

    # What the UI reads ----------------------------------------------------------

    def jobs(self) -> list[WatchedJob]:
        states = self.poller.states
        return [WatchedJob(e, states.get(e.key) or JobState(e.key)) for e in self._entries]

    @property
    def paused(self) -> bool:
        return self.poller.paused

    @property
    def endpoint_label(self) -> str:
        return self._connections.label()

    def status_line(self) -> StatusLine:
        return status_line(self.poller, self.endpoint_label, self._wall(), self.notice)

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call `callback` with every event; returns a function that unsubscribes."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _emit(self, event: PollerEvent) -> None:
        if isinstance(event, CycleFinished):
            self._dirty = True
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a listener's bug must not stop polling for everyone
                log.exception("event listener %r failed on %r", listener, type(event).__name__)

    # Life cycle -----------------------------------------------------------------

    async def start(self) -> None:
        """Start polling and watching the watchlist file."""
        if not self._tasks:
            self._tasks = [asyncio.ensure_future(self._poll()), asyncio.ensure_future(self._tick())]

    async def _poll(self) -> None:
        # httpx costs ~0.2 s to import: pay it in a thread after the first paint, not
        # on the UI's loop when the first request goes out.
        await asyncio.to_thread(self._connections.warm_up, list(self._entries))
        await self.poller.run()

    async def stop(self) -> None:
        """Stop polling, save the cache one last time, close the connections."""
        self.poller.stop()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self.save_cache()
        await self._disk.close()
        await self._connections.aclose()

    async def flush(self) -> None:
        """Wait until every edit and save asked for so far is on disk (or refused)."""
        await self._disk.drain()

    async def _tick(self) -> None:
        while True:
            await self._sleep(TICK)
            if not self._disk.busy:  # our own write in flight is not another process's edit
                self.notice_edits()
            if self._dirty and self._clock() - self._saved_at >= SAVE_EVERY:
                await self.save_cache()

    def notice_edits(self) -> bool:
        """Pick up the watchlist if another process changed it; True when it did.

        A file that no longer parses (a hand edit half done) leaves the jobs as they
        were and says so in `notice`.
        """
        if not self._watchlist.changed():
            return False
        try:
            self._reload()
        except JobtuiError as exc:
            self.notice = f"{exc} (still watching the last good list)"
            return False
        return True

    async def save_cache(self) -> None:
        """Write the state cache off the event loop; a refusal becomes a SaveFailed event."""
        states = dict(self.poller.states)
        keep = {e.key for e in self._entries}
        self._dirty, self._saved_at = False, self._clock()
        try:
            await self._disk.submit(lambda: self._cache.save(states, keep=keep))
        except StoreError as exc:
            self._report("state cache", exc)

    # What the UI asks for ---------------------------------------------------------

    def add(self, entries: Iterable[WatchEntry]) -> list[WatchEntry]:
        """Watch these jobs (through the store); returns those that were new."""
        wanted = list(entries)
        if not on_event_loop():
            added = self._watchlist.add(wanted)
            self._reload()
            return added
        have = {e.key for e in self._entries}
        self._show(merge_duplicates(self._entries + wanted))
        self._write_watchlist(lambda: self._watchlist.add(wanted))
        return [e for e in self._entries if e.key not in have]

    def remove(self, keys: Iterable[JobKey]) -> int:
        gone = set(keys)
        if not on_event_loop():
            removed = self._watchlist.remove(gone)
            self._reload()
            return removed
        kept = [e for e in self._entries if e.key not in gone]
        removed = len(self._entries) - len(kept)
        self._show(kept)
        self._write_watchlist(lambda: self._watchlist.remove(gone))
        return removed

    def prune(self, older_than: Optional[float] = None) -> int:
        """Stop watching finished jobs (only those finished `older_than` seconds ago)."""
        now = self._wall()
        done = [
            job.entry.key for job in self.jobs() if _finished_before(job.state, now, older_than)
        ]
        return self.remove(done) if done else 0

    def refresh(self, key: Optional[JobKey] = None) -> None:
        self.poller.refresh(key)

    def pause(self) -> None:
        self.poller.pause()

    def resume(self) -> None:
        self.poller.resume()

    def prefs(self) -> dict[str, Any]:
        return dict(self._prefs)

    def save_prefs(self, prefs: dict[str, Any]) -> None:
        """Remember `prefs` (merged over the saved ones) and write them off the UI's loop."""
        self._prefs = {**self._prefs, **prefs}
        path = self._prefs_path
        if path is None:
            return
        if not on_event_loop():
            self._report("preferences", _attempt(lambda: prefs_file.save_prefs(path, prefs)))
            return
        future = self._disk.submit(lambda: _attempt(lambda: prefs_file.save_prefs(path, prefs)))
        future.add_done_callback(lambda done: self._report("preferences", done.result()))

    def _write_watchlist(self, write: Callable[[], object]) -> None:
        """Write in the disk thread, then read back what is on disk (other processes too)."""

        def job() -> tuple[Optional[list[WatchEntry]], Optional[JobtuiError]]:
            error = _attempt(write)
            try:
                return self._watchlist.load(), error
            except JobtuiError as exc:
                return None, error or exc

        self._disk.submit(job).add_done_callback(lambda done: self._written(*done.result()))

    def _written(self, entries: Optional[list[WatchEntry]], error: Optional[JobtuiError]) -> None:
        self._report("watchlist", error)
        # Only the last write of a burst shows the disk's list: earlier ones would
        # flash back jobs that a queued remove is about to take away.
        if entries is not None and not self._disk.busy and entries != self._entries:
            self._show(entries)

    def _report(self, what: str, error: Optional[JobtuiError]) -> None:
        if error is not None:
            self.notice = str(error)
            self._emit(SaveFailed(what, str(error)))

    def _reload(self) -> None:
        self._show(self._watchlist.load())

    def _show(self, entries: list[WatchEntry]) -> None:
        self._entries = entries
        self.poller.set_entries(entries)
        self._emit(WatchlistChanged())


def _attempt(write: Callable[[], object]) -> Optional[JobtuiError]:
    """Run a write; the refusal (disk full, a watchlist that no longer parses), if any."""
    try:
        write()
    except JobtuiError as exc:
        return exc
    return None


def _finished_before(state: JobState, now: datetime, older_than: Optional[float]) -> bool:
    if not state.terminal or state.record is None:
        return False
    if older_than is None:
        return True
    ended = state.record.end_time or state.fetched_at
    return ended is not None and now - ended >= timedelta(seconds=older_than)
