"""A table row as terminal cells: its strip, kept until the row changes, and what changed.

The painter asks for a row's strip when Textual paints a line, and asks which
cells changed when a job, the clock or an animation moves; only those go out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Optional

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui.table.column_layout import ColumnSpec, fit_columns
from jobtui.ui.table.line_diff import MERGE_GAP, replace_line
from jobtui.ui.table.row_cells import BAR_WIDTH_SPARE, RowContext, header_text, row_text


class RowStrips:
    """Strips per job key for the current width, context and base style."""

    def __init__(self, ctx: RowContext) -> None:
        self.ctx = ctx
        self.console: Optional[Console] = None
        self.style = Style()
        self.layout: list[tuple[ColumnSpec, int]] = []
        self.width = -1
        self.merge_gap = MERGE_GAP
        self._strips: dict[JobKey, Strip] = {}

    def set_width(self, width: int) -> None:
        """Lay the columns out for `width` cells; a new width drops every strip."""
        if width != self.width:
            self.width = width
            self.layout = fit_columns(width)
            self._strips.clear()

    def set_style(self, style: Style) -> None:
        """The widget's base style (theme); a change drops every strip."""
        if style != self.style:
            self.style = style
            self._strips.clear()

    def set_now(self, now: datetime) -> None:
        """Move the clock that elapsed and "ago" cells read (strips are redrawn on demand)."""
        self.ctx = dataclasses.replace(self.ctx, now=now)

    def set_project_labels(self, labels: Mapping[str, str]) -> None:
        """Names for the project column instead of shortened IDs; drops every strip."""
        self.ctx = dataclasses.replace(self.ctx, project_labels=labels)
        self._strips.clear()

    def forget(self, keys: Optional[Sequence[JobKey]] = None) -> None:
        """Drop the strips of `keys` (all when None)."""
        if keys is None:
            self._strips.clear()
        for key in keys or ():
            self._strips.pop(key, None)

    def keep_only(self, keys: set[JobKey]) -> None:
        for key in [key for key in self._strips if key not in keys]:
            del self._strips[key]

    def bar_step(self) -> float:
        """Moves up to this (in percent: one whole cell of the bar) jump, not ease.

        Easing them would show one to seven eighth-cell glyphs
        in turn, too little to read as motion, and each costs ~35 bytes per row.
        """
        widths = [width for column, width in self.layout if column.id == "progress"]
        return 100.0 / max(1, widths[0] - BAR_WIDTH_SPARE) if widths else 0.0

    def header(self, sort_column: Optional[str], reverse: bool, style: Style) -> Strip:
        text = header_text(self.layout, sort_column, reverse, self.ctx.glyphs)
        return self._to_strip(text, self.style + style)

    def row(self, job: WatchedJob, shown: Optional[float] = None) -> Strip:
        """The strip of `job` (`shown`: an animated progress value), from cache if drawn."""
        key = job.entry.key
        strip = self._strips.get(key)
        if strip is None:
            text = row_text(job, self.layout, self.ctx, shown)
            strip = self._strips[key] = self._to_strip(text, self.style)
        return strip

    def redraw(
        self, job: WatchedJob, shown: Optional[float] = None
    ) -> Optional[list[tuple[int, int]]]:
        """Render `job` afresh; the (x, width) cell spans that changed, or None if unknown."""
        key = job.entry.key
        old = self._strips.pop(key, None)
        new = self.row(job, shown)
        if old is None or not self.layout:
            return None
        self._strips[key], spans = replace_line(old, new, self.merge_gap)
        return spans

    def _to_strip(self, text: Text, style: Style) -> Strip:
        if self.console is None:
            self.console = Console()
        segments = Segment.apply_style(text.render(self.console, end=""), style)
        # One segment per run of same-styled cells: each costs a style sequence on the wire.
        return Strip(segments, text.cell_len).crop_extend(0, self.width, style).simplify()
