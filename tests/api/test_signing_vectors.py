"""The signer reproduces every request the official SDK signed."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from jobtui.api import auth
from tests.conftest import DATA


def _vectors() -> list[dict[str, Any]]:
    # Signed by the official SDK (huaweicloudsdkcore); a copy lives here so a clone stands alone.
    path = DATA / "signing-vectors.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["vectors"])


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: v["name"])
def test_vector_reproduced_exactly(vector: dict[str, Any]) -> None:
    expected = vector["expected"]
    body = vector["body"].encode("utf-8")
    path = urlsplit(vector["url"]).path
    query = [tuple(p) for p in vector["query_params"]]
    canonical, signed = auth.canonical_request(
        vector["method"], path, query, vector["headers"], body
    )
    assert canonical == expected["canonical_request"]
    assert signed == expected["signed_headers"]
    to_sign = auth.string_to_sign(canonical, vector["headers"].get("X-Sdk-Date") or _date(vector))
    assert to_sign == expected["string_to_sign"]
    assert auth.signature(vector["sk"], to_sign) == expected["signature"]
    header = auth.sign(
        vector["method"], vector["url"], vector["headers"], body, vector["ak"], vector["sk"]
    )
    assert header == expected["authorization"]


def _date(vector: dict[str, Any]) -> str:
    return next(v for k, v in vector["headers"].items() if k.lower() == "x-sdk-date").strip()


def test_auth_flow_signs_like_the_sdk() -> None:
    """The httpx.Auth produces the first vector's signature from a real Request."""
    vector = _vectors()[0]
    when = datetime(2024, 3, 15, 8, 30, 0, tzinfo=timezone.utc)
    signer = auth.AkSkAuth(vector["ak"], vector["sk"], clock=lambda: when)
    request = httpx.Request("GET", vector["url"])
    flow = signer.auth_flow(request)
    signed = next(flow)
    assert signed.headers["Authorization"] == vector["expected"]["authorization"]
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))


def test_every_request_gets_a_fresh_signature() -> None:
    times = iter([datetime(2024, 3, 15, 8, 30, s, tzinfo=timezone.utc) for s in range(2)])
    signer = auth.AkSkAuth("AK", "SK", clock=lambda: next(times))
    first = next(signer.auth_flow(httpx.Request("GET", "https://h/v1.0/p/job/j")))
    second = next(signer.auth_flow(httpx.Request("GET", "https://h/v1.0/p/job/j")))
    assert first.headers["X-Sdk-Date"] != second.headers["X-Sdk-Date"]
    assert first.headers["Authorization"] != second.headers["Authorization"]


def test_security_token_is_sent_and_signed() -> None:
    signer = auth.AkSkAuth("AK", "SK", "TOKEN123")
    request = next(signer.auth_flow(httpx.Request("GET", "https://h/v1.0/p/job/j")))
    assert request.headers["X-Security-Token"] == "TOKEN123"
    assert "x-security-token" in request.headers["Authorization"]


def test_secrets_never_in_repr() -> None:
    assert "SECRETSK" not in repr(auth.AkSkAuth("AK", "SECRETSK", "SECRETTOKEN"))
    assert "SECRETTOKEN" not in repr(auth.AkSkAuth("AK", "SECRETSK", "SECRETTOKEN"))
    assert "SECRETTOKEN" not in repr(auth.TokenAuth("SECRETTOKEN"))
