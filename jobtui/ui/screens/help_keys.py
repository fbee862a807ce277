"""The help's key list as aligned text: two halves side by side when they fit.

At 80x24 the 22 bindings fit as two columns of 11 (the id column, to remap by,
included); narrower than that they stack in one column and the help scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

Row = tuple[str, str, str]  # keys, what it does, binding id
HEADER: Row = ("key", "action", "id")
HALF_GAP = "   "


def key_lines(rows: Sequence[Row], width: int) -> list[Text]:
    """The header and rows, in two halves if both fit `width`, else in one column."""
    half = (len(rows) + 1) // 2
    left, right = _half([HEADER, *rows[:half]]), _half([HEADER, *rows[half:]])
    if len(left[0]) + len(HALF_GAP) + len(right[0]) > width:
        return _half([HEADER, *rows])
    right += [Text()] * (len(left) - len(right))
    return [Text.assemble(a, HALF_GAP, b) for a, b in zip(left, right)]


def _half(rows: Sequence[Row]) -> list[Text]:
    """One column's lines, every one padded to the same width."""
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [_line(row, widths) for row in rows]
    lines[0].stylize("bold underline")
    return lines


def _line(row: Row, widths: list[int]) -> Text:
    keys, what, binding_id = row
    return Text.assemble(
        (keys.ljust(widths[0]), "bold"), " ", what.ljust(widths[1]), "  ",
        (binding_id.ljust(widths[2]), "italic"),
    )  # fmt: skip


class KeyList(Widget):
    """Every key, what it does and its id; as tall as its lines at the given width."""

    DEFAULT_CSS = "KeyList { height: auto; }"

    def __init__(self, rows: Sequence[Row], *, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self.rows = list(rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(key_lines(self.rows, width))

    def render(self) -> Text:
        return Text("\n").join(key_lines(self.rows, self.size.width))
