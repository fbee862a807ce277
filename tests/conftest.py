"""Shared fixtures: the simulator, and where the suite's data files live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from jobtui.sim import ManualClock, Scenario, Simulator

ROOT = Path(__file__).resolve().parent.parent


DATA = ROOT / "tests" / "data"


@pytest.fixture
def sim_factory() -> Iterator[Callable[..., Simulator]]:
    """Start simulators (manual clock unless given) and stop them after the test."""
    started: list[Simulator] = []

    def start(scenario: Optional[Scenario] = None, **options: Any) -> Simulator:
        options.setdefault("clock", ManualClock())
        sim = Simulator(scenario, **options)
        sim.start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


@pytest.fixture
def sim(sim_factory: Callable[..., Simulator]) -> Simulator:
    """The demo scenario on loopback, open mode, clock at 0 until the test advances it."""
    return sim_factory()
