"""One job's request through its endpoint and credential gates, and what the answer means.

The fetcher owns the per-job states and the gates; it turns each answer or error into
a new JobState, a schedule update and the events the TUI and `wait` consume.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable, Optional, Protocol, Union

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.errors import NOT_ASKED, ApiError, ErrorInfo, JobtuiError
from jobtui.domain.events import (
    CredentialPaused,
    CredentialResumed,
    EndpointDown,
    EndpointUp,
    FetchFailed,
    FetchRecovered,
    JobUpdated,
    PollerEvent,
    StatusChanged,
)
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobKey, JobState, WatchEntry
from jobtui.domain.watch_key import is_cluster, item_id
from jobtui.polling.backoff import capped_retry_after
from jobtui.polling.connections import Route
from jobtui.polling.gates import (
    CREDENTIAL_PROBE,
    Gate,
    blames,
    credential_accepted,
    credential_refused,
    endpoint_delay,
    endpoint_down,
    not_asked,
)
from jobtui.polling.key_guard import KeyGuard
from jobtui.polling.ratelimit import Throttle, TokenBucket
from jobtui.polling.schedule import NEVER, Schedule
from jobtui.store.refusals import RefusalBook

Emit = Callable[[PollerEvent], None]


class JobSource(Protocol):
    async def get_job(self, project_id: str, job_id: str) -> JobRecord: ...
    async def get_cluster(self, project_id: str, cluster_id: str) -> ClusterRecord: ...
    async def list_clusters(self, project_id: str) -> list[ClusterRecord]: ...


# A cluster whose operation ended stays watched (a new one may start) but is asked
# only this often; `r` (Schedule.force) asks it again at once.
CLUSTER_REST = 300.0


class Router(Protocol):
    """What the poller needs of `jobtui.polling.connections.Connections`."""

    def route(self, entry: WatchEntry) -> Route: ...
    def client(self, route: Route) -> JobSource: ...
    def reload(self) -> None: ...


class Fetcher:
    """Requests jobs, keeps their states, and opens and blocks the gates."""

    def __init__(
        self,
        router: Router,
        schedule: Schedule,
        bucket: TokenBucket,
        *,
        clock: Callable[[], float],
        wall: Callable[[], datetime],
        emit: Emit,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.router, self.schedule, self.bucket = router, schedule, bucket
        self.clock, self.wall, self.emit, self.rand = clock, wall, emit, rand
        # Read by the poller; written only here (`watch`, `seed`, answers and errors).
        self.entries: dict[JobKey, WatchEntry] = {}
        self.states: dict[JobKey, JobState] = {}
        self.endpoints: dict[str, Gate] = {}
        self.credentials: dict[str, Gate] = {}
        # 429 back-off per endpoint and credential; the global cap is `bucket`.
        self.throttles: dict[tuple[str, str], Throttle] = {}
        self.requested = 0
        self.cycle_started = NEVER  # set by run_cycle: answers are due again from here
        self._routes: dict[JobKey, Union[Route, ErrorInfo]] = {}
        # Connections offer the record of refused keys every process shares; a stand-in
        # without one still keeps a refused key to one probe per period in this process.
        book: Optional[RefusalBook] = getattr(router, "refusals", None)
        self.keys = KeyGuard(book, clock=clock, wall=wall, emit=emit)

    def watch(self, entries: Iterable[WatchEntry]) -> None:
        """Watch exactly these jobs: new ones are due now, dropped ones forgotten."""
        wanted = {entry.key: entry for entry in entries}
        for key in [key for key in self.entries if key not in wanted]:
            del self.entries[key]
            self.states.pop(key, None)
            self.schedule.discard(key)
        now = self.clock()
        for key, entry in wanted.items():
            self.entries[key] = entry
            state = self.states.get(key)
            self.schedule.add(key, now, terminal=state is not None and state.terminal)
        self.forget_routes()

    def seed(self, states: Mapping[JobKey, JobState]) -> None:
        """Start from cached states (marked stale); finished jobs are not asked again."""
        now = self.clock()
        for key, state in states.items():
            self.states.setdefault(key, state)
            if key in self.schedule and state.terminal:
                self.schedule.succeeded(key, now, terminal=True, changed=False)

    def route(self, key: JobKey) -> Union[Route, ErrorInfo]:
        """The job's route (cached), or the error that says why it has none."""
        found = self._routes.get(key)
        if found is None:
            try:
                found = self.router.route(self.entries[key])
            except JobtuiError as exc:
                found = ErrorInfo("config", str(exc))
            self._routes[key] = found
        return found

    def forget_routes(self, *, reload: bool = False) -> None:
        """Work routes out again (entries changed; with `reload`, credentials too)."""
        if reload:
            self.router.reload()
        self._routes.clear()

    def gates(self, key: JobKey) -> tuple[Gate, ...]:
        if key not in self.entries:
            return ()  # dropped from the watchlist while its cycle was under way
        route = self.route(key)
        if isinstance(route, ErrorInfo):
            return ()
        endpoint = self.endpoints.get(route.endpoint)
        if endpoint is None:
            endpoint = self.endpoints[route.endpoint] = Gate(route.endpoint, "endpoint")
        credential = self.credentials.get(route.credential)
        if credential is None:
            credential = self.credentials[route.credential] = Gate(route.credential, "credential")
            self.keys.recall(credential, route)
        else:
            self.keys.check(credential, route)
        return (endpoint, credential)

    def wall_at(self, when: float) -> datetime:
        """A monotonic deadline as a wall-clock time, for events and the status line."""
        return self.wall() + timedelta(seconds=when - self.clock())

    def admit(self, key: JobKey) -> bool:
        """Whether the job may be sent now; if not it waits for its blocked gate."""
        if key not in self.entries:
            return False  # the watchlist dropped it after this cycle began
        now = self.clock()
        for gate in self.gates(key):
            if gate.waiting(now):
                self.hold(key, gate)
                return False
            if gate.blocked or not gate.proven:
                # Its probe did not settle the gate (it is still out, or there was none
                # this cycle): the next cycle probes again.
                self.schedule.defer(key, now + 1.0)
                return False
        return True

    def hold(self, key: JobKey, gate: Gate) -> None:
        """Keep a job back until its gate's retry time; it says it was not asked.

        A job's error is only ever its own answer: one that already failed for the
        gate's trouble keeps that error (and its request ID); others show `not_asked`.
        """
        self.schedule.defer(key, gate.retry_at)
        state = self.states.get(key) or JobState(key)
        if not gate.blocked or blames(gate, state.error):
            return
        error = not_asked(gate)
        if state.error != error:
            # Not an attempt: `attempted_at` stays the time of the last real request.
            self.states[key] = replace(state, error=error)
            self.emit(FetchFailed(key, self.states[key], error, self.wall_at(gate.retry_at)))

    def throttle(self, route: Route) -> Throttle:
        """The 429 back-off of the route's endpoint and credential."""
        pair = (route.endpoint, route.credential)
        found = self.throttles.get(pair)
        if found is None:
            found = self.throttles[pair] = Throttle(self.bucket.cap, clock=self.clock)
        return found

    def paced(self, key: JobKey) -> bool:
        """Whether the job's route may take a request now; if not it waits its turn.

        A throttled route defers its jobs in the schedule rather than sleeping, so a
        long Retry-After holds no cycle, and no other route's jobs, back.
        """
        route = self.route(key) if key in self.entries else None
        if route is None or isinstance(route, ErrorInfo):
            return True
        throttle = self.throttle(route)
        wait = throttle.wait_time()
        if wait > 0:
            self.schedule.defer(key, self.clock() + wait)
            if throttle.held_for() > 0:
                self.held_by_throttle(key, self.clock() + wait)
            return False
        throttle.take()
        return True

    def held_by_throttle(self, key: JobKey, until: float) -> None:
        """A job its route's Retry-After keeps back says so, unless the 429 was its own."""
        state = self.states.get(key) or JobState(key)
        if state.error is not None and state.error.kind in ("throttled", NOT_ASKED):
            return
        at = self.wall_at(until).astimezone().strftime("%H:%M")
        error = ErrorInfo(NOT_ASKED, f"not asked: endpoint throttled (429) until {at}")
        self.states[key] = replace(state, error=error)
        self.emit(FetchFailed(key, self.states[key], error, self.wall_at(until)))

    def gave_up(self, key: JobKey, seconds: float) -> None:
        """A request that never answered was cancelled: a timeout of this job alone."""
        text = f"No answer within {seconds:g} s; the request was abandoned and will be sent again."
        self._failed(key, ErrorInfo("timeout", text), None)

    async def fetch(self, key: JobKey) -> None:
        """Send one request and take in its answer; never raises for a failed fetch."""
        if key not in self.entries:
            return
        route = self.route(key)
        if isinstance(route, ErrorInfo):
            self._failed(key, route, None)
            return
        credential = self.credentials.get(route.credential)
        if credential is not None and credential.refused is not None:
            # A refused key's probe (its time came): the user may have fixed the
            # credentials and waited, so read them again rather than spend one more
            # failed signature of the 5 the gateway allows.
            route = self._reread(key)
            if isinstance(route, ErrorInfo):
                self._failed(key, route, None)
                return
            credential = self.credentials.get(route.credential)
        if credential is not None and not self.keys.may_send(credential, route):
            self.hold(key, credential)  # another process probed this refused key meanwhile
            return
        self.requested += 1
        client = self.router.client(route)
        try:
            if is_cluster(key):
                cluster = await client.get_cluster(key[0], item_id(key))
            else:
                record = await client.get_job(*key)
        except ApiError as exc:
            self._failed(key, exc.info, route)
        except JobtuiError as exc:
            self._failed(key, ErrorInfo("bad_request", str(exc)), route)
        else:
            if is_cluster(key):
                self._cluster_landed(key, cluster, route)
            else:
                self._landed(key, record, route)

    def _reread(self, key: JobKey) -> Union[Route, ErrorInfo]:
        """The job's route with the credentials read again; a changed key goes at once."""
        self.forget_routes(reload=True)
        route = self.route(key)
        if isinstance(route, Route):
            self.gates(key)  # a changed key lifts its gate's hold (`KeyGuard.check`)
        return route

    def _landed(self, key: JobKey, record: JobRecord, route: Route) -> None:
        if key not in self.entries:
            return
        now, at = self.clock(), self.wall()
        old = self.states.get(key) or JobState(key)
        new = old.with_record(record, at)
        self.states[key] = new
        changed = old.record is None or _shown(old.record) != _shown(record)
        self.schedule.succeeded(
            key, now, terminal=record.terminal, changed=changed, cycle=self.cycle_started,
            state=new, wall=at,
        )  # fmt: skip
        before = old.record.status_text if old.record else None
        became = record.terminal and not old.terminal
        self._took(key, route, old, new, changed, (before, record.status_text, became))

    def _cluster_landed(self, key: JobKey, cluster: ClusterRecord, route: Route) -> None:
        """A cluster's answer: like a job's, but it never finishes, it only rests."""
        if key not in self.entries:
            return
        now, at = self.clock(), self.wall()
        old = self.states.get(key) or JobState(key)
        new = old.with_cluster(cluster, at)
        self.states[key] = new
        seen = old.cluster
        # Request IDs and server dates change every time: not a change a user sees.
        changed = seen is None or seen != replace(
            cluster, request_id=seen.request_id, server_date=seen.server_date
        )
        settled = cluster.phase is not Phase.RUNNING
        self.schedule.succeeded(
            key,
            now,
            terminal=False,
            changed=changed,
            cycle=self.cycle_started,
            rest=CLUSTER_REST if settled else None,
            state=new,
            wall=at,
        )
        before = seen.activity if seen else None
        became = settled and seen is not None and seen.phase is Phase.RUNNING
        self._took(key, route, old, new, changed, (before, cluster.activity, became))

    def _took(
        self,
        key: JobKey,
        route: Route,
        old: JobState,
        new: JobState,
        changed: bool,
        status: tuple[Optional[str], str, bool],
    ) -> None:
        """What every answer does: open its gates, and say what moved."""
        self.throttle(route).succeeded()
        self._open(self.gates(key))
        before, after, became = status
        if before != after:
            self.emit(StatusChanged(key, new, before, after, became))
        self.emit(JobUpdated(key, new, changed))
        if old.error is not None:
            self.emit(FetchRecovered(key, new))

    def _failed(self, key: JobKey, error: ErrorInfo, route: Optional[Route]) -> None:
        if key not in self.entries:
            return
        now = self.clock()
        # A server may ask for a pause, not for the end of polling.
        error = replace(error, retry_after=capped_retry_after(error.retry_after))
        state = (self.states.get(key) or JobState(key)).with_error(error, self.wall())
        self.states[key] = state
        due = self._judge(key, error, now, route) if route else self.schedule.failed(key, now)
        self.emit(FetchFailed(key, state, error, self.wall_at(due)))

    def _judge(self, key: JobKey, error: ErrorInfo, now: float, route: Route) -> float:
        """Block the endpoint or credential this error condemns; return the job's next try."""
        endpoint, credential = self.gates(key)
        if error.kind == "throttled":
            self.throttle(route).throttled(error.retry_after)
        if credential_refused(error):
            self._open([endpoint])
            return self._block_credential(key, credential, error, now)
        if endpoint_down(endpoint, error, key):
            return self._block_endpoint(key, endpoint, error, now)
        if error.kind == "server":
            endpoint.proven = True  # it answered, but keep counting its strikes
        else:
            self._open([endpoint])
        if credential_accepted(error):
            self._open([credential])
        if error.kind == "not_found":
            return self.schedule.missing(key, now)
        return self.schedule.failed(key, now, at_least=error.retry_after or 0.0)

    def _block_credential(self, key: JobKey, gate: Gate, error: ErrorInfo, now: float) -> float:
        gate.block(now, self.wall(), CREDENTIAL_PROBE, error)
        route = self.route(key)
        if isinstance(route, Route):
            self.keys.refused(gate, route, error)
        self.schedule.defer(key, gate.retry_at)
        self.emit(CredentialPaused(gate.name, gate.error or error, self.wall_at(gate.retry_at)))
        return gate.retry_at

    def _block_endpoint(self, key: JobKey, gate: Gate, error: ErrorInfo, now: float) -> float:
        gate.block(now, self.wall(), endpoint_delay(gate, error, self.rand), error)
        self.schedule.defer(key, gate.retry_at)
        since = gate.since or self.wall()
        self.emit(EndpointDown(gate.name, error, since, self.wall_at(gate.retry_at)))
        return gate.retry_at

    def _open(self, gates: Iterable[Gate]) -> None:
        for gate in gates:
            self.keys.accepted(gate)
            if not gate.open():
                continue
            self._release(gate)
            if gate.kind == "credential":
                self.emit(CredentialResumed(gate.name))
            else:
                self.emit(EndpointUp(gate.name))

    def _release(self, gate: Gate) -> None:
        """A gate opened again: the jobs it held back are due now, not at its retry time."""
        now = self.clock()
        for key, state in self.states.items():
            error = state.error
            if error is None or not (error.kind == NOT_ASKED or blames(gate, error)):
                continue
            if gate in self.gates(key):
                self.schedule.release(key, now)


def _shown(record: JobRecord) -> tuple[object, ...]:
    """What a user sees of a record; request IDs and server dates change every time."""
    return (
        record.status_text,
        record.progress,
        record.progress_raw,
        record.job_name,
        record.begin_time,
        record.end_time,
        record.failed_code,
        record.failed_detail,
    )
