"""Attacks through one answer: numbers, bombs, redirects, escapes, a malformed 200."""

from __future__ import annotations

import re
import tracemalloc
from typing import Any

from jobtui.sim.responses import gzip_bomb as bomb_body
from jobtui.sim.scenario import Scenario, Step
from tests.benchmarks.attack_kit import PollRig, Row, Sandbox, run_async, simulator
from tests.polling.helpers import job

ONE = Scenario((job(0),))
SPEC = f"{job(0).project_id}/{job(0).job_id}"
# What must never reach a terminal from server text: C0/C1 controls, bidi, zero-width.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _column(table: str, title: str) -> str:
    """One cell of the first row of `jobtui status`'s table, by its column title."""
    head, row = table.splitlines()[:2]
    start = head.index(title)
    return row[start:].split("  ")[0].strip()


def huge_progress(box: Sandbox, **_: Any) -> Row:
    sim = simulator(ONE)
    sim.set_fault("huge_number")
    try:
        code, out, _err = box.cli("status", "--endpoint", sim.url, SPEC)
    finally:
        sim.stop()
    return Row(
        "310-digit progress",
        "200 with progress = a 310-digit integer, total 1e999",
        f"yes: status exit {code} (0 documented)",
        "0 jobs lost",
        f"progress shown as {_column(out, 'PROGRESS')!r}, "
        f"name cut to {len(_column(out, 'JOB NAME'))}",
    )


def gzip_bomb(box: Sandbox, quick: bool = False, **_: Any) -> Row:
    size = (16 if quick else 64) * 1024 * 1024
    wire = len(bomb_body(size))  # built (and cached) before measuring: the sim runs here
    sim = simulator(ONE)
    sim.set_fault("gzip_bomb", size=size)

    async def attack() -> Row:
        rig = PollRig(box, [sim])
        try:
            tracemalloc.start()
            await rig.run(1)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            error = rig.poller.states[ONE.pairs()[0]].error
            return Row(
                f"gzip bomb x{size // (1024 * 1024)}",
                f"200 Content-Encoding: gzip, {wire // 1024} KiB on the wire -> {size >> 20} MiB",
                f"yes: {error.kind if error else 'no error!'}",
                "0 jobs lost",
                f"peak traced memory {peak / 1e6:.1f} MB",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def redirect_elsewhere(box: Sandbox, **_: Any) -> Row:
    sim, elsewhere = simulator(ONE), simulator(ONE)
    sim.set_fault("redirect", location=f"{elsewhere.url}/v1.0/{SPEC.replace('/', '/job/')}")
    try:
        code, out, err = box.cli("status", "--endpoint", sim.url, SPEC)
    finally:
        sim.stop()
        elsewhere.stop()
    said = "redirected" in out + err
    return Row(
        "redirect to another host",
        "302 to a second simulator (another host:port)",
        f"yes: status exit {code} (1: job not known), said so: {said}",
        "0 jobs lost",
        f"{len(elsewhere.requests)} requests (and signatures) reached the other host",
    )


def escape_headers(box: Sandbox, **_: Any) -> Row:
    sim = simulator(ONE)
    sim.set_fault("escape_headers")
    try:
        code, out, err = box.cli("status", "--endpoint", sim.url, SPEC)
        json_code, _json_out, _ = box.cli("status", "--json", "--endpoint", sim.url, SPEC)
    finally:
        sim.stop()
    unsafe = len(UNSAFE.findall(out + err))
    return Row(
        "escape-laden headers",
        "503 with ESC[2J, OSC 52, C1 CSI, bidi in error_code/msg/X-Request-Id/Retry-After",
        f"yes: status exit {code}, --json exit {json_code}",
        "0 jobs lost",
        f"{unsafe} unsafe characters in the output",
    )


def malformed_during_wait(box: Sandbox, **_: Any) -> Row:
    steps = (Step(0, "RUNNING", 10), Step(0.3, "SUCCESS", 100))
    scenario = Scenario((job(0, steps=steps),))
    sim = simulator(scenario, clock=None)  # real time: wait runs on the real clock
    sim.set_fault("malformed", times=3)
    try:
        code, _out, _err = box.cli(
            "wait", "--endpoint", sim.url, "--interval", "0.1", "--timeout", "30", SPEC
        )
    finally:
        sim.stop()
    return Row(
        "malformed 200 during wait",
        "3 truncated JSON 200s, then the job succeeds",
        f"yes: wait exit {code} (0 documented: succeeded)",
        "0 jobs lost",
        f"{sim.count()} requests until the verdict",
    )
