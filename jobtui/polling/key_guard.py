"""Refused AK/SK keys meet the gates: one probe per period, in this process and all others.

The gateway locks a key after 5 failed signatures. A credential gate refused with an
AK/SK remembers the refusal (`Gate.refused`): the user's `r` does not probe it early,
and `jobtui.store.refusals.RefusalBook` shares it, so another process holds back too and a
probe that comes due is claimed by one process only. A different key under the same
label (the user fixed the SK) is tried at once; an accepted key clears the record.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable, Optional

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.events import CredentialPaused, PollerEvent
from jobtui.polling.connections import Route
from jobtui.polling.gates import CREDENTIAL_PROBE, Gate
from jobtui.store.refusals import Refusal, RefusalBook, held_error


class KeyGuard:
    """What the fetcher asks before and after a credential's probe; the book may be None."""

    def __init__(
        self,
        book: Optional[RefusalBook],
        *,
        clock: Callable[[], float],
        wall: Callable[[], datetime],
        emit: Callable[[PollerEvent], None],
    ) -> None:
        self.book, self.clock, self.wall, self.emit = book, clock, wall, emit

    def recall(self, gate: Gate, route: Route) -> None:
        """A new credential gate: held back at once if its very key is refused on record."""
        if self.book is None or route.key_id is None:
            return
        refusal = self.book.find(route.key_id, self.wall())
        if refusal is not None:
            self._hold(gate, refusal)

    def check(self, gate: Gate, route: Route) -> None:
        """A gate held for a key the route no longer uses: the new key goes at once."""
        if gate.refused is not None and gate.refused.key != route.key_id:
            gate.key_changed(self.clock())

    def may_send(self, gate: Gate, route: Route) -> bool:
        """Whether a probe of a key on record may go; False holds the gate (a period at most)."""
        if self.book is None or route.key_id is None or (gate.proven and gate.refused is None):
            return True  # a working key sends no probe: nothing to share, no file read
        may, refusal = self.book.claim(route.key_id, self.wall(), CREDENTIAL_PROBE)
        if refusal is not None and may:
            gate.refused = refusal  # so its answer clears the record for every process
        elif refusal is not None:
            self._hold(gate, refusal)  # another process probed it meanwhile
        return may

    def refused(self, gate: Gate, route: Route, error: ErrorInfo) -> None:
        """The gate was just blocked by `error`: remember a wrong key (not a wrong clock)."""
        if error.kind != "auth" or route.key_id is None:
            return
        retry = self.wall() + timedelta(seconds=gate.retry_at - self.clock())
        refusal = Refusal(route.key_id, self.wall(), retry, error)
        gate.refused, gate.error = refusal, held_error(refusal)
        if self.book is not None:
            self.book.record(refusal)

    def accepted(self, gate: Gate) -> None:
        """An answer came through the gate: its key is refused no more, anywhere."""
        if gate.refused is not None and self.book is not None:
            self.book.clear(gate.refused.key, self.wall())

    def _hold(self, gate: Gate, refusal: Refusal) -> None:
        left = (refusal.retry_at - self.wall()).total_seconds()
        delay = min(max(left, 0.0), CREDENTIAL_PROBE)  # a clock set back waits no longer
        gate.block(self.clock(), refusal.refused_at, delay, refusal.error)
        gate.refused, gate.error = refusal, held_error(refusal)
        retry = self.wall() + timedelta(seconds=gate.retry_at - self.clock())
        self.emit(CredentialPaused(gate.name, gate.error, retry))
