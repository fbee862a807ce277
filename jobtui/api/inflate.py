"""Undo an answer's Content-Encoding with the size cap applied to what comes out.

httpx inflates each chunk it receives in one go, so a few hundred compressed bytes
can become a gigabyte in memory before anyone counts it. Here every zlib call is
told how much it may produce: a compressed answer costs at most the cap, whatever
it claims to hold.
"""

from __future__ import annotations

import zlib
from typing import Optional

# What the client asks for; anything else the server sends anyway is refused.
ACCEPT_ENCODING = "gzip, deflate"
_GZIP = ("gzip", "x-gzip")


class TooLarge(Exception):
    """The decoded answer would be over the cap."""


class BadEncoding(Exception):
    """The answer's encoding is unknown or its bytes do not decode; the message says which."""


class _Stage:
    """One zlib stream whose output is limited to `limit` bytes in total."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.total = 0
        self._raw_deflate = False
        self._started = False
        self._zlib = self._make()

    def _make(self) -> zlib._Decompress:
        if self.encoding in _GZIP:
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        # "deflate" is meant to be zlib-wrapped, but some servers send it raw.
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> bytes:
        try:
            out = self._zlib.decompress(data, self.limit + 1 - self.total)
        except zlib.error:
            if self.encoding in _GZIP or self._started or self._raw_deflate:
                raise BadEncoding(f"its {self.encoding} data does not decompress") from None
            self._raw_deflate = True
            self._zlib = self._make()
            return self.feed(data)
        self._started = True
        # Output below the room means zlib took all the input: nothing is left pending.
        return self._count(out)

    def finish(self) -> bytes:
        try:
            return self._count(self._zlib.flush())
        except zlib.error:
            raise BadEncoding(f"its {self.encoding} data does not decompress") from None

    def _count(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.limit:
            raise TooLarge
        return out


class Inflater:
    """Decodes a body chunk by chunk; output and input are each capped at `limit`."""

    def __init__(self, content_encoding: Optional[str], limit: int) -> None:
        self.limit = limit
        self.received = 0
        names = [n.strip().lower() for n in (content_encoding or "").split(",")]
        stages = []
        # Listed in the order applied, so undone from the last.
        for name in reversed([n for n in names if n and n != "identity"]):
            if name not in (*_GZIP, "deflate"):
                raise BadEncoding(f"it is encoded as {name[:30]!r}, which jobtui does not ask for")
            stages.append(_Stage(name, limit))
        self._stages = stages

    def feed(self, chunk: bytes) -> bytes:
        self.received += len(chunk)
        if self.received > self.limit:
            raise TooLarge
        for stage in self._stages:
            chunk = stage.feed(chunk)
        return chunk

    def finish(self) -> bytes:
        out = b""
        for stage in self._stages:
            out = stage.feed(out) + stage.finish() if out else stage.finish()
        return out
