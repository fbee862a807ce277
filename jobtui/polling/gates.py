"""Endpoint and credential health: what lets requests through, and what stops them.

A gate starts unproven: its first request goes alone, so a wrong AK/SK costs one
failed signature, not one per job (the gateway locks an AK for 5 minutes after more
than 5 in a row). A blocked gate lets one probe through when its retry time comes;
a refused AK/SK waits for it even when the user asks (`jobtui.store.refusals`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Optional

from jobtui.domain.errors import (
    AUTH_KINDS,
    HELD_BY_REFUSED_KEY,
    NOT_ASKED,
    TRANSPORT_KINDS,
    ErrorInfo,
)
from jobtui.polling.backoff import backoff_delay, capped_retry_after
from jobtui.store.refusals import Refusal

# A paused credential is probed again this often (or when the user asks).
CREDENTIAL_PROBE = 180.0
# An endpoint that is down is probed after 5 s, 10 s, ... up to ENDPOINT_CAP (jittered
# to between half and all of it): once it is back, its jobs go again within 30 s.
ENDPOINT_BASE = 5.0
ENDPOINT_CAP = 30.0
# A blocked gate whose probe is slow to answer waits this long for it before the next
# probe: a black-holed endpoint gets one hanging request per half-minute, not a pile.
SLOW_PROBE_WAIT = ENDPOINT_CAP
# Server errors for this many different jobs in a row mean the endpoint is down.
SERVER_STRIKES = 3


@dataclass(eq=False)  # a gate is one live thing: compared by identity
class Gate:
    """One endpoint or credential: unproven, open, or blocked until `retry_at`."""

    name: str
    kind: str  # "endpoint" or "credential"
    proven: bool = False
    blocked: bool = False
    retry_at: float = 0.0
    since: Optional[datetime] = None
    failures: int = 0
    # Jobs that got a server error since the last good answer: several different
    # ones mean the endpoint is sick, one job failing again and again does not.
    strikes: set[object] = field(default_factory=set)
    error: Optional[ErrorInfo] = None
    # The AK/SK the gateway refused, while this credential is held back for it.
    refused: Optional[Refusal] = None

    def waiting(self, now: float) -> bool:
        return self.blocked and now < self.retry_at

    def needs_probe(self, now: float) -> bool:
        return not self.proven or (self.blocked and now >= self.retry_at)

    def open(self) -> bool:
        """An answer came through; True when this ends a block."""
        was_blocked = self.blocked
        self.proven, self.blocked = True, False
        self.failures = 0
        self.strikes.clear()
        self.since, self.error, self.refused = None, None, None
        return was_blocked

    def block(self, now: float, wall: datetime, delay: float, error: ErrorInfo) -> None:
        """Stop requests for `delay` seconds; `since` keeps the start of the outage."""
        if not self.blocked:
            self.since = wall
        self.blocked, self.failures = True, self.failures + 1
        self.retry_at, self.error = now + delay, error

    def probe_slow(self, now: float) -> None:
        """Its probe is out and slow: give it time to settle the gate before another."""
        if self.blocked:
            self.retry_at = max(self.retry_at, now + SLOW_PROBE_WAIT)

    def probe_now(self, now: float) -> None:
        """The user asked: let one request through at once (a refused key waits)."""
        if self.blocked and self.refused is None:
            self.retry_at = min(self.retry_at, now)

    def key_changed(self, now: float) -> None:
        """The refused key was replaced (a new SK): the new one is tried at once."""
        self.refused = None
        self.probe_now(now)


def endpoint_down(gate: Gate, error: ErrorInfo, job: object) -> bool:
    """Whether this error (for `job`) means the whole endpoint is of no use: unreachable,
    or a gateway with no DWS job API (wrong region or endpoint: no job there will do)."""
    if error.kind in TRANSPORT_KINDS or error.http_status == 503 or wrong_endpoint(error):
        return True
    if error.kind == "server":
        gate.strikes.add(job)
        return len(gate.strikes) >= SERVER_STRIKES
    return False


def blames(gate: Gate, error: Optional[ErrorInfo]) -> bool:
    """Whether a job's own error is the trouble this gate is blocked for."""
    if error is None or error.kind == NOT_ASKED:
        return False
    if gate.kind == "credential":
        return credential_refused(error)
    return error.kind == "server" or wrong_endpoint(error) or not endpoint_answered(error)


def wrong_endpoint(error: Optional[ErrorInfo]) -> bool:
    """The gateway has no such API (APIGW.0101): the endpoint or region is not the job's."""
    return error is not None and error.kind == "wrong_endpoint"


def not_asked(gate: Gate) -> ErrorInfo:
    """What a job held back by a blocked gate shows: no answer of its own, no request ID."""
    what = HELD_BY_REFUSED_KEY if gate.kind == "credential" else "not asked: endpoint down"
    if gate.kind == "endpoint" and wrong_endpoint(gate.error):
        what = "not asked: wrong endpoint or region"
    since = gate.since.astimezone().strftime("%H:%M") if gate.since else "a moment ago"
    return ErrorInfo(NOT_ASKED, f"{what} since {since}")


def endpoint_answered(error: Optional[ErrorInfo]) -> bool:
    """Whether the endpoint itself answered (so it is up), given the error if any."""
    return error is None or not (error.kind in TRANSPORT_KINDS or error.http_status == 503)


def credential_refused(error: ErrorInfo) -> bool:
    return error.kind in AUTH_KINDS


def credential_accepted(error: Optional[ErrorInfo]) -> bool:
    """An answer past the gateway's authentication proves the credential."""
    return error is None or not (
        error.kind in AUTH_KINDS or error.kind in TRANSPORT_KINDS or error.http_status == 503
    )


def endpoint_delay(
    gate: Gate, error: ErrorInfo, rand: Callable[[], float] = random.random
) -> float:
    """Retry-After when the server gave one (capped), else exponential backoff with jitter."""
    asked = capped_retry_after(error.retry_after)
    if asked:
        return asked
    return backoff_delay(gate.failures + 1, ENDPOINT_BASE, cap=ENDPOINT_CAP, rand=rand)
