"""The cursor is a job, not a line: it follows its job through sorting and filtering."""

from __future__ import annotations

from jobtui.ui.table.rows import TableRows
from tests.ui.table.job_rows import NOW, make_job


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
