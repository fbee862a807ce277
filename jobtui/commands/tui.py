"""`jobtui` with no command: the monitor on the user's watchlist."""

from __future__ import annotations

from jobtui.commands.context import Context


def run(ctx: Context, *, demo: bool = False) -> int:
    """Open the monitor; Textual and the session are imported only now."""
    from jobtui.commands.sessions import open_session, tui_settings
    from jobtui.ui.app import run_app

    settings = tui_settings(ctx)
    ctx.entries()  # a broken watchlist stops here with file:line:column, before the screen
    return run_app(open_session(ctx, settings), settings, demo=demo)
