"""`jobtui` with no command: the monitor on the user's watchlist."""

from __future__ import annotations

from jobtui.commands.context import Context


def run(ctx: Context, *, demo: bool = False) -> int:
    """Open the monitor; Textual and the session are imported only now."""
    from jobtui.commands.sessions import open_session, tui_settings
    from jobtui.ui.app import run_app

    settings = tui_settings(ctx)
    # Built before the screen opens, so a broken watchlist is reported as file:line:column.
    session = open_session(ctx, settings)
    return run_app(session, settings, demo=demo)
