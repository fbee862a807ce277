"""Wrap the detail pane's `Label        value` rows with a hanging indent.

Values wrap on whole words. A word too long for the value column (a 32-character job
ID in a 36-column pane) is never cut there: the value moves to lines of its own under
the label, and only a word wider than the whole pane is folded.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

# The width of a row's label column, as `detail_text.rows` pads it.
LABEL_WIDTH = 13
INDENT = 2  # a value on lines of its own, under its label


def hang(text: Text, width: int, console: Console) -> Text:
    """Rows too wide for `width` continue under their value, not under the label."""
    if width <= LABEL_WIDTH + 10:  # too narrow to indent usefully: let Rich wrap
        return text
    lines = [_hang_line(line, width, console) for line in text.split("\n", allow_blank=True)]
    return Text("\n").join(lines)


def _hang_line(line: Text, width: int, console: Console) -> Text:
    if line.cell_len <= width or not _is_row(line):
        return line
    head, value = line[:LABEL_WIDTH], line[LABEL_WIDTH:]
    longest = max((cell_len(word) for word in value.plain.split()), default=0)
    if longest <= width - LABEL_WIDTH:
        pad = Text(" " * LABEL_WIDTH)
        parts = value.wrap(console, width - LABEL_WIDTH)
        return Text("\n").join((head if i == 0 else pad) + part for i, part in enumerate(parts))
    head.rstrip()
    indent = INDENT if longest <= width - INDENT else 0
    parts = value.wrap(console, width - indent)
    return Text("\n").join([head, *(Text(" " * indent) + part for part in parts)])


def _is_row(line: Text) -> bool:
    """A row starts with its label: one bold span over exactly the label column."""
    return any(s.start == 0 and s.end == LABEL_WIDTH for s in line.spans)
