"""Signing through the client against the simulator's gateway, as the real one checks it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import pytest

from jobtui.api.auth import AkSkAuth, TokenAuth
from jobtui.api.client import DwsClient
from jobtui.domain.model import Status
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from tests.api.helpers import ELB_JOB, fetch_error

AK, SK = "HPUAEXAMPLEAK0001", "s3cr3t-SK-do-not-leak-42"
SimFactory = Callable[..., Simulator]


def _at(offset: timedelta) -> Callable[[], datetime]:
    return lambda: datetime.now(timezone.utc) + offset


async def test_signed_request_gets_the_job(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak=AK, sk=SK)
    async with DwsClient(sim.url, AkSkAuth(AK, SK)) as api:
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
        again = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.status is Status.RUNNING and record.job_name == "ecfClusterElbCreateJob"
    assert record.request_id == sim.requests[0].request_id
    assert record.server_date is not None and record.server_date.tzinfo is not None
    assert again.request_id != record.request_id
    # One connection, reused: both requests came from the same client port.
    assert sim.requests[0].client_port == sim.requests[1].client_port
    sent = sim.requests[0].headers
    assert sent["X-Project-Id"] == PROJECT_BEIJING
    assert sent["Authorization"].startswith(f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=")


async def test_temporary_credentials_send_the_security_token(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak=AK, sk=SK)
    async with DwsClient(sim.url, AkSkAuth(AK, SK, "sts-token")) as api:
        await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert sim.requests[0].headers["X-Security-Token"] == "***"


async def test_wrong_secret_key_is_an_auth_error(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak=AK, sk=SK)
    error = await fetch_error(sim, auth=AkSkAuth(AK, "wrong"))
    assert error.kind == "auth" and error.http_status == 401 and error.is_auth
    assert error.error_code == "APIGW.0301"
    assert "HUAWEICLOUD_SDK_AK/SK" in str(error) and error.request_id


async def test_missing_credentials_are_an_auth_error(sim_factory: SimFactory) -> None:
    error = await fetch_error(sim_factory(ak=AK, sk=SK))
    assert error.kind == "auth" and "wants credentials" in str(error)


@pytest.mark.parametrize(("offset", "words"), [(20, "20 min ahead of"), (-95, "1 h 35 min behind")])
async def test_skewed_clock_says_how_far_off_it_is(
    sim_factory: SimFactory, offset: int, words: str
) -> None:
    sim = sim_factory(ak=AK, sk=SK)
    error = await fetch_error(sim, auth=AkSkAuth(AK, SK, clock=_at(timedelta(minutes=offset))))
    assert error.kind == "clock_skew" and error.error_code == "APIGW.0301"
    assert f"Your clock is {words} the server's" in str(error)
    assert error.info.clock_skew is not None
    assert abs(error.info.clock_skew - offset * 60) < 5


async def test_clock_within_the_gateways_tolerance_is_fine(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak=AK, sk=SK)
    async with DwsClient(sim.url, AkSkAuth(AK, SK, clock=_at(timedelta(minutes=14)))) as api:
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB


async def test_token_auth(sim_factory: SimFactory) -> None:
    sim = sim_factory(token="iam-token-xyz")
    async with DwsClient(sim.url, TokenAuth("iam-token-xyz")) as api:
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB
    error = await fetch_error(sim, auth=TokenAuth("other"))
    assert error.kind == "auth" and "JOBTUI_AUTH_TOKEN" in str(error)


async def test_secrets_never_reach_reprs_messages_or_logs(
    sim_factory: SimFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sim = sim_factory(ak=AK, sk=SK, token="iam-token-xyz")
    seen: list[Any] = [sim, sim.gateway]
    for auth in (AkSkAuth(AK, "wrong-" + SK), TokenAuth("bad-iam-token-xyz")):
        error = await fetch_error(sim, auth=auth)
        seen += [auth, error, error.info, error.info.to_dict()]
    skewed = AkSkAuth(AK, SK, clock=_at(timedelta(hours=1)))
    seen.append(await fetch_error(sim, auth=skewed))
    text = " ".join([repr(x) + str(x) for x in seen] + [caplog.text])
    text += " ".join(str(r.headers) for r in sim.requests)
    assert SK not in text and "iam-token-xyz" not in text
