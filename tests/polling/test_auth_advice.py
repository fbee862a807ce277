"""A refused key's sentence names where that key came from: what the user must correct."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from jobtui.domain.errors import ApiError
from jobtui.domain.events import CredentialPaused, FetchFailed
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.store.config import Settings
from tests.api.fake_cloud import FakeCloud, fake_cloud, key
from tests.polling.helpers import EPOCH, VirtualTime

PROJECT, JOB = "a" * 32, "c" * 32
ENV_KEY = {"HUAWEICLOUD_SDK_AK": "AKENVIRONMENT", "HUAWEICLOUD_SDK_SK": "wrong-secret"}


def _refusal(conns: Connections) -> str:
    async def ask() -> str:
        route = conns.route(WatchEntry(PROJECT, JOB, EPOCH))
        async with conns:
            with pytest.raises(ApiError) as caught:
                await conns.client(route).get_job(PROJECT, JOB)
        return str(caught.value)

    return asyncio.run(ask())


def test_a_key_from_the_environment_is_to_be_fixed_there(tmp_path: Path) -> None:
    with fake_cloud() as cloud:
        said = _refusal(Connections(Settings(endpoint=cloud.url), env=ENV_KEY, home=tmp_path))
    assert "check HUAWEICLOUD_SDK_AK/SK in the environment and the project ID" in said
    assert "credentials file" not in said and "wrong-secret" not in said


def test_a_key_from_a_credentials_file_names_that_file(tmp_path: Path) -> None:
    path = tmp_path / "team.ini"
    path.write_text("[basic]\nak = AKFROMFILE\nsk = wrong-secret\n", encoding="utf-8")
    with fake_cloud() as cloud:
        settings = Settings(endpoint=cloud.url, credentials=f"file:{path}")
        said = _refusal(Connections(settings, env={}, home=tmp_path))
    assert f"check ak and sk in {path} and the project ID" in said
    assert "HUAWEICLOUD_SDK" not in said and "wrong-secret" not in said


async def test_a_refused_agency_key_is_fetched_again_once_then_paused(tmp_path: Path) -> None:
    # The metadata service hands out a revoked key, then another the gateway refuses too.
    cloud = FakeCloud(keys=[key("AKREVOKED"), key("AKSTILLBAD")])
    with fake_cloud(cloud):
        settings = Settings(endpoint=cloud.url, credentials="ecs", refresh_interval=10.0)
        conns = Connections(settings, env={"JOBTUI_METADATA_URL": cloud.url}, home=tmp_path)
        time = VirtualTime()
        events: list[object] = []
        poller = Poller(conns, settings=settings, clock=time.clock, sleep=time.sleep,
                        wall=time.wall, on_event=events.append, rand=lambda: 0.5)  # fmt: skip
        poller.set_entries([WatchEntry(PROJECT, f"{n:032x}", EPOCH) for n in range(3)])
        async with conns:
            await time.run_for(poller, 60)
    # One fetch, one refusal, one fetch again and one retry with the new key: then paused.
    assert len(cloud.paths("/openstack/latest/securitykey")) == 2
    assert len([s for s in cloud.seen if s.path.startswith("/v1.0/")]) == 2
    paused = [e for e in events if isinstance(e, CredentialPaused)]
    assert len(paused) == 1 and paused[0].credential == f"ECS agency from {cloud.url}"
    said = paused[0].error.message
    assert f"also after fetching it again from the ECS metadata service at {cloud.url}" in said
    assert "agency attached to this server" in said and "HUAWEICLOUD_SDK" not in said
    assert "SK-of" not in said and "STS-of" not in said
    failed = {e.key[1] for e in events if isinstance(e, FetchFailed)}
    assert failed == {f"{n:032x}" for n in range(3)}  # every job says so, asked or held
