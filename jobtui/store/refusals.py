"""Refused AK/SK keys, remembered across processes: the gateway locks a key after 5 failures.

Without this, each `r` in the monitor and each `jobtui status` or `wait` would send one
more bad signature. A key the gateway refused is written to `refused.json` in the state
dir: its AK, a one-way fingerprint of AK and SK (never the SK), when it was refused and
when it may be tried again. Every jobtui process holds back until then, unless the key
changed (another fingerprint: the user fixed the SK), which is tried at once.

Losing the file costs one more probe at most, so a damaged one reads as empty.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple, Optional

from jobtui.domain.errors import ErrorInfo, StoreError
from jobtui.store.atomic import write_atomic
from jobtui.store.locking import exclusive_lock

VERSION = 1
# Set (to anything but 0) to try refused keys anyway, whatever the record says.
RETRY_ENV = "JOBTUI_RETRY_REFUSED"
LOCKOUT = "the gateway locks a key after 5 failures"
# Records this long past their retry time say nothing any more: dropped on the next write.
FORGET_AFTER = timedelta(days=1)
# A record due within this is due now: the wall clock and the monotonic one drift apart.
SLACK = timedelta(seconds=1)
# Salt of the fingerprint: it names what the digest is for, so it matches no other.
_PURPOSE = b"jobtui refused key v1\0"
log = logging.getLogger(__name__)


class KeyId(NamedTuple):
    """An AK and a fingerprint of its SK: tells keys apart, and gives the SK away to nobody."""

    ak: str
    fingerprint: str


def key_id(ak: str, sk: str) -> KeyId:
    """HMAC-SHA-256 keyed with the SK, cut to 64 bits: one-way, and enough to tell SKs apart."""
    digest = hmac.new(sk.encode("utf-8"), _PURPOSE + ak.encode("utf-8"), hashlib.sha256)
    return KeyId(ak, digest.hexdigest()[:16])


@dataclass(frozen=True)
class Refusal:
    """A key the gateway refused at `refused_at`; nobody tries it again before `retry_at`."""

    key: KeyId
    refused_at: datetime
    retry_at: datetime
    error: ErrorInfo  # the gateway's answer, for processes that did not see it

    def holds(self, now: datetime) -> bool:
        return now < self.retry_at - SLACK

    def to_dict(self) -> dict[str, Any]:
        return {
            "ak": self.key.ak,
            "fingerprint": self.key.fingerprint,
            "refused_at": self.refused_at.isoformat(),
            "retry_at": self.retry_at.isoformat(),
            "error": self.error.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Refusal:
        return cls(
            KeyId(str(data["ak"]), str(data["fingerprint"])),
            _time(data["refused_at"]),
            _time(data["retry_at"]),
            ErrorInfo.from_dict(dict(data["error"])),
        )


def held_sentence(refusal: Refusal, retry_at: Optional[datetime] = None) -> str:
    """'at 14:02:10; next try at 14:05:10 (the gateway locks a key after 5 failures)'."""
    retry = refusal.retry_at if retry_at is None else retry_at
    return f"at {_clock(refusal.refused_at)}; next try at {_clock(retry)} ({LOCKOUT})"


def held_error(refusal: Refusal) -> ErrorInfo:
    """The gateway's answer, plus when the key is tried again: what held jobs show."""
    said = refusal.error.message.rstrip(".")
    message = f"{said}. Refused {held_sentence(refusal)}. A changed key is tried at once."
    return replace(refusal.error, message=message)


def held_banner(label: str, refusal: Refusal, retry_at: Optional[datetime] = None) -> str:
    """The monitor's words for a key held back: when, until when, why, and what to do."""
    return (
        f"Credentials refused ({label}) {held_sentence(refusal, retry_at)}. "
        "Fix the key and press r: a changed key is tried at once."
    )


def retry_hint(refusal: Refusal) -> str:
    """For the CLI: which key, until when no process tries it, and how to try anyway."""
    return (
        f"AK {refusal.key.ak} was refused {held_sentence(refusal)}: no jobtui process tries "
        f"it sooner. A changed key is tried at once; {RETRY_ENV}=1 tries this one now."
    )


class RefusalBook:
    """refused.json: read, claimed and written under a lock; never raises for its file."""

    def __init__(self, path: Path, *, ignore: bool = False) -> None:
        self.path = path
        self.lock_path = path.with_name(path.stem + ".lock")
        self.ignore = ignore  # the user asked to try refused keys anyway
        # Refusals this process met, recorded or held back for: what the CLI says at the end.
        self.seen: dict[KeyId, Refusal] = {}

    def __repr__(self) -> str:
        return f"RefusalBook({str(self.path)!r})"

    def find(self, key: KeyId, now: datetime) -> Optional[Refusal]:
        """The refusal of this very key that still holds, if any."""
        found = self._read().get(key)
        if found is None or not found.holds(now) or self.ignore:
            return None
        return self._saw(found)

    def claim(self, key: KeyId, now: datetime, period: float) -> tuple[bool, Optional[Refusal]]:
        """Whether this process may probe `key` now, and the refusal on record, if any.

        A probe that may go moves the record's retry time a period on, so another
        process does not send one too; a refusal that still holds sends nothing.
        """
        if key not in self._read():
            return True, None  # never refused: nothing to share (and no lock taken)
        with self._locked():
            records = self._read()
            found = records.get(key)
            if found is None:
                return True, None
            if found.holds(now) and not self.ignore:
                return False, self._saw(found)
            records[key] = replace(found, retry_at=now + timedelta(seconds=period))
            self._write(records, now)
            return True, records[key]

    def record(self, refusal: Refusal) -> None:
        """Remember that the gateway refused this key."""
        self._saw(refusal)
        with self._locked():
            records = self._read()
            records[refusal.key] = refusal
            self._write(records, refusal.refused_at)

    def clear(self, key: KeyId, now: datetime) -> None:
        """The gateway took this key: nobody need hold back for it any more."""
        self.seen.pop(key, None)
        if key not in self._read():
            return
        with self._locked():
            records = self._read()
            if records.pop(key, None) is not None:
                self._write(records, now)

    def _saw(self, refusal: Refusal) -> Refusal:
        if not self.ignore:
            self.seen[refusal.key] = refusal
        return refusal

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # Without the lock two processes may both probe once: still far from the 5.
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(exclusive_lock(self.lock_path, what="record of refused keys"))
            except StoreError as exc:
                log.warning("%s; going on without it", exc)
            yield

    def _read(self) -> dict[KeyId, Refusal]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("cannot read %s (%s); taken as empty", self.path, exc.strerror)
            return {}
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise ValueError("not a record of refused keys of a known version")
            found = [Refusal.from_dict(item) for item in data["refused"]]
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("%s is damaged (%s); taken as empty", self.path, type(exc).__name__)
            return {}
        return {refusal.key: refusal for refusal in found}

    def _write(self, records: dict[KeyId, Refusal], now: datetime) -> None:
        kept = [r.to_dict() for r in records.values() if r.retry_at + FORGET_AFTER > now]
        data = json.dumps({"version": VERSION, "refused": kept}, indent=1).encode()
        try:
            write_atomic(self.path, data, what="record of refused keys", durable=False)
        except StoreError as exc:
            log.warning("%s", exc)


def _time(value: object) -> datetime:
    when = datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        raise ValueError("a time without a zone")
    return when


def _clock(when: datetime) -> str:
    return when.astimezone().strftime("%H:%M:%S")
