"""`jobtui demo`: the monitor against the built-in simulator, in a throwaway folder."""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jobtui.commands.context import Context

if TYPE_CHECKING:
    from jobtui.sim.scenario import Scenario

NAME = "demo"
HELP = "try the monitor on simulated jobs (no account; nothing written to your files)"
EPILOG = """\
example:
  jobtui demo
  jobtui demo --low-bandwidth

The simulator runs on 127.0.0.1 inside this process; the demo's watchlist and
config live in a temporary folder that is deleted when you quit."""


# Start the scenario this far in, so a newcomer sees a job fail within seconds
# (the ELB job fails at 90 s) and others finish while they look around.
DEMO_START = 85.0


class _StartedClock:
    """Scenario time running in real time from `start` seconds on."""

    def __init__(self, start: float) -> None:
        from jobtui.sim.clock import RealClock

        self._real = RealClock()
        self._start = start

    def now(self) -> float:
        return self._start + self._real.now()


def configure(parser: argparse.ArgumentParser) -> None:
    """No options of its own: the global ones (--low-bandwidth, --no-mouse) apply."""


def run(ctx: Context) -> int:
    from jobtui.sim.demo_scenario import demo_scenario
    from jobtui.sim.server import Simulator

    scenario = demo_scenario()
    clock = _StartedClock(DEMO_START)
    with (
        tempfile.TemporaryDirectory(prefix="jobtui-demo-") as root,
        Simulator(scenario, clock=clock) as sim,
    ):
        write_demo_files(Path(root), sim.url, scenario, ctx.clock())
        # The demo must never touch the user's files or endpoint, whatever they passed.
        ctx.args.config_dir, ctx.args.endpoint, ctx.args.region = root, None, None
        return _run_monitor(Context(ctx.args, env=_demo_env(ctx)))


def write_demo_files(root: Path, url: str, scenario: Scenario, now: datetime) -> None:
    """A config.toml pointing at the simulator and a watchlist of its jobs and clusters."""
    from jobtui.domain.state import CLUSTER, WatchEntry
    from jobtui.sim.demo_clusters import DEMO_CLUSTER_LABELS
    from jobtui.sim.demo_scenario import DEMO_LABELS
    from jobtui.store.watchlist import Watchlist

    projects = "".join(
        f'\n[projects."{project}"]\ncredentials = "none"\n' for project in scenario.projects()
    )
    (root / "config.toml").write_text(
        f"# jobtui demo settings: the simulator, no credentials.\nendpoint = {json.dumps(url)}\n"
        + projects,
        encoding="utf-8",
    )
    at = now.replace(microsecond=0)
    entries = [
        WatchEntry(job.project_id, job.job_id, added_at=at, region=job.region,
                   label=DEMO_LABELS.get(job.job_id))
        for job in scenario.jobs
    ]  # fmt: skip
    # The idle cluster is left out: `f` (discover) finds it.
    entries += [
        WatchEntry(c.project_id, c.cluster_id, added_at=at, region=c.region, kind=CLUSTER,
                   label=DEMO_CLUSTER_LABELS[c.cluster_id] or None)
        for c in scenario.clusters
        if c.cluster_id in DEMO_CLUSTER_LABELS
    ]  # fmt: skip
    Watchlist(root / "watchlist.toml").add(entries)


def _demo_env(ctx: Context) -> dict[str, str]:
    """The environment without the variables that would point jobtui elsewhere."""
    hidden = ("JOBTUI_ENDPOINT", "JOBTUI_CONFIG_DIR", "JOBTUI_AUTH_TOKEN")
    return {k: v for k, v in ctx.env.items() if k not in hidden}


def _run_monitor(ctx: Context) -> int:
    from jobtui.commands.tui import run as run_tui

    return run_tui(ctx, demo=True)
