"""refused.json: shared by every process, never holding the SK, never crashing a reader."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jobtui.domain.errors import ErrorInfo
from jobtui.store.refusals import Refusal, RefusalBook, held_banner, key_id, retry_hint

AK, SK = "AKREFUSALSTEST", "Sk/2y+Secret=Never/On/Disk"
AT = datetime(2026, 11, 29, 14, 2, 10, tzinfo=timezone.utc)
ERROR = ErrorInfo("auth", "Authentication failed (401 APIG.0301)", 401, "APIG.0301",
                  request_id="req-1")  # fmt: skip


def refusal(sk: str = SK, at: datetime = AT) -> Refusal:
    return Refusal(key_id(AK, sk), at, at + timedelta(minutes=3), ERROR)


def test_the_record_holds_neither_the_sk_nor_an_easy_way_back_to_it(tmp_path: Path) -> None:
    path = tmp_path / "refused.json"
    RefusalBook(path).record(refusal())
    data = path.read_bytes()
    assert SK.encode() not in data and AK.encode() in data
    # Nor a plain hash of it, in hex or reversed, that a lookup table would undo.
    for text in (SK, AK + SK, SK + AK):
        for digest in (hashlib.sha256, hashlib.sha1, hashlib.md5):
            assert digest(text.encode()).hexdigest()[:16].encode() not in data
    assert SK[::-1].encode() not in data
    assert path.stat().st_mode & 0o077 == 0  # private to the user


def test_the_fingerprint_tells_keys_apart() -> None:
    assert key_id(AK, SK) == key_id(AK, SK)
    assert key_id(AK, SK) != key_id(AK, SK + "x")
    assert key_id(AK, SK) != key_id(AK + "X", SK)


def test_a_refusal_holds_until_its_retry_time_then_one_process_claims_the_probe(
    tmp_path: Path,
) -> None:
    path = tmp_path / "refused.json"
    RefusalBook(path).record(refusal())
    other = RefusalBook(path)
    assert other.find(key_id(AK, SK), AT + timedelta(minutes=1)) == refusal()
    assert list(other.seen.values()) == [refusal()]
    assert other.find(key_id(AK, "fixed"), AT) is None  # another SK: tried at once
    due = AT + timedelta(minutes=3)
    assert other.claim(key_id(AK, SK), due, 180.0)[0]
    # The claim moved the retry time on: a third process at the same moment holds back.
    may, found = RefusalBook(path).claim(key_id(AK, SK), due, 180.0)
    assert not may and found and found.retry_at == due + timedelta(minutes=3)


def test_clearing_forgets_the_key_and_old_records_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "refused.json"
    book = RefusalBook(path)
    book.record(refusal("old", at=AT - timedelta(days=2)))
    book.record(refusal())
    assert len(json.loads(path.read_text())["refused"]) == 1
    book.clear(key_id(AK, SK), AT)
    assert json.loads(path.read_text())["refused"] == []
    assert book.find(key_id(AK, SK), AT) is None


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b"\xff\xfe", b"[]", b'{"version": 99, "refused": []}',
     b'{"version": 1, "refused": [{"ak": "A"}]}', b'{"version": 1, "refused": 3}',
     b'{"version": 1, "refused": [{"ak": "A", "fingerprint": "f", "refused_at": "x",'
     b' "retry_at": "y", "error": {}}]}'],
)  # fmt: skip
def test_a_damaged_record_reads_as_empty_and_is_written_anew(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "refused.json"
    path.write_bytes(damage)
    book = RefusalBook(path)
    assert book.find(key_id(AK, SK), AT) is None
    assert book.claim(key_id(AK, SK), AT, 180.0) == (True, None)
    book.record(refusal())
    assert RefusalBook(path).find(key_id(AK, SK), AT) == refusal()


def test_an_unreadable_or_unwritable_record_never_raises(tmp_path: Path) -> None:
    folder_in_the_way = tmp_path / "refused.json"
    folder_in_the_way.mkdir()
    book = RefusalBook(folder_in_the_way)
    assert book.find(key_id(AK, SK), AT) is None
    book.record(refusal())  # logged, not raised: polling goes on
    book.clear(key_id(AK, SK), AT)
    under_a_file = RefusalBook(tmp_path / "file" / "refused.json")
    (tmp_path / "file").write_text("")
    under_a_file.record(refusal())
    assert under_a_file.claim(key_id(AK, SK), AT, 180.0) == (True, None)


def test_asked_to_retry_anyway_nothing_holds_but_refusals_are_still_recorded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "refused.json"
    RefusalBook(path).record(refusal())
    forced = RefusalBook(path, ignore=True)
    assert forced.find(key_id(AK, SK), AT) is None
    assert forced.claim(key_id(AK, SK), AT, 180.0)[0] and not forced.seen


def test_the_words_say_when_why_and_what_to_do() -> None:
    local = AT.astimezone()
    banner = held_banner("AK X from environment", refusal())
    assert f"refused (AK X from environment) at {local:%H:%M:%S}" in banner
    assert f"next try at {local + timedelta(minutes=3):%H:%M:%S}" in banner
    assert "locks a key after 5 failures" in banner and "press r" in banner
    hint = retry_hint(refusal())
    assert AK in hint and "JOBTUI_RETRY_REFUSED=1" in hint and SK not in hint
