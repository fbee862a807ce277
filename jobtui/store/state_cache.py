"""The state cache: the last known picture of each job, so a restart shows it at once.

Ours alone, JSON, versioned. Losing it loses nothing that matters, so a corrupt or
unreadable cache reads as empty with a warning, and saves skip the fsync.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Container, Mapping
from pathlib import Path
from typing import Any, Optional

from jobtui.domain.state import JobKey, JobState
from jobtui.store.atomic import write_atomic

# 2: histories as a start time and offsets (`jobtui.domain.history`); 1 (lists of
# [ISO time, value]) is still read.
VERSION = 2
READABLE = (1, 2)
log = logging.getLogger(__name__)
# RecursionError: a file nested thousands deep (json recurses on every bracket).
_BAD_DATA = (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError)


class StateCache:
    """Reads and writes state.json; `warning` says why the last load came back empty."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: Optional[str] = None
        # The JSON of each state last saved, kept while the poller hands us the same
        # (immutable) state object: a cycle re-encodes only the jobs it fetched.
        self._encoded: dict[JobKey, tuple[JobState, str]] = {}
        self._written = False

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
        """Write every state (only those in `keep`, if given); StoreError if it cannot."""
        keys = [key for key in sorted(states) if keep is None or key in keep]
        encoded = {key: self._encode(states[key]) for key in keys}
        if (
            self._written
            and encoded.keys() == self._encoded.keys()
            and all(encoded[key][0] is self._encoded[key][0] for key in keys)
        ):
            return  # nothing moved since the last save: spare the disk
        body = ",".join(text for _, text in encoded.values())
        data = f'{{"version":{VERSION},"states":[{body}]}}'.encode()
        write_atomic(self.path, data, what="state cache", durable=False)
        self._encoded, self._written = encoded, True

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
