"""Which jobs the table shows, in what order, and how many."""

from __future__ import annotations

from jobtui.ui.table import shown_jobs
from jobtui.ui.table.column_layout import COLUMN_IDS
from tests.ui.table.job_rows import NOW, make_job


def _names(jobs: list) -> list:
    return [job.state.record.job_name for job in jobs]


def test_sort_is_stable_and_reversible() -> None:
    jobs = [make_job(1, progress="50%"), make_job(2, progress="10%"), make_job(3, progress="50%")]
    assert _names(shown_jobs.sort_jobs(jobs, "progress", False, NOW)) == ["job-2", "job-1", "job-3"]
    assert _names(shown_jobs.sort_jobs(jobs, "progress", True, NOW)) == ["job-1", "job-3", "job-2"]


def test_jobs_without_a_value_sort_last_either_way() -> None:
    jobs = [make_job(1, "WAITING", None), make_job(2, progress="10%")]
    assert _names(shown_jobs.sort_jobs(jobs, "progress", False, NOW)) == ["job-2", "job-1"]
    assert _names(shown_jobs.sort_jobs(jobs, "progress", True, NOW)) == ["job-2", "job-1"]


def test_status_sort_puts_failures_first() -> None:
    jobs = [make_job(1, "SUCCESS", "100%"), make_job(2, "FAIL", "9%"), make_job(3)]
    assert _names(shown_jobs.sort_jobs(jobs, "status", False, NOW)) == ["job-2", "job-3", "job-1"]


def test_every_column_sorts_without_error() -> None:
    jobs = [make_job(1, "FAIL", "9%", failed="T-fail:DWS.1"), make_job(2, label="b"), make_job(3)]
    for column in COLUMN_IDS:
        assert len(shown_jobs.sort_jobs(jobs, column, False, NOW)) == 3


def test_filter_matches_name_label_ids_status_and_failure_code() -> None:
    job = make_job(7, "FAIL", "9%", name="nightly-load", label="etl", failed="ELB-fail:DWS.0114")
    for query in ("nightly", "ETL", job.entry.job_id[-6:], "fail", "dws.0114", "load etl"):
        assert shown_jobs.matches(job, query), query
    assert not shown_jobs.matches(job, "nightly missing")


def test_filter_knows_the_shown_status_words() -> None:
    assert shown_jobs.matches(make_job(1, "DELAY_SCHEDULED", None), "delayed")


def test_active_only_hides_finished_jobs() -> None:
    assert shown_jobs.matches(make_job(1), "", active_only=True)
    assert not shown_jobs.matches(make_job(2, "SUCCESS", "100%"), "", active_only=True)


def test_counts_per_status() -> None:
    jobs = [make_job(1), make_job(2), make_job(3, "FAIL", "9%")]
    assert shown_jobs.status_counts(jobs) == {"RUNNING": 2, "FAIL": 1}


def test_s_cycles_through_every_column() -> None:
    seen, column = [], None
    for _ in COLUMN_IDS:
        column = shown_jobs.next_column(column)
        seen.append(column)
    assert seen == list(COLUMN_IDS)
