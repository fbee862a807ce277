"""Shared fixtures: where the shared reference lives."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from jobtui.sim import ManualClock, Scenario, Simulator

ROOT = Path(__file__).resolve().parent.parent


def shared_reference() -> Path:
    """The shared/ folder sits beside the checkout, in CI and in sessions alike."""
    override = os.environ.get("JOBTUI_SHARED_DIR")
    base = Path(override) if override else ROOT.parent / "shared"
    return base / "reference"


@pytest.fixture
def reference_dir() -> Path:
    path = shared_reference()
    if not path.is_dir():
        pytest.fail(f"shared reference not found at {path}; set JOBTUI_SHARED_DIR")
    return path


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
