"""The simulator's hostile faults, as seen on the wire by a plain HTTP client."""

from __future__ import annotations

import gzip
import json
from typing import Callable

import httpx
import pytest

from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from jobtui.sim.faults import Fault, fault_from_dict

ELB = f"/v1.0/{PROJECT_BEIJING}/job/2c9080e88459fa44018459fbeb600001"
SimFactory = Callable[..., Simulator]


def _client(sim: Simulator) -> httpx.Client:
    return httpx.Client(base_url=sim.url, trust_env=False)


def _raw(sim: Simulator) -> tuple[httpx.Response, bytes]:
    """The answer and its body as sent: no decoding, no redirects followed."""
    with _client(sim) as http, http.stream("GET", ELB) as response:
        return response, b"".join(response.iter_raw())


def test_drip_sends_the_body_a_byte_at_a_time(sim: Simulator) -> None:
    sim.set_fault("drip", delay=0.02)
    with _client(sim) as http, http.stream("GET", ELB) as response:
        chunks = response.iter_raw()
        first, second = next(chunks), next(chunks)
    assert response.status_code == 200 and len(first) == 1 and len(second) == 1
    assert int(response.headers["Content-Length"]) > 100


def test_gzip_bomb_is_small_on_the_wire_and_huge_inflated(sim: Simulator) -> None:
    sim.set_fault("gzip_bomb", size=8 * 1024 * 1024)
    response, wire = _raw(sim)
    assert response.headers["Content-Encoding"] == "gzip" and len(wire) < 16 * 1024
    inflated = gzip.decompress(wire)
    assert len(inflated) == 8 * 1024 * 1024 and json.loads(inflated)["status"] == "RUNNING"


def test_huge_number_sends_numbers_no_float_holds(sim: Simulator) -> None:
    sim.set_fault("huge_number")
    data = json.loads(_raw(sim)[1])
    assert data["progress"] == int("9" * 310) and data["total"] == float("inf")
    assert data["status"] == "RUNNING" and data["job_id"]


def test_escape_headers_puts_escapes_in_headers_and_error_text(sim: Simulator) -> None:
    sim.set_fault("escape_headers", status=429)
    response, raw = _raw(sim)
    assert response.status_code == 429
    request_id = dict(response.headers.raw)[b"X-Request-Id"]
    assert b"\x1b]52;" in request_id and "\u202e".encode() in request_id
    assert b"\x1b[2J" in dict(response.headers.raw)[b"Retry-After"]
    body = json.loads(raw)
    assert "\x1b[2J" in body["error_code"] and "\u202e" in body["error_msg"]
    # Only one request ID header: the fault's replaces the simulator's own.
    assert len(response.headers.get_list("X-Request-Id")) == 1


def test_redirect_points_elsewhere_and_is_logged_once(sim: Simulator) -> None:
    sim.set_fault("redirect", status=301)
    response, _ = _raw(sim)
    assert response.status_code == 301
    assert response.headers["Location"] == f"{sim.url}/moved{ELB}"
    sim.clear_faults()
    sim.set_fault("redirect", location="https://login.corp.example/")
    assert _raw(sim)[0].headers["Location"] == "https://login.corp.example/"
    assert sim.count() == 2


def test_new_kinds_load_from_a_scenario_file_table() -> None:
    fault = fault_from_dict({"kind": "redirect", "status": 307, "location": "http://x/"})
    assert fault == Fault("redirect", status=307, location="http://x/")
    with pytest.raises(ValueError, match="not negative"):
        fault_from_dict({"kind": "drip", "delay": -1})
