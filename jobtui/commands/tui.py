"""`jobtui` with no command: the monitor on the user's watchlist."""

from __future__ import annotations

from jobtui.commands.context import Context


def run(ctx: Context) -> int:
    ctx.err("the monitor is not wired yet; try 'jobtui status'.")
    return 1
