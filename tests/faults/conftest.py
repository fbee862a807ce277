"""Every fault test resolves names through `Resolver` and trusts only the test CA."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.faults.rig import PROXY_VARS, TLS, Resolver


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Resolver]:
    """No request may leave loopback: no proxy, a fake name that resolves to 127.0.0.1."""
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))
    fake = Resolver()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    yield fake
