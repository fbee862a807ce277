"""Library patches: each works on the shape it knows, and leaves any other shape alone."""

from __future__ import annotations

import logging
import socket
from typing import Any, Optional

import anyio.abc
import pytest
from textual._compositor import ChopsUpdate

from jobtui import patches
from jobtui.api.client import AnyIOStream, is_socket_readable
from jobtui.ui import partial_update

RAW_SOCKET = anyio.abc.SocketAttribute.raw_socket


def render(update: Any, console: Any) -> str:
    return "ours"


class Renders:
    def render_segments(self, console: Any) -> str:
        return "textual's"


class TextualChops(Renders):
    """A ChopsUpdate shaped as Textual 8's."""

    def __init__(self, chops: Any, spans: Any, chop_ends: Any) -> None:
        self.chops, self.spans, self.chop_ends = chops, spans, chop_ends


class TwoArguments(Renders):
    def __init__(self, chops: Any, spans: Any) -> None:
        self.chops, self.spans, self.chop_ends = chops, spans, []


class RenamedFields(Renders):
    def __init__(self, chops: Any, spans: Any, chop_ends: Any) -> None:
        self.lines, self.spans, self.ends = chops, spans, chop_ends


class RefusesEmpty(TextualChops):
    def __init__(self, chops: Any, spans: Any, chop_ends: Any) -> None:
        if not chops:
            raise ValueError("no lines")
        super().__init__(chops, spans, chop_ends)


class NoRenderer:
    def __init__(self, chops: Any, spans: Any, chop_ends: Any) -> None:
        self.chops, self.spans, self.chop_ends = chops, spans, chop_ends


def test_textual_renderer_is_replaced_once_when_the_shape_is_known() -> None:
    class Chops(TextualChops):
        pass

    assert patches.install_partial_update(Chops, render)
    assert patches.install_partial_update(Chops, render)  # again: a no-op
    assert Chops([], [], []).render_segments(None) == "ours"


@pytest.mark.parametrize("changed", [TwoArguments, RenamedFields, RefusesEmpty, NoRenderer, None])
def test_a_changed_chops_update_keeps_textuals_renderer(
    changed: Optional[type], caplog: pytest.LogCaptureFixture
) -> None:
    before = getattr(changed, "render_segments", None)
    with caplog.at_level(logging.INFO, logger="jobtui.patches"):
        assert patches.install_partial_update(changed, render) is False
    assert getattr(changed, "render_segments", None) is before
    assert "ChopsUpdate changed shape" in caplog.text  # a slower terminal, explained


def test_the_real_chops_update_takes_the_partial_renderer() -> None:
    assert patches.install_partial_update(ChopsUpdate, partial_update.render_segments)
    assert ChopsUpdate.render_segments is partial_update.render_segments


class Inner:
    """An anyio byte stream stand-in that hands out one socket and counts lookups."""

    def __init__(self, sock: object) -> None:
        self.sock, self.lookups = sock, 0

    def extra(self, attribute: Any, default: Any = None) -> Any:
        self.lookups += 1
        return self.sock if attribute is RAW_SOCKET else default


class HttpcoreStream:
    """A pooled-connection stream shaped as httpcore 1.0's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def get_extra_info(self, info: str) -> Any:
        return ("httpcore's", info)


class SlottedStream:
    __slots__ = ("_stream",)

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def get_extra_info(self, info: str) -> Any:
        return ("httpcore's", info)


class RenamedStream(HttpcoreStream):
    def __init__(self, stream: Any) -> None:
        self._inner = stream


class TwoArgumentStream(HttpcoreStream):
    def __init__(self, stream: Any, timeout: float) -> None:
        self._stream = stream


class NoCheckStream:
    def __init__(self, stream: Any) -> None:
        self._stream = stream


@pytest.mark.parametrize(
    "changed", [SlottedStream, RenamedStream, TwoArgumentStream, NoCheckStream, None]
)
def test_a_changed_httpcore_stream_keeps_httpcores_check(changed: Optional[type]) -> None:
    before = getattr(changed, "get_extra_info", None)
    assert patches.install_pool_check(changed, bool, RAW_SOCKET) is False
    assert getattr(changed, "get_extra_info", None) is before


def test_without_httpcores_readability_test_its_check_stays() -> None:
    class Stream(HttpcoreStream):
        pass

    assert patches.install_pool_check(Stream, None, RAW_SOCKET) is False
    assert Stream(Inner(None)).get_extra_info("is_readable") == ("httpcore's", "is_readable")


def test_a_known_stream_looks_its_socket_up_once_and_asks_httpcore_the_rest() -> None:
    class Stream(HttpcoreStream):
        pass

    asked: list[object] = []
    assert patches.install_pool_check(Stream, lambda sock: asked.append(sock) or True, RAW_SOCKET)
    assert patches.install_pool_check(Stream, bool, RAW_SOCKET)  # again: a no-op
    inner = Inner("the socket")
    stream = Stream(inner)
    assert stream.get_extra_info("is_readable") and stream.get_extra_info("is_readable")
    assert asked == ["the socket", "the socket"] and inner.lookups == 1
    assert stream.get_extra_info("server_addr") == ("httpcore's", "server_addr")


def test_the_pool_check_answers_as_httpcore_does_and_looks_the_socket_up_once() -> None:
    assert patches.install_pool_check(AnyIOStream, is_socket_readable, RAW_SOCKET)
    httpcore_check = AnyIOStream.get_extra_info.__wrapped__  # type: ignore[attr-defined]
    ours, server = socket.socketpair()
    with ours, server:
        inner = Inner(ours)
        stream = AnyIOStream(inner)  # type: ignore[arg-type]
        assert stream.get_extra_info("is_readable") is False  # idle, nothing sent
        server.close()  # the server hangs up: the idle connection must be dropped
        assert stream.get_extra_info("is_readable") is True
        assert httpcore_check(stream, "is_readable") is True
        assert inner.lookups == 2  # ours once, httpcore's own once
        assert stream.get_extra_info("socket") is ours  # other questions: httpcore's


class Driver:
    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, data: str) -> None:
        self.written.append(data)


class FakeApp:
    def __init__(self, driver: object, headless: bool = False) -> None:
        self._driver, self.is_headless = driver, headless


def test_a_sequence_goes_to_the_terminal_through_the_driver() -> None:
    driver = Driver()
    assert patches.write_to_terminal(FakeApp(driver), "\x1b]9;done\x07")
    assert driver.written == ["\x1b]9;done\x07"]


@pytest.mark.parametrize(
    "app", [FakeApp(None), FakeApp(object()), FakeApp(Driver(), headless=True), object()]
)
def test_without_a_writable_driver_nothing_is_written_and_nothing_raises(app: object) -> None:
    assert patches.write_to_terminal(app, "\x1b]9;done\x07") is False
    driver = getattr(app, "_driver", None)
    assert not getattr(driver, "written", [])


def test_a_parser_without_its_action_list_completes_nothing_rather_than_failing() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--label")
    assert [a.dest for a in patches.parser_actions(parser)] == ["help", "label"]
    assert patches.parser_actions(object()) == []
