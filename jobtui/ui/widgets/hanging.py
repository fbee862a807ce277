"""Wrap the detail pane's `Label        value` rows with a hanging indent."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

# The width of a row's label column, as `detail_text.rows` pads it.
LABEL_WIDTH = 13


def hang(text: Text, width: int, console: Console) -> Text:
    """Rows too wide for `width` continue under their value, not under the label."""
    if width <= LABEL_WIDTH + 10:  # too narrow to indent usefully: let Rich wrap
        return text
    lines = [_hang_line(line, width, console) for line in text.split("\n", allow_blank=True)]
    return Text("\n").join(lines)


def _hang_line(line: Text, width: int, console: Console) -> Text:
    if line.cell_len <= width or not _is_row(line):
        return line
    head, pad = line[:LABEL_WIDTH], Text(" " * LABEL_WIDTH)
    parts = line[LABEL_WIDTH:].wrap(console, width - LABEL_WIDTH)
    return Text("\n").join((head if i == 0 else pad) + part for i, part in enumerate(parts))


def _is_row(line: Text) -> bool:
    """A row starts with its label: one bold span over exactly the label column."""
    return any(s.start == 0 and s.end == LABEL_WIDTH for s in line.spans)
