"""One polling cycle: probe the gates that need it, then the rest with bounded concurrency.

A cycle waits for each request at most `InFlight.straggler_after` seconds: a request
still out then stays in flight on its own, and its job is skipped until it lands.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable

from jobtui.domain.errors import TRANSPORT_KINDS
from jobtui.domain.state import JobKey
from jobtui.polling.fetcher import Fetcher
from jobtui.polling.gates import Gate
from jobtui.polling.in_flight import InFlight

# Each worker holds one connection, and every request walks the pool's connections:
# a quiet cycle of ten jobs is cheaper on two connections than on ten. A worker takes
# about this many jobs; `concurrency` stays the ceiling for big refreshes.
JOBS_PER_WORKER = 8


async def run_cycle(
    fetcher: Fetcher, in_flight: InFlight, keys: Iterable[JobKey], concurrency: int
) -> int:
    """Fetch `keys` in order; return how many requests went out."""
    before = fetcher.requested
    fetcher.cycle_started = fetcher.clock()
    probes, rest = partition(fetcher, in_flight, keys)
    # Probes go first and alone per gate: one failed signature, not one per job.
    await _work(fetcher, in_flight, probes, concurrency, probing=True)
    await _work(fetcher, in_flight, rest, concurrency, probing=False)
    return fetcher.requested - before


def partition(
    fetcher: Fetcher, in_flight: InFlight, keys: Iterable[JobKey]
) -> tuple[list[JobKey], list[JobKey]]:
    """Split due jobs into one probe per gate that needs one, and the others.

    Jobs behind a gate that is blocked and not yet due for a probe are held back; so
    are jobs whose request from an earlier cycle is still out.
    """
    now = fetcher.clock()
    probes: list[JobKey] = []
    rest: list[JobKey] = []
    chosen: set[Gate] = set()
    for key in _suspects_last(fetcher, keys):
        if key in in_flight:
            continue
        gates = fetcher.gates(key)
        waiting = [gate for gate in gates if gate.waiting(now)]
        if waiting:
            fetcher.hold(key, _latest(waiting))
            continue
        unsettled = [gate for gate in gates if gate.needs_probe(now)]
        if unsettled and not chosen.intersection(unsettled):
            chosen.update(unsettled)
            probes.append(key)
        else:
            rest.append(key)
    return probes, rest


def _suspects_last(fetcher: Fetcher, keys: Iterable[JobKey]) -> list[JobKey]:
    """The jobs whose own last request failed below HTTP go after the others.

    A blocked gate's probe is then a job that did not fail itself: one job whose answer
    always times out (a body that drips) must not be the only probe of its endpoint for
    ever, holding every other job there back. In a real outage the probe still fails.
    """

    def suspect(key: JobKey) -> bool:
        state = fetcher.states.get(key)
        return state is not None and state.error is not None and state.error.kind in TRANSPORT_KINDS

    return sorted(keys, key=suspect)


def _latest(gates: list[Gate]) -> Gate:
    return max(gates, key=lambda gate: gate.retry_at)


async def _work(
    fetcher: Fetcher, in_flight: InFlight, keys: list[JobKey], concurrency: int, *, probing: bool
) -> None:
    queue = deque(keys)

    async def worker() -> None:
        while queue:
            key = queue.popleft()
            await fetcher.bucket.acquire()
            if (probing or fetcher.admit(key)) and fetcher.paced(key):
                await in_flight.send(key)
            else:
                fetcher.bucket.refund()

    # Probes go to different endpoints or credentials: one hanging must not hold the rest.
    count = min(concurrency, len(keys)) if probing else workers_for(len(keys), concurrency)
    workers = [asyncio.ensure_future(worker()) for _ in range(count)]
    try:
        await asyncio.gather(*workers)
    finally:
        # A worker that broke ends the cycle: its siblings must not outlive it unseen.
        for task in workers:
            task.cancel()


def workers_for(jobs: int, concurrency: int) -> int:
    """How many requests a cycle of `jobs` keeps in flight (see JOBS_PER_WORKER)."""
    return min(concurrency, -(-jobs // JOBS_PER_WORKER))
