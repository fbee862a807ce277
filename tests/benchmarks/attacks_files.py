"""Attacks on the user's side: a key pressed in anger, a broken cache, binary input."""

from __future__ import annotations

import io
import json
import os
from typing import Any

from jobtui.domain.events import Warned
from tests.benchmarks.attack_kit import PollRig, Row, Sandbox, run_async, simulator
from tests.benchmarks.attacks_http import ONE, SPEC


def refused_key(box: Sandbox, **_: Any) -> Row:
    """The gateway knows another SK for our AK; the user presses `r` 8 times."""
    sim = simulator(ONE, sk="the-gateways-own-sk")

    async def attack() -> Row:
        rig = PollRig(box, [sim])
        try:
            await rig.run(1)
            for _ in range(8):
                rig.poller.refresh()
                await rig.run(1)
            refused = sim.count()
            warned = len(rig.of(Warned))
            await rig.run(200)  # the held key's own time comes (3 minutes)
            return Row(
                "refused key, r x8",
                "wrong SK, then refresh pressed 8 times within 8 s",
                f"yes: {warned} 'next try at' Warned events, polling goes on",
                "0 jobs lost",
                f"{refused} signature(s) refused in the 8 s, {sim.count()} after 3 min "
                "(lockout at 5)",
            )
        finally:
            await rig.close()

    return run_async(attack())  # type: ignore[no-any-return]


def _entries(box: Sandbox) -> int:
    code, out, _ = box.cli("list", "--json")
    return len(json.loads(out)) if code == 0 else -1


def deep_state(box: Sandbox, **_: Any) -> Row:
    box.cli("add", SPEC)
    depth = 200_000
    (box.root / "state.json").write_bytes(b"[" * depth + b"]" * depth)
    code, _out, _err = box.cli("list")
    from jobtui.session.session import Session
    from jobtui.store.config import Settings
    from jobtui.store.paths import Paths

    paths = Paths(box.root, env={})
    session = Session.from_paths(paths, Settings(), connections=None)  # type: ignore[arg-type]
    return Row(
        "deep-nested state.json",
        f"state.json = {depth} '[' then {depth} ']'",
        f"yes: list exit {code}; monitor's session starts, notice: {session.notice is not None}",
        f"{1 - _entries(box)} watchlist entries lost",
        f"{len(session.jobs())} job shown",
    )


def binary_add(box: Sandbox, **_: Any) -> Row:
    box.cli("add", SPEC)
    data = os.urandom(64 * 1024)
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    code, _out, err = box.cli("add", "-", stdin=stdin)
    said = err.strip().splitlines()[-1][:60] if err.strip() else ""
    return Row(
        "binary `add -`",
        "64 KiB of random bytes piped to add -",
        f"yes: exit {code} (2: usage), '{said}...'",
        f"{1 - _entries(box)} watchlist entries lost",
        f"{len(err.splitlines())} stderr lines",
    )
