"""Compressed answers: decoded within the body cap, so a gzip bomb costs next to nothing."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest

from jobtui.api.client import DwsClient
from jobtui.api.inflate import BadEncoding, Inflater, TooLarge
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from jobtui.sim.responses import gzip_bomb
from tests.api.helpers import ELB_JOB, fetch_error, last_request_id

BOMB = 64 * 1024 * 1024


async def test_a_gzip_bomb_is_refused_without_being_inflated(sim: Simulator) -> None:
    gzip_bomb(BOMB)  # built before measuring: the simulator runs in this process
    sim.set_fault("gzip_bomb", size=BOMB)
    tracemalloc.start()
    try:
        error = await fetch_error(sim)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.kind == "too_large" and "over 1 MiB" in str(error)
    assert error.request_id == last_request_id(sim)
    # 64 KiB on the wire, 64 MiB inflated: only about the 1 MiB cap may be held.
    assert peak < 8 * 1024 * 1024, f"peak {peak >> 20} MiB"


async def test_the_cap_applies_to_the_decoded_size(sim: Simulator) -> None:
    sim.set_fault("gzip_bomb", size=100_000)
    error = await fetch_error(sim, max_body=64 * 1024)
    assert error.kind == "too_large" and "over 64 KiB" in str(error)


async def test_a_small_gzip_answer_is_read(sim: Simulator) -> None:
    sim.set_fault("gzip_bomb", size=5_000)
    async with DwsClient(sim.url) as api:
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.status_text == "RUNNING" and record.progress == 5.0
    assert sim.requests[-1].headers["Accept-Encoding"] == "gzip, deflate"


def _inflate(encoding: str, data: bytes, limit: int = 1000) -> bytes:
    inflater = Inflater(encoding, limit)
    # Fed a few bytes at a time, as a slow network delivers it.
    return b"".join(inflater.feed(data[i : i + 7]) for i in range(0, len(data), 7)) + (
        inflater.finish()
    )


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", gzip.compress(b'{"status": "RUNNING"}')),
        ("deflate", zlib.compress(b'{"status": "RUNNING"}')),
        ("deflate", zlib.compress(b'{"status": "RUNNING"}')[2:-4]),  # raw deflate
        ("gzip, gzip", gzip.compress(gzip.compress(b'{"status": "RUNNING"}'))),
        ("identity", b'{"status": "RUNNING"}'),
        (None, b'{"status": "RUNNING"}'),
    ],
    ids=["gzip", "zlib", "raw deflate", "gzip twice", "identity", "none"],
)
def test_encodings_decode(encoding: str, packed: bytes) -> None:
    assert _inflate(encoding, packed) == b'{"status": "RUNNING"}'


@pytest.mark.parametrize("encoding", ["gzip", "gzip, gzip", "deflate"])
def test_every_layer_stops_at_the_cap(encoding: str) -> None:
    data = b" " * 10_000
    for _ in encoding.split(","):
        data = gzip.compress(data) if encoding.startswith("gzip") else zlib.compress(data)
    with pytest.raises(TooLarge):
        _inflate(encoding, data, limit=5_000)


def test_unknown_or_broken_encodings_are_refused() -> None:
    with pytest.raises(BadEncoding, match="'br'"):
        Inflater("br", 1000)
    with pytest.raises(BadEncoding, match="does not decompress"):
        _inflate("gzip", b"\x1f\x8b not gzip at all")


async def test_an_answer_in_an_encoding_not_asked_for_is_a_bad_body(sim: Simulator) -> None:
    sim.set_fault("gzip_bomb", size=1000, encoding="br")
    error = await fetch_error(sim)
    assert error.kind == "bad_body" and "'br'" in str(error)
