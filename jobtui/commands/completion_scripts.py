"""The bash, zsh and fish scripts `jobtui completion` prints, from a walked parser.

Each completes the subcommand names, then the options of the command typed (the
global ones included), the words an option or positional allows (`--output json`,
`completion zsh`) and folders for a DIR; other values are left to the user.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from jobtui.commands.completion_model import Command, Option

HEADER = "# jobtui's {shell} completion, written from its parser by 'jobtui completion {shell}'"


def _flags(command: Command) -> str:
    return " ".join(flag for option in command.options for flag in option.flags)


def _valued(root: Command) -> dict[str, Option]:
    """Every flag that takes a value, anywhere (a flag means the same in every command)."""
    found: dict[str, Option] = {}
    for command in [root, *root.commands]:
        for option in command.options:
            if option.takes_value:
                found.update((flag, option) for flag in option.flags)
    return found


def _quote(words: list[str]) -> str:
    return shlex.quote(" ".join(words))


@dataclass(frozen=True)
class Dialect:
    """How bash or zsh says each part of the one script both complete with."""

    head: tuple[str, ...]  # up to the case on the word before the cursor; {names}
    dirs: str  # the action completing a folder
    words: str  # completing given words: {quoted} (one shell word) or {plain}
    nothing: str  # a value jobtui cannot guess
    value_case: str  # {flag} {action}
    command_case: str  # {key} {opts} {words}, each {quoted}
    top: str  # the key of the command-less case
    tail: tuple[str, ...]
    first: tuple[str, ...] = ()  # before the header comment


BASH = Dialect(
    head=(
        "_jobtui() {{",
        "    local cur prev cmd i opts cands",
        '    cur="${{COMP_WORDS[COMP_CWORD]}}"; prev="${{COMP_WORDS[COMP_CWORD-1]}}"; cmd=""',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${{COMP_WORDS[i]}}" in {names}) cmd="${{COMP_WORDS[i]}}"; break ;; esac',
        "    done",
        '    case "$prev" in',
    ),
    dirs='COMPREPLY=($(compgen -d -- "$cur"))',
    words='COMPREPLY=($(compgen -W {quoted} -- "$cur"))',
    nothing="COMPREPLY=()",  # and -o default then offers files
    value_case="        {flag}) {action}; return 0 ;;",
    command_case="        {key}) opts={opts}; cands={words} ;;",
    top='""',
    tail=(
        '    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        '    else COMPREPLY=($(compgen -W "$cands" -- "$cur")); fi',
        "}}",
        "complete -o default -F _jobtui jobtui",
    ),
)
ZSH = Dialect(
    first=("#compdef jobtui",),  # must be the file's first line, for $fpath
    head=(
        "_jobtui() {{",
        '    local cmd="" w opts cands prev=${{words[CURRENT-1]}} cur=${{words[CURRENT]}}',
        "    for w in ${{words[2,CURRENT-1]}}; do",
        "        case $w in ({names}) cmd=$w; break ;; esac",
        "    done",
        "    case $prev in",
    ),
    dirs="_files -/",
    words="compadd -- {plain}",
    nothing=":",
    value_case="        ({flag}) {action}; return ;;",
    command_case="        ({key}) opts={opts}; cands={words} ;;",
    top="''",
    tail=(
        "    if [[ $cur == -* ]]; then compadd -- ${{=opts}}; else compadd -- ${{=cands}}; fi",
        "}}",
        # Autoloaded from $fpath it completes at once; sourced, it registers itself.
        'if [[ "${{funcstack[1]}}" == _jobtui ]]; then _jobtui "$@"',
        "else compdef _jobtui jobtui; fi",
    ),
)


def _script(root: Command, dialect: Dialect, shell: str) -> str:
    names = "|".join(c.name for c in root.commands)
    lines = [*dialect.first, HEADER.format(shell=shell)]
    lines += [line.format(names=names) for line in dialect.head]
    for flag, option in sorted(_valued(root).items()):
        action = dialect.dirs if option.dirs else dialect.nothing
        if option.choices:
            plain = " ".join(option.choices)
            action = dialect.words.format(quoted=shlex.quote(plain), plain=plain)
        lines.append(dialect.value_case.format(flag=flag, action=action))
    lines += ["    esac", "    case $cmd in"]
    for command in [root, *root.commands]:
        key = command.name if command is not root else dialect.top
        words = _quote(command.words + [c.name for c in command.commands])
        opts = _quote(_flags(command).split())
        lines.append(dialect.command_case.format(key=key, opts=opts, words=words))
    lines += ["    esac", *(line.format() for line in dialect.tail)]
    return "\n".join(lines) + "\n"


def bash(root: Command) -> str:
    return _script(root, BASH, "bash")


def zsh(root: Command) -> str:
    return _script(root, ZSH, "zsh")


def _fish_option(condition: str, option: Option) -> str:
    parts = [f"complete -c jobtui -n {shlex.quote(condition)}"]
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.choices:
        parts.append(f"-x -a {_quote(option.choices)}")
    elif option.takes_value:
        parts.append("-r" + (" -F" if option.dirs else ""))
    return " ".join([*parts, f"-d {shlex.quote(option.help)}"])


def fish(root: Command) -> str:
    names = " ".join(c.name for c in root.commands)
    top = f"not __fish_seen_subcommand_from {names}"
    lines = [HEADER.format(shell="fish"), "complete -c jobtui -f"]
    lines += [_fish_option(top, option) for option in root.options]
    for command in root.commands:
        said = shlex.quote(command.help)
        lines.append(f"complete -c jobtui -n {shlex.quote(top)} -a {command.name} -d {said}")
        seen = f"__fish_seen_subcommand_from {command.name}"
        lines += [_fish_option(seen, option) for option in command.options]
        if command.words:
            lines.append(f"complete -c jobtui -n {shlex.quote(seen)} -a {_quote(command.words)}")
    return "\n".join(lines) + "\n"
