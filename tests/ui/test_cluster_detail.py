"""A cluster's detail pane: every field the API gives about its operation, and its history."""

from __future__ import annotations

from datetime import timezone

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.state import WatchedJob
from jobtui.ui.notify import finished_message
from jobtui.ui.widgets.cluster_detail import cluster_detail_text
from tests.ui.table.job_rows import NOW, make_cluster

RESIZE = {
    "status": "AVAILABLE",
    "sub_status": "NORMAL",
    "task_status": "GROWING",
    "action_progress": {"GROWING": "30%"},
    "resize_info": {
        "origin_node_num": "3",
        "target_node_num": "6",
        "resize_status": "GROWING",
        "start_time": "2026-11-29T11:58:00Z",
    },
    "version": "8.1.3.200",
    "created": "2026-10-01T08:00:00Z",
    "updated": "2026-11-29T11:58:30Z",
    "number_of_node": 3,
    "node_type": "dws2.m6.4xlarge.8",
    "new_field": "kept",
}


def text(job: WatchedJob) -> str:
    return cluster_detail_text(job, NOW, timezone.utc).plain


def test_every_field_of_a_resize_is_shown() -> None:
    job = make_cluster(1, ({"sub_status": "NORMAL"},), **RESIZE)
    shown = text(job)
    for line in [
        "> GROWING  cluster dw-1",
        "Cluster ID   c0000000000000000000000000000001",
        "Operation    running",
        "Status       AVAILABLE",
        "Sub-status   NORMAL",
        "Task status  GROWING",
        "Progress     GROWING 30%",
        "Resize nodes 3 -> 6",
        "Resize state GROWING",
        "Resize began 2026-11-29 11:58:00 UTC",
        "Name         dw-1",
        "Version      8.1.3.200",
        "Nodes        3",
        "Node type    dws2.m6.4xlarge.8",
        "Created      2026-10-01 08:00:00 UTC",
        "Updated      2026-11-29 11:58:30 UTC",
        "new_field    kept",
    ]:
        assert line in shown, line


def test_the_task_history_lists_each_change_as_seen() -> None:
    rebooting = {"task_status": "REBOOTING"}
    failed = {"task_status": "REBOOT_FAILURE", "failed_reasons": {"error_code": "DWS.5011"}}
    shown = text(make_cluster(2, ({}, rebooting), **failed))
    history = shown[shown.index("Task history") :]
    assert "11:58:00 UTC  AVAILABLE\n" in history
    assert "11:59:00 UTC  REBOOTING\n" in history
    assert "12:00:00 UTC  REBOOT_FAILURE" in history
    assert shown.startswith("x FAILED  cluster dw-2")
    assert "Error code   DWS.5011" in shown


def test_a_failed_reason_message_is_literal() -> None:
    failed = {"status": "CREATE_FAILED", "failed_reasons": {"error_msg": "[red]no\x1b[0m"}}
    shown = text(make_cluster(3, **failed))
    assert "Error msg    [red]no^[[0m" in shown and "\x1b" not in shown


def test_no_answer_yet_and_a_failed_poll_say_so() -> None:
    unanswered = WatchedJob(make_cluster(4).entry)
    assert "No answer from the API yet." in text(unanswered)
    error = ErrorInfo(kind="not_found", message="No such cluster (request ID r1).")
    job = make_cluster(4)
    failing = WatchedJob(job.entry, job.state.with_error(error, NOW))
    shown = text(failing)
    assert "Last poll failed" in shown and "No such cluster" in shown


def test_the_end_of_a_cluster_operation_is_announced_with_its_failure() -> None:
    failed = {"task_status": "REBOOT_FAILURE", "failed_reasons": {"error_code": "DWS.5011"}}
    job = make_cluster(7, ({"task_status": "REBOOTING"},), **failed)
    assert finished_message(job.state) == (
        f"Cluster dw-7 ({job.entry.job_id}) operation failed: REBOOT_FAILURE — DWS.5011"
    )
    done = make_cluster(8, ({"task_status": "GROWING"},), sub_status="NORMAL")
    assert finished_message(done.state).endswith("operation done: AVAILABLE/NORMAL")
