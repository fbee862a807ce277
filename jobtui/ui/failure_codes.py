"""Short explanations of well-known error codes, shown in the detail pane.

Only codes whose meaning is documented (see the shared API reference); an unknown
code shows nothing rather than a guess. Gateway codes are explained by their number:
public endpoints say `APIGW.0301`, dedicated gateways `APIG.0301`, and both mean the
same.
"""

from __future__ import annotations

from typing import Optional

from jobtui.domain.error_codes import gateway_number

EXPLANATIONS: dict[str, str] = {
    "DWS.0114": "The cluster's ELB private IP is not configured; set it, then retry the job.",
    "DWS.0047": (
        "DWS does not know this resource in this project (its 'not found', even under 401);"
        " check the job ID, project and region."
    ),
    "DWS.0015": (
        "DWS does not know this resource in this project (its 'not found', even under 403);"
        " check the job ID, project and region."
    ),
}

GATEWAY: dict[str, str] = {
    "0101": (
        "No such API at this host: the endpoint or region is wrong (not the job ID);"
        " check --region or --endpoint."
    ),
    "0201": (
        "The gateway found the request malformed or too large (400/413), or the service"
        " behind it unavailable (5xx, retry later)."
    ),
    "0301": (
        "The gateway refused the credential: wrong AK/SK or signature, an unknown or locked"
        " AK, a missing or expired token, or an expired signature (this host's clock is off"
        " by more than 15 minutes: sync it with NTP)."
    ),
    "0302": "The user is not authorised for this API; ask for DWS read permission in the project.",
    "0303": (
        "App authentication failed; 'signature expired' means this host's clock is off"
        " from the server's: sync it with NTP."
    ),
    "0307": "The IAM token must be renewed; get a new token.",
    "0308": "Throttled by the API gateway (over its rate limit); polling slows down by itself.",
}


def explain(code: Optional[str]) -> Optional[str]:
    """A one-sentence explanation for a code like DWS.0114 or APIGW.0301, or None."""
    if not code:
        return None
    number = gateway_number(code)
    if number is not None:
        return GATEWAY.get(number)
    return EXPLANATIONS.get(code.strip().upper())
