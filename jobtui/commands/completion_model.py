"""What shell completion needs of jobtui's parser: its commands, options and their values.

Walked from the parser itself, so a new option or command cannot be missing from
the scripts `jobtui completion` prints.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from jobtui import patches


@dataclass
class Option:
    """One option: every spelling, what it says, and what its value may be."""

    flags: list[str]
    help: str
    takes_value: bool
    choices: list[str] = field(default_factory=list)
    dirs: bool = False  # a folder (metavar DIR)


@dataclass
class Command:
    """A parser's options, words its positionals accept, and (for the top) its commands."""

    name: str
    help: str
    options: list[Option] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)


def walk(parser: argparse.ArgumentParser, name: str = "jobtui", help: str = "") -> Command:
    """The parser's options and subcommands, recursively."""
    command = Command(name, help)
    for action in patches.parser_actions(parser):
        if isinstance(action.choices, dict):  # the subcommands
            for sub_name, sub in action.choices.items():
                command.commands.append(walk(sub, sub_name, sub.description or ""))
        elif action.option_strings:
            help_text = "" if action.help == argparse.SUPPRESS else (action.help or "")
            choices = [str(c) for c in action.choices or ()]
            dirs = action.metavar == "DIR"
            takes = action.nargs != 0
            command.options.append(Option(action.option_strings, help_text, takes, choices, dirs))
        elif action.choices:
            command.words += [str(c) for c in action.choices]
    return command
