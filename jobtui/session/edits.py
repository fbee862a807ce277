"""The watched jobs as shown, and the user's edits to them and to the preferences.

On an event loop (the TUI) an edit shows at once and its write goes to the session's
one disk thread, in order; the disk's list is shown again once the last queued write
landed, so another process's edits and refused writes come through. Without a loop
(the plain CLI) the write happens inline and a refusal raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Optional

from jobtui.domain.errors import JobtuiError
from jobtui.domain.state import JobKey, JobState, WatchedJob, WatchEntry
from jobtui.session.disk_queue import DiskQueue, on_event_loop
from jobtui.store import prefs as prefs_file
from jobtui.store.watchlist import Watchlist
from jobtui.store.watchlist_file import merge_duplicates

# Told every new list of watched jobs (the session re-aims the poller and says so).
Show = Callable[[list[WatchEntry]], None]
# Told how a write went: what was written and its refusal, or None when it worked.
Report = Callable[[str, Optional[JobtuiError]], None]


class Edits:
    """The session's watched jobs and preferences: edited at once, written in order."""

    def __init__(
        self,
        watchlist: Watchlist,
        disk: DiskQueue,
        *,
        show: Show,
        report: Report,
        prefs_path: Optional[Path] = None,
    ) -> None:
        self._watchlist, self._disk, self._show, self._report = watchlist, disk, show, report
        self.entries = watchlist.load()  # what is shown; ConfigError if it does not parse
        self._prefs_path = prefs_path
        # Read once here, before the UI runs: the UI asks at mount and must not wait on disk.
        self._prefs = prefs_file.load_prefs(prefs_path) if prefs_path else {}

    def add(self, entries: Iterable[WatchEntry]) -> list[WatchEntry]:
        """Watch these jobs (through the store); returns those that were new."""
        wanted = list(entries)
        if not on_event_loop():
            added = self._watchlist.add(wanted)
            self._shown(self._watchlist.load())
            return added
        have = {e.key for e in self.entries}
        self._shown(merge_duplicates(self.entries + wanted))
        self._write_watchlist(lambda: self._watchlist.add(wanted))
        return [e for e in self.entries if e.key not in have]

    def remove(self, keys: Iterable[JobKey]) -> int:
        gone = set(keys)
        if not on_event_loop():
            removed = self._watchlist.remove(gone)
            self._shown(self._watchlist.load())
            return removed
        kept = [e for e in self.entries if e.key not in gone]
        removed = len(self.entries) - len(kept)
        self._shown(kept)
        self._write_watchlist(lambda: self._watchlist.remove(gone))
        return removed

    def prune(self, jobs: Iterable[WatchedJob], now: datetime, older_than: Optional[float]) -> int:
        """Stop watching finished jobs (only those finished `older_than` seconds ago)."""
        done = [job.entry.key for job in jobs if _finished_before(job.state, now, older_than)]
        return self.remove(done) if done else 0

    def reread(self) -> bool:
        """Show the file's list if another process changed it; True when it did.

        Raises JobtuiError for a file that no longer parses (the list stays as it was).
        """
        if not self._watchlist.changed():
            return False
        self._shown(self._watchlist.load())
        return True

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

    def _shown(self, entries: list[WatchEntry]) -> None:
        self.entries = entries
        self._show(entries)

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
        if entries is not None and not self._disk.busy and entries != self.entries:
            self._shown(entries)


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
