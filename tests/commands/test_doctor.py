"""`jobtui doctor` over loopback: what a user sees for a healthy host and each broken part.

Every endpoint is a simulator on 127.0.0.1 (a name under .invalid is resolved to it by
a patched resolver); each run is a separate `main()` sharing only jobtui's files.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

import pytest

from jobtui.sim.scenario import scenario_from_dict
from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, SCENARIO, Result, Run

AK, RIGHT, WRONG = "AKDOCTORTEST", "right-secret-abcdef", "wrong-secret-abcdef"
TLS = Path(__file__).resolve().parent.parent / "data" / "tls"
UNTRUSTED = Path(__file__).resolve().parent.parent / "faults" / "data"
FAKE_HOST = "dws.doctor.invalid"  # never resolves for real (RFC 6761)


@pytest.fixture(autouse=True)
def host(jobtui: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain terminal outside tmux, the right key in the environment, 80 columns
    (after `jobtui` cleared the environment)."""
    for name in ("NO_COLOR", "COLORTERM", "TMUX", "SSL_CERT_FILE", "HUAWEICLOUD_SDK_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", AK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", RIGHT)


def sim(**options: Any) -> Simulator:
    return Simulator(scenario_from_dict(SCENARIO), ak=AK, sk=RIGHT, **options)


@pytest.fixture
def gateway() -> Iterator[Simulator]:
    with sim() as server:
        yield server


def lines(result: Result) -> dict[str, str]:
    """Each check's name → its verdict and text, continuation lines joined."""
    found: dict[str, str] = {}
    name = ""
    for line in result.out.splitlines()[:-1]:
        if line.startswith(" "):
            found[name] += " " + line.strip()
            continue
        verdict, name, text = line.split(None, 2)
        found[name] = f"{verdict} {text}"
    return found


def doctor(jobtui: Run, endpoint: str, *args: str) -> Result:
    result = jobtui("doctor", "--endpoint", endpoint, *args)
    assert all(len(line) <= 80 for line in result.out.splitlines()), result.out
    assert RIGHT not in result.out and WRONG not in result.out
    return result


def test_a_healthy_host_passes_every_check(jobtui: Run, gateway: Simulator) -> None:
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    checks = lines(result)
    assert result.code == 0 and result.out.splitlines()[-1] == "No problem found."
    assert all(text.startswith("ok ") for text in checks.values()), result.out
    assert set(checks) == {
        "config", "watchlist", "credentials", "endpoint", "dns", "connect", "request",
        "clock", "colours", "tmux",
    }  # fmt: skip
    assert "AK AKDO… from the environment" in checks["credentials"]
    assert AK not in result.out
    assert f"job {RUNNING} is RUNNING (request ID" in checks["request"]
    assert "within 1 s of the server's" in checks["clock"]
    assert gateway.count() == 1


def test_a_wrong_sk_fails_with_the_request_id_and_is_not_sent_again(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", WRONG)
    jobtui("add", PROJECT, RUNNING)
    first = doctor(jobtui, gateway.url)
    request = lines(first)["request"]
    assert first.code == 1 and request.startswith("FAIL Authentication failed (APIGW.0301")
    assert "check HUAWEICLOUD_SDK_AK/SK" in request and "(request ID " in request
    assert "next try at" in request and gateway.count() == 1
    second = doctor(jobtui, gateway.url)
    held = lines(second)["request"]
    assert second.code == 1 and gateway.count() == 1
    assert held.startswith("FAIL not sent: AK AKDO… was refused at ") and "next try at" in held
    assert "JOBTUI_RETRY_REFUSED=1" in held
    assert lines(second)["clock"].startswith("- not compared")
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", RIGHT)  # a corrected key is tried at once
    fixed = doctor(jobtui, gateway.url)
    assert fixed.code == 0 and gateway.count() == 2


def skewed(minutes: float) -> Simulator:
    return sim(wall=lambda: datetime.now(timezone.utc) + timedelta(minutes=minutes))


def test_a_clock_far_off_fails_with_the_offset_and_pauses_no_key(jobtui: Run) -> None:
    jobtui("add", PROJECT, RUNNING)
    with skewed(20) as server:
        first = doctor(jobtui, server.url)
        checks = lines(first)
        assert first.code == 1
        assert checks["clock"].startswith("FAIL this host is 20 min behind the server")
        assert "NTP" in checks["clock"] and "15 min" in checks["clock"]
        assert checks["request"].startswith("FAIL Your clock is 20 min behind")
        doctor(jobtui, server.url)
        assert server.count() == 2  # a wrong clock is no wrong key: nothing on record


def test_with_no_job_to_ask_about_the_clock_is_still_read(jobtui: Run) -> None:
    with skewed(30) as server:
        result = doctor(jobtui, server.url)
    assert result.code == 1
    assert lines(result)["clock"].startswith("FAIL this host is 30 min behind the server")


def test_a_clock_a_few_minutes_off_is_a_warning(jobtui: Run) -> None:
    jobtui("add", PROJECT, RUNNING)
    with skewed(-5) as server:
        result = doctor(jobtui, server.url)
    assert result.code == 0
    assert lines(result)["clock"].startswith("warn this host is 5 min ahead of the server")


def test_missing_credentials_fail_saying_what_to_set(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HUAWEICLOUD_SDK_AK")
    monkeypatch.delenv("HUAWEICLOUD_SDK_SK")
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    checks = lines(result)
    assert result.code == 1 and checks["credentials"].startswith("FAIL none found")
    assert "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK" in checks["credentials"]
    assert "~/.huaweicloud/credentials" in checks["credentials"]
    assert checks["request"].startswith("FAIL The service wants credentials")


def test_a_credentials_file_shows_its_path_and_the_ak_s_start(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HUAWEICLOUD_SDK_AK")
    monkeypatch.delenv("HUAWEICLOUD_SDK_SK")
    file = tmp_path / "home" / ".huaweicloud" / "credentials"
    file.parent.mkdir(parents=True)
    file.write_text(f"[basic]\nak = {AK}\nsk = {RIGHT}\n")
    file.chmod(0o644)
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    credentials = lines(result)["credentials"]
    assert credentials.startswith("warn AK AKDO… from ~/.huaweicloud/credentials")
    assert "chmod 600" in credentials and result.code == 0


def test_a_broken_config_fails_naming_file_and_line_and_the_rest_still_runs(
    jobtui: Run, gateway: Simulator, tmp_path: Path
) -> None:
    (tmp_path / "config.toml").write_text('region = "cn-north-4"\nrefresh_interval = = 5\n')
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    checks = lines(result)
    assert result.code == 1
    # The path is longer than a line: cut into pieces, which spaces join again here.
    config = "".join(checks["config"].split())
    assert config.startswith(f"FAIL{tmp_path / 'config.toml'}:2:20:isnotvalidTOML")
    assert checks["request"].startswith("ok key accepted")
    assert result.out.splitlines()[-1] == "1 problem to fix."


def test_without_a_watched_job_the_probe_s_not_found_proves_the_key(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing = doctor(jobtui, gateway.url)
    assert lines(nothing)["request"].startswith("warn no signed request: no project to ask")
    assert nothing.code == 0 and lines(nothing)["clock"].startswith("ok within 1 s")
    [asked] = gateway.requests  # unsigned: only the clock was read
    assert "authorization" not in {name.lower() for name in asked.headers}
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)
    probed = doctor(jobtui, gateway.url)
    request = lines(probed)["request"]
    assert request.startswith("ok key and permission accepted: the service says the probe")
    assert "(DWS.0015)" in request and "request ID" in request and probed.code == 0


def test_a_watched_job_the_service_does_not_know_is_a_warning(
    jobtui: Run, gateway: Simulator
) -> None:
    result = doctor(jobtui, gateway.url, f"{PROJECT}/{'9' * 32}")
    assert result.code == 0
    assert lines(result)["request"].startswith("warn key and permission accepted, but: Job 999")


class Resolver:
    """getaddrinfo for FAKE_HOST: loopback, or NXDOMAIN while `failing`."""

    def __init__(self, failing: bool) -> None:
        self.failing, self.real = failing, socket.getaddrinfo

    def __call__(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        if name in (FAKE_HOST, FAKE_HOST.encode()):
            if self.failing:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            name = "127.0.0.1"
        return self.real(name, *args, **kwargs)


@pytest.mark.parametrize("failing", [False, True])
def test_dns_names_the_address_or_fails_and_nothing_is_sent(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch, failing: bool
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver(failing))
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, f"http://{FAKE_HOST}:{gateway.port}")
    checks = lines(result)
    if not failing:
        assert checks["dns"] == f"ok {FAKE_HOST} is 127.0.0.1" and result.code == 0
        return
    assert result.code == 1 and gateway.count() == 0
    assert checks["dns"].startswith(f"FAIL {FAKE_HOST} could not be resolved")
    assert "check the region or --endpoint" in checks["dns"]
    assert checks["connect"].startswith("- not tried")
    assert checks["request"].startswith("- not sent: the endpoint cannot be reached")


def tls_server(cert: Path, key: Path) -> Simulator:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return sim(tls=context)


def test_tls_shows_the_certificate_s_end_when_trusted(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))
    jobtui("add", PROJECT, RUNNING)
    with tls_server(TLS / "cert.pem", TLS / "key.pem") as server:
        result = doctor(jobtui, server.url)
    tls = lines(result)["tls"]
    assert result.code == 0 and tls.startswith("ok TLSv1.")
    assert "certificate valid until 21" in tls


def test_an_untrusted_certificate_fails_pointing_at_ssl_cert_file(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))
    jobtui("add", PROJECT, RUNNING)
    with tls_server(UNTRUSTED / "untrusted-cert.pem", UNTRUSTED / "untrusted-key.pem") as server:
        result = doctor(jobtui, server.url)
        assert server.count() == 0
    checks = lines(result)
    assert result.code == 1
    assert checks["tls"].startswith("FAIL the certificate of 127.0.0.1 could not be verified")
    assert "SSL_CERT_FILE" in checks["tls"]
    assert checks["request"].startswith("- not sent")


def test_a_closed_port_fails_the_connection(jobtui: Run) -> None:
    with sim() as server:
        url = server.url
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, url)
    assert result.code == 1
    assert lines(result)["connect"].startswith("FAIL 127.0.0.1:")
    assert "refused the connection" in lines(result)["connect"]


def test_server_text_is_shown_escaped(jobtui: Run, gateway: Simulator) -> None:
    gateway.set_fault("escape_headers", status=403)
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    assert result.code == 1 and "\x1b" not in result.out and "\x9b" not in result.out
    assert lines(result)["request"].startswith("FAIL ")


def fake_tmux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: Optional[str]) -> None:
    """TMUX set, and PATH holding only a `tmux` that prints `said` (None: no tmux)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if said is not None:
        tmux = bin_dir / "tmux"
        tmux.write_text(f"#!/bin/sh\necho '{said}'\n")
        tmux.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")


@pytest.mark.parametrize(
    ("said", "desktop", "expected"),
    [
        ("tmux 3.4", False, "ok tmux 3.4 (3.3+ has allow-passthrough): set -g allow-passthrough"),
        ("tmux 3.3a", True, "warn tmux 3.3a drops desktop notifications unless allowed"),
        ("tmux 3.2a", True, "ok tmux 3.2a passes notifications through as they are"),
        (None, False, "warn inside tmux, but 'tmux -V' did not say which version"),
    ],
)
def test_tmux_lines_follow_its_version_and_never_fail(
    jobtui: Run,
    gateway: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    said: Optional[str],
    desktop: bool,
    expected: str,
) -> None:
    if desktop:
        (tmp_path / "config.toml").write_text("[notify]\ndesktop = true\n")
    fake_tmux(tmp_path, monkeypatch, said)
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    assert result.code == 0 and lines(result)["tmux"].startswith(expected)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"NO_COLOR": "1"}, "ok off: NO_COLOR is set"),
        ({"COLORTERM": "truecolor"}, "ok truecolor (COLORTERM=truecolor, TERM=xterm-256color)"),
        ({"TERM": "dumb"}, "warn TERM=dumb: the monitor needs a terminal"),
        ({"TERM": "linux"}, "ok TERM=linux: the default theme uses the terminal's 16 colours"),
    ],
)
def test_the_colour_line_reads_no_color_colorterm_and_term(
    jobtui: Run,
    gateway: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    expected: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    assert result.code == 0 and lines(result)["colours"].startswith(expected)


def test_a_credentials_file_that_is_not_there_fails_and_signs_nothing(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HUAWEICLOUD_SDK_AK")
    monkeypatch.delenv("HUAWEICLOUD_SDK_SK")
    monkeypatch.setenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", str(tmp_path / "typo"))
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    checks = lines(result)
    [asked] = gateway.requests  # unsigned, for the clock alone
    assert result.code == 1 and "authorization" not in {h.lower() for h in asked.headers}
    assert checks["credentials"].startswith("FAIL ")
    assert (
        "HUAWEICLOUD_SDK_CREDENTIALS_FILE names a file that does not exist" in checks["credentials"]
    )
    assert checks["request"] == "- not sent: no usable credentials (see above)"
    assert checks["clock"].startswith("ok within 1 s")  # read from an unsigned answer


def test_behind_a_proxy_the_way_is_left_to_it_and_the_request_names_it(
    jobtui: Run, gateway: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sim() as closed:
        proxy = f"127.0.0.1:{closed.port}"  # nothing listens there any more
    monkeypatch.setenv("HTTP_PROXY", f"http://user:secret@{proxy}")
    jobtui("add", PROJECT, RUNNING)
    result = doctor(jobtui, gateway.url)
    checks = lines(result)
    assert checks["proxy"].startswith(f"ok requests go through {proxy}")
    assert "dns" not in checks and "secret" not in result.out
    assert result.code == 1
    assert checks["request"].startswith(f"FAIL Could not reach the proxy {proxy}")
