"""ECS agency credentials from a loopback fake of the metadata service, as the SDK gets them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from jobtui.api.agency_auth import AgencyAuth
from jobtui.api.client import DwsClient
from jobtui.api.credentials import find_credentials
from jobtui.api.ecs_metadata import AgencyKeys
from jobtui.domain.errors import ApiError
from tests.api.fake_cloud import METADATA_TOKEN, FakeCloud, fake_cloud, key

PROJECT, JOB = "p" * 32, "j" * 32


def _get_jobs(cloud: FakeCloud, auth: httpx.Auth, count: int) -> list[int]:
    async def run() -> list[int]:
        statuses = []
        async with DwsClient(cloud.url, auth) as client:
            for _ in range(count):
                try:
                    await client.get_job(PROJECT, JOB)
                    statuses.append(200)
                except ApiError as exc:
                    statuses.append(exc.info.http_status or 0)
        return statuses

    return asyncio.run(run())


def test_keys_come_with_a_metadata_token_and_sign_with_the_security_token() -> None:
    with fake_cloud(FakeCloud(keys=[key("AKECS1")], good_aks={"AKECS1"})) as cloud:
        assert _get_jobs(cloud, AgencyAuth(AgencyKeys(cloud.url)), 3) == [200, 200, 200]
    put = cloud.paths("/meta-data/latest/api/token")
    get = cloud.paths("/openstack/latest/securitykey")
    assert len(put) == 1 and put[0].headers["X-Metadata-Token-Ttl-Seconds"] == "21600"
    assert len(get) == 1 and get[0].headers["X-Metadata-Token"] == METADATA_TOKEN
    job = cloud.paths(f"/v1.0/{PROJECT}/job/{JOB}")[-1]
    assert job.headers["X-Security-Token"] == "STS-of-AKECS1"
    assert "x-security-token" in job.headers["Authorization"]


@pytest.mark.parametrize("status", [404, 405, 503])  # the SDK 3.1.219 reads all three so
def test_an_old_metadata_service_without_tokens_still_serves_keys(status: int) -> None:
    cloud = FakeCloud(token_status=status, keys=[key("AKOLD")], good_aks={"AKOLD"})
    with fake_cloud(cloud):
        assert _get_jobs(cloud, AgencyAuth(AgencyKeys(cloud.url)), 1) == [200]
    assert "X-Metadata-Token" not in cloud.paths("/openstack/latest/securitykey")[0].headers


def test_keys_are_fetched_again_before_they_expire_not_per_request() -> None:
    now = [1_000_000_000.0]  # 2001-09-09; the key expires one hour later
    expiry = "2001-09-09T02:46:40.000000Z"
    cloud = FakeCloud(keys=[key("AKFIRST", expiry), key("AKSECOND")])
    with fake_cloud(cloud):
        keys = AgencyKeys(cloud.url, clock=lambda: now[0])
        assert keys.get().ak == "AKFIRST" and keys.get().ak == "AKFIRST"
        now[0] += 20 * 60  # 40 min left, but a one-hour key is renewed half-way
        assert keys.get().ak == "AKFIRST"
        now[0] += 15 * 60  # 25 min left
        assert keys.cached() is None and keys.get().ak == "AKSECOND"
    assert keys.fetches == 2


def test_a_401_fetches_the_key_again_once_and_retries_with_the_new_one() -> None:
    cloud = FakeCloud(keys=[key("AKREVOKED"), key("AKNEW")], good_aks={"AKNEW"})
    with fake_cloud(cloud):
        keys = AgencyKeys(cloud.url)
        assert _get_jobs(cloud, AgencyAuth(keys), 2) == [200, 200]
    assert keys.fetches == 2 and len(cloud.paths(f"/v1.0/{PROJECT}/job/{JOB}")) == 3


def test_a_401_with_the_same_key_again_is_not_retried() -> None:
    cloud = FakeCloud(keys=[key("AKBAD")])
    with fake_cloud(cloud):
        assert _get_jobs(cloud, AgencyAuth(AgencyKeys(cloud.url)), 1) == [401]
    assert len(cloud.paths(f"/v1.0/{PROJECT}/job/{JOB}")) == 1


def test_no_agency_is_said_plainly() -> None:
    cloud = FakeCloud(key_status=401, key_body="Please configure Cloud Service Agency first")
    with fake_cloud(cloud), pytest.raises(ApiError, match="no agency; attach one"):
        AgencyKeys(cloud.url).get()


def test_an_unreachable_service_is_an_auth_error_naming_it() -> None:
    with fake_cloud() as cloud:
        url = cloud.url
    with pytest.raises(ApiError, match=f"metadata service at {url} could not be reached"):
        AgencyKeys(url).get()


def test_secrets_never_show(tmp_path: Path) -> None:
    with fake_cloud(FakeCloud(keys=[key("AKSHOW")])) as cloud:
        keys = AgencyKeys(cloud.url)
        got = keys.get()
        creds = find_credentials({"JOBTUI_METADATA_URL": cloud.url}, tmp_path, ecs=True)
    text = repr(got) + repr(keys) + repr(creds) + str(creds) + repr(creds.auth())
    assert "SK-of" not in text and "STS-of" not in text and METADATA_TOKEN not in text


def test_the_metadata_service_is_asked_only_when_opted_in(tmp_path: Path) -> None:
    with fake_cloud(FakeCloud(keys=[key("AKX")])) as cloud:
        env = {"JOBTUI_METADATA_URL": cloud.url}
        assert find_credentials(env, tmp_path).kind == "none"
        ecs = find_credentials(env, tmp_path, ecs=True)
        assert ecs.kind == "ecs" and str(ecs) == f"ECS agency from {cloud.url}"
        assert cloud.seen == []  # nothing is fetched until a request is signed
        env_key = {**env, "HUAWEICLOUD_SDK_AK": "AKENV", "HUAWEICLOUD_SDK_SK": "s"}
        assert find_credentials(env_key, tmp_path, ecs=True).ak == "AKENV"  # the SDK's order
