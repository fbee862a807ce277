"""The schedule benchmark's budget rows for `python -m tests.benchmarks.run`.

A smaller run of `schedule_bench` on its virtual clock (a few seconds): the adaptive
schedule against a round robin at the same budget (40 jobs at a time) and against the
fixed 10 s schedule (5 at a time).
"""

from __future__ import annotations

from typing import Optional

from tests.benchmarks.figure import Figure
from tests.benchmarks.plan import Plan
from tests.benchmarks.schedule_bench import RATE, compare
from tests.benchmarks.schedule_watch import Outcome, mean, p90


def _half(mine: float, ref: Optional[float]) -> bool:
    return ref is not None and mine <= ref / 2


def _no_worse(mine: float, ref: Optional[float]) -> bool:
    return ref is not None and mine <= ref


def _figure(name: str, unit: str, budget: str, check: object, mine: object, ref: object) -> Figure:
    fig = Figure(name, unit, budget, check)  # type: ignore[arg-type]
    fig.jobtui.append(mine)  # type: ignore[arg-type]
    if ref is not None:
        fig.reference.append(ref)  # type: ignore[arg-type]
    return fig


def schedule(plan: Plan) -> list[Figure]:
    """Schedule: when an end is seen, and what it costs (virtual clock)."""
    per_slot = 4 if plan.quick else 20
    many: list[Outcome] = compare(40, per_slot, 14)
    few: list[Outcome] = compare(5, per_slot * 2, 14)
    new, rr, five, fixed = many[0], many[1], few[0], few[2]
    note = "reference: round robin at the same budget (40 s); virtual clock, 40 jobs at a time"
    rows = [
        _figure("end seen after, mean, 40 jobs", "s", "<= 0.5x ref", _half,
                mean(new.delays), mean(rr.delays)),
        _figure("  same, p90", "s", "<= 0.5x ref", _half, p90(new.delays), p90(rr.delays)),
        _figure("  FAIL/STOP only, mean", "s", "<= ref", _no_worse,
                mean(new.unwarned), mean(rr.unwarned)),
        _figure("requests per job-hour, 5 jobs", "", "<= 0.5x ref", _half,
                five.per_job_hour, fixed.per_job_hour),
        _figure("  end seen after, mean, 5 jobs", "s", "<= ref", _no_worse,
                mean(five.delays), mean(fixed.delays)),
        _figure("most requests in any 60 s", "", f"<= {RATE:g}",
                lambda mine, _ref: mine <= RATE, max(o.peak for o in many[:3] + few[:3]), None),
    ]  # fmt: skip
    rows[0].note = note
    rows[3].note = "reference: the fixed 10 s schedule jobtui had, 5 jobs at a time"
    return rows
