"""Which endpoint and credentials each job goes through, and fixing a refused key live."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest

from jobtui.domain.errors import ConfigError
from jobtui.domain.events import CredentialResumed, FetchFailed
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.sim.scenario import Scenario
from jobtui.store.config import ProjectSettings, Settings
from tests.polling.helpers import EPOCH, entries, job, rigged

P1, P2 = "a" * 32, "b" * 32


def entry(project: str = P1, region: str | None = None) -> WatchEntry:
    return WatchEntry(project, "c" * 32, EPOCH, region=region)


def test_a_job_goes_to_its_region_unless_an_endpoint_is_given(tmp_path: Path) -> None:
    settings = Settings(
        region="cn-north-4", zones={"eu-west-101": "Europe/Paris"},
        projects={P2: ProjectSettings(region="ap-southeast-1")},
    )  # fmt: skip
    conns = Connections(settings, env={}, home=tmp_path)
    assert conns.route(entry()).endpoint == "https://dws.cn-north-4.myhuaweicloud.com"
    assert conns.route(entry(P2)).endpoint == "https://dws.ap-southeast-1.myhuaweicloud.com"
    europe = conns.route(entry(P2, region="eu-west-101"))
    assert europe.endpoint == "https://dws.eu-west-101.myhuaweicloud.eu"
    assert europe.zone.utcoffset(EPOCH.replace(tzinfo=None)) is not None
    assert conns.route(entry()).zone == timezone.utc
    flag = Connections(settings, endpoint="http://127.0.0.1:9", env={}, home=tmp_path)
    assert flag.route(entry(P2)).endpoint == "http://127.0.0.1:9"


def test_jobs_on_one_endpoint_and_key_share_one_client(tmp_path: Path) -> None:
    env = {"HUAWEICLOUD_SDK_AK": "AKSHARED", "HUAWEICLOUD_SDK_SK": "secret-sk"}
    conns = Connections(Settings(region="cn-north-4"), env=env, home=tmp_path)
    first, second = conns.route(entry()), conns.route(entry(P2))
    assert conns.client(first) is conns.client(second)
    assert first.credential == "AK AKSH… from environment" and "secret-sk" not in repr(first)


def test_a_token_source_without_a_token_is_a_clear_error(tmp_path: Path) -> None:
    project = ProjectSettings(region="cn-north-4", credentials="token")
    settings = Settings(projects={P1: project})
    with pytest.raises(ConfigError, match="JOBTUI_AUTH_TOKEN is not set"):
        Connections(settings, env={}, home=tmp_path).route(entry())


async def test_a_job_without_a_route_fails_without_a_request(tmp_path: Path) -> None:
    scenario = Scenario((job(1),))
    projects = {scenario.jobs[0].project_id: ProjectSettings(credentials="token")}
    async with rigged(scenario, tmp_path, projects=projects) as rig:
        await rig.time.run_for(rig.poller, 1)
        failed = rig.of(FetchFailed)
        assert failed and failed[0].error.kind == "config" and rig.sim.count() == 0


async def test_a_fixed_credentials_file_is_picked_up_on_refresh(tmp_path: Path) -> None:
    scenario = Scenario(tuple(job(n) for n in range(5)))
    keyfile = tmp_path / "credentials"
    keyfile.write_text("[basic]\nak = AKFILE\nsk = wrong\n")
    projects = {scenario.jobs[0].project_id: ProjectSettings(credentials=f"file:{keyfile}")}
    gateway = {"ak": "AKFILE", "sk": "right"}
    async with rigged(scenario, tmp_path, sim=gateway, projects=projects) as rig:
        await rig.time.run_for(rig.poller, 10)
        assert await rig.served() == 1  # one refused signature, then nothing
        keyfile.write_text("[basic]\nak = AKFILE\nsk = right\n")
        rig.poller.refresh()
        await rig.time.run_for(rig.poller, 1)
        assert len(rig.of(CredentialResumed)) == 1
        assert all(state.record for state in rig.poller.states.values())
        assert await rig.served() == 1 + 5
        assert [e.key for e in entries(scenario)] == list(rig.poller.states)


def test_a_region_outside_the_table_gets_a_guessed_host_marked_as_such(tmp_path: Path) -> None:
    conns = Connections(Settings(region="cn-north-4"), env={}, home=tmp_path)
    odd = conns.route(entry(region="xx-nowhere-9"))
    assert odd.endpoint == "https://dws.xx-nowhere-9.myhuaweicloud.com"
    assert odd.guessed == "xx-nowhere-9" and conns.route(entry()).guessed is None
