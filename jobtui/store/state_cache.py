"""The state cache: the last known picture of each job, so a restart shows it at once.

Ours alone, JSON, versioned. Losing it loses nothing that matters, so a corrupt or
unreadable cache reads as empty with a warning, and saves skip the fsync.

The monitor, `status` and `wait` all write it: a save takes the lock (`state.lock`
beside it), merges with what another process wrote since (the newer picture of each
job wins) and replaces the file atomically, so `wait X && prune` sees X finished.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Container, Mapping
from pathlib import Path
from typing import Any, Optional

from jobtui.domain.state import JobKey, JobState
from jobtui.domain.state_merge import newer
from jobtui.store.atomic import write_atomic
from jobtui.store.locking import exclusive_lock

# 2: histories as a start time and offsets (`jobtui.domain.history`); 1 (lists of
# [ISO time, value]) is still read.
VERSION = 2
READABLE = (1, 2)
log = logging.getLogger(__name__)
# RecursionError: a file nested thousands deep; MemoryError: one far too big to be ours.
_BAD_DATA = (
    ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, MemoryError,
)  # fmt: skip


class StateCache:
    """Reads and writes state.json; `warning` says why the last load came back empty."""

    def __init__(self, path: Path, lock_path: Optional[Path] = None) -> None:
        self.path = path
        self.lock_path = lock_path or path.with_name(path.stem + ".lock")
        self.warning: Optional[str] = None
        # The JSON of each state last saved, kept while the poller hands us the same
        # (immutable) state object: a cycle re-encodes only the jobs it fetched.
        self._encoded: dict[JobKey, tuple[JobState, str]] = {}
        # The states last handed to `save`: the same objects again means nothing moved.
        self._given: dict[JobKey, JobState] = {}
        self._written = False
        # The file as we left it (mtime, size, inode): another signature is another writer.
        self._signature: Optional[tuple[int, int, int]] = None

    def __repr__(self) -> str:
        return f"StateCache({str(self.path)!r})"

    def load(self) -> dict[JobKey, JobState]:
        """Cached states by job (marked stale); empty when missing or unreadable."""
        self.warning = None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            return self._lost(f"cannot be read ({exc.strerror})")
        try:
            return _states(json.loads(raw))
        except _BAD_DATA as exc:
            return self._lost(f"is damaged ({type(exc).__name__})")

    def save(
        self, states: Mapping[JobKey, JobState], *, keep: Optional[Container[JobKey]] = None
    ) -> None:
        """Write every state (only those in `keep`, if given), merged with the newer
        states another process saved meanwhile; StoreError if it cannot."""
        given = {key: states[key] for key in states if keep is None or key in keep}
        same = self._written and given.keys() == self._given.keys()
        if same and all(given[key] is self._given[key] for key in given):
            return  # nothing moved since the last save: spare the disk
        with exclusive_lock(self.lock_path, what="state cache"):
            merged = dict(given)
            for key, theirs in self._written_by_others().items():
                if keep is None or key in keep:
                    merged[key] = newer(given.get(key), theirs) or theirs
            encoded = {key: self._encode(merged[key]) for key in sorted(merged)}
            body = ",".join(text for _, text in encoded.values())
            data = f'{{"version":{VERSION},"states":[{body}]}}'.encode()
            write_atomic(self.path, data, what="state cache", durable=False)
            self._signature = self._stat()
        self._encoded, self._given, self._written = encoded, given, True

    def _written_by_others(self) -> dict[JobKey, JobState]:
        """What is on disk, unless it is what we wrote last (then it holds nothing newer)."""
        if self._signature is not None and self._stat() == self._signature:
            return {}
        states = self.load()
        self.warning = None  # a damaged file is replaced: nothing of it is worth keeping
        return states

    def _stat(self) -> Optional[tuple[int, int, int]]:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _encode(self, state: JobState) -> tuple[JobState, str]:
        known = self._encoded.get(state.key)
        if known is not None and known[0] is state:
            return known
        return state, json.dumps(state.to_dict(), separators=(",", ":"))

    def _lost(self, why: str) -> dict[JobKey, JobState]:
        self.warning = f"the state cache {self.path} {why}; starting without it"
        log.warning("%s", self.warning)
        return {}


def _states(data: Any) -> dict[JobKey, JobState]:
    if not isinstance(data, dict) or data.get("version") not in READABLE:
        raise ValueError("not a jobtui state cache of a known version")
    states = [JobState.from_dict(item) for item in data["states"]]
    return {state.key: state for state in states}
