"""Change events the poller emits; the TUI handles them as they are, `wait` reads them.

Named as past events. Pure data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional, Union

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.state import JobKey, JobState


@dataclass(frozen=True)
class JobUpdated:
    """A fresh record landed for a job (changed or not: `changed` says)."""

    key: JobKey
    state: JobState
    changed: bool


@dataclass(frozen=True)
class StatusChanged:
    """A job moved from one status to another (also sent for its first status)."""

    key: JobKey
    state: JobState
    old: Optional[str]
    new: str
    became_terminal: bool


@dataclass(frozen=True)
class FetchFailed:
    """A request for a job failed; `next_attempt` is when the poller tries again."""

    key: JobKey
    state: JobState
    error: ErrorInfo
    next_attempt: Optional[datetime]


@dataclass(frozen=True)
class FetchRecovered:
    """A job that was in error answered again."""

    key: JobKey
    state: JobState


@dataclass(frozen=True)
class EndpointDown:
    """Every job behind an endpoint is backed off until `retry_at`."""

    endpoint: str
    error: ErrorInfo
    since: datetime
    retry_at: datetime


@dataclass(frozen=True)
class EndpointUp:
    endpoint: str


@dataclass(frozen=True)
class CredentialPaused:
    """A credential got a 401: its jobs wait until `probe_at` or a manual retry."""

    credential: str
    error: ErrorInfo
    probe_at: datetime


@dataclass(frozen=True)
class CredentialResumed:
    credential: str


@dataclass(frozen=True)
class CycleFinished:
    """One pass over the due jobs ended; `next_due` is when the next one starts."""

    at: datetime
    requested: int
    next_due: Optional[datetime]


@dataclass(frozen=True)
class PollingPaused:
    paused: bool


@dataclass(frozen=True)
class WatchlistChanged:
    """Entries were added or removed (here or by another process): re-read `jobs()`."""


@dataclass(frozen=True)
class SaveFailed:
    """A file the session writes (state cache, preferences, watchlist) could not be saved."""

    what: str
    message: str


@dataclass(frozen=True)
class SaveRecovered:
    """A file that failed to save (a SaveFailed of the same `what`) was saved again."""

    what: str


@dataclass(frozen=True)
class Warned:
    """Something the user should fix that does not stop monitoring (one sentence)."""

    message: str


@dataclass(frozen=True)
class SetupChecked:
    """The session has found which endpoint and credentials a new job would use
    (`Session.setup()`): once, after start-up, off the UI's loop."""


@dataclass(frozen=True)
class PollerFault:
    """The poller itself broke (a bug, not a failed request); it goes on at the next interval.

    `message` is one sentence for the user; the traceback is in the log.
    """

    message: str


PollerEvent = Union[
    JobUpdated,
    StatusChanged,
    FetchFailed,
    FetchRecovered,
    EndpointDown,
    EndpointUp,
    CredentialPaused,
    CredentialResumed,
    CycleFinished,
    PollingPaused,
    WatchlistChanged,
    SaveFailed,
    SaveRecovered,
    Warned,
    SetupChecked,
    PollerFault,
]
