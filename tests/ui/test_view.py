"""Which jobs the table shows, in what order, and which columns fit."""

from __future__ import annotations

from jobtui.ui.table import view
from jobtui.ui.table.rows import TableRows
from tests.ui.job_rows import NOW, make_job


def _names(jobs: list) -> list:
    return [job.state.record.job_name for job in jobs]


def test_sort_is_stable_and_reversible() -> None:
    jobs = [make_job(1, progress="50%"), make_job(2, progress="10%"), make_job(3, progress="50%")]
    assert _names(view.sort_jobs(jobs, "progress", False, NOW)) == ["job-2", "job-1", "job-3"]
    assert _names(view.sort_jobs(jobs, "progress", True, NOW)) == ["job-1", "job-3", "job-2"]


def test_jobs_without_a_value_sort_last_either_way() -> None:
    jobs = [make_job(1, "WAITING", None), make_job(2, progress="10%")]
    assert _names(view.sort_jobs(jobs, "progress", False, NOW)) == ["job-2", "job-1"]
    assert _names(view.sort_jobs(jobs, "progress", True, NOW)) == ["job-2", "job-1"]


def test_status_sort_puts_failures_first() -> None:
    jobs = [make_job(1, "SUCCESS", "100%"), make_job(2, "FAIL", "9%"), make_job(3)]
    assert _names(view.sort_jobs(jobs, "status", False, NOW)) == ["job-2", "job-3", "job-1"]


def test_every_column_sorts_without_error() -> None:
    jobs = [make_job(1, "FAIL", "9%", failed="T-fail:DWS.1"), make_job(2, label="b"), make_job(3)]
    for column in view.COLUMN_IDS:
        assert len(view.sort_jobs(jobs, column, False, NOW)) == 3


def test_filter_matches_name_label_ids_status_and_failure_code() -> None:
    job = make_job(7, "FAIL", "9%", name="nightly-load", label="etl", failed="ELB-fail:DWS.0114")
    for query in ("nightly", "ETL", job.entry.job_id[-6:], "fail", "dws.0114", "load etl"):
        assert view.matches(job, query), query
    assert not view.matches(job, "nightly missing")


def test_filter_knows_the_shown_status_words() -> None:
    assert view.matches(make_job(1, "DELAY_SCHEDULED", None), "delayed")


def test_active_only_hides_finished_jobs() -> None:
    assert view.matches(make_job(1), "", active_only=True)
    assert not view.matches(make_job(2, "SUCCESS", "100%"), "", active_only=True)


def test_counts_per_status_word() -> None:
    jobs = [make_job(1), make_job(2), make_job(3, "FAIL", "9%")]
    assert view.status_counts(jobs) == {"RUNNING": 2, "FAIL": 1}


def test_narrow_terminals_drop_region_and_project_first() -> None:
    at_80 = [column.id for column, _ in view.fit_columns(80)]
    assert at_80[:4] == ["status", "progress", "elapsed", "name"]
    assert "region" not in at_80 and "project" not in at_80 and "label" in at_80
    assert sum(width for _, width in view.fit_columns(80)) + len(at_80) - 1 == 80


def test_wide_terminals_show_every_column_and_give_the_rest_to_the_name() -> None:
    layout = dict((column.id, width) for column, width in view.fit_columns(250))
    assert set(layout) == set(view.COLUMN_IDS)
    assert layout["name"] > 100


def test_s_cycles_through_every_column() -> None:
    seen, column = [], None
    for _ in view.COLUMN_IDS:
        column = view.next_column(column)
        seen.append(column)
    assert seen == list(view.COLUMN_IDS)


def test_the_cursor_stays_on_its_job_when_the_order_changes() -> None:
    rows = TableRows()
    rows.replace([make_job(1, progress="90%"), make_job(2, progress="10%"), make_job(3)])
    rows.reorder(NOW)
    rows.move_to(0)
    chosen = rows.cursor
    rows.sort_column = "progress"
    rows.reorder(NOW)
    assert rows.cursor == chosen and rows.index(chosen) == 2


def test_a_filtered_out_cursor_moves_to_the_nearest_row() -> None:
    rows = TableRows()
    rows.replace([make_job(1), make_job(2, "SUCCESS", "100%"), make_job(3)])
    rows.reorder(NOW)
    rows.move_to(1)
    rows.active_only = True
    rows.reorder(NOW)
    assert rows.cursor == make_job(3).entry.key
