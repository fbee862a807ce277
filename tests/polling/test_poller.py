"""Poller behaviour without HTTP: concurrency, the rate cap, priorities, pause, clock jumps."""

from __future__ import annotations

from typing import Any

from jobtui.domain.events import CycleFinished, PollingPaused, StatusChanged
from jobtui.domain.state import JobState, WatchEntry
from jobtui.polling.backoff import MAX_DELAY, backoff_delay
from jobtui.polling.poller import Poller
from jobtui.polling.ratelimit import Throttle
from jobtui.polling.schedule import Schedule
from jobtui.store.config import Settings
from tests.polling.fakes import FakeJobs
from tests.polling.helpers import EPOCH, VirtualTime

PROJECT = "0" * 32


def watch(count: int) -> list[WatchEntry]:
    return [WatchEntry(PROJECT, f"{n:032x}", EPOCH) for n in range(count)]


def make(jobs: FakeJobs, time: VirtualTime, **settings: Any) -> tuple[Poller, list[object]]:
    """A poller on the fixed schedule (unless told): these tests count requests per interval."""
    events: list[object] = []
    poller = Poller(
        jobs, settings=Settings(**{"schedule": "fixed", **settings}),  # type: ignore[arg-type]
        clock=time.clock, sleep=time.sleep,
        wall=time.wall, on_event=events.append, rand=lambda: 0.5,
    )  # fmt: skip
    return poller, events


async def test_never_more_requests_in_flight_than_the_concurrency() -> None:
    jobs, time = FakeJobs(), VirtualTime()
    poller, _ = make(jobs, time, concurrency=3, rate_per_minute=100000)
    poller.set_entries(watch(30))
    await poller.refresh_once([e.key for e in watch(30)])
    assert len(jobs.calls) == 30 and jobs.most_in_flight == 3


async def test_a_status_of_a_few_dozen_jobs_is_not_slowed_by_the_rate_cap() -> None:
    jobs, time = FakeJobs(), VirtualTime()
    poller, _ = make(jobs, time)  # the default cap: 60 a minute
    states = await poller.refresh_once([e.key for e in watch(40)])
    assert time.now == 0.0 and all(s.record for s in states.values())


async def test_beyond_the_burst_requests_are_paced_at_the_cap() -> None:
    jobs, time = FakeJobs(), VirtualTime()
    poller, _ = make(jobs, time, rate_per_minute=60)
    await poller.refresh_once([e.key for e in watch(105)])
    # 45 at once, then one a second.
    assert 59 <= time.now <= 61


async def test_a_throttled_rate_halves_and_climbs_back_slowly() -> None:
    time = VirtualTime()
    throttle = Throttle(60, clock=time.clock)  # one endpoint and credential's back-off
    throttle.throttled(None)
    assert throttle.rate == 30
    for _ in range(50):
        throttle.succeeded()
    assert 30 < throttle.rate < 60


async def test_a_key_press_holds_new_requests_briefly_and_a_held_key_never_stops_them() -> None:
    time = VirtualTime()
    poller, _ = make(FakeJobs(), time, rate_per_minute=100000)
    bucket = poller.bucket
    bucket.defer(0.15, budget=1.0)
    assert bucket.wait_time() == 0.15  # a key: the next request waits for its repaint
    time.advance(0.15)
    assert bucket.wait_time() == 0.0
    held = 0.0
    for _ in range(300):  # a key held down for 3 s, repeating every 10 ms
        bucket.defer(0.15, budget=1.0)
        held += 0.01 if bucket.wait_time() > 0 else 0.0
        time.advance(0.01)
    assert 1.0 <= held <= 2.0  # about half the time: polling slows, never stops


async def test_new_and_recently_changed_jobs_go_first() -> None:
    jobs, time = FakeJobs(), VirtualTime()
    poller, _ = make(jobs, time, refresh_interval=10)
    quiet, changed = watch(2)
    poller.set_entries([quiet, changed])
    await poller.refresh_once([quiet.key, changed.key])
    time.advance(700)  # both quiet for longer than "recent"
    jobs.answers[changed.job_id] = "WAITING"
    await poller.refresh_once([changed.key])
    jobs.calls.clear()
    time.advance(10)
    assert poller.schedule.due(time.now) == [changed.key, quiet.key]


async def test_paused_polling_sends_nothing_until_asked() -> None:
    jobs, time = FakeJobs(), VirtualTime()
    poller, events = make(jobs, time)
    poller.set_entries(watch(3))
    poller.pause()
    await time.run_for(poller, 100)
    assert jobs.calls == []
    poller.refresh(watch(3)[1].key)  # a refresh by hand still goes out
    await time.run_for(poller, 1)
    assert jobs.calls == [watch(3)[1].job_id]
    poller.resume()
    await time.run_for(poller, 1)
    assert len(jobs.calls) == 3
    assert [e.paused for e in events if isinstance(e, PollingPaused)] == [True, False]


async def test_a_wall_clock_jump_neither_bursts_nor_stalls_polling() -> None:
    jobs, time = FakeJobs(), VirtualTime()
    poller, events = make(jobs, time, refresh_interval=10)
    poller.set_entries(watch(1))
    await time.run_for(poller, 55)
    time.wall_offset += 3600  # NTP steps an hour ahead
    await time.run_for(poller, 50)
    time.wall_offset -= 7200  # then a suspend/resume sets it back
    await time.run_for(poller, 50)
    assert len(jobs.calls) == 16  # 0, 10, ... 150: as if nothing happened
    cycles = [e for e in events if isinstance(e, CycleFinished)]
    assert all(e.next_due is not None and e.next_due > e.at for e in cycles)


async def test_cached_finished_jobs_are_not_asked_again() -> None:
    jobs, time = FakeJobs({f"{0:032x}": "SUCCESS"}), VirtualTime()
    poller, events = make(jobs, time)
    await poller.refresh_once([watch(1)[0].key])
    cached = {watch(2)[0].key: poller.states[watch(2)[0].key]}
    again, time2 = FakeJobs(), VirtualTime()
    poller2, _ = make(again, time2)
    poller2.seed({k: JobState.from_dict(v.to_dict()) for k, v in cached.items()})
    poller2.set_entries(watch(2))
    await time2.run_for(poller2, 30)
    assert f"{0:032x}" not in again.calls and again.calls.count(f"{1:032x}") == 3
    assert [e.new for e in events if isinstance(e, StatusChanged)] == ["SUCCESS"]


def test_days_of_failures_never_overflow_the_backoff() -> None:
    # An endpoint down for days fails thousands of probes: 2.0 ** 5000 would raise.
    assert backoff_delay(5000, 5.0, cap=30.0, rand=lambda: 1.0) == 30.0
    schedule = Schedule(10.0, rand=lambda: 1.0)
    schedule.add(("p", "j"), 0.0)
    for _ in range(3000):
        due = schedule.failed(("p", "j"), 0.0)
    assert due == MAX_DELAY
