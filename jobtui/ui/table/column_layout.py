"""The table's columns: their titles and widths, which of them fit, and which is at x.

Pure: no Textual. A narrower terminal drops the least kept columns first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

SEPARATOR = 1  # cells between columns


@dataclass(frozen=True)
class ColumnSpec:
    """A column: its width, and `keep` (lower survives narrower terminals).

    `grow` shares out the spare width of a wide terminal (weights), up to `most` cells.
    """

    id: str
    title: str
    width: int
    keep: int
    justify: str = "left"
    grow: int = 0
    most: int = 0  # 0: no limit


# The cells that change often (progress, elapsed) sit leftmost: partial updates
# send only changed cells (ui/partial_update.py), but should Textual's renderer
# be in use again, it re-sends a line from its left edge up to the change.
# `elapsed` is always a duration (begin to end, or to now); `ended` is an age.
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("status", "status", 11, 0),  # "? NOT FOUND"
    ColumnSpec("progress", "progress", 15, 2),
    ColumnSpec("elapsed", "elapsed", 7, 4),  # "<1m", "2h05m", "3d04h"
    ColumnSpec("name", "name", 12, 1, grow=3),  # a job's or a cluster's
    ColumnSpec("label", "label", 14, 3, grow=2, most=32),
    ColumnSpec("job", "ID", 8, 6, grow=3, most=33),  # a letter and 32 hex, or a UUID
    ColumnSpec("project", "project", 10, 9, grow=2, most=32),
    ColumnSpec("region", "region", 12, 10),
    ColumnSpec("started", "started", 12, 7),
    ColumnSpec("ended", "ended", 7, 8),  # "12m ago"
    ColumnSpec("failure", "failure", 10, 5),
)
COLUMN_IDS = tuple(column.id for column in COLUMNS)
# Columns kept this loosely show only when the job name still gets NAME_ROOM more
# cells: a DWS job name ("ecfClusterElbCreateJob") is what a row is read by.
OPTIONAL = 7
NAME_ROOM = 10

Layout = Sequence[tuple[ColumnSpec, int]]  # the columns shown and their widths


def fit_columns(
    width: int, columns: Sequence[ColumnSpec] = COLUMNS
) -> list[tuple[ColumnSpec, int]]:
    """The columns that fit in `width` cells (dropping the least kept first) and their widths."""
    kept = sorted(columns, key=lambda c: c.keep)
    while len(kept) > 1 and _needed(kept) + _room(kept[-1]) > width:
        kept.pop()
    shown = [c for c in columns if c in kept]
    extra = _share(shown, max(0, width - _needed(shown)))
    return [(c, c.width + extra.get(c.id, 0)) for c in shown]


def shown_ids(width: int) -> tuple[str, ...]:
    """The ids of the columns a table `width` cells wide shows."""
    return tuple(column.id for column, _ in fit_columns(width))


def _share(shown: Sequence[ColumnSpec], spare: int) -> dict[str, int]:
    """NAME_ROOM to the name, the rest by `grow` weight (capped at `most`), then the name."""
    growing = [c for c in shown if c.grow]
    total = sum(c.grow for c in growing)
    sink = next((c.id for c in growing if not c.most), None)
    first = min(spare, NAME_ROOM) if sink is not None else 0
    extra = {c.id: (spare - first) * c.grow // total for c in growing} if total else {}
    for column in growing:
        if column.most:
            extra[column.id] = min(extra[column.id], max(0, column.most - column.width))
    left = spare - sum(extra.values())
    if sink is not None and left:
        extra[sink] += left
    return extra


def _room(loosest: ColumnSpec) -> int:
    return NAME_ROOM if loosest.keep >= OPTIONAL else 0


def _needed(columns: Sequence[ColumnSpec]) -> int:
    return sum(c.width for c in columns) + SEPARATOR * max(0, len(columns) - 1)


def column_at(layout: Layout, x: int) -> Optional[str]:
    """The id of the column under screen offset `x`, if any."""
    start = 0
    for column, width in layout:
        if start <= x < start + width + 1:
            return column.id
        start += width + 1
    return None


def hidden_sort_sentence(column_id: str) -> str:
    """What the monitor says when the sort column no longer fits and status is used."""
    title = next((c.title for c in COLUMNS if c.id == column_id), column_id)
    return f"The {title} column does not fit at this width: sorted by status instead."
