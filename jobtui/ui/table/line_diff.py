"""Which cells of a table line changed, so only those go to the terminal.

Two renderings of a row are compared cell by cell; runs of changed cells closer
than `MERGE_GAP` become one span (a second span costs a cursor move and a style,
~30 bytes, more than a few unchanged cells). The new strip is then cut into
segments at the spans' edges, because Textual sends whole segments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from rich.cells import get_character_cell_size
from rich.style import Style
from textual.strip import Strip

MERGE_GAP = 4  # unchanged cells bridged rather than starting a new span

Cell = tuple[str, Optional[Style]]
_WIDE_TAIL = "\0"  # the second cell of a double-width character


def cells(strip: Strip) -> list[Cell]:
    """One (text, style) per terminal cell; a wide character's second cell is a marker."""
    out: list[Cell] = []
    for segment in strip:
        for char in segment.text:
            width = get_character_cell_size(char)
            if width == 0 and out:  # combining mark: part of the previous cell
                out[-1] = (out[-1][0] + char, out[-1][1])
                continue
            out.append((char, segment.style))
            if width == 2:
                out.append((_WIDE_TAIL, segment.style))
    return out


def changed_spans(old: Strip, new: Strip, gap: int = MERGE_GAP) -> list[tuple[int, int]]:
    """(x, width) of the runs of cells that differ between two renderings of a line."""
    before, after = cells(old), cells(new)
    if len(before) != len(after):
        return [(0, len(after))]
    spans: list[tuple[int, int]] = []
    for x, (was, now) in enumerate(zip(before, after)):
        if was == now:
            continue
        if spans and x - (spans[-1][0] + spans[-1][1]) <= gap:
            spans[-1] = (spans[-1][0], x + 1 - spans[-1][0])
        else:
            spans.append((x, 1))
    return [_whole_characters(span, before, after) for span in spans]


def _whole_characters(span: tuple[int, int], *lines: list[Cell]) -> tuple[int, int]:
    """Widen a span so it never starts or ends inside a double-width character."""
    x, end = span[0], span[0] + span[1]
    if any(line[x][0] == _WIDE_TAIL for line in lines):
        x -= 1
    if any(end < len(line) and line[end][0] == _WIDE_TAIL for line in lines):
        end += 1
    return x, end - x


def split_at(strip: Strip, spans: Sequence[tuple[int, int]]) -> Strip:
    """`strip` with segment edges at both ends of every span."""
    edges = sorted({edge for x, width in spans for edge in (x, x + width)} - {0})
    if strip.cell_length not in edges:
        edges.append(strip.cell_length)
    return Strip.join(strip.divide(edges))


def replace_line(
    old: Strip, new: Strip, gap: int = MERGE_GAP
) -> tuple[Strip, list[tuple[int, int]]]:
    """The strip to keep for a line drawn anew, and the (x, width) spans to refresh.

    Unchanged: the old strip is kept, as it may still be cut for a refresh not yet sent.
    """
    spans = changed_spans(old, new, gap)
    return (split_at(new, spans) if spans else old), spans
