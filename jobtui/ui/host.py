"""What screens use of the app that hosts them: the session, the options and the clock.

The app satisfies it and hands itself to the screens it builds, so screens never import
the app (which imports them).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Optional, Protocol

from jobtui.ui.options import UiOptions
from jobtui.ui.session_api import SessionLike


class Host(Protocol):
    """The app, as a screen sees it."""

    @property
    def session(self) -> SessionLike: ...
    @property
    def options(self) -> UiOptions: ...
    @property
    def zone(self) -> Optional[tzinfo]: ...
    def now(self) -> datetime: ...
