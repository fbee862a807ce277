"""Faults as the user sees them: the real app, a real Session, the simulator, stepped time."""

from __future__ import annotations

import errno
import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Input

from jobtui.session.session import Session
from jobtui.sim.clock import ManualClock
from jobtui.sim.responses import NO_API
from jobtui.sim.server import Simulator
from tests.faults.rig import KEYS, SCENARIO, Outage, Resolver
from tests.faults.screen import advance_until, banner, on_screen, rows, until


def _refuse(code: int) -> object:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


async def test_a_restarted_endpoint_shows_a_banner_keeps_the_rows_and_recovers(
    tmp_path: Path, resolver: Resolver
) -> None:
    outage = Outage("restart", resolver)
    try:
        async with on_screen(tmp_path, outage.sim) as (ui, time):
            await until(ui, lambda: [r.count("RUNNING") for r in rows(ui)] == [1] * len(KEYS))
            outage.start()
            await advance_until(ui, time, lambda: "refused" in banner(ui), 60)
            assert re.match(r"Offline since 09:00, retrying in \d+ s — ", banner(ui))
            # Still running, every row still there with its last status, flagged "!".
            # Held back jobs take on the outage's error at their next turn (one interval).
            await advance_until(ui, time, lambda: all("!" in row for row in rows(ui)), 20)
            assert ui.app.is_running
            assert all("RUNNING" in row for row in rows(ui)) and len(rows(ui)) == len(KEYS)

            outage.heal()
            time.sim = outage.sim
            await advance_until(ui, time, lambda: banner(ui) == "", 320, step=5)
            await until(ui, lambda: not any("!" in row for row in rows(ui)))
    finally:
        outage.sim.stop()


async def test_a_skewed_clock_says_so_in_the_banner_until_it_is_set_right(
    tmp_path: Path, resolver: Resolver
) -> None:
    ahead = timedelta(hours=1)  # the server's clock is an hour ahead of ours
    with Simulator(
        SCENARIO, ak="AKFAULTS", sk="sk-faults", clock=ManualClock(),
        wall=lambda: datetime.now(timezone.utc) + ahead,
    ) as sim:  # fmt: skip
        env = {"HUAWEICLOUD_SDK_AK": "AKFAULTS", "HUAWEICLOUD_SDK_SK": "sk-faults"}
        async with on_screen(tmp_path, sim, env) as (ui, time):
            await until(ui, lambda: "refused" in banner(ui))
            assert "Your clock is" in banner(ui) and "NTP" in banner(ui)
            assert "sk-faults" not in banner(ui)
            ahead = timedelta(0)  # NTP set it right
            # The paused credential is tried again within 3 minutes.
            await advance_until(ui, time, lambda: banner(ui) == "", 200, step=5)
            await until(ui, lambda: [r.count("RUNNING") for r in rows(ui)] == [1] * len(KEYS))


async def test_the_status_line_names_the_credential_in_use_never_its_secret(
    tmp_path: Path, resolver: Resolver
) -> None:
    with Simulator(SCENARIO, ak="AKFAULTS", sk="sk-faults", clock=ManualClock()) as sim:
        env = {"HUAWEICLOUD_SDK_AK": "AKFAULTS", "HUAWEICLOUD_SDK_SK": "sk-faults"}
        async with on_screen(tmp_path, sim, env) as (ui, _time):
            status = ui.main.query_one("#status")
            await until(ui, lambda: "AK AKFA… from environment" in _line(status))
            assert "sk-faults" not in _line(status) and "AKFAULTS" not in _line(status)


def _line(widget: object) -> str:
    return "".join(s.text for s in widget.render_line(0))  # type: ignore[attr-defined]


async def test_a_gateway_without_the_api_names_the_endpoint_and_region_once(
    tmp_path: Path, resolver: Resolver
) -> None:
    with Simulator(SCENARIO, clock=ManualClock()) as sim:
        sim.set_fault("error", status=404, error_code=NO_API[0], error_msg=NO_API[1])
        async with on_screen(tmp_path, sim, region="eu-west-101") as (ui, time):
            await until(ui, lambda: "no such API" in banner(ui))
            assert banner(ui).startswith("Wrong endpoint or region since 09:00, retrying in ")
            assert "127.0.0.1 (chosen for region eu-west-101) has no such API" in banner(ui)
            assert "not found" not in banner(ui)
            # One probe at a time, not a request per job per back-off.
            await advance_until(ui, time, lambda: all("!" in row for row in rows(ui)), 20)
            assert sim.count() <= 3


async def test_a_full_disk_and_a_read_only_watchlist_are_said_and_monitoring_goes_on(
    tmp_path: Path, resolver: Resolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Simulator(SCENARIO, clock=ManualClock()) as sim:
        async with on_screen(tmp_path, sim) as (ui, time):
            await until(ui, lambda: len(rows(ui)) == len(KEYS))
            session: Session = ui.session  # type: ignore[assignment]
            await session.save_cache()
            state_file, watchlist_file = tmp_path / "jobtui" / "state.json", _watchlist(tmp_path)
            cache, watchlist = state_file.read_bytes(), watchlist_file.read_bytes()

            monkeypatch.setattr(os, "replace", _refuse(errno.ENOSPC))
            # The session saves the cache at most every 10 s, after a cycle.
            await advance_until(ui, time, lambda: any("state cache" in t for t in ui.toasts), 40)
            assert "disk full" in ui.toasts[-1] and "monitoring goes on" in ui.toasts[-1]

            monkeypatch.setattr(os, "replace", _refuse(errno.EROFS))
            await ui.press("a")
            ui.app.screen.query_one("#job", Input).value = f"{99:032x}"
            await ui.pilot.pause()
            await ui.press("enter")
            await until(ui, lambda: any("cannot save the watchlist" in t for t in ui.toasts))
            assert "read-only file system" in ui.toasts[-1]

            served = sim.count()
            await advance_until(ui, time, lambda: sim.count() >= served + len(KEYS), 40)
            assert len(rows(ui)) == len(KEYS)
            # Nothing on disk was truncated or replaced, no temporary file left behind.
            assert state_file.read_bytes() == cache and watchlist_file.read_bytes() == watchlist
            assert not [p for p in state_file.parent.rglob("*.tmp")]


def _watchlist(tmp: Path) -> Path:
    from jobtui.store.paths import Paths

    return Paths(tmp / "jobtui", env={}).watchlist_file
