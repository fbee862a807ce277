"""Secrets this process knows (SKs, tokens), so what it logs can mask them anywhere.

Credentials remember their secrets here when made; the log's formatter replaces every
remembered value, and anything shaped like an auth header or an IAM token, by `***`.
Pure: no I/O. Values shorter than MIN_LENGTH are not masked (they would blank out
ordinary words, and are no secret worth the name).
"""

from __future__ import annotations

import re
import threading
from typing import Optional

MASK = "***"
MIN_LENGTH = 4
_known: set[str] = set()
_lock = threading.Lock()
_HEADER = re.compile(
    r"(?i)\b(x-auth-token|x-security-token|x-subject-token|authorization|security_token"
    r"|secret_key|signature)(['\"]?\s*[:=]\s*['\"]?)([^\s'\",}]+)"
)
# An IAM token (PKI, "MII…") or a Fernet-style one: long runs of base64 letters.
_TOKEN = re.compile(r"\bMII[A-Za-z0-9+/=_-]{40,}|\bgAAAAA[A-Za-z0-9+/=_-]{40,}")


def remember(*values: Optional[str]) -> None:
    """Mask these values in everything logged from now on."""
    fresh = {v for v in values if v and len(v) >= MIN_LENGTH}
    if fresh - _known:
        with _lock:
            _known.update(fresh)


def redact(text: str) -> str:
    """`text` with remembered secrets, auth header values and tokens masked."""
    for secret in sorted(_known, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    text = _HEADER.sub(lambda m: m.group(1) + m.group(2) + MASK, text)
    return _TOKEN.sub(MASK, text)
