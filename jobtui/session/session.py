"""The Session: watchlist, state cache and poller behind one object, for the TUI and `wait`.

It shows the last known picture at once (cached states, marked stale), keeps the
poller's entries in step with the watchlist (also when another process edits it), and
saves the cache after cycles, debounced, on one disk thread (edits: `Session.edits`).
A disk that refuses a write becomes a SaveFailed event and a notice, never a crash.
No Textual here. The first paint needs only the store and the cache: the poller is
built on first use and httpx is imported in a thread by `start()`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.errors import JobtuiError, StoreError
from jobtui.domain.events import (
    CycleFinished,
    PollerEvent,
    SaveFailed,
    SaveRecovered,
    SetupChecked,
    Warned,
    WatchlistChanged,
)
from jobtui.domain.state import JobKey, JobState, NextCheck, WatchedJob, WatchEntry
from jobtui.session.disk_queue import DiskQueue
from jobtui.session.edits import Edits
from jobtui.session.empty_watchlist import SetupFacts
from jobtui.store.config import Settings
from jobtui.store.paths import Paths
from jobtui.store.watchlist import StateCache, Watchlist

if TYPE_CHECKING:
    from jobtui.api.credentials import Credentials
    from jobtui.polling.fetcher import Router
    from jobtui.polling.poller import Poller

    class Links(Router, Protocol):
        """What the session needs of `jobtui.polling.connections.Connections`."""

        def label(self) -> str: ...
        def warm_up(self, entries: Iterable[WatchEntry] = ()) -> None: ...
        def exposed(self) -> list[str]: ...
        def default_endpoint(self) -> str: ...
        def credentials_for(self, project_id: str) -> Credentials: ...
        async def aclose(self) -> None: ...


Listener = Callable[[PollerEvent], None]
log = logging.getLogger(__name__)
# How often the session looks for watchlist edits by other processes (one stat()).
TICK = 2.0
# The cache is written at most this often while polling.
SAVE_EVERY = 10.0
# After a key press no new request starts for this long; at most this much per 2 x.
INPUT_QUIET = 0.15
INPUT_HOLD_BUDGET = 1.0


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Session:
    """What the TUI and `wait` talk to; see docs/architecture.md for where it fits."""

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
        self._cache, self._connections = cache, connections
        self._settings = settings
        self._clock, self._sleep, self._wall = clock, sleep, wall
        self._listeners: list[Listener] = []
        self._poller: Optional[Poller] = None
        self._disk = DiskQueue()
        self.edits = Edits(
            watchlist, self._disk, show=self._show, report=self._report, prefs_path=prefs_path
        )
        cached = cache.load()
        self.notice: Optional[str] = cache.warning
        self._seed = {e.key: cached[e.key] for e in self.edits.entries if e.key in cached}
        self._dirty = False
        self._saved_at = clock()
        self._tasks: list[asyncio.Future[None]] = []
        self._failing: dict[str, str] = {}  # what → message of saves that last failed
        self._setup: Optional[SetupFacts] = None

    @classmethod
    def from_paths(cls, paths: Paths, settings: Settings, connections: Links, **kw: Any) -> Session:
        """The session on jobtui's usual files; ConfigError if the watchlist does not parse."""
        watchlist = Watchlist(paths.watchlist_file, paths.lock_file)
        cache = StateCache(paths.state_file)
        return cls(watchlist, cache, connections, settings, prefs_path=paths.prefs_file, **kw)

    @property
    def poller(self) -> Poller:
        """The poller, built on first use, seeded with the cached states."""
        if self._poller is None:
            from jobtui.polling.poller import Poller

            self._poller = Poller(
                self._connections, settings=self._settings, clock=self._clock,
                sleep=self._sleep, wall=self._wall, on_event=self._emit,
            )  # fmt: skip
            self._poller.seed(self._seed)
            self._poller.set_entries(self.edits.entries)
        return self._poller

    # What the UI reads ----------------------------------------------------------

    def _states(self) -> Mapping[JobKey, JobState]:
        return self._seed if self._poller is None else self._poller.states

    def jobs(self) -> list[WatchedJob]:
        states = self._states()
        return [WatchedJob(e, states.get(e.key) or JobState(e.key)) for e in self.edits.entries]

    @property
    def paused(self) -> bool:
        return self._poller is not None and self._poller.paused

    @property
    def endpoint_label(self) -> str:
        return self._connections.label()

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
        # httpx and the first client cost ~0.3 s: pay it in a thread after the first
        # paint, not on the UI's loop when the first request goes out.
        warnings = await asyncio.to_thread(self._warm_up, list(self.edits.entries))
        for warning in warnings:
            self._emit(Warned(warning))
        self._emit(SetupChecked())
        await self.poller.run()

    def _warm_up(self, entries: list[WatchEntry]) -> list[str]:
        import jobtui.polling.poller  # noqa: F401  (imported here, in a thread, for `self.poller`)

        self._connections.warm_up(entries)
        self._setup = self._check_setup()
        return self._connections.exposed()

    def setup(self) -> Optional[SetupFacts]:
        """Which endpoint and credentials a new job would use; None until start-up has
        looked (in its thread: the credentials file is read, httpx is imported)."""
        return self._setup

    def _check_setup(self) -> SetupFacts:
        facts = SetupFacts()
        try:
            facts = replace(facts, endpoint=self._connections.default_endpoint())
        except JobtuiError as error:
            facts = replace(facts, endpoint_problem=str(error))
        try:
            found = self._connections.credentials_for("")
        except JobtuiError as error:
            return replace(facts, credential_problem=str(error))
        if found.kind == "none":
            return replace(facts, open_mode=self._settings.project("").credentials == "none")
        return replace(facts, credential=str(found))

    async def stop(self) -> None:
        """Stop polling, save the cache one last time, close the connections."""
        if self._poller is not None:
            self._poller.stop()
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
        try:
            return self.edits.reread()
        except JobtuiError as exc:
            self.notice = f"{exc} (still watching the last good list)"
            return False

    async def save_cache(self) -> None:
        """Write the state cache off the event loop; a refusal becomes a SaveFailed event."""
        states = dict(self._states())
        keep = {e.key for e in self.edits.entries}
        self._dirty, self._saved_at = False, self._clock()
        try:
            await self._disk.submit(lambda: self._cache.save(states, keep=keep))
        except StoreError as exc:
            self._report("state cache", exc)
        else:
            self._report("state cache", None)

    # What the UI asks for (edits and prefs are `self.edits`'s) -------------------

    def add(self, entries: Iterable[WatchEntry]) -> list[WatchEntry]:
        """Watch these jobs (through the store); returns those that were new."""
        return self.edits.add(entries)

    def remove(self, keys: Iterable[JobKey]) -> int:
        return self.edits.remove(keys)

    def prune(self, older_than: Optional[float] = None) -> int:
        """Stop watching finished jobs (only those finished `older_than` seconds ago)."""
        return self.edits.prune(self.jobs(), self._wall(), older_than)

    def prefs(self) -> dict[str, Any]:
        return self.edits.prefs()

    def save_prefs(self, prefs: dict[str, Any]) -> None:
        """Remember `prefs` (merged over the saved ones) and write them off the UI's loop."""
        self.edits.save_prefs(prefs)

    def refresh(self, key: Optional[JobKey] = None) -> None:
        self.poller.refresh(key)

    async def discover(self, project_id: str, region: Optional[str] = None) -> list[ClusterRecord]:
        """A project's clusters and what each does, in one request (ApiError if it fails);
        watch the busy ones with `add(jobtui.domain.discovery.busy_entries(...))`."""
        return await self.poller.list_clusters(project_id, region)

    def next_check(self, key: JobKey) -> Optional[NextCheck]:
        """When the job is asked next and why; None before polling starts."""
        return None if self._poller is None else self._poller.next_check(key)

    def note_input(self) -> None:
        """The user pressed a key: new requests wait a moment, so the answer paints first.

        During a refresh of thousands of jobs each answer's steps queue on the event
        loop ahead of the key's; a short hold lets the screen answer the key first.
        """
        if self._poller is not None:
            self._poller.bucket.defer(INPUT_QUIET, INPUT_HOLD_BUDGET)

    def pause(self) -> None:
        self.poller.pause()

    def resume(self) -> None:
        self.poller.resume()

    def _report(self, what: str, error: Optional[JobtuiError]) -> None:
        """Say a failed save, and a save that works again after one (SaveRecovered)."""
        if error is not None:
            self.notice = self._failing[what] = str(error)
            self._emit(SaveFailed(what, str(error)))
        elif what in self._failing:
            if self.notice == self._failing.pop(what):
                self.notice = None
            self._emit(SaveRecovered(what))

    def _show(self, entries: list[WatchEntry]) -> None:
        """The edits show a new list: the poller watches it and listeners hear of it."""
        if self._poller is not None:
            self._poller.set_entries(entries)
        self._emit(WatchlistChanged())
