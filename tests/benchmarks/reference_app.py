"""The yardstick: a minimal Textual app showing a static job table, nothing moving.

`python -m tests.benchmarks.reference_app [--rows N] [--guard]`; `--guard` installs
jobtui's terminal guard so the hang-up tests can run before the real app exists.
"""

from __future__ import annotations

import argparse
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

STATUSES = ("RUNNING", "SUCCESS", "FAIL", "INIT", "RUNNING", "SUCCESS", "SUCCESS")
READY = "reference ready"


def rows(count: int) -> list[tuple[str, ...]]:
    """Job-table rows as jobtui shows them: project, job ID, status, progress, begin."""
    return [
        (
            "0a1b2c3d4e5f",
            f"ff8080816d{i:022x}",
            STATUSES[i % len(STATUSES)],
            f"{(i * 7) % 101}%",
            f"2026-11-29 {i % 24:02d}:{i % 60:02d}:00",
        )
        for i in range(count)
    ]


class ReferenceApp(App[None]):
    """A static table with a header and a footer: what any Textual table app costs."""

    TITLE = READY
    BINDINGS: ClassVar = [("q", "quit", "Quit"), ("ctrl+c", "quit", "Quit")]

    def __init__(self, count: int, guard: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._count = count
        self._guard = guard

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("project", "job", "status", "progress", "begin")
        table.add_rows(rows(self._count))
        if self._guard:
            from jobtui.ui.terminal_guard import install_terminal_guard

            install_terminal_guard(self)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="reference_app")
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--guard", action="store_true")
    parser.add_argument("--no-mouse", action="store_true")
    args = parser.parse_args(argv)
    app = ReferenceApp(args.rows, args.guard)
    app.run(mouse=not args.no_mouse)
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
