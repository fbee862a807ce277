"""How long and how often to measure: quick (CI, under two minutes) or full."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """Run counts and window lengths for one benchmark session."""

    quick: bool
    runs: int  # A/B pairs per figure; medians over these
    window: float  # seconds of steady state per bandwidth/CPU sample
    minute: float  # idle window at default settings: labels move once a minute
    minute_runs: int  # how many of the runs also measure that (it is long)
    settle: float  # seconds after the table shows before measuring (first polls pass)
    interval: float  # refresh interval given to jobtui and to `watch -n`
    big: int  # jobs for the scale figure (10,000 in full mode)
    keys: int  # key presses timed per scale run
    # RSS warms up for about ten minutes (caches, bounded histories): full mode soaks 20
    soak: float  # seconds of the soak run (its 2nd half extrapolated to an hour)
    jobtui: bool  # False while jobtui cannot be run yet: reference figures only


def make_plan(quick: bool, jobtui: bool) -> Plan:
    if quick:
        return Plan(True, 1, 2.5, 6.0, 1, 1.5, 2.0, 1000, 4, 8.0, jobtui)
    return Plan(False, 5, 20.0, 60.0, 3, 4.0, 2.0, 10000, 40, 1200.0, jobtui)
