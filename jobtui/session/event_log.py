"""A subscriber that writes poller and session events worth keeping to the log.

State changes and errors only (a job's status, an endpoint down and up, a credential
paused and resumed, a failed save, a warning), each once: a job failing the same way
every poll, or an endpoint still down at each probe, is said when it starts and when
it ends. Request IDs are kept, since support asks for them. Pure: logging only.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.events import (
    CredentialPaused,
    CredentialResumed,
    EndpointDown,
    EndpointUp,
    FetchFailed,
    FetchRecovered,
    PollerEvent,
    PollingPaused,
    SaveFailed,
    SaveRecovered,
    StatusChanged,
    Warned,
)
from jobtui.domain.state import JobKey
from jobtui.domain.watch_key import is_cluster, item_id

log = logging.getLogger(__name__)


class EventLog:
    """Call with each event (`Session.subscribe(EventLog())`, or a poller's `on_event`)."""

    def __init__(self) -> None:
        self._failing: dict[JobKey, tuple[str, Optional[int], Optional[str]]] = {}
        # Endpoints down and credentials paused, with the error that blocked them.
        self._blocked: dict[str, ErrorInfo] = {}
        self._unsaved: set[str] = set()

    def __call__(self, event: PollerEvent) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def _status(self, event: StatusChanged) -> None:
        record = event.state.record
        name = f" ({record.job_name})" if record and record.job_name else ""
        level = logging.WARNING if event.new in ("FAIL", "STOP") else logging.INFO
        rid = _rid(record.request_id if record else None)
        change = event.new if event.old is None else f"{event.old} -> {event.new}"
        cluster = event.state.cluster
        if cluster is not None:
            name = f" ({cluster.name})" if cluster.name else ""
            failed = cluster.failure
            level = logging.WARNING if failed else logging.INFO
            change += f" ({failed})" if failed else ""
            rid = _rid(cluster.request_id)
        log.log(level, "%s%s: %s%s", _job(event.key), name, change, rid)

    def _failed(self, event: FetchFailed) -> None:
        error = event.error
        if error in self._blocked.values():
            return  # said once for the endpoint or credential, not once per job behind it
        how = (error.kind, error.http_status, error.error_code)
        if self._failing.get(event.key) != how:
            self._failing[event.key] = how
            log.warning("%s: %s", _job(event.key), _said(error))

    def _recovered(self, event: FetchRecovered) -> None:
        if self._failing.pop(event.key, None) is not None:
            log.info("%s answers again", _job(event.key))

    def _down(self, event: EndpointDown) -> None:
        said = event.endpoint in self._blocked
        self._blocked[event.endpoint] = event.error
        if not said:
            when = event.retry_at.isoformat(timespec="seconds")
            what = "has no DWS job API" if event.error.kind == "wrong_endpoint" else "down"
            log.warning(
                "endpoint %s %s: %s; retrying at %s", event.endpoint, what, _said(event.error), when
            )

    def _up(self, event: EndpointUp) -> None:
        self._blocked.pop(event.endpoint, None)
        log.info("endpoint %s answers again", event.endpoint)

    def _paused(self, event: CredentialPaused) -> None:
        said = event.credential in self._blocked
        self._blocked[event.credential] = event.error
        if not said:
            when = event.probe_at.isoformat(timespec="seconds")
            log.warning(
                "credentials %s refused: %s; polling paused until %s",
                event.credential,
                _said(event.error),
                when,
            )

    def _resumed(self, event: CredentialResumed) -> None:
        self._blocked.pop(event.credential, None)
        log.info("credentials %s accepted again; polling resumed", event.credential)

    def _save_failed(self, event: SaveFailed) -> None:
        if event.what not in self._unsaved:
            self._unsaved.add(event.what)
            log.error("%s", event.message)

    def _saved(self, event: SaveRecovered) -> None:
        self._unsaved.discard(event.what)
        log.info("the %s is saved again", event.what)

    def _warned(self, event: Warned) -> None:
        log.warning("%s", event.message)

    def _polling(self, event: PollingPaused) -> None:
        log.info("polling %s", "paused" if event.paused else "resumed")


_HANDLERS: dict[type, Callable[[EventLog, Any], None]] = {
    StatusChanged: EventLog._status,
    FetchFailed: EventLog._failed,
    FetchRecovered: EventLog._recovered,
    EndpointDown: EventLog._down,
    EndpointUp: EventLog._up,
    CredentialPaused: EventLog._paused,
    CredentialResumed: EventLog._resumed,
    SaveFailed: EventLog._save_failed,
    SaveRecovered: EventLog._saved,
    Warned: EventLog._warned,
    PollingPaused: EventLog._polling,
}


def _job(key: JobKey) -> str:
    kind = "cluster" if is_cluster(key) else "job"
    return f"{kind} {key[0]}/{item_id(key)}"


def _rid(request_id: Optional[str]) -> str:
    return f" (request ID {request_id})" if request_id else ""


def _said(error: ErrorInfo) -> str:
    """The error's sentence, with its request ID when the sentence lacks it."""
    if error.request_id and error.request_id not in error.message:
        return error.message.rstrip(".") + _rid(error.request_id)
    return error.message
