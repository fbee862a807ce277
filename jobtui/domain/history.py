"""A job's bounded history (status transitions, progress samples) and its cache encoding.

The state cache holds up to 120 samples for each of thousands of jobs. Building a
datetime and an object per sample at start-up cost seconds, so the cache stores each
history as a start time plus offsets in seconds, and a history read from it builds
its items only when asked. No I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any, Callable, NamedTuple, Optional, TypeVar, Union, overload

from jobtui.domain.model import parse_time

# Offsets beyond this (about 30 years) are damage, not history.
LIMIT = 1e9


class Transition(NamedTuple):
    at: datetime
    status: str


class Sample(NamedTuple):
    at: datetime
    progress: float


Item = TypeVar("Item", Transition, Sample)


class History(Sequence[Item]):
    """Items read from the cache, kept as read until someone looks at them."""

    __slots__ = ("_columns", "_items", "_limit", "_make", "_name", "_packed", "_since")

    def __init__(
        self,
        since: datetime,
        packed: dict[str, Any],
        name: str,
        make: Callable[[datetime, Any], Item],
        limit: int,
    ) -> None:
        self._since, self._packed, self._limit = since, packed, limit
        self._make: Callable[[datetime, Any], Item] = make
        self._columns: Optional[tuple[list[float], list[Any]]] = None
        self._items: Optional[tuple[Item, ...]] = None
        self._name = name

    def columns(self) -> tuple[list[float], list[Any]]:
        """Offsets and values, parsed on first use; both empty if they are damaged."""
        if self._columns is None:
            raw = self._packed
            found = _columns(raw.get("seconds"), raw.get(self._name))
            self._columns = (found[0][-self._limit :], found[1][-self._limit :])
        return self._columns

    def __len__(self) -> int:
        return len(self.columns()[0])

    @overload
    def __getitem__(self, index: int) -> Item: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Item]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[Item, Sequence[Item]]:
        if isinstance(index, slice) or self._items is not None:
            return self.items()[index]
        # The ETA reads only the first and last sample: build just those.
        seconds, values = self.columns()
        return self._make(self._since + timedelta(seconds=seconds[index]), values[index])

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items())

    def items(self) -> tuple[Item, ...]:
        """Every item, built once."""
        if self._items is None:
            since, make = self._since, self._make
            pairs = zip(*self.columns())
            self._items = tuple(make(since + timedelta(seconds=s), v) for s, v in pairs)
        return self._items

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and self.items() == tuple(other)

    def __hash__(self) -> int:
        return hash(self.items())

    def __repr__(self) -> str:
        return f"History({list(self)!r})"

    def packed(self) -> dict[str, Any]:
        """The cache's JSON form, as it was read: saving an unchanged history is free."""
        return self._packed


def pack(items: Sequence[Item], name: str) -> Optional[dict[str, Any]]:
    """The cache's form: {"since": ISO time, "seconds": "0 10.5 …", name: values}.

    Numbers go in one string each ("progress": "0.0 1.5 3.0"): JSON reads a string
    ~20 times faster than a list of numbers, and it stays readable. Statuses, being
    server text, stay a JSON list of strings.
    """
    if isinstance(items, History):
        return items.packed()
    if not items:
        return None
    since = items[0][0]
    # Six decimals: float seconds give back the exact microsecond through timedelta.
    seconds = " ".join(repr(round((at - since).total_seconds(), 6)) for at, _ in items)
    values = [value for _, value in items]
    column = " ".join(repr(float(v)) for v in values) if name == "progress" else values
    return {"since": since.isoformat(), "seconds": seconds, name: column}


def unpack_transitions(raw: object, limit: int) -> Sequence[Transition]:
    """Transitions from the cache; () for anything damaged."""
    return _unpack(raw, "status", Transition, limit)


def unpack_samples(raw: object, limit: int) -> Sequence[Sample]:
    """Progress samples from the cache; () for anything damaged."""
    return _unpack(raw, "progress", Sample, limit)


def _unpack(
    raw: object, name: str, make: Callable[[datetime, Any], Item], limit: int
) -> Sequence[Item]:
    if isinstance(raw, list):  # version 1 of the cache: [[ISO time, value], ...]
        return _pairs(raw, make, name)[-limit:]
    since = stored_time(raw.get("since")) if isinstance(raw, dict) else None
    if since is None or not isinstance(raw, dict):
        return ()
    return History(since, raw, name, make, limit)


def stored_time(raw: object) -> Optional[datetime]:
    """A time the cache wrote (ISO with offset) in one C call; else as `parse_time` reads it."""
    if isinstance(raw, str):
        try:
            parsed = datetime.fromisoformat(raw)
        except ValueError:
            return parse_time(raw)
        if parsed.tzinfo is not None:
            return parsed
    return parse_time(raw)


def _columns(seconds: object, values: object) -> tuple[list[float], list[Any]]:
    """Parsed offsets and values (numbers from a string, or strings from a list)."""
    try:
        offsets = _floats(seconds)
        column = _floats(values) if isinstance(values, str) else _texts(values)
    except (TypeError, ValueError):
        return [], []
    return (offsets, column) if len(offsets) == len(column) else ([], [])


def _floats(text: object) -> list[float]:
    """Finite numbers of a sane size; ValueError or TypeError for anything else."""
    if not isinstance(text, str):
        raise TypeError("not a string of numbers")
    numbers = [float(part) for part in text.split()]
    if numbers and not (
        math.isfinite(math.fsum(numbers)) and min(numbers) > -LIMIT and max(numbers) < LIMIT
    ):
        raise ValueError("not finite")
    return numbers


def _texts(values: object) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError("not a list of strings")
    return values


def _pairs(raw: list[Any], make: Callable[[datetime, Any], Item], name: str) -> tuple[Item, ...]:
    out = []
    wanted = str if name == "status" else (int, float)
    for item in raw:
        at = parse_time(item[0]) if isinstance(item, list) and len(item) == 2 else None
        if at is not None and isinstance(item[1], wanted):
            out.append(make(at, item[1]))
    return tuple(out)
