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

from huaweicloudsdkcore.auth.internal import MetadataAccessor
from huaweicloudsdkcore.auth.provider import CredentialProviderChain

MetadataAccessor._METADATA_ENDPOINT = os.environ.get("JOBTUI_METADATA_URL", "http://127.0.0.1:9")


def main() -> int:
    try:
        creds = CredentialProviderChain.get_basic().get_credentials()
    except Exception as exc:  # any refusal is the answer
        print(json.dumps({"error": type(exc).__name__}))
        return 0
    if getattr(creds, "idp_id", None):
        print(json.dumps({"federated": True}))
        return 0
    sk = hashlib.sha256((creds.sk or "").encode()).hexdigest()
    print(json.dumps({"ak": creds.ak, "project_id": creds.project_id, "sk_sha256": sk}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
