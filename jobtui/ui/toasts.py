"""Where toasts go: never over the status line or the cursor row, at most three.

Textual docks its toasts bottom right and stacks every one: at 80x24 each sat over the
status line's counts and four covered 16 rows. Here the stack keeps the newest three
(`MAX_SHOWN`), stands above the status line and footer, moves to the top half when the
cursor row is in the bottom half, and to the left while the detail pane is open on the
right (the classes below; the rules are in `app.tcss`). The classes go on the app, not
the screen: a dialog gets its own rack while the table's stays drawn behind it, and two
racks placed alike show one stack, not two.
"""

from __future__ import annotations

from typing import Any

from jobtui import patches

MAX_SHOWN = 3
TOP = "-toasts-top"
LEFT = "-toasts-left"


def cap(app: Any) -> None:
    """Drop all but the newest `MAX_SHOWN` toasts."""
    patches.drop_oldest_toasts(app, MAX_SHOWN)


def place(screen: Any, cursor_line: int | None, table_height: int, detail_right: bool) -> None:
    """Put the stack in the half of the table the cursor row is not in."""
    below_middle = cursor_line is not None and cursor_line > table_height // 2
    screen.app.set_class(below_middle, TOP)
    screen.app.set_class(detail_right, LEFT)
