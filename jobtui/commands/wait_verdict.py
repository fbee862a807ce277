"""When `jobtui wait` may stop, and with which exit status: pure, fed by poller events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Callable, Optional

from jobtui.commands import FAILED, OK, UNQUERYABLE
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.errors import AUTH_KINDS, HELD_BY_REFUSED_KEY, RETRYABLE_KINDS, ErrorInfo
from jobtui.domain.events import (
    CredentialPaused,
    CredentialResumed,
    FetchFailed,
    JobUpdated,
    PollerEvent,
)
from jobtui.domain.model import Status
from jobtui.domain.state import JobKey, JobState
from jobtui.domain.watch_key import item_id
from jobtui.domain.words import status_word

# What `wait` retries for --retry-for before exit 4. A 200 without a status word
# (bad_record) is a proxy, a gateway or a deploy mid-way far more often than a job
# that will never answer properly: it heals like an outage, so it is waited out too.
TRANSIENT_KINDS = RETRYABLE_KINDS | {"bad_record"}


class Verdict:
    """Tracks failures per job; `decide` says 0, 1 or 4 once the wait is over."""

    def __init__(self, keys: Sequence[JobKey], retry_for: float, clock: Callable[[], float]):
        self.keys = list(keys)
        self.retry_for = retry_for
        self.clock = clock
        self.failing_since: dict[JobKey, float] = {}
        self.reason: Optional[str] = None
        # Why a credential is refused (a 401 now, or one on record from another run).
        self.refusal: Optional[ErrorInfo] = None

    def on_event(self, event: PollerEvent) -> None:
        if isinstance(event, JobUpdated):
            self.failing_since.pop(event.key, None)
        elif isinstance(event, FetchFailed):
            self.failing_since.setdefault(event.key, self.clock())
        elif isinstance(event, CredentialPaused) and event.error.kind in AUTH_KINDS:
            self.refusal = event.error
        elif isinstance(event, CredentialResumed):
            self.refusal = None

    def decide(self, states: Mapping[JobKey, JobState]) -> Optional[int]:
        """The exit status when every job is settled or one cannot be queried; else None."""
        for key in self.keys:
            state = states.get(key)
            error = state.error if state is not None else None
            if error is not None and self._given_up(key, error):
                said = self._refused_key(error) or error
                where = f"{key[0]}/{item_id(key)}"
                self.reason = f"cannot query {where}{self._for(error)}: {said.message}"
                return UNQUERYABLE
        finished = [states[k] for k in self.keys if k in states and _settled(states[k])]
        if len(finished) < len(self.keys):
            return None
        bad = [s for s in finished if _failure(s)]
        for state in bad:
            self.reason = f"{state.key[0]}/{item_id(state.key)} {_failure(state)}"
        return FAILED if bad else OK

    def _given_up(self, key: JobKey, error: ErrorInfo) -> bool:
        """Bad credentials or a missing job will not heal; an outage gets `retry_for` s."""
        if error.kind not in TRANSIENT_KINDS or self._refused_key(error):
            return True
        since = self.failing_since.get(key)
        return since is not None and self.clock() - since >= self.retry_for

    def _refused_key(self, error: ErrorInfo) -> Optional[ErrorInfo]:
        """The refusal holding a job back: a key will not heal by waiting (exit 4)."""
        if self.refusal is not None and error.message.startswith(HELD_BY_REFUSED_KEY):
            return self.refusal
        return None

    def _for(self, error: ErrorInfo) -> str:
        """' after 300 s of retries' when it was retried: the user sees it was no one-off."""
        if error.kind not in TRANSIENT_KINDS or not self.retry_for or self._refused_key(error):
            return ""
        return f" after {self.retry_for:g} s of retries"


def _settled(state: JobState) -> bool:
    """A job that finished, or a cluster whose operation is over (done or failed)."""
    if state.cluster is not None:
        return state.cluster.phase is not Phase.RUNNING
    return state.terminal


def _failure(state: JobState) -> Optional[str]:
    """How a settled job or cluster went wrong, for the message; None if it did not."""
    cluster, record = state.cluster, state.record
    if cluster is not None:
        return f"failed: {cluster.failure}" if cluster.phase is Phase.FAILED else None
    if record is not None and record.status != Status.SUCCESS:
        return f"ended {status_word(record.status_text)}"
    return None
