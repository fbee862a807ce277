"""A tick box and a tick list that say ticked or not by their glyph, not by colour alone.

Textual draws every toggle as `▐X▌` and tells ticked from unticked only by the X's
colour; in the terminal's own 16 colours (our default theme) both come out alike, and
NO_COLOR sends no colour at all. Here an unticked box is empty: `▐ ▌`.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

TICKED, UNTICKED = "X", " "


class TickBox(Checkbox):
    """A Checkbox whose box is empty while unticked."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        return super()._button


class TickList(SelectionList[str]):
    """A SelectionList whose unticked options show an empty box."""

    DEFAULT_CSS = "TickList { height: auto; }"

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count:
            return strip
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != TICKED:
            return strip
        value: Any = self.get_option_at_index(index).value
        if value in self.selected:
            return strip
        segments[1] = Segment(UNTICKED, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)
