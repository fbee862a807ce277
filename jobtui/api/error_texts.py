"""The sentences error answers become: what went wrong, then what to do about it.

Each returns (kind, text); `said` is what the server said, already cleaned.
"""

from __future__ import annotations

import re
from typing import Optional

from jobtui.api.answer import Where, describe_offset

Described = tuple[str, str]
# "locked", not "clock": a key locked after repeated failed signatures.
_LOCKED = re.compile(r"\block(ed)?\b")


def not_found(where: Where, said: str) -> Described:
    return "not_found", (
        f"{where.subject[:1].upper()}{where.subject[1:]} was not found in project "
        f"{where.project_id}{said}; check the {where.noun} ID and that the project and "
        f"region are the {where.noun}'s"
    )


def wrong_endpoint(where: Where, said: str) -> Described:
    region = f" (chosen for region {where.region})" if where.region else ""
    return "wrong_endpoint", (
        f"{where.host}{region} has no such API{said}; the endpoint or region is wrong: "
        "set --region to the job's region, or --endpoint to its DWS address"
    )


def service_refused(where: Where, said: str) -> Described:
    # DWS's own 401/403: the gateway accepted the key, so the credential is not at fault.
    return "forbidden", (
        f"DWS refused access to {where.subject} in project {where.project_id}{said}; "
        f"the key was accepted, so check that the project is the {where.noun}'s and that "
        "the account may read DWS in it"
    )


def forbidden(where: Where, said: str) -> Described:
    return "forbidden", (
        f"Access to project {where.project_id} was refused{said}; "
        "ask for DWS read permission (e.g. DWS ReadOnlyAccess) in this project"
    )


def throttled(where: Where, said: str) -> Described:
    return "throttled", (
        f"{where.host} is throttling requests{said}; jobtui slows down by itself, "
        "and a lower rate_per_minute or a longer refresh_interval keeps it from recurring"
    )


def server(status: int, where: Where, said: str) -> Described:
    return "server", (
        f"{where.host} answered {status}{said}; the fault is on the service's side "
        "and usually passes, so try again in a minute"
    )


def malformed(where: Where, said: str) -> Described:
    return "bad_request", (
        f"The gateway at {where.host} refused the request as malformed or too large{said}; "
        "check that nothing between here and it rewrites requests, and report it with "
        "the request ID if it persists"
    )


def clock_skew(code: Optional[str], skew: Optional[float], said: str) -> Described:
    # Under a minute apart is no measurement worth quoting ("0 s behind").
    if skew is not None and abs(skew) < 60:
        skew = None
    # The gateway's own wording repeats both times at length: its code is enough.
    said = f" ({code})" if code and skew is not None else said
    if skew is None:
        return "clock_skew", (
            f"The gateway says the signature expired{said}; "
            "this host's clock is probably wrong: set it right (NTP)"
        )
    return "clock_skew", (
        f"Your clock is {describe_offset(skew)} the server's, so the gateway refused the "
        f"signature{said}; set this host's time right (NTP)"
    )


def token_text(said: str) -> str:
    return f"The IAM token was refused{said}; get a new one and set JOBTUI_AUTH_TOKEN"


# What a 401 points at when the client was not told where its key came from.
SOME_KEY = "HUAWEICLOUD_SDK_AK/SK (or ~/.huaweicloud/credentials)"


def auth_text(number: Optional[str], msg: Optional[str], said: str, where: Where) -> str:
    """The 401 sentence, naming the credential source in use: what to correct, and where."""
    text = (msg or "").lower()
    if where.auth == "token":
        return token_text(said)
    if where.auth == "none":
        return (
            f"The service wants credentials{said}; set HUAWEICLOUD_SDK_AK/SK "
            "or write them to ~/.huaweicloud/credentials"
        )
    if where.auth == "ecs":
        return _agency_text(said, where.origin)
    check = where.origin or SOME_KEY
    if "not exist" in text:
        return (
            f"The gateway does not know this access key{said}; check {check} "
            "and that the key is active in this account"
        )
    if _LOCKED.search(text):
        return (
            f"The access key is locked after repeated failed signatures{said}; "
            f"correct the SK in {check}, then wait 5 minutes before trying again"
        )
    if number == "0303":
        return (
            f"The gateway refused the request as app authentication{said}; jobtui signs as "
            f"an IAM user, so check that the endpoint is DWS's own and {check}"
        )
    return f"Authentication failed{said}; check {check} and the project ID"


def _agency_text(said: str, url: str) -> str:
    # The key was fetched again once after the first 401 (AgencyAuth): it is not stale.
    service = f"the ECS metadata service at {url}" if url else "the ECS metadata service"
    return (
        f"The gateway refused this server's agency key{said}, also after fetching it again "
        f"from {service}; check in the console that the agency attached to this server "
        "exists and may read DWS in this project"
    )
