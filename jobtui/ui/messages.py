"""Textual messages that carry poller events into the UI, named as past events.

The session calls back on the poller's task (or a thread); the screen queues the event
and one `PollerNews` drains the queue, calling the handler of each event's message in
order. `can_replace` still collapses them when they are posted one by one (tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Optional

from textual.message import Message

from jobtui import events
from jobtui.errors import ErrorInfo
from jobtui.state import JobKey, JobState


class PollerNews(Message):
    """Poller events wait in the screen's inbox: one message drains a whole burst."""


@dataclass
class JobRefreshed(Message):
    """A fresh answer (or a recovery) for one job; only the newest per job matters."""

    state: JobState
    changed: bool

    @property
    def key(self) -> JobKey:
        return self.state.key

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, JobRefreshed) and message.key == self.key and not message.changed


@dataclass
class JobStatusChanged(Message):
    """A job moved to another status; never collapsed, each may toast."""

    state: JobState
    old: Optional[str]
    new: str
    became_terminal: bool


@dataclass
class JobFetchFailed(Message):
    """A request for one job failed; `next_attempt` is the poller's retry time."""

    state: JobState
    error: ErrorInfo
    next_attempt: Optional[datetime]

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, JobFetchFailed) and message.state.key == self.state.key


@dataclass
class EndpointWentDown(Message):
    endpoint: str
    error: ErrorInfo
    since: datetime
    retry_at: datetime


@dataclass
class EndpointCameBack(Message):
    endpoint: str


@dataclass
class CredentialsRefused(Message):
    credential: str
    error: ErrorInfo
    probe_at: datetime


@dataclass
class CredentialsAccepted(Message):
    credential: str


@dataclass
class RefreshCycleFinished(Message):
    at: datetime
    requested: int
    next_due: Optional[datetime]

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshCycleFinished)


@dataclass
class PollingPauseToggled(Message):
    paused: bool


@dataclass
class SavingFailed(Message):
    """The session could not write a file (state cache, preferences); monitoring goes on."""

    what: str
    message: str


@dataclass
class SavingRecovered(Message):
    """A file that could not be written was written again: its next failure is news."""

    what: str


@dataclass
class WarningRaised(Message):
    """Something to fix that does not stop monitoring (an exposed credentials file)."""

    message: str


@dataclass
class PollerFaulted(Message):
    """The poller broke (a bug, logged with its traceback) and goes on at the next interval."""

    message: str


@dataclass
class WatchlistReloaded(Message):
    """Entries were added or removed: re-read the session's jobs."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, WatchlistReloaded)


_FACTORIES: dict[type, Callable[..., Message]] = {
    events.JobUpdated: lambda e: JobRefreshed(e.state, e.changed),
    events.FetchRecovered: lambda e: JobRefreshed(e.state, True),
    events.StatusChanged: lambda e: JobStatusChanged(e.state, e.old, e.new, e.became_terminal),
    events.FetchFailed: lambda e: JobFetchFailed(e.state, e.error, e.next_attempt),
    events.EndpointDown: lambda e: EndpointWentDown(e.endpoint, e.error, e.since, e.retry_at),
    events.EndpointUp: lambda e: EndpointCameBack(e.endpoint),
    events.CredentialPaused: lambda e: CredentialsRefused(e.credential, e.error, e.probe_at),
    events.CredentialResumed: lambda e: CredentialsAccepted(e.credential),
    events.CycleFinished: lambda e: RefreshCycleFinished(e.at, e.requested, e.next_due),
    events.PollingPaused: lambda e: PollingPauseToggled(e.paused),
    events.WatchlistChanged: lambda e: WatchlistReloaded(),
    events.SaveFailed: lambda e: SavingFailed(e.what, e.message),
    events.SaveRecovered: lambda e: SavingRecovered(e.what),
    events.Warned: lambda e: WarningRaised(e.message),
    events.PollerFault: lambda e: PollerFaulted(e.message),
}


def message_for(event: object) -> Optional[Message]:
    """The message for a poller event, or None for an event the UI does not show."""
    factory = _FACTORIES.get(type(event))
    return factory(event) if factory else None
