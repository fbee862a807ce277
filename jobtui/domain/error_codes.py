"""Who spoke in an error answer, read from its code: the API gateway or DWS behind it.

Huawei Cloud's public endpoints answer gateway errors as `APIGW.0301`; the API
Gateway product's documentation (dedicated gateways) spells the same codes
`APIG.0301`. Both are read and only the number decides. A `DWS.xxxx` code means the
request got past the gateway: the service is speaking, whatever the HTTP status, so
it is never a refused key. `DWS.0000` means success in DWS answers, never an error.
"""

from __future__ import annotations

import re
from typing import Optional

_GATEWAY = re.compile(r"^\s*APIGW?\.(\d{4})\s*$", re.IGNORECASE)
_SERVICE = re.compile(r"^\s*DWS\.\d+\s*$", re.IGNORECASE)
SUCCESS_CODE = "DWS.0000"
# Huawei's Terraform provider reads these as "not found" under 401, 403 or 404.
NOT_FOUND_CODES = frozenset({"DWS.0047", "DWS.0015"})


def gateway_number(code: Optional[str]) -> Optional[str]:
    """'0301' for APIGW.0301 or APIG.0301; None for any other code."""
    match = _GATEWAY.match(code or "")
    return match.group(1) if match else None


def service_code(code: Optional[str]) -> Optional[str]:
    """'DWS.0047' (normalised) when DWS itself answered with an error code, else None.

    DWS.0000 is success, so it is never a service error code.
    """
    if not code or not _SERVICE.match(code):
        return None
    normal = code.strip().upper()
    return None if normal == SUCCESS_CODE else normal


def is_not_found(code: Optional[str]) -> bool:
    return service_code(code) in NOT_FOUND_CODES
