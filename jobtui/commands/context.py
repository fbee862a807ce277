"""What a command runs with: its arguments, streams, environment and jobtui's files."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Mapping
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, TextIO

if TYPE_CHECKING:
    from jobtui.domain.state import WatchEntry
    from jobtui.store.config import Settings
    from jobtui.store.paths import Paths
    from jobtui.store.watchlist import Watchlist


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Context:
    """Arguments plus lazily opened settings and watchlist, shared by the commands."""

    def __init__(
        self,
        args: argparse.Namespace,
        *,
        env: Optional[Mapping[str, str]] = None,
        stdin: Optional[TextIO] = None,
        stdout: Optional[TextIO] = None,
        stderr: Optional[TextIO] = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.args = args
        self.env = os.environ if env is None else env
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.clock = clock

    @cached_property
    def paths(self) -> Paths:
        from jobtui.store.paths import Paths

        root = self.args.config_dir
        return Paths(Path(root) if root else None, self.env)

    @cached_property
    def settings(self) -> Settings:
        from jobtui.store.config import load_settings

        return load_settings(self.paths.config_file)

    @cached_property
    def watchlist(self) -> Watchlist:
        from jobtui.store.watchlist import Watchlist

        return Watchlist(self.paths.watchlist_file, self.paths.lock_file)

    def entries(self) -> list[WatchEntry]:
        """The watchlist as it is on disk; ConfigError (file:line:column) if it is broken."""
        return self.watchlist.load()

    @property
    def tty(self) -> bool:
        return bool(getattr(self.stdout, "isatty", lambda: False)())

    @property
    def err_tty(self) -> bool:
        """stderr is a terminal: progress may be drawn there (never into a pipe or log)."""
        return bool(getattr(self.stderr, "isatty", lambda: False)())

    def width(self) -> Optional[int]:
        """The terminal's width when printing to one, or COLUMNS when set (`watch` sets
        it for the command it runs into a pipe); None (no cutting) in a plain pipe."""
        columns = self.env.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        return shutil.get_terminal_size().columns if self.tty else None

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def err(self, text: str) -> None:
        """One line on stderr; server text in it (error codes, request IDs) is shown
        escaped, never acted on by the terminal."""
        from jobtui.commands.output import clean

        print(f"jobtui: {clean(text)}", file=self.stderr, flush=True)
