"""A cluster's row beside jobs: task, bar, status words, failure, and its place in sort/filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.state import WatchedJob
from jobtui.ui import render
from jobtui.ui.table import shown_jobs
from jobtui.ui.table.column_layout import fit_columns
from jobtui.ui.table.row_cells import RowContext, row_text
from jobtui.ui.widgets.cluster_detail import cluster_detail_text
from tests.ui.table.job_rows import NOW, make_cluster, make_job

CTX = RowContext(NOW, render.UNICODE, zone=timezone.utc)
RESIZE = {"task_status": "GROWING", "action_progress": {"GROWING": "30%"}, "sub_status": "NORMAL"}
REBOOT_FAILED = {
    "task_status": "REBOOT_FAILURE",
    "failed_reasons": {"error_code": "DWS.5011", "error_msg": "node 3 did not come back"},
}


def row(job: object, width: int = 160, ctx: RowContext = CTX) -> str:
    return row_text(job, fit_columns(width), ctx).plain  # type: ignore[arg-type]


def test_a_resize_shows_its_task_bar_name_status_words_and_since_when() -> None:
    started = {**RESIZE, "action_progress": {"GROWING": "10%"}}
    line = row(make_cluster(1, ({"sub_status": "NORMAL"}, started, started), **RESIZE))
    assert line.startswith("> GROWING   ███░░░░░░░  30% 2m ")
    assert "◆ dw-1  AVAILABLE/NORMAL" in line
    assert "11:58" in line  # when the task was first seen: the started column


def test_a_failed_restart_says_failed_and_why() -> None:
    line = row(make_cluster(2, ({"task_status": "REBOOTING"},), **REBOOT_FAILED), width=220)
    assert line.startswith("x FAILED ")
    assert "◆ dw-2  AVAILABLE REBOOT_FAILURE " in line  # the failing task, beside the status
    assert line.rstrip().endswith(" DWS.5011")  # the failure column: the reason's code


def test_a_settled_cluster_has_no_bar_and_says_since_when() -> None:
    line = row(make_cluster(3, ({"task_status": "GROWING"},)))
    # No bar, no elapsed time: nothing runs. The ended column says when it settled.
    assert line.startswith("+ DONE" + " " * 30 + "◆ dw-3")
    assert line.rstrip().endswith("<1m ago")
    assert "◆ dw-3  AVAILABLE " in line


def test_a_redistribution_without_progress_shows_its_word_and_a_waiting_bar() -> None:
    line = row(make_cluster(4, sub_status="REDISTRIBUTING"))
    assert line.startswith("> REDISTRI… ··········   --")


def test_unknown_words_and_hostile_names_are_shown_as_sent() -> None:
    hostile = make_cluster(
        5, name="[bold]x\x1b[2J", task_status="NEW_TASK[red]", status="WEIRD\x07"
    )
    line = row(hostile, width=220)
    assert "> NEW_TASK…" in line and "[bold]x^[[2J" in line and "WEIRD^G" in line
    assert "\x1b" not in line and "\x07" not in line


def test_a_cluster_without_an_answer_is_marked_and_shows_its_id() -> None:
    unanswered = WatchedJob(make_cluster(6).entry)
    line = row(unanswered, width=120)
    assert line.startswith("  -") and "◆ 00000000000000000000006 " in line


def test_ascii_terminals_mark_clusters_with_an_ascii_star() -> None:
    ctx = RowContext(NOW, render.ASCII, zone=timezone.utc)
    assert "* dw-1  AVAILABLE" in row(make_cluster(1, **RESIZE), ctx=ctx)


def test_active_only_keeps_clusters_with_a_running_operation() -> None:
    running, idle = make_cluster(1, **RESIZE), make_cluster(2)
    failed = make_cluster(3, **REBOOT_FAILED)
    shown = shown_jobs.visible_keys(
        [running, idle, failed, make_job(4)],
        query="", active_only=True, column=None, reverse=False, now=NOW,
    )  # fmt: skip
    assert shown == [running.entry.key, make_job(4).entry.key]


def test_clusters_sort_with_jobs_by_status_and_progress() -> None:
    jobs = [make_job(1, progress="50%"), make_cluster(2, **RESIZE)]
    jobs.append(make_cluster(3, **REBOOT_FAILED))
    jobs.append(make_job(4, "FAIL", "10%", failed="T-fail:DWS.1"))
    by_status = shown_jobs.sort_jobs(jobs, "status", False, NOW)
    # Failures first, the failed cluster among them; then what runs.
    keys = [j.entry.key for j in by_status]
    assert set(keys[:2]) == {jobs[2].entry.key, jobs[3].entry.key}
    assert set(keys[2:]) == {jobs[0].entry.key, jobs[1].entry.key}
    by_progress = shown_jobs.sort_jobs(jobs, "progress", False, NOW)
    assert by_progress[0].entry.key == jobs[3].entry.key  # 10% job, then 30% resize
    assert by_progress[1].entry.key == jobs[1].entry.key


def test_the_filter_finds_clusters_by_kind_task_and_failure() -> None:
    jobs = [make_cluster(1, **RESIZE), make_cluster(2, **REBOOT_FAILED), make_job(3)]

    def found(query: str) -> list[str]:
        return [j.entry.job_id for j in jobs if shown_jobs.matches(j, query)]

    assert found("cluster") == [jobs[0].entry.job_id, jobs[1].entry.job_id]
    assert found("growing") == [jobs[0].entry.job_id]
    assert found("dws.5011") == [jobs[1].entry.job_id]
    assert shown_jobs.status_counts(jobs) == {"RUNNING": 2, "FAILED": 1}


def test_a_failed_poll_flags_the_cluster_and_a_cached_one_says_its_age() -> None:
    job = make_cluster(7, **RESIZE)
    error = ErrorInfo(kind="timeout", message="The request timed out.")
    failing = WatchedJob(job.entry, job.state.with_error(error, NOW))
    assert row(failing).startswith("! GROWING   ███")  # kept, flagged not only by colour
    cached = WatchedJob(job.entry, replace(job.state, stale=True))
    later = RowContext(NOW + timedelta(hours=3), render.UNICODE, zone=timezone.utc)
    assert row(cached, ctx=later)[28:34] == "3h00m "  # elapsed stays a duration
    assert "(cached 3h ago, waiting" in cluster_detail_text(cached, later.now).plain


def test_a_narrow_name_column_drops_the_status_words_rather_than_show_a_stub() -> None:
    job = make_cluster(1, name="dws-prod-eu", **RESIZE)
    cells = row(job, width=80)
    assert "◆ dws-prod-eu " in cells and "AV" not in cells
    assert "◆ dws-prod-eu  AVAILABLE/NORMAL" in row(job, width=200)


def test_a_name_column_short_of_room_drops_available_before_the_sub_status() -> None:
    job = make_cluster(1, name="dws-prod-eu", **RESIZE)
    for width in (120, 140):
        cells = row(job, width=width)
        assert "◆ dws-prod-eu  NORMAL" in cells and "AVAILABLE" not in cells, (width, cells)
