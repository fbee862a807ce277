"""Progress bars ease to a new value within 1 s at <= 15 fps, then stop."""

from __future__ import annotations

import math
from typing import Any, Callable

from jobtui.ui.animation import ProgressAnimator
from tests.ui.table.job_rows import FakeClock, TableHost, make_job


class FakeTimer:
    """Stands in for Textual's interval timer; the test fires frames itself."""

    def __init__(self, interval: float, callback: Callable[[], None]) -> None:
        self.interval, self.callback, self.stopped = interval, callback, False

    def stop(self) -> None:
        self.stopped = True


def _host(**options: Any) -> tuple[TableHost, FakeClock, list[FakeTimer]]:
    clock, timers = FakeClock(), []

    def factory(interval: float, callback: Callable[[], None]) -> FakeTimer:
        timers.append(FakeTimer(interval, callback))
        return timers[-1]

    app = TableHost([make_job(1, progress="10%")], clock=clock, timer_factory=factory, **options)
    return app, clock, timers


def _bar(line: str) -> str:
    return line[12:22]  # the bar's 10 cells at 120 columns


async def test_the_bar_eases_in_the_figure_shows_at_once_and_the_timer_stops() -> None:
    app, clock, timers = _host()
    async with app.run_test(size=(120, 10)) as pilot:
        app.table.update_job(make_job(1, progress="60%"))
        assert len(timers) == 1 and timers[0].interval >= 1 / 15
        assert _bar(app.line(1)) == "█░░░░░░░░░"  # starts from where the bar was
        assert " 60%" in app.line(1)  # the figure changes once, not per frame
        frames, bars = 0, []
        while app.table.timer_running:
            clock.t += timers[0].interval
            app.table.advance_animation()
            bars.append(_bar(app.line(1)))
            assert " 60%" in app.line(1)
            frames += 1
        await pilot.pause()
        assert frames <= math.ceil(1.0 * 15)
        assert any(bar not in ("█░░░░░░░░░", "██████░░░░") for bar in bars)
        assert _bar(app.line(1)) == "██████░░░░" and timers[0].stopped


async def test_a_move_smaller_than_one_bar_step_costs_one_frame() -> None:
    app, _clock, timers = _host()
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        regions: list = []
        original = app.table.refresh
        app.table.refresh = lambda *r, **kw: (regions.extend(r), original(*r, **kw))[1]
        app.table.update_job(make_job(1, progress="11%"))  # a bar step is 1.25%
        assert timers == [] and not app.table.timer_running
        assert len(regions) == 1 and " 11%" in app.line(1)


async def test_no_animation_when_disabled() -> None:
    app, _clock, timers = _host(animations=False)
    async with app.run_test(size=(120, 10)):
        app.table.update_job(make_job(1, progress="60%"))
        assert timers == [] and " 60%" in app.line(1)


async def test_textual_animations_none_turns_it_off() -> None:
    app, _clock, timers = _host()
    app.animation_level = "none"
    async with app.run_test(size=(120, 10)):
        app.table.update_job(make_job(1, progress="60%"))
        assert timers == [] and not app.table.timer_running


async def test_turning_animations_off_mid_way_lands_the_bar_and_stops() -> None:
    app, _clock, timers = _host()
    async with app.run_test(size=(120, 10)):
        app.table.update_job(make_job(1, progress="60%"))
        app.table.animations = False
        assert timers[0].stopped and " 60%" in app.line(1)


async def test_pending_jobs_do_not_animate() -> None:
    app, _clock, timers = _host()
    async with app.run_test(size=(120, 10)):
        app.table.update_job(make_job(1, "WAITING", None))
        assert timers == []


def test_a_retarget_mid_way_starts_from_the_drawn_value() -> None:
    clock = FakeClock()
    animator: ProgressAnimator[str] = ProgressAnimator(clock, duration=1.0)
    animator.start("a", 0.0, 100.0)
    clock.t += 0.5
    drawn = animator.value("a")
    animator.start("a", 100.0, 50.0)
    assert animator.value("a") == drawn
    clock.t += 1.0
    assert animator.step() == ["a"] and not animator.active
