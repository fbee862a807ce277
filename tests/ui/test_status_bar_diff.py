"""The status line sends only the cells that changed: a minute ticking over is a few bytes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

import pyte
from rich.console import Console
from textual._compositor import ChopsUpdate
from textual.app import App, ComposeResult

from jobtui.session.status_line import StatusFacts
from jobtui.ui import partial_update
from jobtui.ui.widgets.status_bar import StatusBar

WIDTH = 120
AT_1630 = datetime(2026, 11, 29, 16, 30, tzinfo=timezone.utc)
FACTS = StatusFacts(
    endpoint="127.0.0.1:36721",
    last_refresh=AT_1630,
    next_refresh=None,
    paused=False,
    shown=50,
    total=50,
    counts=(("FAIL", 10), ("RUNNING", 20), ("SUCCESS", 20)),
    interval=10.0,
)


class BarHost(App[None]):
    """A status bar styled as the app styles it, recording what would go to the terminal."""

    CSS = "#status { background: $panel; padding: 0 1; }"

    def __init__(self) -> None:
        super().__init__()
        self.bar = StatusBar(zone=timezone.utc, id="status")
        self.sent: list[str] = []
        self.terminal = pyte.Screen(WIDTH, 3)
        self._stream = pyte.Stream(self.terminal)

    def compose(self) -> ComposeResult:
        yield self.bar

    def _display(self, screen: Any, renderable: Any) -> None:
        # Headless apps write nothing: render each update as the real driver would.
        if renderable is not None:
            console = Console(color_system="truecolor", force_terminal=True, width=WIDTH)
            if isinstance(renderable, ChopsUpdate):
                data = partial_update.render_segments(renderable, console)
            else:
                data = renderable.render_segments(console)
            self.sent.append(data)
            self._stream.feed(data)
        super()._display(screen, renderable)

    def shown(self) -> str:
        """What the terminal shows on the status line."""
        return self.terminal.display[0].rstrip()


async def test_the_minute_ticking_over_sends_only_its_digit() -> None:
    app = BarHost()
    async with app.run_test(size=(WIDTH, 3)) as pilot:
        app.bar.show(FACTS)
        await pilot.pause()
        assert "refreshed 16:30  every 10s" in app.shown()
        regions: list[Any] = []
        original = app.bar.refresh
        app.bar.refresh = lambda *r, **kw: (regions.extend(r), original(*r, **kw))[1]  # type: ignore[method-assign]
        app.sent.clear()
        app.bar.show(replace(FACTS, last_refresh=AT_1630.replace(minute=31)))
        await pilot.pause()
        digit = app.bar.render().plain.index("16:31") + 4
        assert [(r.x, r.y, r.width, r.height) for r in regions] == [(digit, 0, 1, 1)]
        # A cursor move and one truecolor style around one cell; the whole line is ~360 bytes.
        assert len("".join(app.sent)) < 60
        assert "refreshed 16:31  every 10s" in app.shown()
        assert app.shown() == " " + app.bar.render().plain


async def test_a_change_that_shifts_the_line_leaves_it_as_a_fresh_draw_would() -> None:
    app = BarHost()
    async with app.run_test(size=(WIDTH, 3)) as pilot:
        app.bar.show(FACTS)
        await pilot.pause()
        counts = (("FAIL", 9), ("RUNNING", 21), ("SUCCESS", 120))  # one digit fewer, two more
        app.bar.show(replace(FACTS, paused=True, shown=48, counts=counts))
        await pilot.pause()
        assert app.shown() == " " + app.bar.render().plain  # one cell of padding on the left
        assert "PAUSED  refreshed 16:30  │ 48 of 50 shown  FAIL 9" in app.shown()
        await pilot.resize_terminal(70, 3)
        await pilot.pause()
        assert app.terminal.display[0][:70].rstrip() == " " + app.bar.render().plain
