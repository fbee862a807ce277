"""A refused AK/SK on screen: an impatient user's `r` does not lock the key out."""

from __future__ import annotations

from pathlib import Path

from jobtui.sim.clock import ManualClock
from jobtui.sim.server import Simulator
from tests.faults.rig import SCENARIO
from tests.faults.screen import advance_until, banner, on_screen, until

AK, RIGHT, WRONG = "AKSCREENTEST", "right-secret-on-screen", "wrong-secret-on-screen"


async def test_r_pressed_8_times_sends_no_second_bad_signature_and_says_when_once(
    tmp_path: Path,
) -> None:
    with Simulator(SCENARIO, ak=AK, sk=RIGHT, clock=ManualClock()) as sim:
        env = {"HUAWEICLOUD_SDK_AK": AK, "HUAWEICLOUD_SDK_SK": WRONG}
        async with on_screen(tmp_path, sim, env) as (ui, time):
            await until(ui, lambda: "refused" in banner(ui))
            assert "next try at" in banner(ui) and "5 failures" in banner(ui)
            for key in "rRrRrRrR":
                await ui.pilot.press(key)
                await ui.pilot.pause(0.02)
            # Said once: eight identical toasts would stack up over the table.
            await until(ui, lambda: any("next try at" in t for t in ui.toasts))
            await ui.pilot.pause(0.1)
            assert sum("next try at" in t for t in ui.toasts) == 1
            assert sim.count() == 1
            # Once that toast has gone (20 s), the next press says it again.
            time.advance(25)
            await ui.pilot.press("r")
            await until(ui, lambda: sum("next try at" in t for t in ui.toasts) == 2)
            assert sim.count() == 1
            assert all(WRONG not in text for text in [banner(ui), *ui.toasts])
            # Its time comes (3 minutes after the refusal): one probe, and no more.
            await advance_until(ui, time, lambda: sim.count() == 2, 200, step=5)
            await ui.pilot.pause(0.1)
            assert sim.count() == 2
