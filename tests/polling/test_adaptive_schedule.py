"""The adaptive schedule's rules, on injected clocks: floor, budget, finished jobs, 429s."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.history import Sample
from jobtui.domain.model import JobRecord, Status
from jobtui.domain.state import JobState
from jobtui.polling.attention import FLOOR, plan
from jobtui.polling.poller import Poller
from jobtui.polling.ratelimit import TokenBucket
from jobtui.store.config import Settings
from tests.polling.fakes import FakeJobs
from tests.polling.helpers import EPOCH, VirtualTime
from tests.polling.test_poller import PROJECT, watch

KEY = (PROJECT, "1" * 32)


class TimedJobs(FakeJobs):
    """FakeJobs that also notes when each request went out."""

    def __init__(self, time: VirtualTime, **kw: Any) -> None:
        super().__init__(**kw)
        self.time = time
        self.at: list[tuple[float, str]] = []

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        self.at.append((self.time.now, job_id))
        return await super().get_job(project_id, job_id)


def adaptive(jobs: FakeJobs, time: VirtualTime, **settings: Any) -> Poller:
    return Poller(
        jobs, settings=Settings(**settings), clock=time.clock, sleep=time.sleep,  # type: ignore[arg-type]
        wall=time.wall, rand=lambda: 0.5,
    )  # fmt: skip


def running(progress: list[tuple[float, float]], *, began: float = 0.0) -> JobState:
    """A RUNNING job whose progress was `(seconds after EPOCH, percent)` at those times."""
    at = EPOCH + timedelta(seconds=progress[-1][0] if progress else 0)
    record = JobRecord(*KEY, Status.RUNNING, progress=progress[-1][1] if progress else None,
                       begin_time=EPOCH + timedelta(seconds=began))  # fmt: skip
    samples = tuple(Sample(EPOCH + timedelta(seconds=t), p) for t, p in progress)
    return JobState(KEY, record, fetched_at=at, samples=samples)


def most_in_a_minute(times: list[float]) -> int:
    times = sorted(times)
    return max(sum(1 for t in times if start <= t < start + 60) for start in times)


def test_a_job_near_its_eta_is_asked_soon_and_one_far_from_it_rarely() -> None:
    steady = [(60.0 * m, 5.0 * m) for m in range(1, 11)]  # 5 % a minute: ends at 20 min
    far = plan(running(steady), EPOCH + timedelta(minutes=10))
    near = plan(running([*steady, (19 * 60, 95.0)]), EPOCH + timedelta(minutes=19, seconds=50))
    assert far.reason.startswith("ETA in 10m") and 20 <= far.wait <= FLOOR
    assert near.reason == "near its ETA" and near.wait <= 10
    # Just before the window opens the job is asked as it opens, not a whole wait later.
    soon = plan(running(steady), EPOCH + timedelta(minutes=19, seconds=30))
    assert soon.reason == "near its ETA" and soon.wait < far.wait


def test_short_jobs_are_asked_more_often_than_long_ones_and_none_beyond_the_floor() -> None:
    now = EPOCH + timedelta(minutes=5)
    short = plan(running([], began=0), now)  # no ETA: assumed to run 10 min
    long = plan(running([], began=-6 * 3600), now)  # running for 6 h already
    assert short.wait < long.wait == FLOOR
    assert "no ETA yet" in short.reason


def test_a_stalled_job_says_so() -> None:
    stalled = running([(0, 10.0), (60, 20.0), (120, 30.0)])
    why = plan(stalled, EPOCH + timedelta(minutes=22))
    assert why.reason == "no progress for 20m" and why.wait <= FLOOR  # ETA long past
    stalled = running([(0, 30.0)])
    assert plan(stalled, EPOCH + timedelta(minutes=20)).reason == "no progress for 20m"


async def an_hour_of(count: int) -> TimedJobs:
    """`count` running jobs watched for an hour on the adaptive schedule."""
    time = VirtualTime()
    jobs = TimedJobs(time)
    poller = adaptive(jobs, time)
    poller.set_entries(watch(count))
    await time.run_for(poller, 3600)
    return jobs


async def test_no_running_job_waits_longer_than_the_floor() -> None:
    jobs = await an_hour_of(20)
    for job_id in {job for _, job in jobs.at}:
        asked = [t for t, job in jobs.at if job == job_id]
        gaps = [b - a for a, b in zip(asked, asked[1:])]
        assert asked[-1] > 3600 - FLOOR - 2 and max(gaps) <= FLOOR + 2


async def test_with_budget_to_spare_jobs_far_from_an_end_are_not_asked_every_10_s() -> None:
    jobs = await an_hour_of(5)
    assert len(jobs.at) <= 5 * 360 / 2  # the fixed 10 s schedule: 360 per job-hour


async def test_the_budget_holds_in_every_minute_through_start_up_and_refresh_all() -> None:
    time = VirtualTime()
    jobs = TimedJobs(time)
    poller = adaptive(jobs, time, rate_per_minute=60)
    poller.set_entries(watch(100))
    await time.run_for(poller, 90)
    poller.refresh()  # R: every job at once
    await time.run_for(poller, 200)
    times = [t for t, _ in jobs.at]
    assert len(times) > 150 and most_in_a_minute(times) <= 60


def test_the_cap_is_a_sliding_minute_not_a_burst_on_top_of_the_rate() -> None:
    time = VirtualTime()
    bucket = TokenBucket(60, clock=time.clock, sleep=time.sleep)
    sent: list[float] = []
    while time.now < 300:
        wait = bucket.wait_time()
        if wait > 0:
            time.advance(wait)
            continue
        bucket.take()
        sent.append(time.now)
    assert most_in_a_minute(sent) == 60 and 290 <= len(sent) <= 5 * 60


async def test_finished_jobs_are_never_asked_again() -> None:
    time = VirtualTime()
    jobs = TimedJobs(time, answers={f"{0:032x}": "SUCCESS", f"{1:032x}": "FAIL"})
    poller = adaptive(jobs, time)
    poller.set_entries(watch(3))
    await time.run_for(poller, 1800)
    asked = [job for _, job in jobs.at]
    assert asked.count(f"{0:032x}") == 1 and asked.count(f"{1:032x}") == 1
    assert poller.schedule.reason((PROJECT, f"{0:032x}")) == "finished: never asked again"
    assert asked.count(f"{2:032x}") > 10


async def test_a_429_still_holds_its_job_for_retry_after_and_halves_its_route() -> None:
    time = VirtualTime()
    throttled = ErrorInfo("throttled", "slow down", http_status=429, retry_after=90.0)
    jobs = TimedJobs(time, answers={f"{0:032x}": throttled})
    poller = adaptive(jobs, time)
    poller.set_entries(watch(1))
    await time.run_for(poller, 89)
    assert len(jobs.at) == 1
    throttle = next(iter(poller._fetcher.throttles.values()))
    assert throttle.rate == throttle.cap / 2
    await time.run_for(poller, 2)
    assert len(jobs.at) == 2
