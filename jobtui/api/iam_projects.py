"""The project ID of a region, asked of IAM as the SDK asks it.

`GET {iam}/v3/projects?name={region}`, signed with the user's credentials; the IAM
endpoint is HUAWEICLOUD_SDK_IAM_ENDPOINT, the credentials file's `iam_endpoint`, or
`https://iam.{region}.{domain}`. None or several projects is said plainly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Optional

import httpx

from jobtui.api.answer import clean
from jobtui.api.client import USER_AGENT
from jobtui.api.credentials import ENV_IAM_ENDPOINT, Credentials
from jobtui.api.endpoints import (
    DEFAULT_DOMAIN,
    DOMAIN_EXCEPTIONS,
    endpoint_for_region,
    normalise_endpoint,
)
from jobtui.api.transport_errors import error_for_exception
from jobtui.domain.errors import UsageError

TIMEOUT = 10.0


def iam_endpoint(env: Mapping[str, str], creds: Credentials, region: str) -> str:
    explicit = env.get(ENV_IAM_ENDPOINT, "").strip() or creds.iam_endpoint
    if explicit:
        return normalise_endpoint(explicit)
    endpoint_for_region(region)  # checks the name
    name = region.strip().lower()
    return f"https://iam.{name}.{DOMAIN_EXCEPTIONS.get(name, DEFAULT_DOMAIN)}"


def project_for_region(
    creds: Credentials,
    region: str,
    env: Mapping[str, str],
    *,
    transport: Optional[httpx.BaseTransport] = None,
) -> str:
    """The one project named `region`; UsageError when there is none or several."""
    auth = creds.auth()
    if auth is None:
        raise UsageError(
            f"Looking up the project of {region} needs credentials; give --project instead."
        )
    base = iam_endpoint(env, creds, region)
    host = httpx.URL(base).host
    try:
        with httpx.Client(
            auth=auth, timeout=TIMEOUT, transport=transport, headers={"User-Agent": USER_AGENT}
        ) as http:
            response = http.get(f"{base}/v3/projects", params={"name": region})
    except httpx.HTTPError as exc:
        raise error_for_exception(exc, host, TIMEOUT) from None
    trace = response.headers.get("X-IAM-Trace-Id")
    said = f" (X-IAM-Trace-Id {clean(trace, 64)})" if trace else ""
    if response.status_code != 200:
        raise UsageError(
            f"IAM at {host} answered HTTP {response.status_code} when asked for the project "
            f"of {region}{said}; check the credentials, or give --project."
        )
    ids = _ids(response.content)
    if not ids:
        raise UsageError(
            f"IAM at {host} knows no project named {region} in this account{said}; give --project."
        )
    if len(ids) > 1:
        raise UsageError(
            f"IAM at {host} has several projects named {region}: {', '.join(ids)}{said}; "
            "choose one with --project."
        )
    return ids[0]


def _ids(body: bytes) -> list[str]:
    try:
        data: Any = json.loads(body)
        return [clean(str(p["id"]), 64) for p in data.get("projects") or []]
    except (ValueError, TypeError, KeyError, AttributeError):
        return []
