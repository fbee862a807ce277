"""`jobtui doctor`'s one signed request, and the clock read from its answer's Date.

The gateway locks an AK after 5 failed signatures, so the request keeps to the record
of refused keys every jobtui process shares (`store.refusals`): a key on record is not
sent before its next try, a refusal goes on record, an accepted key comes off it.

What the answer means: a record, or the service's own "not found" (DWS.0047,
DWS.0015) for a job ID no job has, proves the key and the permission good; the
gateway's 401 is the key (or the clock), 403 the permission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Callable, Optional

from jobtui.api.answer import SKEW_LIMIT, describe_offset
from jobtui.commands.doctor_report import Check, fail, ok, warn
from jobtui.commands.doctor_setup import PROBE_JOB, SHOWN_AK, Target
from jobtui.domain.errors import ApiError, ErrorInfo
from jobtui.domain.words import status_word
from jobtui.polling.gates import CREDENTIAL_PROBE
from jobtui.store.refusals import RETRY_ENV, Refusal, RefusalBook, held_sentence

if TYPE_CHECKING:
    from jobtui.api.answer import Answer
    from jobtui.api.credentials import Credentials
    from jobtui.polling.connections import Route

TIMEOUT = 15.0
# Under this apart, the Date header's whole seconds and the way there say nothing.
CLOCK_NOISE = 60.0
_SOFT = frozenset({"throttled", "server"})


@dataclass
class Outcome:
    """The request's verdict, and what the clock check reads: the answer and its error."""

    check: Check
    answers: list[Answer] = field(default_factory=list)
    error: Optional[ErrorInfo] = None


async def request(
    route: Route,
    creds: Credentials,
    goal: Target,
    book: RefusalBook,
    wall: Callable[[], datetime],
) -> Outcome:
    key = route.key_id
    if key is not None:
        may, refusal = book.claim(key, wall(), CREDENTIAL_PROBE)
        if not may and refusal is not None:
            return Outcome(fail("request", _held(refusal)))
    from jobtui.api.client import DwsClient

    outcome = Outcome(ok("request", ""))
    entry = goal.entry
    client = DwsClient(
        route.endpoint,
        creds.auth(),
        zone=route.zone,
        timeout=TIMEOUT,
        on_answer=outcome.answers.append,
        region=route.region,
        origin=creds.origin(),
    )
    try:
        record = await client.get_job(entry.project_id, entry.job_id)
    except ApiError as error:
        outcome.error = error.info
        outcome.check = _judge(error.info, goal)
        if key is not None and error.kind == "auth":
            now = wall()
            refused = Refusal(key, now, now + timedelta(seconds=CREDENTIAL_PROBE), error.info)
            book.record(refused)
            outcome.check = fail("request", f"{error} Refused {held_sentence(refused)}.")
        elif key is not None and error.kind in ("not_found", "forbidden"):
            book.clear(key, wall())  # the gateway took the key
        return outcome
    finally:
        await client.aclose()
    if key is not None:
        book.clear(key, wall())
    rid = f" (request ID {record.request_id})" if record.request_id else ""
    said = f"key accepted: job {entry.job_id} is {status_word(record.status_text)}{rid}"
    outcome.check = ok("request", said)
    return outcome


async def unsigned(endpoint: str) -> Outcome:
    """An unsigned request, for the server's Date alone: no key goes, so none is locked."""
    from jobtui.api.client import DwsClient

    outcome = Outcome(ok("request", ""))
    client = DwsClient(endpoint, None, timeout=TIMEOUT, on_answer=outcome.answers.append)
    try:
        await client.get_job(PROBE_JOB, PROBE_JOB)
    except ApiError:
        pass  # the gateway asks for credentials: its Date is all this wanted
    finally:
        await client.aclose()
    return outcome


def _held(refusal: Refusal) -> str:
    ak = refusal.key.ak[:SHOWN_AK] + "…"
    return (
        f"not sent: AK {ak} was refused {held_sentence(refusal)}. Correct the SK (a changed "
        f"key is tried at once), or set {RETRY_ENV}=1 to try this one now"
    )


def _judge(error: ErrorInfo, goal: Target) -> Check:
    text = error.message.rstrip(".")
    if error.kind == "not_found" and not goal.real:
        said = f" ({error.error_code})" if error.error_code else ""
        rid = f" (request ID {error.request_id})" if error.request_id else ""
        return ok(
            "request",
            f"key and permission accepted: the service says the probe "
            f"job does not exist{said}, as it should{rid}",
        )
    if error.kind == "not_found":
        return warn("request", f"key and permission accepted, but: {text}")
    if error.kind in _SOFT:
        return warn("request", text)
    return fail("request", text)


def clock(outcome: Optional[Outcome], now: datetime) -> Check:
    """This host's clock against the server's Date (or the gateway's own measure)."""
    skew = outcome.error.clock_skew if outcome and outcome.error else None
    answer = outcome.answers[-1] if outcome and outcome.answers else None
    if skew is None and answer is not None and answer.server_date is not None:
        skew = (now - answer.server_date).total_seconds()
    if skew is None:
        if answer is None:
            return Check("-", "clock", "not compared: no answer from the endpoint")
        return warn("clock", "not compared: the answer carried no Date header")
    limit = "the gateway refuses over 15 min"
    if abs(skew) >= SKEW_LIMIT:
        return fail(
            "clock",
            f"this host is {describe_offset(skew)} the server: {limit}; "
            "set the time right (NTP: timedatectl set-ntp true)",
        )
    if abs(skew) >= CLOCK_NOISE:
        return warn(
            "clock",
            f"this host is {describe_offset(skew)} the server ({limit}); "
            "set the time right (NTP) before it drifts further",
        )
    return ok("clock", f"within {max(1, round(abs(skew)))} s of the server's ({limit})")
