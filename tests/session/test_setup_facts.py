"""What an empty watchlist says about the set-up: found by the session, off the loop."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Optional

from jobtui.domain.events import PollerEvent, SetupChecked
from jobtui.polling.connections import Connections
from jobtui.session.empty_watchlist import NO_CREDENTIALS, OPEN_MODE, SetupFacts, empty_words
from jobtui.session.session import Session
from jobtui.store.config import Settings
from jobtui.store.paths import Paths

SECRET = "s3cr3tSKs3cr3tSKs3cr3tSKs3cr3tSK0123"


async def _setup(tmp: Path, settings: Settings, env: dict[str, str]) -> Optional[SetupFacts]:
    conns = Connections(settings, env=env, home=tmp)
    session = Session.from_paths(Paths(tmp / "jobtui", env={}), settings, conns)
    checked = asyncio.Event()

    def heard(event: PollerEvent) -> None:
        if isinstance(event, SetupChecked):
            checked.set()

    session.subscribe(heard)
    assert session.setup() is None  # nothing read before start-up's thread looks
    await session.start()
    try:
        await asyncio.wait_for(checked.wait(), timeout=10)
        return session.setup()
    finally:
        await session.stop()


def _rows(facts: Optional[SetupFacts]) -> dict[str, tuple[str, bool]]:
    return {label: (value, bad) for label, value, bad in empty_words(facts).setup}


async def test_nothing_set_says_what_to_set(tmp_path: Path) -> None:
    facts = await _setup(tmp_path, Settings(), env={})
    assert facts is not None and not facts.ready
    rows = _rows(facts)
    assert rows["Endpoint"][1] and "set a region in config.toml" in rows["Endpoint"][0]
    assert rows["Credentials"] == (NO_CREDENTIALS, True)
    assert "jobtui doctor" in empty_words(facts).footer


async def test_what_was_found_is_named_without_the_secret(tmp_path: Path) -> None:
    env = {"HUAWEICLOUD_SDK_AK": "ABCDEFGHIJKLMNOPQRST", "HUAWEICLOUD_SDK_SK": SECRET}
    facts = await _setup(tmp_path, Settings(region="cn-north-4"), env)
    assert facts is not None and facts.ready
    rows = _rows(facts)
    assert rows["Endpoint"] == ("https://dws.cn-north-4.myhuaweicloud.com", False)
    assert rows["Credentials"] == ("AK ABCD… from environment", False)
    assert SECRET not in repr(facts) and not empty_words(facts).footer


async def test_open_mode_is_said_as_such(tmp_path: Path) -> None:
    settings = Settings(endpoint="http://127.0.0.1:9", credentials="none")
    facts = await _setup(tmp_path, settings, env={})
    assert facts is not None and facts.ready
    assert _rows(facts)["Credentials"] == (OPEN_MODE, False)
