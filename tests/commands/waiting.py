"""Run `jobtui wait` in a thread while the simulator's clock moves a job to its end."""

from __future__ import annotations

import threading
import time

from jobtui.sim.server import Simulator
from tests.commands.conftest import Result, Run


def wait_across_the_end(jobtui: Run, sim: Simulator, job: str, *args: str) -> Result:
    """`jobtui wait ARGS`, with `sim` moved 20 s on once `job` was seen running."""
    done: list[Result] = []
    waiter = threading.Thread(target=lambda: done.append(jobtui("wait", *args)))
    waiter.start()
    deadline = time.monotonic() + 10
    while sim.count(job) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)  # only until the job was seen running; the sim clock drives the rest
    sim.advance(20)
    waiter.join(10)
    [result] = done
    return result
