"""Which columns fit a terminal's width, and how wide each is."""

from __future__ import annotations

from jobtui.ui.table import column_layout


def test_narrow_terminals_drop_region_and_project_first() -> None:
    at_80 = [column.id for column, _ in column_layout.fit_columns(80)]
    assert at_80[:4] == ["status", "progress", "elapsed", "name"]
    assert "region" not in at_80 and "project" not in at_80 and "label" in at_80
    assert sum(width for _, width in column_layout.fit_columns(80)) + len(at_80) - 1 == 80


def test_wide_terminals_show_every_column_and_give_the_rest_to_the_name() -> None:
    layout = dict((column.id, width) for column, width in column_layout.fit_columns(250))
    assert set(layout) == set(column_layout.COLUMN_IDS)
    assert layout["name"] > 100
