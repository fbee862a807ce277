"""Send a partly refreshed line from its first changed segment, not from the widget's edge.

Textual 8 writes a partial refresh from the left edge of the widget's part of
the line up to the refreshed region's right end (`ChopsUpdate.render_segments`),
so a one-cell change in the middle of a table row re-sends everything left of
it. Its other renderer (`__rich_console__`) already skips segments wholly left of
the region; `render_segments` below does the same for the one the app uses (the
table installs it with `jobtui.patches.install_partial_update`). Skipping whole
segments never splits a character, and every segment carries its own style and
every span its own cursor move, so what reaches the screen is unchanged.

It also sends a style only when it differs from the one in force (as curses
does), not a style and a reset around every segment: ten rows whose figures
change in the same colour pay for that colour once, not ten times. Every style
it sends starts from a reset, so "default colour" parameters (39, 49) in it are
dropped: with the terminal's own colours they are most of a style's bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Optional

from rich.color import ColorSystem
from rich.console import COLOR_SYSTEMS, Console
from rich.control import Control
from rich.style import Style
from textual.strip import Strip

try:  # a private class, patched in jobtui/patches.py; moved, Textual's renderer stays
    from textual._compositor import ChopsUpdate as ChopsUpdate  # the table hands it over
except ImportError:  # pragma: no cover - depends on the Textual release
    ChopsUpdate = None  # type: ignore[assignment,misc]

TEXTUAL_RENDER = getattr(ChopsUpdate, "render_segments", None)  # for tests to compare


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


class Pen:
    """Terminal output that remembers the style in force and sends only changes."""

    def __init__(self, color_system: ColorSystem, width: int = 0) -> None:
        self.color_system = color_system
        self.width = width  # a cursor past the last column may be pending a wrap
        self.out: list[str] = []
        self.ansi = ""
        self.at: Optional[tuple[int, int]] = None  # the cursor, once a move placed it

    def move_to(self, x: int, y: int) -> None:
        if self.at != (x, y):
            self.out.append(shortest_move(self.at, x, y, self.width))
        self.at = (x, y)

    def write(self, text: str, width: int, style: Optional[Style]) -> None:
        if self.at is not None:
            self.at = (self.at[0] + width, self.at[1])
        if style is None or style.link:
            self.plain()  # links keep Textual's own wrapping
            self.out.append(
                text if style is None else Strip.render_style(style, text, self.color_system)
            )
            return
        ansi = lean_sgr(Strip.render_ansi(style, self.color_system))
        if ansi != self.ansi:
            # "0;" first: the new style must not inherit bold or a colour from the last.
            self.out.append(f"\x1b[0;{ansi}m" if ansi else "\x1b[0m")
            self.ansi = ansi
        self.out.append(text)

    def plain(self) -> None:
        if self.ansi:
            self.out.append("\x1b[0m")
            self.ansi = ""

    def text(self) -> str:
        self.plain()
        return "".join(self.out)


# How many parameters follow 38/48/58 in each colour form: 5;n and 2;r;g;b.
_EXTENDED = {"5": 2, "2": 4}


def lean_sgr(ansi: str) -> str:
    """SGR parameters without 39/49 ("default colour"), which a leading reset implies."""
    if "39" not in ansi and "49" not in ansi:
        return ansi
    params = ansi.split(";")
    kept: list[str] = []
    i = 0
    while i < len(params):
        param = params[i]
        if param in ("38", "48", "58") and i + 1 < len(params):
            take = _EXTENDED.get(params[i + 1], 1)
            kept.extend(params[i : i + take + 1])
            i += take + 1
            continue
        if param not in ("39", "49"):
            kept.append(param)
        i += 1
    return ";".join(kept)


def shortest_move(at: Optional[tuple[int, int]], x: int, y: int, width: int) -> str:
    """The fewest bytes that take the cursor from `at` to (x, y), as curses chooses.

    An absolute move is always right; a relative one only from a known cursor that is
    not past the last column (where terminals disagree about a pending wrap). Moving
    down one row and back one column is 2 bytes where an absolute move is 7 to 9:
    a column of figures changing in place, row after row, is what a table tick sends.

    One row down is VT (^K): every VT100 descendant (xterm, tmux, screen, the Linux
    console, VTE) moves down a line for it without a carriage return, and the tty's
    ONLCR, which Textual leaves on and which turns LF into CR LF, never touches it.
    It would scroll only from the bottom line, which is never above a target row.
    """
    absolute = Control.move_to(x, y).segment.text
    if at is None or not 0 <= at[0] < width:
        return absolute
    ax, ay = at
    across = _across(ax, x)
    if ay == y:
        moves = [across]
    else:
        rows = abs(y - ay)
        if y == ay + 1:
            vertical = "\x0b"
        else:
            vertical = ("\x1b[" if rows == 1 else f"\x1b[{rows}") + ("B" if y > ay else "A")
        moves = [vertical + across, f"\x1b[{y + 1}d" + across]
    return min([absolute, *moves], key=len)


def _across(ax: int, x: int) -> str:
    if x == ax:
        return ""
    if x > ax:
        return "\x1b[C" if x == ax + 1 else f"\x1b[{x - ax}C"
    back = ax - x
    return min("\b" * back, f"\x1b[{back}D", f"\x1b[{x + 1}G", key=len)


# Up to this many pieces, the update is drawn column by column too and the shorter
# kept: a poll moving ten bars and ten figures in two columns is then two runs of
# "down one, back one" instead of a jump back and forth on every row.
COLUMN_ORDER_LIMIT = 64

Piece = tuple[int, int, Strip]  # x, y, and the cells that start there


def render_segments(update: ChopsUpdate, console: Console) -> str:
    """`ChopsUpdate.render_segments`, cropped on the left too (at a segment edge).

    Pieces never overlap, so the order they are drawn in does not change the screen.
    """
    color_system = COLOR_SYSTEMS.get(console.color_system or "", ColorSystem.TRUECOLOR)
    pieces = list(_pieces(update))
    drawn = _draw(pieces, Pen(color_system, console.width))
    if 2 < len(pieces) <= COLUMN_ORDER_LIMIT:
        by_column = sorted(pieces, key=lambda piece: (piece[0], piece[1]))
        if by_column != pieces:
            other = _draw(by_column, Pen(color_system, console.width))
            drawn = min(drawn, other, key=len)
    return drawn


def _pieces(update: ChopsUpdate) -> Iterator[Piece]:
    chops: Sequence[Mapping[int, Optional[Strip]]] = update.chops
    spans: list[tuple[int, int, int]] = update.spans
    for y, x1, x2 in spans:
        for end, (x, strip) in zip(update.chop_ends[y], chops[y].items()):
            if strip is None or x > x2 or end <= x1:
                continue
            if x < x1 or end > x2:
                x, strip = trim_left(strip.crop(0, min(end, x2) - x), x, x1)
            yield x, y, strip


def _draw(pieces: list[Piece], pen: Pen) -> str:
    for x, y, strip in pieces:  # no newlines: each piece starts with a cursor move
        pen.move_to(x, y)
        for segment in strip:
            pen.write(segment.text, segment.cell_length, segment.style)
    return pen.text()
