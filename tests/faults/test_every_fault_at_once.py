"""Every fault kind at once, in the real monitor: the healthy jobs never stop moving.

30 jobs: 15 healthy ones climbing 2.5 % per interval, and one job per fault kind of
the simulator (`tests/faults/fleet.py` says which share the healthy jobs' endpoint and
which have their own). The app is the real one on a real Session, over loopback HTTP,
in stepped time; the faulty requests cost real time only up to a 1 s deadline.
"""

from __future__ import annotations

import re
from datetime import timezone
from functools import partial
from pathlib import Path
from typing import Any, Callable

from jobtui.domain.events import PollerEvent, PollerFault
from jobtui.session.session import Session
from tests.faults.fleet import EXPECTED_KIND, Fleet, fleet
from tests.faults.screen import until
from tests.ui.conftest import Harness
from tests.ui.test_with_simulator import SteppedTime

PERCENT = re.compile(r"(\d+)%")


def _shown_progress(ui: Harness, names: list[str]) -> dict[str, int]:
    """The percentage each named job's row shows (rows scrolled off are left out)."""
    table = ui.main.table
    lines = [table.render_line(y).text for y in range(table.size.height)]
    shown = {}
    for name in names:
        for line in lines:
            found = PERCENT.search(line) if name in line else None
            if found:
                shown[name] = int(found.group(1))
    return shown


async def test_every_fault_at_once_leaves_the_healthy_jobs_moving_on_screen(
    tmp_path: Path,
) -> None:
    from jobtui.ui.app import build_app

    with fleet(tmp_path) as jobs:
        time = SteppedTime(jobs)  # type: ignore[arg-type]  # moves every simulator
        session = Session.from_paths(
            jobs.paths, jobs.settings, jobs.connections(tmp_path, {}),
            clock=time.clock, sleep=time.sleep, wall=time.wall,
        )  # fmt: skip
        log: list[PollerEvent] = []
        session.subscribe(log.append)
        app = build_app(session, jobs.settings, clock=time.wall, zone=timezone.utc)  # type: ignore[arg-type]
        async with app.run_test(size=(120, 50), notifications=True) as pilot:
            ui = Harness(app, pilot, session)  # type: ignore[arg-type]
            await _every_job_heard_from(ui, time, jobs)
            await _healthy_jobs_move_every_interval(ui, time, session, jobs, intervals=4)
            assert app.is_running and not [e for e in log if isinstance(e, PollerFault)]
            await _still_answers_a_key(ui)
            await _each_fault_shows_its_own_error(ui, jobs)


async def _healthy_jobs_move_every_interval(
    ui: Harness, time: SteppedTime, session: Session, jobs: Fleet, intervals: int
) -> None:
    """Each interval every healthy job is asked again and its row shows a higher %."""
    names = [f"healthy-{n:02d}" for n in range(len(jobs.healthy))]
    before = _shown_progress(ui, names)
    assert len(before) >= 10, before  # most healthy rows are on screen
    for _ in range(intervals):
        asked = {key[1]: jobs.main.count(key[1]) for key in jobs.healthy}
        # One interval (10 s) and a cycle's spread later, all were asked again.
        await _poll_until(ui, time, session, partial(_asked_again, jobs, asked), limit=14)
        await until(ui, partial(_moved, ui, names, before))
        before = _shown_progress(ui, names)


def _asked_again(jobs: Fleet, asked: dict[str, int]) -> bool:
    return all(jobs.main.count(job) > count for job, count in asked.items())


async def _every_job_heard_from(ui: Harness, time: SteppedTime, jobs: Fleet) -> None:
    """Every job has an answer or an error of its own (the first probes take a moment)."""
    everyone = [*jobs.healthy, *jobs.faulty]

    def heard() -> bool:
        states = ui.main.view.jobs
        return all(key in states and _own_outcome(states[key].state) for key in everyone)

    for _ in range(30):  # held jobs wait a second behind a new gate's probe
        if heard():
            return
        time.advance(1.0)
        await ui.pilot.pause(0.1)
    await until(ui, heard)


def _own_outcome(state: Any) -> bool:
    error = state.error
    return (error is not None and error.kind != "not_asked") or state.record is not None


async def _poll_until(
    ui: Harness, time: SteppedTime, session: Session, condition: Callable[[], bool], limit: float
) -> None:
    """Move virtual time on while no request is out, until `condition` (within `limit` s).

    A request takes real time (a faulty one up to its 1 s deadline): time stands
    still meanwhile, as it nearly does for a poller whose interval is 10 s.
    """
    start = time.now
    for _ in range(1000):
        if condition():
            return
        if session.poller.in_flight == 0:
            assert time.now - start < limit, "not within the interval"
            time.advance(0.5)
        await ui.pilot.pause(0.02)
    await until(ui, condition)


def _moved(ui: Harness, names: list[str], before: dict[str, int]) -> bool:
    now = _shown_progress(ui, names)
    return all(now.get(name, -1) > shown for name, shown in before.items())


async def _still_answers_a_key(ui: Harness) -> None:
    session: Session = ui.session  # type: ignore[assignment]
    await ui.press("p")
    await until(ui, lambda: session.paused and "paused" in ui.status_line().lower())
    await ui.press("p")
    await until(ui, lambda: not session.paused)


async def _each_fault_shows_its_own_error(ui: Harness, jobs: Fleet) -> None:
    """Its own kind of error, and a request ID only from an answer about that very job."""
    sent = jobs.request_ids()
    others = {job: set().union(*(ids for j, ids in sent.items() if j != job)) for job in sent}
    for key, kind in jobs.faulty.items():
        state = ui.main.view.jobs[key].state
        expected = EXPECTED_KIND[kind]
        if expected is None:  # answers, with a progress no float holds: shown as unknown
            assert state.error is None and state.record.progress is None, kind
            continue
        error = state.error
        assert error is not None and error.kind == expected, (kind, error)
        assert error.request_id not in others[key[1]], (kind, error.request_id)
        ui.main.table.select_key(key)
        await ui.press("enter")
        # The detail pane says it (wrapped at its width).
        assert " ".join(error.message.split()[:6]) in " ".join(ui.detail().split()), kind
