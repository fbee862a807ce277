"""Every gateway code the reference lists, answered over loopback HTTP, becomes the
kind and sentence a user can act on; the code decides before the HTTP status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Optional

import httpx
import pytest

from jobtui.api.answer import Answer, Where
from jobtui.api.auth import AkSkAuth, TokenAuth
from jobtui.api.client import DwsClient
from jobtui.api.errors_map import error_for_answer
from jobtui.domain.model import Status
from jobtui.sim import Scenario, Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from jobtui.sim.scenario import JobTimeline, Step
from tests.api.helpers import ELB_JOB, fetch_error, last_request_id

SimFactory = Callable[..., Simulator]
IAM = "Incorrect IAM authentication information: "
THROTTLE_MSG = (
    "The throttling threshold has been reached: policy user over ratelimit, limit:60, time:1 minute"
)
SKEW_MSG = (
    "Incorrect IAM authentication information: calc aksk signature fail:signature expired, "
    "signature time:20260105T074000Z,server time:20260105T080000Z"
)
# The dedicated gateways' spelling and wording (API Gateway product documentation).
OLD_SKEW_MSG = (
    "Incorrect app authentication information: signature expired, "
    "signature time:20230527T000431Z,server time:20230527T020608Z"
)


@dataclass(frozen=True)
class Case:
    status: int
    code: str
    msg: str
    kind: str
    words: str  # what the sentence must tell the user to do, or why
    pauses_credential: bool = False
    retry_after: Optional[float] = None  # every answer here says Retry-After: 7


# fmt: off
CASES = {
    "0101 no such API is a wrong endpoint, not a missing job": Case(
        404, "APIGW.0101", "The API does not exist or has not been published in the environment",
        "wrong_endpoint", "the endpoint or region is wrong",
    ),
    "0101 in the dedicated gateways' spelling": Case(
        404, "APIG.0101", "The API does not exist or has not been published in the environment",
        "wrong_endpoint", "set --region to the job's region, or --endpoint",
    ),
    "0201 400 malformed request": Case(
        400, "APIGW.0201", "API request error.",
        "bad_request", "refused the request as malformed",
    ),
    "0201 413 request too large": Case(
        413, "APIGW.0201", "Request entity too large.",
        "bad_request", "malformed or too large",
    ),
    "0201 500 unexpected gateway error": Case(
        500, "APIGW.0201", "An unexpected error occurred",
        "server", "try again in a minute", retry_after=7.0,
    ),
    "0201 502 backend unavailable": Case(
        502, "APIGW.0201", "Backend unavailable.",
        "server", "answered 502", retry_after=7.0,
    ),
    "0201 504 backend timeout": Case(
        504, "APIGW.0201", "Backend timeout.",
        "server", "answered 504", retry_after=7.0,
    ),
    "0301 unknown access key": Case(
        401, "APIGW.0301", IAM + "ak HPUAEXAMPLE0000000001 not exist",
        "auth", "does not know this access key", pauses_credential=True,
    ),
    "0301 wrong secret key": Case(
        401, "APIGW.0301", IAM + "verify aksk signature fail",
        "auth", "check HUAWEICLOUD_SDK_AK/SK", pauses_credential=True,
    ),
    "0301 locked access key": Case(
        401, "APIGW.0301", IAM + "the aksk is locked",
        "auth", "wait 5 minutes", pauses_credential=True,
    ),
    "0301 whose words mention a clock is not a locked key": Case(
        401, "APIGW.0301", IAM + "verify aksk signature fail, check the clock",
        "auth", "check HUAWEICLOUD_SDK_AK/SK", pauses_credential=True,
    ),
    "0301 expired signature measures the skew from the gateway's words": Case(
        401, "APIGW.0301", SKEW_MSG,
        "clock_skew", "Your clock is 20 min behind the server's", pauses_credential=True,
    ),
    "0301 expired signature with no times and a clock that agrees": Case(
        401, "APIGW.0301", IAM + "calc aksk signature fail:signature expired",
        "clock_skew", "The gateway says the signature expired", pauses_credential=True,
    ),
    "0302 not authorised": Case(
        403, "APIGW.0302", "The IAM user is not authorized to access the API.",
        "forbidden", "ask for DWS read permission",
    ),
    "0303 app authentication": Case(
        401, "APIGW.0303", "Incorrect app authentication information: app not found",
        "auth", "jobtui signs as an IAM user", pauses_credential=True,
    ),
    "0303 expired signature in the dedicated gateways' spelling": Case(
        401, "APIG.0303", OLD_SKEW_MSG,
        "clock_skew", "Your clock is 2 h 2 min behind the server's", pauses_credential=True,
    ),
    "0307 token to renew": Case(
        401, "APIGW.0307", "The token must be updated.",
        "auth", "get a new one and set JOBTUI_AUTH_TOKEN", pauses_credential=True,
    ),
    "0308 throttled": Case(
        429, "APIGW.0308", THROTTLE_MSG,
        "throttled", "jobtui slows down by itself", retry_after=7.0,
    ),
    "0308 in the dedicated gateways' spelling": Case(
        429, "APIG.0308", "The throttling threshold has been reached.",
        "throttled", "is throttling requests", retry_after=7.0,
    ),
    "an unknown gateway number falls back on the status": Case(
        401, "APIGW.0399", "Something new",
        "auth", "Authentication failed", pauses_credential=True,
    ),
    "DWS.0047 under 401 is the service's not found": Case(
        401, "DWS.0047", "The cluster does not exist.",
        "not_found", "was not found in project",
    ),
    "DWS.0015 under 403 is the service's not found": Case(
        403, "DWS.0015", "The job does not exist.",
        "not_found", "check the job ID",
    ),
    "another DWS code under 401 is the service refusing, not the key": Case(
        401, "DWS.0123", "Project mismatch.",
        "forbidden", "the key was accepted",
    ),
    "DWS.0000 is success, so the status decides": Case(
        500, "DWS.0000", "Internal service error.",
        "server", "answered 500", retry_after=7.0,
    ),
}
# fmt: on


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
async def test_each_gateway_code_becomes_a_sentence_to_act_on(sim: Simulator, case: Case) -> None:
    sim.set_fault(
        "error", status=case.status, error_code=case.code, error_msg=case.msg, retry_after="7"
    )
    error = await fetch_error(sim, auth=AkSkAuth("HPUAEXAMPLE0000000001", "sk"))
    assert (error.kind, error.http_status, error.error_code) == (
        case.kind, case.status, case.code,
    )  # fmt: skip
    assert case.words in str(error)
    assert str(error).endswith(f"(request ID {last_request_id(sim)}).")
    assert error.is_auth is case.pauses_credential
    assert error.retry_after == case.retry_after  # kept for throttling and outages only


async def test_no_such_api_names_the_host_not_the_job(sim: Simulator) -> None:
    sim.set_fault("error", status=404, error_code="APIGW.0101", error_msg="no such API")
    error = await fetch_error(sim)
    assert "127.0.0.1" in str(error) and "not found" not in str(error)
    assert ELB_JOB not in str(error)


async def test_a_wrong_path_is_answered_as_the_public_gateway_does(sim: Simulator) -> None:
    # A DELETE reaches no published API: the simulator's own APIGW.0101, not a fault.
    async with httpx.AsyncClient(trust_env=False) as http:
        response = await http.delete(f"{sim.url}/v1.0/{PROJECT_BEIJING}/job/{ELB_JOB}")
    body = response.json()
    assert response.status_code == 404 and body["error_code"] == "APIGW.0101"
    assert body["error_msg"].startswith("The API does not exist or has not been published")
    assert body["request_id"] == response.headers["X-Request-Id"]


async def test_an_unknown_access_key_says_so(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak="HPUAEXAMPLEAK0001", sk="right")
    error = await fetch_error(sim, auth=AkSkAuth("HPUAOTHERAK00002", "right"))
    assert error.kind == "auth" and error.error_code == "APIGW.0301"
    assert "does not know this access key" in str(error) and "HPUAOTHERAK00002" in str(error)


async def test_skew_is_measured_from_the_date_header_whatever_the_words(
    sim: Simulator,
) -> None:
    sim.set_fault("error", status=401, error_code="APIGW.0301", error_msg="Unauthorized")
    late = AkSkAuth("AK", "SK", clock=lambda: datetime.now(timezone.utc) + timedelta(minutes=20))
    error = await fetch_error(sim, auth=late)
    assert error.kind == "clock_skew" and "Your clock is 20 min ahead of" in str(error)
    assert error.info.clock_skew is not None and abs(error.info.clock_skew - 1200) < 5


async def test_a_token_users_skew_is_read_from_the_gateways_words(sim: Simulator) -> None:
    sim.set_fault("error", status=401, error_code="APIGW.0301", error_msg=SKEW_MSG)
    error = await fetch_error(sim, auth=TokenAuth("t0ken"))
    assert error.kind == "clock_skew" and error.info.clock_skew == -1200.0


def test_a_dws_error_under_errcode_is_read_too() -> None:
    # Some DWS errors carry errCode/externalMessage only (Huawei's Terraform reads errCode);
    # the simulator's error bodies do not, so the answer is built here.
    body = b'{"errCode": "DWS.0047", "externalMessage": "The cluster does not exist."}'
    error = error_for_answer(
        Answer(401, body, "application/json", "rid"), Where("h", PROJECT_BEIJING, ELB_JOB)
    )
    assert error.kind == "not_found" and error.error_code == "DWS.0047" and not error.is_auth


async def test_a_200_with_dws_0000_beside_the_job_is_a_normal_record(
    sim_factory: SimFactory,
) -> None:
    ok = {"error_code": "DWS.0000", "error_msg": "success"}
    job = JobTimeline(PROJECT_BEIJING, ELB_JOB, "ecfClusterElbCreateJob",
                      (Step(0, "RUNNING", "40%", ok),))  # fmt: skip
    sim = sim_factory(Scenario((job,)))
    async with DwsClient(sim.url) as api:
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.status is Status.RUNNING and record.progress == 40.0
