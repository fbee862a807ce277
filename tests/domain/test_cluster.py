"""A cluster's answer: read tolerantly, and its operation judged running, done or failed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.state import JobState, cluster_key

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
CID = "4b3a1c2d-0000-4000-8000-1234567890ab"


def cluster(**fields: Any) -> ClusterRecord:
    return ClusterRecord.from_api("p", CID, {"status": "AVAILABLE", **fields})


@pytest.mark.parametrize(
    ("fields", "phase"),
    [
        ({}, Phase.DONE),
        ({"sub_status": "NORMAL", "task_status": ""}, Phase.DONE),
        ({"status": "FROZEN"}, Phase.DONE),
        ({"status": "CREATING"}, Phase.RUNNING),
        ({"status": "DELETING"}, Phase.RUNNING),
        ({"sub_status": "REDISTRIBUTING"}, Phase.RUNNING),
        ({"sub_status": "READONLY|REDISTRIBUTING"}, Phase.RUNNING),
        ({"task_status": "GROWING", "action_progress": {"GROWING": "30%"}}, Phase.RUNNING),
        ({"task_status": "SOME_NEW_TASK"}, Phase.RUNNING),
        ({"status": "SCALING_SOMEHOW_ING"}, Phase.RUNNING),
        ({"task_status": "REBOOT_FAILURE"}, Phase.FAILED),
        ({"task_status": "CREATE_NODE_FAILED"}, Phase.FAILED),
        ({"status": "CREATE_FAILED"}, Phase.FAILED),
        ({"status": "FAILED"}, Phase.FAILED),
        ({"sub_status": "REDISTRIBUTION-FAILURE"}, Phase.FAILED),
        ({"failed_reasons": {"error_code": "DWS.5011", "error_msg": "no"}}, Phase.FAILED),
        # A reason left over from an old failure does not stop a new task's watch.
        ({"task_status": "REBOOTING", "failed_reasons": {"error_code": "DWS.1"}}, Phase.RUNNING),
    ],
)
def test_the_phase_rule(fields: dict[str, Any], phase: Phase) -> None:
    assert cluster(**fields).phase is phase


def test_a_resize_reads_as_task_progress_and_status_words() -> None:
    record = cluster(
        sub_status="NORMAL",
        task_status="GROWING",
        action_progress={"GROWING": "30%"},
        resize_info={"origin_node_num": 3, "target_node_num": 6, "resize_status": "GROWING"},
        name="dws-prod",
        number_of_node=3,
        created="2026-01-01T08:00:00Z",
    )
    assert (record.task, record.progress, record.status_text) == (
        "GROWING",
        30.0,
        "AVAILABLE/NORMAL",
    )
    assert record.resize_info is not None and record.resize_info.target_node_num == "6"
    assert record.number_of_node == "3" and record.created == T0 + timedelta(hours=8)
    assert record.failure is None


def test_a_failure_names_the_task_and_the_reason() -> None:
    record = cluster(
        task_status="REBOOT_FAILURE",
        failed_reasons={"error_code": "DWS.5011", "error_msg": "node 2 did not come back"},
    )
    assert record.task is None
    assert record.failure == "REBOOT_FAILURE — DWS.5011: node 2 did not come back"


def test_odd_values_are_kept_as_text_never_a_crash() -> None:
    record = cluster(
        status="SOMETHING_NEW",
        action_progress=["not", "a", "map"],
        failed_reasons="oops",
        resize_info=7,
        created=12,
        number_of_node={"a": 1},
        brand_new_field=True,
    )
    assert record.status_text == "SOMETHING_NEW" and record.phase is Phase.DONE
    assert record.action_progress == () and record.failed_reasons is None
    assert record.created is None and record.extra == {"brand_new_field": True}


def test_round_trip_through_the_state_cache_and_history() -> None:
    state = JobState(cluster_key("p", CID))
    steps = [
        ("GROWING", "10%"), ("GROWING", "40%"), ("GROWING", "70%"), ("", ""), ("", ""),
    ]  # fmt: skip
    for minute, (task, pct) in enumerate(steps):
        progress = {task: pct} if task else {}
        record = cluster(task_status=task, action_progress=progress, sub_status="NORMAL")
        state = state.with_cluster(record, T0 + timedelta(minutes=minute))
        if minute == 2:
            assert state.eta(T0 + timedelta(minutes=2)) == timedelta(minutes=1)
    assert [t.status for t in state.transitions] == ["GROWING", "AVAILABLE/NORMAL"]
    assert state.record is None and not state.terminal and not state.moving
    loaded = JobState.from_dict(state.to_dict())
    assert loaded.key == state.key and loaded.stale
    assert loaded.cluster == state.cluster
    assert [t.status for t in loaded.transitions] == ["GROWING", "AVAILABLE/NORMAL"]
