"""A refused AK/SK is tried once per probe period: whatever the user presses, in any process.

The gateway locks a key after 5 failed signatures. Counted requests over loopback to a
simulator that checks signatures, on virtual time; "processes" are pollers that share
nothing but refused.json.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from jobtui.domain.events import CredentialPaused, FetchFailed, PollerEvent, Warned
from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from jobtui.store.refusals import RefusalBook
from tests.polling.helpers import VirtualTime, entries, job, simulator

AK, RIGHT, WRONG = "AKLOCKOUTTEST", "right-secret-0123456789", "wrong-secret-0123456789"
FIVE = Scenario(tuple(job(n) for n in range(5)))


@dataclass
class Process:
    """One jobtui process: its own poller, clock and credentials; refused.json is shared."""

    poller: Poller
    time: VirtualTime
    connections: Connections
    events: list[PollerEvent]

    def of(self, kind: type) -> list[PollerEvent]:
        return [event for event in self.events if isinstance(event, kind)]

    async def run(self, seconds: float) -> None:
        await self.time.run_for(self.poller, seconds)


class Gateway:
    """A simulator that checks signatures, and the processes that talk to it."""

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim
        self.processes: list[Process] = []

    def process(
        self,
        home: Path,
        *,
        sk: str = WRONG,
        book: Optional[RefusalBook] = None,
        time: Optional[VirtualTime] = None,
    ) -> Process:
        """A poller watching FIVE whose key comes from ~/.huaweicloud/credentials in `home`."""
        write_key(home, sk)
        settings = Settings(endpoint=self.sim.url, refresh_interval=10.0, rate_per_minute=6000.0)
        conns = Connections(settings, env={}, home=home, refusals=book)
        clock = time or VirtualTime(self.sim)
        events: list[PollerEvent] = []
        poller = Poller(
            conns, settings=settings, clock=clock.clock, sleep=clock.sleep, wall=clock.wall,
            on_event=events.append, rand=lambda: 0.5,
        )  # fmt: skip
        poller.set_entries(entries(FIVE))
        self.processes.append(Process(poller, clock, conns, events))
        return self.processes[-1]

    async def served(self) -> int:
        """The simulator's count, once its log caught up with what the processes sent."""
        sent = sum(p.poller.requested for p in self.processes)
        for _ in range(400):
            if self.sim.count() >= sent:
                break
            await asyncio.sleep(0.005)
        return self.sim.count()


def write_key(home: Path, sk: str) -> None:
    folder = home / ".huaweicloud"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "credentials").write_text(f"[basic]\nak = {AK}\nsk = {sk}\n")


@asynccontextmanager
async def gateway() -> AsyncIterator[Gateway]:
    with simulator(FIVE, ak=AK, sk=RIGHT) as sim:
        gw = Gateway(sim)
        try:
            yield gw
        finally:
            for proc in gw.processes:
                await proc.connections.aclose()


async def test_pressing_refresh_8_times_sends_no_more_than_the_one_refused_probe(
    tmp_path: Path,
) -> None:
    async with gateway() as gw:
        proc = gw.process(tmp_path)
        await proc.run(1)
        assert await gw.served() == 1
        for _ in range(8):  # r and R, as an impatient user would
            proc.poller.refresh()
            await proc.run(1)
            proc.poller.refresh(entries(FIVE)[2].key)
            await proc.run(1)
        assert await gw.served() == 1
        warned = [e.message for e in proc.of(Warned)]  # type: ignore[attr-defined]
        assert len(warned) == 16 and "next try at" in warned[0] and "5 failures" in warned[0]
        assert RIGHT not in str(proc.events) and WRONG not in str(proc.events)
        # The period ends (180 s after the refusal): one probe, still alone.
        await proc.run(170)
        assert await gw.served() == 2


