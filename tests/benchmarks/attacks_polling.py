"""Attacks on the poller: a dripping body, Retry-After from the far future, outages."""

from __future__ import annotations

import time
from typing import Any

from jobtui.domain.events import EndpointDown, EndpointUp, FetchFailed, JobUpdated
from jobtui.sim.scenario import Scenario
from tests.benchmarks.attack_kit import PollRig, Row, Sandbox, run_async, simulator
from tests.polling.helpers import job

HEALTHY = Scenario(tuple(job(n) for n in range(1, 6)))


def _asked(rig: PollRig, jobs: Scenario, sim_index: int = 0) -> list[int]:
    return [rig.sims[sim_index].count(j) for _, j in jobs.pairs()]


def _lost(rig: PollRig) -> str:
    """Jobs no longer watched; and jobs that show neither an answer nor an error."""
    states = rig.poller.states
    watched = [(p, j) for sim in rig.sims for p, j in sim.scenario.pairs()]
    gone = sum(key not in rig.poller.schedule for key in watched)
    blank = sum(key in states and not (states[key].record or states[key].error) for key in watched)
    blank += sum(key not in states for key in watched)
    return f"{gone} jobs lost" + (
        f", **{blank} show nothing (not asked, no reason)**" if blank else ""
    )


def _yes(held: bool) -> str:
    return "yes" if held else "**NO**"


def drip(box: Sandbox, **_: Any) -> Row:
    """A body one byte every 0.05 s, against a 0.5 s deadline, beside 5 healthy jobs."""
    scenario = Scenario((job(0), *HEALTHY.jobs))
    sim = simulator(scenario)
    sim.set_fault("drip", delay=0.05, job_id=job(0).job_id)

    async def attack() -> Row:
        rig = PollRig(box, [sim], timeout=0.5)
        try:
            started = time.monotonic()
            await rig.run(60)
            real = time.monotonic() - started
            error = rig.poller.states[(job(0).project_id, job(0).job_id)].error
            asked = _asked(rig, HEALTHY)
            return Row(
                "drip",
                "1 job's body at 1 byte / 0.05 s, deadline 0.5 s, 60 s of polling",
                f"{_yes(min(asked) > 0)}: healthy jobs on its endpoint asked "
                f"{min(asked)}-{max(asked)}x, "
                f"dripping one: {error.kind if error else None}",
                _lost(rig),
                f"{real:.1f} s real for 60 s of polling",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def _retry_after(box: Sandbox, header: str, name: str) -> Row:
    scenario = Scenario((job(0),))
    sim = simulator(scenario)
    sim.set_fault("throttle", retry_after=header)

    async def attack() -> Row:
        rig = PollRig(box, [sim])
        try:
            await rig.run(1)
            failed = rig.of(FetchFailed)[-1]
            wait = (failed.next_attempt - rig.time.wall()).total_seconds()
            sim.clear_faults()
            await rig.run(wait + 15)
            back = rig.poller.states[scenario.pairs()[0]].error is None
            return Row(
                name,
                f"429 with Retry-After: {header}",
                f"yes: asked again after {wait:.0f} s, {'answered' if back else 'NOT answered'}",
                _lost(rig),
                f"next try in {wait:.0f} s (capped)",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def retry_after_huge(box: Sandbox, **_: Any) -> Row:
    return _retry_after(box, "99999999999", "Retry-After 99999999999 s")


def retry_after_date(box: Sandbox, **_: Any) -> Row:
    return _retry_after(box, "Fri, 31 Dec 9999 23:59:59 GMT", "Retry-After in year 9999")


def endpoint_down(box: Sandbox, **_: Any) -> Row:
    """503 for 25 jobs for 2 minutes, then healthy again."""
    scenario = Scenario(tuple(job(n) for n in range(25)))
    sim = simulator(scenario)

    async def attack() -> Row:
        rig = PollRig(box, [sim])
        try:
            await rig.run(1)
            sim.set_fault("error", status=503)
            before = rig.poller.requested
            await rig.run(120)
            sent = rig.poller.requested - before
            sim.clear_faults()
            await rig.run(60)
            fresh = sum(s.error is None for s in rig.poller.states.values())
            return Row(
                "503 for 25 jobs",
                "every answer 503 DWS.0002 for 120 s, then healthy",
                f"yes: {fresh}/25 fresh 60 s after",
                _lost(rig),
                f"{sent} requests in the outage (25 x 12 = 300 without gates)",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def throttle_one_endpoint(box: Sandbox, **_: Any) -> Row:
    """One endpoint 429s with Retry-After 600; another endpoint's jobs go on."""
    throttled = Scenario(tuple(job(n, project=1) for n in range(5)))
    a, b = simulator(throttled), simulator(HEALTHY)
    a.set_fault("throttle", retry_after="600")

    async def attack() -> Row:
        rig = PollRig(box, [b, a], projects={job(0, project=1).project_id: a.url})
        try:
            await rig.run(60)
            asked = _asked(rig, HEALTHY)
            return Row(
                "429 on one endpoint",
                "endpoint A: 429 APIGW.0308, Retry-After 600; endpoint B fine",
                f"{_yes(min(asked) >= 5)}: B's jobs asked {min(asked)}-{max(asked)}x in 60 s",
                _lost(rig),
                f"{a.count()} requests to A in 60 s",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def outage_recovery(box: Sandbox, **_: Any) -> Row:
    """The endpoint stops for 2 minutes (connection refused), then comes back."""
    scenario = Scenario(tuple(job(n) for n in range(10)))
    sim = simulator(scenario)

    async def attack() -> Row:
        nonlocal sim
        rig = PollRig(box, [sim])
        try:
            await rig.run(1)
            port = sim.port
            sim.stop()
            await rig.run(120)
            sim = simulator(scenario, port=port)
            rig.sims[0] = sim
            rig.time.sim.sims[0] = sim  # type: ignore[union-attr]
            healed = rig.time.now
            await rig.run(60)
            up = [e for e in rig.events if isinstance(e, EndpointUp)]
            downs = len(rig.of(EndpointDown))
            fresh = sum(s.error is None for s in rig.poller.states.values())
            took = _first_fresh_all(rig, healed)
            return Row(
                "2-minute outage",
                "simulator stopped 120 s (connection refused), restarted on its port",
                f"yes: {fresh}/10 fresh, banner cleared {len(up)}x",
                _lost(rig),
                f"all fresh {took} s after it came back ({downs} EndpointDown)",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def _first_fresh_all(rig: PollRig, healed: float) -> str:
    """Virtual seconds from the heal until every job had a good answer again."""
    first: dict[object, float] = {}
    for at, event in zip(rig.stamps, rig.events):
        if at >= healed and isinstance(event, JobUpdated):
            first.setdefault(event.key, at)
    if len(first) < len(rig.poller.states):
        return "never"
    return f"{max(first.values()) - healed:.0f}"
