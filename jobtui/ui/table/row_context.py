"""What a row's cells need besides their job: time, glyphs, settings; and a cell's type.

Pure (rich only). Cells that depend on time read `RowContext.now`, which the
table moves on its coarse tick only, so idle rows do not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Callable, Optional

from rich.text import Text

from jobtui.domain.model import Status
from jobtui.domain.state import WatchedJob
from jobtui.ui import render

BAR_WIDTH_SPARE = 5  # " 100%" after the bar


@dataclass(frozen=True)
class RowContext:
    """What a row needs besides its job: time, glyphs, settings."""

    now: datetime
    glyphs: render.Glyphs = render.ASCII
    seconds_clock: bool = False
    zone: Optional[tzinfo] = None
    project_labels: Mapping[str, str] = field(default_factory=dict)


# (job, context, the column's width, an animated progress value) -> the cell.
Cell = Callable[[WatchedJob, RowContext, int, Optional[float]], Text]


def bar_cell(
    target: Optional[float],
    shown: Optional[float],
    status: Optional[Status],
    width: int,
    ctx: RowContext,
) -> Text:
    """A bar at `shown` (easing) or `target`, then the answer's figure."""
    bar_width = max(1, width - BAR_WIDTH_SPARE)
    cell = render.progress_bar(target if shown is None else shown, status, bar_width, ctx.glyphs)
    # Only the bar eases; the figure shows the answer at once, so it changes once a poll.
    cell.append(" " + render.percent(target, status))
    return cell
