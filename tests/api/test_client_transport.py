"""Failures below HTTP: refused, reset, dropped, slow, unresolvable, untrusted, proxied."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path
from typing import Any, Callable

import pytest

from jobtui.api.client import DwsClient
from jobtui.domain.errors import ApiError
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from tests.api.helpers import ELB_JOB, fetch_error

TLS = Path(__file__).resolve().parent.parent / "data" / "tls"
SimFactory = Callable[..., Simulator]


async def test_connection_refused_when_the_endpoint_is_down(sim: Simulator) -> None:
    sim.stop()
    error = await fetch_error(sim)
    assert error.kind == "connection" and error.is_transport
    assert "refused the connection" in str(error) and "127.0.0.1" in str(error)


async def test_endpoint_down_and_back_on_the_same_port(sim_factory: SimFactory) -> None:
    first = sim_factory()
    async with DwsClient(first.url) as api:
        await api.get_job(PROJECT_BEIJING, ELB_JOB)
        first.stop()
        # The kept-alive connection must not outlive the endpoint.
        with pytest.raises(ApiError) as down:
            await api.get_job(PROJECT_BEIJING, ELB_JOB)
        assert down.value.kind == "connection"
        sim_factory(port=first.port)
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB


async def test_connection_reset_before_any_answer(sim: Simulator) -> None:
    sim.set_fault("reset")
    error = await fetch_error(sim)
    assert error.kind == "connection" and "dropped" in str(error) and error.retryable


async def test_connection_dropped_half_way_through_the_body(sim: Simulator) -> None:
    sim.set_fault("drop")
    error = await fetch_error(sim)
    assert error.kind == "connection" and "dropped" in str(error)


async def test_timeout_names_the_limit(sim: Simulator) -> None:
    sim.set_fault("latency", delay=5)
    error = await fetch_error(sim, timeout=0.2)
    assert error.kind == "timeout" and "within 0.2 s" in str(error)


async def test_latency_under_the_timeout_still_answers(sim: Simulator) -> None:
    sim.set_fault("latency", delay=0.05, times=1)
    async with DwsClient(sim.url, timeout=5) as api:
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB


async def test_dns_failure_names_the_host(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def fake(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "dws.nowhere.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    async with DwsClient("https://dws.nowhere.invalid") as api:
        with pytest.raises(Exception) as caught:
            await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert getattr(caught.value, "kind", None) == "dns"
    assert "dws.nowhere.invalid could not be resolved" in str(caught.value)


def _tls_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
    return context


async def test_untrusted_certificate_is_a_tls_error(sim_factory: SimFactory) -> None:
    sim = sim_factory(tls=_tls_context())
    assert sim.url.startswith("https://")
    error = await fetch_error(sim)
    assert error.kind == "tls" and "SSL_CERT_FILE" in str(error)


async def test_a_ca_bundle_path_makes_it_trusted(sim_factory: SimFactory) -> None:
    sim = sim_factory(tls=_tls_context())
    async with DwsClient(sim.url, verify=str(TLS / "cert.pem")) as api:
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB


async def test_ssl_cert_file_is_honoured(
    sim_factory: SimFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))
    sim = sim_factory(tls=_tls_context())
    async with DwsClient(sim.url) as api:
        assert (await api.get_job(PROJECT_BEIJING, ELB_JOB)).job_id == ELB_JOB


async def test_proxy_from_the_environment_is_used(
    sim_factory: SimFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, proxy = sim_factory(), sim_factory()
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    async with DwsClient(target.url) as api:
        await api.get_job(PROJECT_BEIJING, ELB_JOB)
    # The simulator answers absolute-form requests, so it stands in for the proxy.
    assert proxy.count() == 1 and target.count() == 0
    assert proxy.requests[0].path.startswith(target.url)


def _refusing_proxy() -> tuple[socket.socket, threading.Thread]:
    """A proxy on loopback that answers every CONNECT with 403."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, thread


async def test_proxy_refusing_the_tunnel_is_a_proxy_error(monkeypatch: pytest.MonkeyPatch) -> None:
    server, thread = _refusing_proxy()
    monkeypatch.setenv("HTTPS_PROXY", f"http://user:pw@127.0.0.1:{server.getsockname()[1]}")
    with server:
        async with DwsClient("https://dws.cn-north-4.myhuaweicloud.com") as api:
            with pytest.raises(ApiError) as caught:
                await api.get_job(PROJECT_BEIJING, ELB_JOB)
        thread.join(timeout=5)
    assert caught.value.kind == "proxy" and "HTTPS_PROXY" in str(caught.value)


async def test_unreachable_proxy_is_named_without_its_password(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim.stop()  # its port is now closed: a proxy that is not there
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://user:hunter2@127.0.0.1:{sim.port}")
    error = await fetch_error(sim)
    assert error.kind == "proxy" and f"proxy 127.0.0.1:{sim.port}" in str(error)
    assert "hunter2" not in str(error)


async def test_a_guessed_region_that_does_not_resolve_says_it_was_not_in_the_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jobtui.api.endpoints import endpoint_for_region, guessed_region

    endpoint = endpoint_for_region("xx-nowhere-9")  # still gets a guessed host
    assert endpoint == "https://dws.xx-nowhere-9.myhuaweicloud.com"
    assert guessed_region(endpoint, "cn-north-4") is None
    real = socket.getaddrinfo

    def fake(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "dws.xx-nowhere-9.myhuaweicloud.com":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    region = guessed_region(endpoint, "xx-nowhere-9")
    async with DwsClient(endpoint, guessed_region=region) as api:
        with pytest.raises(Exception) as caught:
            await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert getattr(caught.value, "kind", None) == "dns"
    assert "region 'xx-nowhere-9' is not in jobtui's table" in str(caught.value)
