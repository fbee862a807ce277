"""The real app on a real Session over the simulator, in stepped time, for fault tests.

Built as `tests/ui/test_with_simulator.py` builds it (`build_app` with an injected
clock); the endpoint and credentials are the test's, so a fault can sit between them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timezone
from pathlib import Path
from typing import Any, Callable, Optional

from jobtui.polling.connections import Connections
from jobtui.session.session import Session
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from tests.faults.rig import watching_all
from tests.ui.conftest import Harness
from tests.ui.test_with_simulator import SteppedTime, until

__all__ = ["advance_until", "banner", "on_screen", "rows", "until"]


@asynccontextmanager
async def on_screen(
    tmp: Path, sim: Simulator, env: Optional[dict[str, str]] = None, region: Optional[str] = None
) -> AsyncIterator[tuple[Harness, SteppedTime]]:
    """The app watching SCENARIO's jobs on `sim`; every toast lands in `harness.toasts`."""
    from jobtui.ui.app import build_app

    paths = watching_all(tmp)
    # The faults are tested, not the pace: a fixed schedule.
    settings = Settings(endpoint=sim.url, region=region, schedule="fixed")
    time = SteppedTime(sim)
    session = Session.from_paths(
        paths, settings, Connections(settings, env=env or {}, home=tmp),
        clock=time.clock, sleep=time.sleep, wall=time.wall,
    )  # fmt: skip
    # SessionLike declares paused/endpoint_label as attributes; Session has properties.
    app = build_app(session, settings, clock=time.wall, zone=timezone.utc)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        harness = Harness(app, pilot, session)  # type: ignore[arg-type]
        shown = app.notify

        def notify(message: str, **kwargs: Any) -> None:
            harness.toasts.append(message)
            shown(message, **kwargs)

        app.notify = notify  # type: ignore[method-assign]
        yield harness, time


async def advance_until(
    ui: Harness, time: SteppedTime, condition: Callable[[], bool], limit: float, step: float = 2.0
) -> None:
    """Move time in steps (each sleeper wakes in turn) until `condition` holds.

    Real HTTP answers land between steps; a condition still false after `limit`
    seconds of virtual time gets a last real-time wait, then fails the test.
    """
    for _ in range(int(limit / step)):
        if condition():
            return
        time.advance(step)
        await ui.pilot.pause(0.02)
    await until(ui, condition)


def banner(ui: Harness) -> str:
    """The banner's text, or "" while it is hidden."""
    widget = ui.main.query_one("#banner")
    return str(widget.render()) if widget.display else ""


def rows(ui: Harness) -> list[str]:
    """The job table's lines as the user sees them (header and blank lines left out)."""
    table = ui.main.table
    lines = [table.render_line(y).text for y in range(table.size.height)]
    return [line for line in lines if "ecfClusterElbCreateJob" in line]
