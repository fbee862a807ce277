"""The status line, updated in place many times, shows what a full redraw would show.

A reported glitch (the endpoint and "refreshed" words gone, a cursor move to the
line's start mid-write) could not be reproduced; this drives the bar through random
facts — widths that force each shorter variant, wide and combining characters, pauses,
several updates per frame, resizes — and after every frame compares, cell by cell in a
VT emulator, the bytes sent so far with a full redraw of the screen.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pyte
import pytest
from rich.console import Console

from jobtui.ui.widgets.status_bar import StatusFacts
from tests.ui.test_status_bar_diff import WIDTH, BarHost

T0 = datetime(2026, 11, 29, 16, 30, tzinfo=timezone.utc)
WORDS = ["FAIL", "ERROR", "RUNNING", "WAITING", "INIT", "DELAYED", "SUCCESS", "STOPPED"]
WORDS += ["no answer", "运行中", "RU\u0301N", "ＦＵＬＬ"]
ENDPOINTS = ["127.0.0.1:36721", "dws.cn-north-4.myhuaweicloud.com", "终端.example", "", "x" * 90]

Cell = tuple[str, str, str, bool, bool]


def random_facts(rng: random.Random) -> StatusFacts:
    words = rng.sample(WORDS, rng.randint(0, 7))
    return StatusFacts.coarse(
        rng.random() < 0.3,
        T0 + timedelta(seconds=rng.randint(0, 7200)) if rng.random() < 0.9 else None,
        endpoint=rng.choice(ENDPOINTS),
        next_refresh=T0 + timedelta(seconds=rng.randint(0, 9000)),
        paused=rng.random() < 0.2,
        shown=rng.randint(0, 300),
        total=rng.randint(0, 300),
        counts=tuple((word, rng.choice([1, 9, 10, 99, 100, 1234])) for word in words),
        interval=rng.choice([None, 2.0, 10.0]),
    )


def row(screen: pyte.Screen) -> list[Cell]:
    line = screen.buffer[0]
    return [
        (c.data, c.fg, c.bg, c.bold, c.reverse) for c in (line[x] for x in range(screen.columns))
    ]


def full_redraw(app: BarHost, width: int) -> pyte.Screen:
    """The screen as one full update paints it, on a fresh terminal."""
    screen = pyte.Screen(width, 3)
    update = app.screen._compositor.render_full_update()
    console = Console(color_system="truecolor", force_terminal=True, width=width)
    pyte.Stream(screen).feed(update.render_segments(console))
    return screen


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_many_updates_in_place_match_a_full_redraw(seed: int) -> None:
    rng = random.Random(seed)
    app = BarHost()
    width = WIDTH
    async with app.run_test(size=(WIDTH, 3)) as pilot:
        for step in range(60):
            if rng.random() < 0.08:
                width = rng.choice([40, 64, 80, 100, WIDTH])
                app.terminal.resize(3, width)
                await pilot.resize_terminal(width, 3)
            for _ in range(rng.choice([1, 1, 2, 3])):  # several updates within one frame
                app.bar.show(random_facts(rng))
            await pilot.pause()
            assert row(app.terminal) == row(full_redraw(app, width)), (
                f"step {step}: {app.sent[-1]!r}"
            )
