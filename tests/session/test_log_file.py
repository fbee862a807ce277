"""jobtui.log: the state changes and errors a long-running jobtui saw, never a secret."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from jobtui.polling.connections import Connections
from jobtui.session.event_log import EventLog
from jobtui.session.session import Session
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from jobtui.store.logfile import logging_to
from jobtui.store.paths import Paths
from jobtui.store.watchlist import Watchlist
from tests.polling.helpers import VirtualTime, entries, finishing, job, simulator

AK = "QTWAOYTTINDUT2QVKYUC"
SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
SCENARIO = Scenario((job(1), finishing(2, at=15, status="FAIL")))
FAILING = f"{0:032x}/{2:032x}"


@contextmanager
def logged_session(tmp: Path, sim: Simulator) -> Iterator[tuple[Session, VirtualTime, Path]]:
    """A session with AK/SK credentials watching SCENARIO, logging as the monitor does."""
    paths = Paths(tmp / "jobtui", env={})
    Watchlist(paths.watchlist_file, paths.lock_file).add(entries(SCENARIO))
    env = {"HUAWEICLOUD_SDK_AK": AK, "HUAWEICLOUD_SDK_SK": SK}
    time = VirtualTime(sim)
    settings = Settings(endpoint=sim.url, refresh_interval=10.0, schedule="fixed")
    with logging_to(paths.log_file, env):
        session = Session.from_paths(
            paths, settings, Connections(settings, env=env, home=tmp),
            clock=time.clock, sleep=time.sleep, wall=time.wall,
        )  # fmt: skip
        session.subscribe(EventLog())
        yield session, time, paths.log_file


def request_ids(sim: Simulator, status: int) -> list[str]:
    return [r.request_id for r in sim.requests if r.status == status and r.request_id]


async def test_a_failing_job_and_an_outage_are_logged_with_request_ids(tmp_path: Path) -> None:
    with simulator(SCENARIO, ak=AK, sk=SK) as sim, logged_session(tmp_path, sim) as rig:
        session, time, log_file = rig
        await time.run_for(session.poller, 1)
        # The gateway breaks, and its error page echoes the request's secret back.
        sim.set_fault("error", status=503, error_msg=f"upstream refused sk={SK} token {SK}")
        await time.run_for(session.poller, 12)
        sim.clear_faults()
        await time.run_for(session.poller, 400)
        await session.stop()
    text = log_file.read_text("utf-8")
    outage, *_ = request_ids(sim, 503)
    down = next(line for line in text.splitlines() if " down: " in line)
    assert f"WARNING jobtui.session.event_log: endpoint {sim.url} down: " in down and outage in down
    assert f"endpoint {sim.url} answers again" in text
    [failed] = [r.request_id for r in sim.requests if r.status == 200 and r.job_id == f"{2:032x}"][
        -1:
    ]
    assert f"job {FAILING} (ecfClusterElbCreateJob): RUNNING -> FAIL (request ID {failed})" in text
    assert text.count(" down: ") == 1, "an outage is said once, not at every probe"
    assert SK not in text and "MFyfvK41" not in text
    assert oct(stat.S_IMODE(log_file.stat().st_mode)) == "0o600"


async def test_log_lines_are_one_line_each_with_control_characters_escaped(
    tmp_path: Path,
) -> None:
    hostile = Scenario((finishing(1, at=0, status="RUN\x1b[2J\nNING\x9b"),))
    with simulator(hostile) as sim:
        paths = Paths(tmp_path, env={})
        Watchlist(paths.watchlist_file, paths.lock_file).add(entries(hostile))
        settings = Settings(endpoint=sim.url)
        with logging_to(paths.log_file):
            session = Session.from_paths(paths, settings, Connections(settings, env={}))
            session.subscribe(EventLog())
            await session.poller.refresh_once([e.key for e in entries(hostile)])
            await session.stop()
    text = paths.log_file.read_text("utf-8")
    assert "\x1b" not in text and "\x9b" not in text
    [line] = text.splitlines()
    rid = sim.requests[-1].request_id
    assert line.endswith(f"(ecfClusterElbCreateJob): RUN\\x1b[2J\\x0aNING\\x9b (request ID {rid})")


def test_a_log_the_disk_refuses_costs_the_lines_only(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    full = tmp_path / "full" / "jobtui.log"
    full.parent.mkdir()
    os.symlink("/dev/full", full)  # every write: ENOSPC
    (tmp_path / "a-file").touch()
    for path in (full, tmp_path / "a-file" / "jobtui.log"):
        with logging_to(path):
            for n in range(3):
                logging.getLogger("jobtui.session.session").error("cannot save %d", n)
    assert capfd.readouterr().err == ""
