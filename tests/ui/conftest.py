"""Run the app under Pilot against a FakeSession, with toasts on and a fixed clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timezone
from typing import Any, Optional

import pytest

from jobtui.store.config import Settings
from jobtui.ui.app import JobtuiApp, build_app
from tests.ui.fakes import T0, FakeSession, demo_jobs


class Harness:
    """The running app, its pilot, its session, and every toast it showed."""

    def __init__(self, app: JobtuiApp, pilot: Any, session: FakeSession) -> None:
        self.app, self.pilot, self.session = app, pilot, session
        self.toasts: list[str] = []

    @property
    def main(self) -> Any:
        return self.app.main

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    def status_line(self) -> str:
        return str(self.main.query_one("#status").render())

    def detail(self) -> str:
        return self.main.detail.text.plain


@asynccontextmanager
async def running(
    session: Optional[FakeSession] = None,
    settings: Optional[Settings] = None,
    size: tuple[int, int] = (120, 30),
) -> AsyncIterator[Harness]:
    session = session or FakeSession(demo_jobs())
    app = build_app(session, settings, clock=lambda: T0, zone=timezone.utc)
    async with app.run_test(size=size, notifications=True) as pilot:
        harness = Harness(app, pilot, session)
        real_notify = app.notify

        def notify(message: str, **kwargs: Any) -> None:
            # Record, then show for real: a toast that crashes must crash the test.
            assert kwargs.get("markup") is False, "server text must never be parsed as markup"
            harness.toasts.append(message)
            real_notify(message, **kwargs)

        app.notify = notify  # type: ignore[method-assign]
        await pilot.pause()
        # The fake poller never ends a cycle: paint each burst at once, not after 0.1 s.
        app.main.view.paint_within = 0
        yield harness


@pytest.fixture
def ui() -> Any:
    return running
