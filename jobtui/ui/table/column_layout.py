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
    """A column: its width, and `keep` (lower survives narrower terminals)."""

    id: str
    title: str
    width: int
    keep: int
    justify: str = "left"
    flexible: bool = False


# The cells that change often (progress, elapsed) sit leftmost: partial updates
# send only changed cells (ui/partial_update.py), but should Textual's renderer
# be in use again, it re-sends a line from its left edge up to the change.
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("status", "status", 10, 0),
    ColumnSpec("progress", "progress", 15, 2),
    ColumnSpec("elapsed", "elapsed", 9, 4),  # "2h05m", "12m ago", "~3h ago"
    ColumnSpec("name", "job name", 12, 1, flexible=True),
    ColumnSpec("label", "label", 14, 3),
    ColumnSpec("job", "job ID", 8, 6),
    ColumnSpec("project", "project", 10, 8),
    ColumnSpec("region", "region", 12, 9),
    ColumnSpec("started", "started", 12, 7),
    ColumnSpec("failure", "failure", 10, 5),
)
COLUMN_IDS = tuple(column.id for column in COLUMNS)

Layout = Sequence[tuple[ColumnSpec, int]]  # the columns shown and their widths


def fit_columns(
    width: int, columns: Sequence[ColumnSpec] = COLUMNS
) -> list[tuple[ColumnSpec, int]]:
    """The columns that fit in `width` cells (dropping the least kept first) and their widths."""
    kept = sorted(columns, key=lambda c: c.keep)
    while len(kept) > 1 and _needed(kept) > width:
        kept.pop()
    shown = [c for c in columns if c in kept]
    spare = max(0, width - _needed(shown))
    return [(c, c.width + (spare if c.flexible else 0)) for c in shown]


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
