"""Send a partly refreshed line from its first changed segment, not from the widget's edge.

Textual 8 writes a partial refresh from the left edge of the widget's part of
the line up to the refreshed region's right end (`ChopsUpdate.render_segments`),
so a one-cell change in the middle of a table row re-sends everything left of
it. Its other renderer (`__rich_console__`) already skips segments wholly left of
the region; `install()` makes the one the app uses do the same. Skipping whole
segments never splits a character, and every segment carries its own style and
every span its own cursor move, so what reaches the screen is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Optional

from rich.console import Console
from rich.control import Control
from textual.strip import Strip

try:  # a private class: if a Textual release moves it, we keep its own behaviour
    from textual._compositor import ChopsUpdate
except ImportError:  # pragma: no cover - depends on the Textual release
    ChopsUpdate = None  # type: ignore[assignment,misc]

_EXPECTED = ("chops", "spans", "chop_ends")


def trim_left(strip: Strip, x: int, x1: int) -> tuple[int, Strip]:
    """Drop the segments of `strip` (which starts at `x`) that end at or before `x1`."""
    segments = list(strip)
    skip = 0
    for segment in segments:
        width = segment.cell_length
        if x + width > x1:
            break
        x += width
        skip += 1
    rest = segments[skip:]
    return x, Strip(rest, sum(segment.cell_length for segment in rest))


def render_segments(update: ChopsUpdate, console: Console) -> str:
    """`ChopsUpdate.render_segments`, cropped on the left too (at a segment edge)."""
    out: list[str] = []
    chops: Sequence[Mapping[int, Optional[Strip]]] = update.chops
    spans: list[tuple[int, int, int]] = update.spans
    for y, x1, x2 in spans:  # no newline between spans: each starts with a cursor move
        for end, (x, strip) in zip(update.chop_ends[y], chops[y].items()):
            if strip is None or x > x2 or end <= x1:
                continue
            if x < x1 or end > x2:
                x, strip = trim_left(strip.crop(0, min(end, x2) - x), x, x1)
            out.append(Control.move_to(x, y).segment.text)
            out.append(strip.render(console))
    return "".join(out)


def install() -> bool:
    """Use `render_segments` above for every partial update; False if Textual changed shape."""
    if ChopsUpdate is None or not hasattr(ChopsUpdate, "render_segments"):
        return False
    if ChopsUpdate.render_segments is render_segments:
        return True
    probe = ChopsUpdate([], [(0, 0, 0)], [])
    if not all(hasattr(probe, name) for name in _EXPECTED):
        return False
    ChopsUpdate.render_segments = render_segments  # type: ignore[method-assign,assignment]
    return True
