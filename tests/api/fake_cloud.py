"""Loopback fakes of the ECS metadata service and IAM's project list, for credential tests.

One small http.server on 127.0.0.1 per fake; every request is recorded so tests can
count them and read their headers. Never the real 169.254.169.254 or a cloud host.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

METADATA_TOKEN = "metadata-token-SECRET"
# What the public gateway answers a key it does not take.
REFUSED = {
    "error_code": "APIGW.0301",
    "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
}


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class FakeCloud:
    """What the fake answers; tests change these between requests."""

    # Metadata: the token endpoint's status (200 gives METADATA_TOKEN), the key served.
    token_status: int = 200
    keys: list[dict[str, str]] = field(default_factory=list)
    key_status: int = 200
    key_body: Optional[str] = None
    # IAM: project name → list of project IDs.
    projects: dict[str, list[str]] = field(default_factory=dict)
    iam_status: int = 200
    # DWS: answers 401 unless signed with one of these AKs.
    good_aks: set[str] = field(default_factory=set)
    seen: list[Seen] = field(default_factory=list)
    url: str = ""

    def paths(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path.split("?")[0] == path]


def key(ak: str, expires_at: str = "2099-01-01T00:00:00.000000Z") -> dict[str, str]:
    return {"access": ak, "secret": f"SK-of-{ak}", "securitytoken": f"STS-of-{ak}",
            "expires_at": expires_at}  # fmt: skip


def _handler(cloud: FakeCloud) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: str, kind: str = "application/json") -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_PUT(self) -> None:
            cloud.seen.append(Seen("PUT", self.path, dict(self.headers)))
            ok = cloud.token_status == 200
            self._answer(cloud.token_status, METADATA_TOKEN if ok else "no", "text/plain")

        def do_GET(self) -> None:
            cloud.seen.append(Seen("GET", self.path, dict(self.headers)))
            parts = urlsplit(self.path)
            if parts.path == "/openstack/latest/securitykey":
                self._key()
            elif parts.path == "/v3/projects":
                name = parse_qs(parts.query).get("name", [""])[0]
                found = [{"id": pid, "name": name} for pid in cloud.projects.get(name, [])]
                self._answer(cloud.iam_status, json.dumps({"projects": found}))
            else:
                auth = self.headers.get("Authorization", "")
                ok = any(f"Access={ak}," in auth for ak in cloud.good_aks)
                body = {"status": "RUNNING"} if ok else REFUSED
                self._answer(200 if ok else 401, json.dumps(body))

        def _key(self) -> None:
            if cloud.key_body is not None or cloud.key_status != 200:
                self._answer(cloud.key_status, cloud.key_body or "{}")
                return
            current = cloud.keys.pop(0) if len(cloud.keys) > 1 else cloud.keys[0]
            self._answer(200, json.dumps({"credential": current}))

    return Handler


@contextmanager
def fake_cloud(cloud: Optional[FakeCloud] = None) -> Iterator[FakeCloud]:
    cloud = cloud or FakeCloud()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(cloud))
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    cloud.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield cloud
    finally:
        server.shutdown()
        server.server_close()
