"""Server text printed by the CLI is shown escaped: the terminal never acts on it."""

from __future__ import annotations

import io
import json
import re
from argparse import Namespace

from jobtui.commands.context import Context
from jobtui.commands.output import clean
from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, Run

# What a hostile or broken gateway could put in error_code / error_msg.
OSC52 = "\x1b]52;c;cm0gLXJmIH4K\x07"  # write "rm -rf ~" to the clipboard
TITLE = "\x1b]0;pwned\x07"  # retitle the window
WIPE = "\x1b[2J"  # clear the screen
DCS = "\x1bPq#0;2;0;0;0\x1b\\"  # device control string
C1_CSI = "\x9b31m"  # CSI as one C1 byte
RLO = "\u202e"  # right-to-left override
HOSTILE_CODE = f"DWS.0403{OSC52}{TITLE}{WIPE}{DCS}{C1_CSI}{RLO}"
HOSTILE_MSG = f"denied{OSC52}{WIPE}{RLO}gnp.exe\u200b\u2066"
# Anything a terminal would act on, or that hides or reorders text.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _hostile_fault(sim: Simulator) -> None:
    sim.set_fault("error", status=403, error_code=HOSTILE_CODE, error_msg=HOSTILE_MSG)


def test_clean_shows_controls_and_format_characters_as_escapes() -> None:
    invisible = "\u200b\u200c\u200d\u2060\ufeff|\u061c\u200e"
    shown = clean(f"{OSC52}|{WIPE}|{DCS}|{C1_CSI}|{RLO}|{invisible}")
    assert shown == (
        "\\x1b]52;c;cm0gLXJmIH4K\\x07|\\x1b[2J|\\x1bPq#0;2;0;0;0\\x1b\\|\\x9b31m|\\u202e|"
        "\\u200b\\u200c\\u200d\\u2060\\ufeff|\\u061c\\u200e"
    )
    assert clean("中文 déjà vu — ok") == "中文 déjà vu — ok"


def test_wait_prints_a_hostile_error_code_escaped(jobtui: Run, cli_sim: Simulator) -> None:
    _hostile_fault(cli_sim)
    result = jobtui("wait", f"{PROJECT}/{RUNNING}", "--interval", "0.02", "--endpoint", cli_sim.url)
    assert result.code == 4
    assert not RAW.search(result.out + result.err), ascii(result.err)
    # The client keeps only [A-Za-z0-9._:-] of a code and drops controls from a message.
    assert f"cannot query {PROJECT}/{RUNNING}" in result.err and "(DWS.0403" in result.err


def test_status_table_and_json_show_a_hostile_error_escaped(
    jobtui: Run, cli_sim: Simulator
) -> None:
    jobtui("add", PROJECT, RUNNING)
    _hostile_fault(cli_sim)
    table = jobtui("status", "--endpoint", cli_sim.url)
    assert table.code == 1
    assert not RAW.search(table.out + table.err), ascii(table.out)
    assert "(DWS.0403" in table.out and "gnp.exe" in table.out
    as_json = jobtui("status", "--json", "--endpoint", cli_sim.url)
    assert not RAW.search(as_json.out + as_json.err), ascii(as_json.out)
    [job] = json.loads(as_json.out)
    # The client keeps only the characters a code is made of; the rest never arrives.
    assert job["error"]["error_code"] == "DWS.040352ccm0gLXJmIH4K0pwned2JPq0200031m"


def test_every_stderr_line_is_escaped(tmp_path: object) -> None:
    # A request ID from a header can carry C1 bytes (HTTP allows obs-text).
    err = io.StringIO()
    ctx = Context(Namespace(), stderr=err)
    ctx.err("cannot query x (request ID ab\x9b2J\u2067cd).")
    assert err.getvalue() == "jobtui: cannot query x (request ID ab\\x9b2J\\u2067cd).\n"
