"""Short explanations of well-known error codes, shown in the detail pane.

Only codes whose meaning is documented (see the shared API reference); an unknown
code shows nothing rather than a guess.
"""

from __future__ import annotations

from typing import Optional

EXPLANATIONS: dict[str, str] = {
    "DWS.0114": "The cluster's ELB private IP is not configured; set it, then retry the job.",
    "APIG.0101": "No such API: check the endpoint host for this region and the path.",
    "APIG.0201": "The gateway rejected the request or the backend was unavailable; retry later.",
    "APIG.0301": (
        "Authentication failed: wrong AK/SK or signature, an expired signature (clock skew),"
        " an unknown or locked AK, or a missing or expired token."
    ),
    "APIG.0302": "The user is not authorised for this API; check the IAM policy of the account.",
    "APIG.0303": (
        "Authentication information is wrong; 'signature expired' means this machine's clock"
        " is off from the server's — sync it with NTP."
    ),
    "APIG.0307": "The token must be renewed; get a new token.",
    "APIG.0308": "Throttled by the API gateway (over rate limit); polling slows down by itself.",
}


def explain(code: Optional[str]) -> Optional[str]:
    """A one-sentence explanation for a code like DWS.0114, or None when unknown."""
    if not code:
        return None
    return EXPLANATIONS.get(code.strip().upper())
