"""The request handler behind the simulator: routing, gateway checks, faults, replies."""

from __future__ import annotations

import contextlib
import re
import socket
import struct
import uuid
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Any, Optional
from urllib.parse import parse_qs, unquote, urlsplit

from jobtui.sim.backend import Backend, Request
from jobtui.sim.cluster_answers import cluster_answer, cluster_fault
from jobtui.sim.faults import Fault
from jobtui.sim.responses import (
    CLUSTER_NOT_FOUND,
    NO_API,
    NOT_FOUND,
    Reply,
    error_reply,
    fault_reply,
    json_reply,
    redirect_reply,
)

_JOB_PATH = re.compile(r"^/v1\.0/(?P<project>[^/]+)/job/(?P<job>[^/]+)/?$")
# A cluster (`job` group: the cluster ID, which faults scope like a job ID) or the list.
_CLUSTER_PATH = re.compile(r"^/v1\.0/(?P<project>[^/]+)/clusters(?:/(?P<job>[^/]+))?/?$")
_SECRET_HEADERS = ("x-auth-token", "x-security-token")
MAX_REQUEST_BODY = 64 * 1024


class Handler(BaseHTTPRequestHandler):
    """Answers like the DWS API behind Huawei's API gateway."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, the client's delayed
    # ACK holds the body back ~40 ms on every keep-alive request.
    disable_nagle_algorithm = True
    server_version = "jobtui-sim"

    @property
    def sim(self) -> Backend:
        return self.server.sim  # type: ignore[attr-defined,no-any-return]

    def handle(self) -> None:
        # The client went away: nothing to answer.
        with contextlib.suppress(ConnectionError, TimeoutError):
            super().handle()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the request log is `Simulator.requests`."""

    def version_string(self) -> str:
        return self.server_version

    def date_time_string(self, timestamp: Optional[float] = None) -> str:
        return formatdate(self.sim.wall().timestamp(), usegmt=True)

    def do_GET(self) -> None:
        self._answer()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _answer(self) -> None:
        request_id = uuid.uuid4().hex
        body = self._read_body()
        path = urlsplit(self.path).path
        match = _JOB_PATH.match(path) or _CLUSTER_PATH.match(path)
        project_id = unquote(match["project"]) if match else None
        job_id = unquote(match["job"]) if match and match["job"] else None
        fault = self.sim.pick_fault(project_id, job_id)
        if fault is not None and fault.kind == "latency":
            self.sim.stopping.wait(fault.delay)
            fault = None
        if fault is not None and fault.kind == "reset":
            self._log(project_id, job_id, 0, request_id)
            return self._reset()
        reply = self._reply(body, project_id, job_id, fault, request_id)
        # Logged before sending, so a client that got the answer finds it in the log.
        self._log(project_id, job_id, reply.status, request_id)
        self._send(reply, request_id, fault)

    def _reply(
        self,
        body: bytes,
        project_id: Optional[str],
        job_id: Optional[str],
        fault: Optional[Fault],
        request_id: str,
    ) -> Reply:
        refusal = self.sim.gateway.check(
            self.command, self.path, dict(self.headers.items()), body, self.sim.wall()
        )
        if refusal is not None:
            return error_reply(refusal.status, refusal.error_code, refusal.error_msg, request_id)
        if fault is not None and fault.kind == "redirect":
            return redirect_reply(fault, f"{self.sim.url}/moved{self.path}")
        clusters = _CLUSTER_PATH.match(urlsplit(self.path).path) is not None
        if clusters and project_id is not None:
            record = cluster_answer(self.sim, project_id, job_id)
        else:
            record = self._job_body(project_id, job_id)
        if fault is None:
            faulty = None
        elif clusters:
            faulty = cluster_fault(fault, record, request_id)
        else:
            faulty = fault_reply(fault, record, request_id)
        if faulty is not None:
            return faulty
        if self.command != "GET":
            return error_reply(404, *NO_API, request_id)
        if project_id is not None:
            missing = CLUSTER_NOT_FOUND if clusters else NOT_FOUND
            return json_reply(200, record) if record else error_reply(404, *missing, request_id)
        if urlsplit(self.path).path.rstrip("/") == "/v3/projects":
            return self._projects()
        return error_reply(404, *NO_API, request_id)

    def _job_body(
        self, project_id: Optional[str], job_id: Optional[str]
    ) -> Optional[dict[str, Any]]:
        if project_id is None or job_id is None:
            return None
        job = self.sim.scenario.job(project_id, job_id)
        return job.body_at(self.sim.now(), self.sim.started_at) if job else None

    def _projects(self) -> Reply:
        """IAM's project lookup by region name, as the SDK uses to find a project ID."""
        region = parse_qs(urlsplit(self.path).query).get("name", [""])[0]
        ids = self.sim.scenario.projects(region or None)
        projects = [
            {"id": pid, "name": region, "enabled": True, "domain_id": "0" * 32} for pid in ids
        ]
        return json_reply(200, {"projects": projects, "links": {"self": self.path}})

    def _read_body(self) -> bytes:
        declared = self.headers.get("Content-Length") or "0"
        length = int(declared) if declared.isdigit() else 0
        return self.rfile.read(min(length, MAX_REQUEST_BODY)) if length > 0 else b""

    def _send(self, reply: Reply, request_id: str, fault: Optional[Fault] = None) -> None:
        kind = fault.kind if fault is not None else ""
        # An unsized body (ended by closing) makes the client find the size limit itself.
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        if reply.unsized:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(reply.body)))
        # A fault may send its own (hostile) request ID instead of ours.
        self.send_header("X-Request-Id", reply.headers.get("X-Request-Id", request_id))
        for name, value in reply.headers.items():
            if name != "X-Request-Id":
                self.send_header(name, value)
        self.end_headers()
        if kind == "drip" and fault is not None:
            return self._drip(reply.body, fault.delay or 1.0)
        # A dropped connection: half the promised body, then the socket closes.
        self.wfile.write(reply.body[: len(reply.body) // 2] if kind == "drop" else reply.body)
        if kind == "drop":
            self.close_connection = True

    def _drip(self, body: bytes, delay: float) -> None:
        """One byte every `delay` seconds of real time, as a stalled proxy trickles."""
        self.wfile.flush()
        for index in range(len(body)):
            if self.sim.stopping.wait(delay if index else 0):
                break
            self.wfile.write(body[index : index + 1])
            self.wfile.flush()
        self.close_connection = True

    def _reset(self) -> None:
        """Abort the connection with a TCP RST, as a crashing proxy does."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _log(
        self, project_id: Optional[str], job_id: Optional[str], status: int, request_id: str
    ) -> None:
        headers = {
            k: ("***" if k.lower() in _SECRET_HEADERS else v) for k, v in self.headers.items()
        }
        self.sim.record(
            Request(
                self.sim.now(),
                self.command,
                self.path,
                project_id,
                job_id,
                status,
                headers,
                request_id,
                self.client_address[1],
            )
        )
