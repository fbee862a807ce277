"""A simulator of the DWS job API on loopback, for trying jobtui and for tests."""

from __future__ import annotations

from jobtui.sim.clock import ManualClock, RealClock
from jobtui.sim.demo_scenario import demo_scenario, hostile_scenario
from jobtui.sim.faults import Fault
from jobtui.sim.scenario import JobTimeline, Scenario, ScenarioError, Step, load_scenario
from jobtui.sim.server import Simulator

__all__ = [
    "Fault", "JobTimeline", "ManualClock", "RealClock", "Scenario", "ScenarioError",
    "Simulator", "Step", "demo_scenario", "hostile_scenario", "load_scenario",
]  # fmt: skip
