"""Which cells of a table line changed, so less of the line goes to the terminal.

Textual sends a refreshed line from the widget's left edge to the end of the
refreshed region; refreshing only up to the last changed column spares the rest
(a progress change on a 120-cell row sends ~27 cells instead of 120).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.strip import Strip


def column_cuts(widths: Sequence[int], separator: int = 1) -> list[int]:
    """Offsets where each column (with the separator after it) ends; the last is the line's end."""
    cuts, x = [], 0
    for width in widths:
        x += width + separator
        cuts.append(x)
    if cuts:
        cuts[-1] -= separator
    return cuts


def changed_spans(old: Strip, new: Strip, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """(x, width) of runs of columns that differ between two renderings of a line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for before, after, end in zip(old.divide(cuts), new.divide(cuts), cuts):
        if before != after:
            if spans and spans[-1][0] + spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end - spans[-1][0])
            else:
                spans.append((start, end - start))
        start = end
    return spans
