"""Run by the official SDK's Python (a throwaway venv), never by jobtui's: which AK and
project does huaweicloudsdkcore's provider chain resolve in this environment?

Prints one JSON line: {"ak", "project_id", "sk_sha256"} or {"federated": true} or
{"error": "..."}. The metadata service is pointed at JOBTUI_METADATA_URL (a loopback
fake) or at a closed loopback port, never at 169.254.169.254.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys

from huaweicloudsdkcore.auth.internal import (
    Credential,
    FederalAccessor,
    MetadataAccessor,
    OidcStsAccessor,
    PodIdentityAccessor,
)
from huaweicloudsdkcore.auth.provider import CredentialProviderChain
from huaweicloudsdkcore.client import Client
from huaweicloudsdkcore.http.http_config import HttpConfig

MetadataAccessor._METADATA_ENDPOINT = os.environ.get("JOBTUI_METADATA_URL", "http://127.0.0.1:9")
# Token exchanges jobtui does not do: which one the chain picks is the answer.
FEDERATED = (FederalAccessor, OidcStsAccessor, PodIdentityAccessor)


def _pod_key(*args: object, **kwargs: object) -> Credential:
    # Pod identity exchanges a token at once, over the network; only the choice matters.
    key = Credential()
    key.access, key.secret, key.security_token = "AKPOD", "SKPOD", "STPOD"
    key.expire_at = 4102444800
    return key


PodIdentityAccessor.get_credential = _pod_key  # type: ignore[method-assign]


def _project_from_iam(creds: object, region: str) -> None:
    """The SDK's own IAM lookup (HUAWEICLOUD_SDK_IAM_ENDPOINT: a loopback fake)."""
    client = Client().with_config(HttpConfig.get_default_config())
    client.init_http_client()
    creds.process_auth_params(client._http_client, region)  # type: ignore[attr-defined]


def main() -> int:
    try:
        creds = CredentialProviderChain.get_basic().get_credentials()
        if getattr(creds, "idp_id", None) or isinstance(creds.sts_accessor, FEDERATED):
            print(json.dumps({"federated": True}))
            return 0
        region = os.environ.get("ORACLE_REGION")
        if region:
            _project_from_iam(creds, region)
    except Exception as exc:  # any refusal is the answer
        print(json.dumps({"error": type(exc).__name__}))
        return 0
    sk = hashlib.sha256((creds.sk or "").encode()).hexdigest()
    print(json.dumps({"ak": creds.ak, "project_id": creds.project_id, "sk_sha256": sk}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
