"""A cheaper "did the server close this idle connection?" check for httpcore's pool.

Before every request httpcore asks each idle pooled connection whether its socket
is readable, and its anyio stream looks the raw socket up through anyio's typed
attributes, which rebuild a mapping of every attribute on each call. With a pool
of 16 connections that lookup was a quarter of the CPU a request cost, and it
delayed key presses while a big refresh ran. A stream's socket never changes, so
`install()` makes the stream remember it; the readability test itself is
httpcore's own, so what the pool decides is unchanged.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

try:  # private modules: if an httpcore release moves them, its own check stays
    import anyio.abc
    from httpcore._backends.anyio import AnyIOStream
    from httpcore._utils import is_socket_readable
except ImportError:  # pragma: no cover - depends on the httpcore release
    AnyIOStream = None  # type: ignore[assignment,misc]

HTTPCORE_CHECK: Optional[Callable[[Any, str], Any]] = getattr(AnyIOStream, "get_extra_info", None)
_RAW = "_jobtui_raw_socket"


def get_extra_info(stream: Any, info: str) -> Any:
    """`AnyIOStream.get_extra_info`, with the raw socket looked up once per stream."""
    if info != "is_readable":
        return HTTPCORE_CHECK(stream, info)  # type: ignore[misc]
    sock = getattr(stream, _RAW, None)
    if sock is None:
        sock = stream._stream.extra(anyio.abc.SocketAttribute.raw_socket, None)
        setattr(stream, _RAW, sock)
    return is_socket_readable(sock)


def install() -> bool:
    """Use the check above for every pooled connection; False if httpcore changed shape."""
    if AnyIOStream is None or HTTPCORE_CHECK is None:
        return False
    if AnyIOStream.get_extra_info is get_extra_info:
        return True
    if hasattr(AnyIOStream, "__slots__") or "_stream" not in AnyIOStream.__init__.__code__.co_names:
        return False
    AnyIOStream.get_extra_info = get_extra_info  # type: ignore[method-assign,assignment]
    return True
