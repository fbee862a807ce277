"""The pool's idle-connection check: the same answers as httpcore's, one socket lookup."""

from __future__ import annotations

import socket
from typing import Any

import anyio.abc
from httpcore._backends.anyio import AnyIOStream

from jobtui.api import pool_checks


class CountingStream:
    """An anyio byte stream stand-in that hands out one real socket and counts lookups."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock, self.lookups = sock, 0

    def extra(self, attribute: Any, default: Any = None) -> Any:
        self.lookups += 1
        return self.sock if attribute is anyio.abc.SocketAttribute.raw_socket else default


def test_it_answers_as_httpcore_does_and_looks_the_socket_up_once() -> None:
    assert pool_checks.install()
    ours, server = socket.socketpair()
    with ours, server:
        inner = CountingStream(ours)
        stream = AnyIOStream(inner)  # type: ignore[arg-type]
        assert stream.get_extra_info("is_readable") is False  # idle, nothing sent
        server.close()  # the server hangs up: the idle connection must be dropped
        assert stream.get_extra_info("is_readable") is True
        assert pool_checks.HTTPCORE_CHECK is not None
        assert pool_checks.HTTPCORE_CHECK(stream, "is_readable") is True
        assert inner.lookups == 2  # ours once, httpcore's own once
        assert stream.get_extra_info("socket") is ours  # other questions: httpcore's
