"""Clusters from the command line, against the simulator's demo on a manual clock:
add --cluster, status and list rows, wait --cluster's exit statuses, discover."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator

import pytest

from jobtui.sim import ManualClock, Simulator, demo_scenario
from jobtui.sim.demo_clusters import CREATE_ID, IDLE_ID, RESIZE_ID, RESTART_ID
from jobtui.sim.demo_scenario import PROJECT_BEIJING as P
from tests.commands.conftest import Result, Run

FAST = ("--interval", "0.02")


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(demo_scenario(), clock=ManualClock()) as started:
        yield started


def _polled(sim: Simulator, count: int) -> None:
    deadline = time.monotonic() + 10
    while sim.count(RESIZE_ID) < count and time.monotonic() < deadline:
        time.sleep(0.01)  # only until the poller asked; the sim clock drives the rest


def _row(result: Result, cluster: str) -> str:
    return next(line for line in result.out.splitlines() if cluster in line)


def test_a_resize_is_followed_from_growing_to_normal(jobtui: Run, sim: Simulator) -> None:
    added = jobtui("add", "--cluster", P, RESIZE_ID, "--label", "prod 3→6")
    assert added.out == f"now watching: cluster {P}/{RESIZE_ID}\n"
    url = ("--endpoint", sim.url)
    rows = []
    for at in (0, 85, 185, 300):
        sim.set_time(at)
        result = jobtui("status", *url)
        assert result.code == 0, result.err
        rows.append(_row(result, RESIZE_ID).split())
    assert rows[0][:4] == ["AVAILABLE/NORMAL", "GROWING", "20%", "cluster"]
    assert rows[1][:3] == ["AVAILABLE/NORMAL", "GROWING", "60%"]
    assert rows[2][:3] == ["AVAILABLE/REDISTRIBUTING", "-", "cluster"]
    assert rows[3][:3] == ["AVAILABLE/NORMAL", "-", "cluster"]
    listed = jobtui("list", "--json")
    [item] = json.loads(listed.out)
    assert (item["kind"], item["cluster_id"], item["phase"], item["label"]) == (
        "cluster", RESIZE_ID, "done", "prod 3→6",
    )  # fmt: skip
    history = [status for _, status in item["history"]]
    assert history == ["GROWING", "AVAILABLE/REDISTRIBUTING", "AVAILABLE/NORMAL"]
    assert item["resize_info"] is None and item["number_of_node"] == "6"


def test_a_failed_restart_shows_its_reason(jobtui: Run, sim: Simulator) -> None:
    jobtui("add", "-", stdin=f"cluster {P} {RESTART_ID}\n{P}/2c9080e88459fa44018459fbeb600001\n")
    sim.set_time(120)
    result = jobtui("status", "--endpoint", sim.url)
    row = _row(result, RESTART_ID)
    assert row.startswith("AVAILABLE/DEGRADED") and "cluster dws-reports" in row
    assert row.endswith("REBOOT_FAILURE — DWS.5136: Node dws-reports-dn-2 did not restart.")
    assert "ecfClusterElbCreateJob" in result.out  # the job beside it


def test_wait_cluster_follows_a_resize_to_its_end(jobtui: Run, sim: Simulator) -> None:
    done: list[Result] = []
    args = ("wait", "--cluster", P, RESIZE_ID, *FAST, "--endpoint", sim.url)
    waiter = threading.Thread(target=lambda: done.append(jobtui(*args)))
    waiter.start()
    for at in (185, 300):
        _polled(sim, sim.count(RESIZE_ID) + 2)  # seen twice as it is; then time moves
        sim.set_time(at)
    waiter.join(10)
    [result] = done
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "GROWING" in lines[0] and "REDISTRIBUTING" in lines[1], result.out
    assert "AVAILABLE/NORMAL" in lines[-1] and "GROWING" not in lines[-1]


@pytest.mark.parametrize(
    ("cluster", "at", "code", "said"),
    [
        (IDLE_ID, 0, 0, ""),
        (RESTART_ID, 120, 1, f"{P}/{RESTART_ID} failed: REBOOT_FAILURE — DWS.5136"),
        (CREATE_ID, 0, 3, "timed out after 0.3 s"),
        ("00000000-0000-4000-8000-000000000000", 0, 4, "Cluster 00000000-0000-4000-8000"),
    ],
)
def test_wait_cluster_exit_statuses(
    jobtui: Run, sim: Simulator, cluster: str, at: float, code: int, said: str
) -> None:
    sim.set_time(at)
    result = jobtui("wait", "--cluster", f"{P}/{cluster}", "--timeout", "0.3", *FAST,
                    "--endpoint", sim.url)  # fmt: skip
    assert result.code == code, result.err
    assert said in result.err


def test_discover_is_one_request_and_adds_only_the_busy(jobtui: Run, sim: Simulator) -> None:
    sim.set_time(120)
    result = jobtui("discover", "--project", P, "--add", "--endpoint", sim.url)
    assert result.code == 0, result.err
    assert [r.path for r in sim.requests] == [f"/v1.0/{P}/clusters"]
    header, *rows = result.out.splitlines()
    assert header.split()[:4] == ["NAME", "STATUS", "TASK", "PHASE"]
    words = ("running", "done", "failed")
    phases = {row.split()[0]: next(w for w in row.split() if w in words) for row in rows}
    assert phases == {
        "dws-prod-dw": "running", "dws-analytics": "running",
        "dws-reports": "failed", "dws-archive": "done",
    }  # fmt: skip
    assert sorted(result.err.splitlines()) == sorted(
        [
            f"jobtui: now watching: cluster {P}/{CREATE_ID}",
            f"jobtui: now watching: cluster {P}/{RESIZE_ID}",
        ]
    )
    watched = json.loads(jobtui("list", "--json").out)
    assert sorted(item["cluster_id"] for item in watched) == sorted([CREATE_ID, RESIZE_ID])


def test_discover_needs_a_project(jobtui: Run) -> None:
    result = jobtui("discover")
    assert result.code == 2 and "--project PROJECT_ID" in result.err


def test_discover_fits_80_columns_and_never_cuts_a_cluster_id(
    jobtui: Run, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim.set_time(120)
    monkeypatch.setenv("COLUMNS", "80")
    result = jobtui("discover", "--project", P, "-o", "table", "--endpoint", sim.url)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    assert lines[0].split()[-2:] == ["CLUSTER", "ID"]  # the project is the one asked for
    for cluster in (RESIZE_ID, CREATE_ID, RESTART_ID, IDLE_ID):
        assert cluster in result.out
    # the task's words give way, its progress figure does not
    resize = next(line for line in lines if RESIZE_ID in line)
    assert re.search(r"GRO\S*… \d+%", resize), resize
    wide = jobtui("discover", "--project", P, "--no-headers", "--endpoint", sim.url)
    assert f"{P}/{RESIZE_ID}" in wide.out and "NAME" not in wide.out


def test_list_shows_what_discover_saw_of_the_clusters_it_added(jobtui: Run, sim: Simulator) -> None:
    sim.set_time(120)
    assert jobtui("discover", "--project", P, "--add", "--endpoint", sim.url).code == 0
    listed = jobtui("list")  # no network: from the state cache discover wrote
    assert "GROWING" in _row(listed, RESIZE_ID) and "CREATING" in _row(listed, CREATE_ID)
