"""The endpoint goes away for minutes and comes back: stopped, DNS, TLS, a proxy's HTML.

Each outage is real HTTP over loopback in virtual time. While it lasts the jobs keep
their last answers, the banner says "Offline since hh:mm, retrying in N s" with
the client's one sentence, and the endpoint gets one probe at a time. When the
endpoint is back, the next probe (due within the backoff period in force) finds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Optional

import pytest

from jobtui.domain.events import EndpointDown, EndpointUp
from jobtui.domain.state import JobKey, WatchedJob
from jobtui.session.status_line import Problem, banner_line
from tests.faults.rig import KEYS, Outage, Resolver, session_on

# The client's sentence for each outage (docs/architecture.md: "How an answer becomes
# an error kind").
KINDS = {
    "restart": ("connection", "refused"),
    "dns": ("dns", "could not be resolved"),
    "tls": ("tls", "certificate"),
    "html": ("proxy", "HTML page"),
    "html502": ("server", "HTML page"),
}


@pytest.fixture(params=sorted(KINDS))
def outage(request: pytest.FixtureRequest, resolver: Resolver) -> Iterator[Outage]:
    fault = Outage(request.param, resolver)
    yield fault
    fault.sim.stop()


async def test_an_outage_keeps_the_picture_says_so_and_ends_by_itself(
    tmp_path: Path, outage: Outage
) -> None:
    kind, words = KINDS[outage.kind]
    async with session_on(tmp_path, outage.sim, outage.endpoint()) as rig:
        await rig.poll(1)
        before = _picture(rig.session.jobs())
        assert [status for status, _ in before.values()] == ["RUNNING"] * len(KEYS)

        outage.start()
        rig.time.sim = outage.sim
        sent = rig.session.poller.requested
        await rig.poll(240)  # four minutes without the endpoint
        jobs = rig.session.jobs()
        # The last known answers stay, each flagged: the jobs that were asked with the
        # outage's error, the others as not asked (no borrowed error, no request ID).
        assert _picture(jobs) == before
        errors = [job.state.error for job in jobs]
        assert all(errors) and any(e.kind == kind for e in errors if e)
        for error in errors:
            assert error is not None and error.kind in (kind, "not_asked")
            if error.kind == "not_asked":
                assert error.message.startswith("not asked: endpoint down since ")
                assert error.request_id is None
        # The banner's words for the last EndpointDown, as the screen makes them.
        _, down = rig.of(EndpointDown)[-1]
        problem = Problem(down.error, down.retry_at, since=down.since)
        banner = str(banner_line(problem, rig.session.poller.wall_at(rig.time.now)))
        assert words in banner, banner
        assert down.since.astimezone().strftime("%H:%M") in banner
        assert re.match(r"Offline since \d\d:\d\d, retrying in \d+ s — .+\.$", banner)
        # One probe at a time, backing off to 15-30 s apart: not six jobs every ten
        # seconds (144). At most the six in flight, then 2.5, 5, 10 s, then every 15 s.
        assert rig.session.poller.requested - sent <= 6 + 18

        healed_at = rig.time.now
        period = (down.retry_at - rig.session.poller.wall_at(healed_at)).total_seconds()
        outage.heal()
        rig.time.sim = outage.sim
        await rig.poll(310)
        (up_at, _), *more = rig.of(EndpointUp)
        assert 0 <= period <= 30 and not more and up_at - healed_at <= period + 0.2
        assert rig.of(EndpointUp)[-1][0] > rig.of(EndpointDown)[-1][0]  # the banner goes
        assert all(job.state.error is None and job.state.record for job in rig.session.jobs())
        assert outage.sim.count(KEYS[0][1]) >= 1


def _picture(jobs: list[WatchedJob]) -> dict[JobKey, tuple[str, Optional[datetime]]]:
    """What the table shows of each job: its status and since when it runs."""
    return {
        job.entry.key: (job.state.record.status_text, job.state.record.begin_time)
        for job in jobs
        if job.state.record
    }
