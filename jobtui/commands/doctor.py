"""`jobtui doctor`: check this host's set-up and name what is wrong, one line per check.

In order: config.toml, the watchlist, the credentials (the AK's first characters and
where they come from, never the secret), the endpoint, DNS, TCP and TLS, one signed
request, the clock against the server's, and the terminal. A check that cannot run
because an earlier one failed says so. The request keeps to the record of refused
keys: a key on record is not sent (the gateway locks it after 5 failures).
"""

from __future__ import annotations

import argparse
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from jobtui.commands import FAILED, OK
from jobtui.commands import doctor_setup as setup
from jobtui.commands.context import Context
from jobtui.commands.doctor_report import FAIL, Check, ok, render, skip, summary, warn

if TYPE_CHECKING:
    from jobtui.api.credentials import Credentials
    from jobtui.commands.doctor_request import Outcome
    from jobtui.polling.connections import Connections

NAME = "doctor"
HELP = "check this host's set-up: config, credentials, network, clock, terminal"
EPILOG = """\
examples:
  jobtui doctor
  jobtui doctor 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001
  jobtui doctor --endpoint https://dws.cn-north-4.myhuaweicloud.com

One line per check: ok, warn, or FAIL with what to do ('-': not run, because an
earlier check failed). The signed request asks for JOB, else the first watched job,
else a job ID no job has in $HUAWEICLOUD_SDK_PROJECT_ID's project (the service's
'not found' then proves the key and the permission good). A key the gateway refused
is not sent again before its next try. Exit status 1 when a check failed."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "job",
        nargs="?",
        metavar="JOB",
        help="ask about this job (JOB_ID or PROJECT_ID/JOB_ID); default: the first watched",
    )


def run(ctx: Context) -> int:
    width = ctx.width()
    checks: list[Check] = []
    for check in diagnose(ctx):
        checks.append(check)
        ctx.out(render(check, width))
    ctx.out(summary(checks))
    return FAILED if any(check.verdict == FAIL for check in checks) else OK


def diagnose(ctx: Context) -> Iterator[Check]:
    """Every check, as it finishes, so a slow one shows where it is."""
    from jobtui.commands import doctor_terminal as terminal
    from jobtui.commands.sessions import connections

    check, settings = setup.config(ctx)
    yield check
    check, entries = setup.watchlist(ctx)
    yield check
    goal = setup.target(ctx, entries, ctx.clock())
    conns = connections(ctx, settings)
    home = Path(ctx.env.get("HOME") or Path.home())
    check, creds, goal = setup.credentials(conns, settings, goal, home)
    yield check
    signed = creds is not None and creds.kind == "aksk"
    check, url = setup.endpoint(conns, goal, signed)
    yield check
    outcome = yield from _online(ctx, conns, goal, creds, url)
    from jobtui.commands.doctor_request import clock

    yield clock(outcome, ctx.clock())
    yield terminal.colours(ctx.env)
    yield terminal.tmux(ctx.env, desktop=settings.notify.desktop)


def _online(
    ctx: Context,
    conns: Connections,
    goal: setup.Target,
    creds: Optional[Credentials],
    url: Optional[str],
) -> Generator[Check, None, Optional[Outcome]]:
    """The way to the endpoint, then the signed request; its outcome for the clock.

    When no signed request can go (no usable credentials, no project), an unsigned one
    still reads the server's clock: no key goes, so none is locked. A key on record as
    refused sends nothing at all.
    """
    if url is None:
        return None
    reachable = yield from _way(ctx, url)
    if not reachable:
        yield skip("request", "not sent: the endpoint cannot be reached (see above)")
        return None
    import asyncio

    from jobtui.commands.doctor_request import request, unsigned

    if creds is None:
        yield skip("request", "not sent: no usable credentials (see above)")
        return asyncio.run(unsigned(url))
    if not goal.sendable:
        yield warn(
            "request",
            "no signed request: no project to ask about; add a job "
            "('jobtui add') or set HUAWEICLOUD_SDK_PROJECT_ID",
        )
        return asyncio.run(unsigned(url))
    refused, route = setup.route(conns, goal)
    if refused is not None or route is None:
        yield refused or skip("request", "not sent")
        return None
    from jobtui.store.refusals import RefusalBook

    book = conns.refusals or RefusalBook(ctx.paths.refused_file)
    outcome = asyncio.run(request(route, creds, goal, book, ctx.clock))
    yield outcome.check
    return outcome


def _way(ctx: Context, url: str) -> Generator[Check, None, bool]:
    """Proxy, or DNS then TCP (and TLS): whether the endpoint can be reached."""
    from jobtui.commands import doctor_net as net

    proxy = net.proxy_for(url, ctx.env)
    if proxy is not None:
        yield ok(
            "proxy",
            f"requests go through {proxy}, which looks the endpoint up and "
            "reaches it; the request below tells whether it does",
        )
        return True
    found = net.dns(url)
    yield found
    secure = url.startswith("https:")
    if found.verdict == FAIL:
        yield skip("tls" if secure else "connect", "not tried: the name is not resolved")
        return False
    connected = net.connect(url)
    yield connected
    return connected.verdict != FAIL
