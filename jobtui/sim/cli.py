"""`jobtui sim`: run the simulator in the foreground until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import Optional, TextIO

from jobtui.sim.clock import RealClock
from jobtui.sim.demo_scenario import BUILTIN
from jobtui.sim.scenario import Scenario, ScenarioError, load_scenario
from jobtui.sim.server import LOOPBACK, Simulator


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jobtui sim",
        description="Serve the DWS job and cluster APIs on loopback from a scenario.",
    )
    add = parser.add_argument
    add("--port", type=int, default=8086, help="port to listen on (0: any free port)")
    add("--host", default="127.0.0.1", help="address to listen on (loopback unless --allow-remote)")
    add("--allow-remote", action="store_true", help="allow a non-loopback --host")
    add("--scenario", default="demo", help="'demo', 'hostile' or a TOML file (see SCENARIOS.md)")
    add("--speed", type=float, default=1.0, help="play the scenario this many times faster")
    add("--ak", help="require AK/SK signatures with this access key (needs --sk)")
    add("--sk", help="the secret key signatures must be made with")
    add("--token", help="require this IAM token in X-Auth-Token")
    add(
        "--list-jobs",
        action="store_true",
        help="print the scenario's 'PROJECT_ID JOB_ID' lines and exit (for `| jobtui add -`)",
    )
    return parser


def _scenario(name: str) -> Scenario:
    if name in BUILTIN:
        return BUILTIN[name]()
    return load_scenario(Path(name))


def main(argv: Optional[list[str]] = None, out: Optional[TextIO] = None) -> int:
    """Print the URL, then one 'PROJECT_ID JOB_ID' per line; serve until stopped."""
    args = build_parser().parse_args(argv)
    out = out if out is not None else sys.stdout
    if bool(args.ak) != bool(args.sk):
        return _fail("--ak and --sk go together")
    if args.host not in LOOPBACK and not args.allow_remote:
        return _fail(f"refusing to listen on {args.host} without --allow-remote")
    if args.list_jobs:
        return _list_jobs(args.scenario, out)
    try:
        sim = Simulator(_scenario(args.scenario), ak=args.ak, sk=args.sk, token=args.token,
                        port=args.port, host=args.host, clock=RealClock(args.speed),
                        allow_remote=args.allow_remote)  # fmt: skip
        url = sim.start()
    except (ScenarioError, ValueError, OSError) as exc:
        return _fail(str(exc))
    print(url, file=out, flush=True)
    for project_id, job_id in sim.scenario.pairs():
        print(project_id, job_id, file=out)
    out.flush()
    return _serve(sim)


def _list_jobs(name: str, out: TextIO) -> int:
    try:
        scenario = _scenario(name)
    except ScenarioError as exc:
        return _fail(str(exc))
    for project_id, job_id in scenario.pairs():
        print(project_id, job_id, file=out)
    return 0


def _serve(sim: Simulator) -> int:
    done = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        # A timed wait keeps Ctrl-C responsive on every platform.
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sim.stop()
    return 0


def _fail(message: str) -> int:
    print(f"jobtui sim: {message}", file=sys.stderr)
    return 2
