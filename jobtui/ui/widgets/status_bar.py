"""The status line: endpoint, refresh times, pause, counts per status, n of m shown.

`jobtui.session.status_line` words it; this module styles and draws the words. The
bar keeps the strip it last drew and, when the facts change, refreshes only the cells
that differ: the minute ticking over sends its two digits, not the whole line
(~350 bytes), which matters over a slow SSH link.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import tzinfo
from typing import Optional

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from jobtui.domain.cluster_phase import Phase
from jobtui.domain.model import Status
from jobtui.domain.state import WatchedJob
from jobtui.session.status_line import StatusFacts, StatusWords, status_words
from jobtui.ui.cluster_look import PHASE_LOOKS
from jobtui.ui.mono import without_colour
from jobtui.ui.render import ERROR_LOOK, NOT_FOUND_LOOK, STATUS_LOOKS, unanswered_look
from jobtui.ui.table.line_diff import replace_line
from jobtui.ui.widgets.detail_text import lit, style_of

# The order counts appear in: what needs attention first.
_ORDER = [Status.FAIL, Status.STOP, Status.RUNNING, Status.WAITING, Status.INIT]
_ORDER += [Status.DELAY_SCHEDULED, Status.SUCCESS]
_WORDS = [STATUS_LOOKS[status].word for status in _ORDER]
_WORDS[1:1] = [ERROR_LOOK.word, NOT_FOUND_LOOK.word]  # jobs we cannot read: after failures
_WORDS.insert(1, PHASE_LOOKS[Phase.FAILED].word)  # a cluster's failed operation
_WORDS.append(PHASE_LOOKS[Phase.DONE].word)  # a cluster with nothing running


def count_words(jobs: Iterable[WatchedJob]) -> dict[str, int]:
    """How many jobs show each status word, in the table's words (STOPPED, DELAYED);
    a cluster counts under its phase (RUNNING, FAILED, DONE)."""
    return dict(Counter(map(_word, jobs)))


def _word(job: WatchedJob) -> str:
    record, cluster, error = job.state.record, job.state.cluster, job.state.error
    if cluster is not None:
        return PHASE_LOOKS[cluster.phase].word
    if record is not None:
        return (
            STATUS_LOOKS[record.status].word
            if record.status is not Status.UNKNOWN
            else record.status_text
        )
    return unanswered_look(error.kind).word if error else "no answer"  # the table's word


def ordered_counts(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Counts per status word, in attention order, unknown words last."""
    counts = dict(counts)
    known = [(s, counts.pop(s)) for s in _WORDS if s in counts]
    return tuple(known + sorted(counts.items()))


def status_text(facts: StatusFacts, zone: Optional[tzinfo] = None, width: int = 0) -> Text:
    """One line; absolute times, so it need not be redrawn every second.

    When `width` is too narrow, the first shorter wording that fits (or the shortest).
    """
    for words in status_words(facts, zone):
        line = _line(words)
        if not width or line.cell_len <= width:
            break
    return line


def _line(words: StatusWords) -> Text:
    parts = [lit(words.endpoint, "bold")] if words.endpoint is not None else []
    if words.paused:
        parts.append(Text(words.paused, style="bold reverse"))
    parts.append(Text(words.refreshed))
    if words.next is not None:
        parts.append(Text(words.next))
    counts = Text(words.shown)
    for status, said in words.counts:
        counts.append(" ")
        counts.append_text(lit(said, style_of(status)))
    parts.append(counts)
    return Text("  ").join(parts)


class StatusBar(Widget):
    """One line at the bottom; `show()` refreshes only the cells that changed."""

    DEFAULT_CSS = "StatusBar { height: 1; width: 1fr; }"

    def __init__(self, *, zone: Optional[tzinfo] = None, id: Optional[str] = None) -> None:
        super().__init__(id=id)
        self.zone = zone
        self.facts: Optional[StatusFacts] = None
        self._strip: Optional[Strip] = None  # what the terminal shows; None: draw afresh

    def show(self, facts: StatusFacts) -> None:
        if facts == self.facts:
            return
        self.facts = facts
        old = self._strip
        if old is None or old.cell_length != self.size.width:
            self._redraw()
            return
        self._strip, spans = replace_line(old, self._paint())
        for x, width in spans:
            self.refresh(Region(x, 0, width, 1))

    def render(self) -> Text:
        """The line as text: what `render_line` draws, and what a selection copies."""
        if self.facts is None:
            return Text()
        line = status_text(self.facts, self.zone, self.size.width)
        return without_colour(line) if self.app.no_color else line

    def render_line(self, y: int) -> Strip:
        if self._strip is None or self._strip.cell_length != self.size.width:
            self._strip = self._paint()
        return self._strip

    # A new size, theme or selection changes every cell: draw the whole line again.
    def on_resize(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._redraw()

    def selection_updated(self, selection: Optional[Selection]) -> None:
        self._redraw()

    def _redraw(self) -> None:
        self._strip = None
        self.refresh()

    def _paint(self) -> Strip:
        # Textual's own path from `render()` to cells, so the bar looks as a plain widget.
        width = self.size.width
        lines = Visual.to_strips(self, visualize(self, self.render()), width, 1, self.visual_style)
        line = lines[0] if lines else Strip([])
        # The rest of the line as Textual pads it: background only.
        base, background = self.background_colors
        pad = Style.from_color(bgcolor=(base + background).rich_color)
        return line.crop_extend(0, width, pad).simplify()
