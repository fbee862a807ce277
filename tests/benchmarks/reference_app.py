"""The yardstick: a minimal Textual app showing a static job table, nothing moving.

`python -m tests.benchmarks.reference_app [--rows N] [--guard] [--update-every S]`;
`--guard` installs jobtui's terminal guard (for the hang-up tests), `--update-every`
changes one cell with `DataTable.update_cell` every S seconds: the naive monitor.
"""

from __future__ import annotations

import argparse
import time
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Header

from tests.benchmarks.rows import reference_rows

READY = "reference ready"


class JobsTable(DataTable[str]):
    """A DataTable whose Home/End go to the first/last row, as jobtui's table does."""

    BINDINGS: ClassVar = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]


class ReferenceApp(App[None]):
    """A static table with a header and a footer: what any Textual table app costs."""

    TITLE = READY
    BINDINGS: ClassVar = [("q", "quit", "Quit"), ("ctrl+c", "quit", "Quit")]

    def __init__(
        self,
        count: int,
        guard: bool,
        update_every: float = 0,
        wedge_exit: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._count = count
        self._guard = guard
        self._wedge_exit = wedge_exit
        self._update_every = update_every
        self._percent = 37

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield JobsTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("name", "job", "status", "progress", "begin", "elapsed")
        table.add_rows(reference_rows(self._count))
        if self._update_every:
            self.set_interval(self._update_every, self._naive_update)
        if self._guard:
            from jobtui.ui.terminal_guard import install_terminal_guard

            # A wedged exit stands in for any shutdown that never ends; a short grace
            # keeps the test that drives it quick.
            install_terminal_guard(self, grace=0.25 if self._wedge_exit else 1.5)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        if self._wedge_exit:
            time.sleep(3600)  # blocks the event loop: only the guard's last resort ends it
        super().exit(*args, **kwargs)

    def _naive_update(self) -> None:
        """What a naive monitor does on each poll: update_cell (one changed cell)."""
        self._percent += 1
        table = self.query_one(DataTable)
        table.update_cell_at(Coordinate(0, 3), f"{self._percent}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="reference_app")
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--guard", action="store_true")
    parser.add_argument("--no-mouse", action="store_true")
    parser.add_argument("--update-every", type=float, default=0, help="naive update_cell")
    parser.add_argument("--wedge-exit", action="store_true", help="shutdown never ends")
    args = parser.parse_args(argv)
    app = ReferenceApp(args.rows, args.guard, args.update_every, args.wedge_exit)
    app.run(mouse=not args.no_mouse)
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
