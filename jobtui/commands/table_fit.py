"""Fit a table of text columns to a terminal's width, in a stated order.

Pure: no I/O, no jobs. `job_table.py` says which columns a job table has and how each
gives way; this module tries each stage in turn and shares out the width left over.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Optional

GAP = "  "
# A cell ending in a figure ("GROWING 32%"): the figure is what is read, so a cut
# falls in the words before it.
_FIGURE = re.compile(r"^(.*\S)( \d+(?:\.\d+)?%)$")


@dataclass(frozen=True)
class Column:
    """A header and its cells; `floor` > 0: may be shortened with '…' down to that;
    `short`: the header to show when the column is narrower than `header`."""

    header: str
    cells: Sequence[str]
    floor: int = 0
    short: str = ""

    @property
    def width(self) -> int:
        return max(cell_width(text) for text in [self.header, *self.cells])

    @property
    def least(self) -> int:
        """The narrowest this column may be drawn."""
        header = cell_width(self.short or self.header)
        cells = max(cell_width(text) for text in [self.short or self.header, *self.cells])
        return min(cells, max(self.floor, header)) if self.floor else cells

    def title(self, size: int) -> str:
        return self.short if self.short and cell_width(self.header) > size else self.header


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def first_fitting(stages: Sequence[Sequence[Column]], width: int) -> Sequence[Column]:
    """The first stage whose columns fit `width` once shortened to their floors; else the last."""
    for columns in stages:
        if _span(c.least for c in columns) <= width:
            return columns
    return stages[-1]


def widths(columns: Sequence[Column], width: Optional[int]) -> list[int]:
    """Each column's width: its widest cell when all fit, else the room shared out
    among the shortenable columns, the narrowest wants served first."""
    full = [c.width for c in columns]
    if width is None or _span(full) <= width:
        return full
    given = [c.least for c in columns]
    room = width - _span(given)
    wanting = sorted((i for i, c in enumerate(columns) if given[i] < full[i]), key=full.__getitem__)
    for n, i in enumerate(wanting):
        share = max(0, room // (len(wanting) - n))
        extra = min(full[i] - given[i], share)
        given[i] += extra
        room -= extra
    return given


def render(columns: Sequence[Column], width: Optional[int], *, headers: bool = True) -> list[str]:
    """The lines: cells padded or shortened to their column, and cut at `width` if still over."""
    sizes = widths(columns, width)
    rows = [[c.title(size) for c, size in zip(columns, sizes)]] if headers else []
    rows += [list(cells) for cells in zip(*(c.cells for c in columns))]
    lines = []
    for cells in rows:
        padded = [_pad(shorten_cell(text, size), size) for text, size in zip(cells, sizes)]
        lines.append(shorten(GAP.join(padded).rstrip(), width))
    return lines


def _span(sizes: Iterable[int]) -> int:
    values = list(sizes)
    return sum(values) + len(GAP) * max(0, len(values) - 1)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - cell_width(text))


def shorten_cell(text: str, size: int) -> str:
    """A cell cut to `size` columns; a trailing figure (`GROWING 32%` → `GRO… 32%`) is kept
    whenever the words before it keep at least two columns."""
    match = _FIGURE.match(text)
    if match and cell_width(text) > size:
        words, figure = match.groups()
        room = size - len(figure)
        if room >= 2:
            return shorten(words, room) + figure
    return shorten(text, size)


def shorten(text: str, size: Optional[int]) -> str:
    """`text` cut to `size` columns, ending in '…' when cut."""
    if size is None or cell_width(text) <= size:
        return text
    out, used = "", 0
    for char in text:
        used += cell_width(char)
        if used > size - 1:
            break
        out += char
    return out + "…"
