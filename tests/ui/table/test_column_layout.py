"""Which columns fit a terminal's width, and how wide each is."""

from __future__ import annotations

from jobtui.ui.table import column_layout


def _widths(width: int) -> dict[str, int]:
    return {column.id: cells for column, cells in column_layout.fit_columns(width)}


def test_narrow_terminals_drop_region_and_project_first() -> None:
    at_80 = [column.id for column, _ in column_layout.fit_columns(80)]
    assert at_80[:4] == ["status", "progress", "elapsed", "name"]
    assert "region" not in at_80 and "project" not in at_80 and "label" in at_80
    assert sum(width for _, width in column_layout.fit_columns(80)) + len(at_80) - 1 == 80


def test_the_end_age_has_its_own_column_once_there_is_room() -> None:
    assert "ended" not in _widths(80)
    assert "ended" in _widths(120) and "elapsed" in _widths(120)


def test_wide_terminals_give_the_room_to_the_name_label_and_ids() -> None:
    narrow, wide = _widths(120), _widths(250)
    assert set(wide) == set(column_layout.COLUMN_IDS)
    assert wide["job"] == 33 and wide["project"] == 32  # whole IDs, not tails
    assert wide["label"] > narrow["label"] and wide["name"] > 60
    fixed = ("status", "progress", "elapsed", "region", "started", "ended", "failure")
    assert all(wide[c] == narrow.get(c, wide[c]) for c in fixed)
    assert sum(wide.values()) + len(wide) - 1 == 250
