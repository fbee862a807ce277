"""Error answers from the service and the gateway become typed errors with a useful sentence."""

from __future__ import annotations

from jobtui.api.client import DwsClient
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from tests.api.helpers import ELB_JOB, fetch_error, last_request_id


async def test_unknown_job_names_the_job_and_the_project(sim: Simulator) -> None:
    error = await fetch_error(sim, job_id="0123456789abcdef0123456789abcdef")
    assert error.kind == "not_found" and error.http_status == 404
    assert "0123456789abcdef0123456789abcdef" in str(error)
    assert PROJECT_BEIJING in str(error)
    assert error.request_id == last_request_id(sim)
    assert str(error).endswith(f"(request ID {error.request_id}).")


async def test_forbidden_says_which_permission_to_ask_for(sim: Simulator) -> None:
    sim.set_fault("error", status=403)
    error = await fetch_error(sim)
    assert error.kind == "forbidden" and error.error_code == "APIGW.0302"
    assert PROJECT_BEIJING in str(error) and "permission" in str(error)
    assert error.request_id == last_request_id(sim)


async def test_throttled_keeps_retry_after(sim: Simulator) -> None:
    sim.set_fault("throttle", retry_after="7")
    error = await fetch_error(sim)
    assert error.kind == "throttled" and error.http_status == 429
    assert error.retry_after == 7.0 and error.error_code == "APIGW.0308"
    assert "throttling" in str(error) and error.retryable


async def test_server_errors_are_retryable_and_name_the_status(sim: Simulator) -> None:
    for status in (500, 502, 503):
        sim.clear_faults()
        sim.set_fault("error", status=status)
        error = await fetch_error(sim)
        assert error.kind == "server" and error.http_status == status
        assert f"answered {status}" in str(error) and error.retryable
        assert error.retry_after is None


async def test_a_503_keeps_its_retry_after(sim: Simulator) -> None:
    sim.set_fault("error", status=503, retry_after="120")
    error = await fetch_error(sim)
    assert error.kind == "server" and error.retry_after == 120.0


async def test_bad_request_points_at_the_endpoint(sim: Simulator) -> None:
    sim.set_fault("error", status=400)
    error = await fetch_error(sim)
    assert error.kind == "bad_request" and "check the endpoint" in str(error)


async def test_redirect_is_not_followed_and_says_so(sim: Simulator) -> None:
    sim.set_fault("error", status=302)
    error = await fetch_error(sim)
    assert error.kind == "bad_request" and "redirected the request (302)" in str(error)


async def test_expired_token_says_to_get_a_new_one(sim_factory) -> None:  # type: ignore[no-untyped-def]
    sim = sim_factory(token="t0ken")
    sim.set_fault("error", status=401, error_code="APIGW.0307", error_msg="token expired")
    from jobtui.api.auth import TokenAuth

    error = await fetch_error(sim, auth=TokenAuth("t0ken"))
    assert error.kind == "auth" and "JOBTUI_AUTH_TOKEN" in str(error)


async def test_html_error_page_from_a_proxy_is_named_as_such(sim: Simulator) -> None:
    sim.set_fault("html", status=502)
    error = await fetch_error(sim)
    assert error.kind == "server" and "HTML page" in str(error)
    assert error.error_code is None


async def test_server_text_in_a_message_loses_control_characters(sim: Simulator) -> None:
    sim.set_fault("error", status=503, error_msg="bad\x1b[31m\r\nthing" + "x" * 500)
    error = await fetch_error(sim)
    assert "\x1b" not in str(error) and "\n" not in str(error)
    assert len(str(error)) < 400
    assert error.info.error_msg is not None and error.info.error_msg.startswith("bad\x1b")


async def test_recovery_after_faults_are_cleared(sim: Simulator) -> None:
    sim.set_fault("error", status=503)
    await fetch_error(sim)
    sim.clear_faults()
    async with DwsClient(sim.url) as api:
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.job_name == "ecfClusterElbCreateJob"