async def test_a_fixed_key_is_tried_at_once_and_the_held_jobs_follow(tmp_path: Path) -> None:
    async with gateway() as gw:
        proc = gw.process(tmp_path)
        await proc.run(5)
        assert await gw.served() == 1
        write_key(tmp_path, RIGHT)  # the user fixed the SK in the credentials file
        proc.poller.refresh()
        await proc.run(1)
        assert await gw.served() == 1 + 5
        assert all(state.record and not state.error for state in proc.poller.states.values())
        assert not proc.of(Warned)


async def test_a_key_fixed_while_the_user_waits_is_read_before_the_timed_probe(
    tmp_path: Path,
) -> None:
    async with gateway() as gw:
        proc = gw.process(tmp_path)
        await proc.run(5)
        assert await gw.served() == 1
        write_key(tmp_path, RIGHT)  # fixed, and no key pressed: the user just waits
        await proc.run(180)  # the refused key's probe comes due
        # No second failed signature: the probe went with the fixed key, then the rest.
        assert [r.status for r in gw.sim.requests].count(401) == 1
        assert all(state.record and not state.error for state in proc.poller.states.values())
        assert await gw.served() >= 1 + 5


async def test_a_key_refused_in_one_process_is_not_tried_by_the_next(tmp_path: Path) -> None:
    book = tmp_path / "state" / "refused.json"
    async with gateway() as gw:
        first = gw.process(tmp_path, book=RefusalBook(book))
        await first.run(10)
        assert await gw.served() == 1
        # A second process, started 10 s later, knows it from the record: no request.
        later = VirtualTime(gw.sim)
        later.wall_offset = 10.0
        second = gw.process(tmp_path, book=RefusalBook(book), time=later)
        await second.run(20)
        assert await gw.served() == 1
        [paused] = second.of(CredentialPaused)
        assert "next try at" in paused.error.message  # type: ignore[attr-defined]
        failed = second.of(FetchFailed)
        assert {e.key for e in failed} == {e.key for e in entries(FIVE)}  # type: ignore[attr-defined]
        # Its probe comes due with the first process's (180 s after the refusal): of the
        # two, one sends it; the other finds it claimed and waits for the next period.
        await second.run(160)
        await first.run(180)
        assert await gw.served() == 2


async def test_a_changed_key_is_not_held_by_the_old_keys_record(tmp_path: Path) -> None:
    book = tmp_path / "state" / "refused.json"
    async with gateway() as gw:
        first = gw.process(tmp_path, book=RefusalBook(book))
        await first.run(1)
        second = gw.process(tmp_path / "fixed", sk=RIGHT, book=RefusalBook(book))
        await second.run(1)
        assert await gw.served() == 1 + 5
        assert all(state.record for state in second.poller.states.values())


async def test_a_key_accepted_again_is_cleared_from_the_record(tmp_path: Path) -> None:
    path = tmp_path / "state" / "refused.json"
    async with gateway() as gw:
        gw.sim.set_fault("error", status=401, error_code="APIG.0301", times=1)
        proc = gw.process(tmp_path, sk=RIGHT, book=RefusalBook(path))
        await proc.run(1)
        assert AK in path.read_text()
        await proc.run(181)  # the probe passes: no process need hold back any more
        assert AK not in path.read_text()
        assert await gw.served() == 1 + 5


async def test_a_clock_skew_is_not_a_wrong_key_and_is_retried_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "state" / "refused.json"
    async with gateway() as gw:
        gw.sim.set_fault("error", status=401, error_code="APIG.0303",
                      error_msg="Signature expired", times=1)  # fmt: skip
        proc = gw.process(tmp_path, sk=RIGHT, book=RefusalBook(path))
        await proc.run(1)
        assert [e.error.kind for e in proc.of(CredentialPaused)] == ["clock_skew"]  # type: ignore[attr-defined]
        assert not path.exists()
        proc.poller.refresh()
        await proc.run(1)
        assert await gw.served() == 1 + 5
