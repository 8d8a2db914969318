"""The command line's help and argparse's own messages in the output language.

The parsers keep their English ``help=`` texts (the code reads them where the options are declared); the
catalogue file ``planner/messages/cli_help.toml`` gives each one its French (codes ``help.*``, keyed at run time
by the English text, so an option added without its French is found by ``tests/unit/test_cli_help.py``), and
argparse's own messages ("usage:", "the following arguments are required", ...; codes ``argparse.*``), which
argparse passes through ``gettext`` and Python ships no French for.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from functools import cache

from planner.messages import catalogue


@cache
def _french(prefix: str) -> dict[str, str]:
    """English -> French of the catalogue codes starting with ``prefix``."""
    return {texts["en"]: texts["fr"] for code, texts in catalogue().items() if code.startswith(prefix)}


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every sub-parser under it."""
    yield parser
    for action in parser._actions:  # noqa: SLF001 (argparse keeps its actions there; no public accessor)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in dict.fromkeys(action.choices.values()):
                yield from parsers(sub)


def helped(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every action with a help text: the options and arguments of every parser, and each sub-command."""
    for p in parsers(parser):
        for action in p._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                yield from action._choices_actions  # noqa: SLF001 (a sub-command's help line)
            elif action.help and action.help != argparse.SUPPRESS:
                yield action


def localise(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """The parser with its help texts and descriptions in ``lang`` (English: as written)."""
    if lang != "fr":
        return parser
    french = _french("help.")
    for p in parsers(parser):
        if p.description:
            p.description = french.get(p.description, p.description)
    for action in helped(parser):
        if action.help:
            action.help = french.get(action.help, action.help)
    return parser


@contextlib.contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse's own messages in ``lang`` while the parser is built and reads the command line."""
    if lang != "fr":
        yield
        return
    french = _french("argparse.")
    english = argparse._  # type: ignore[attr-defined]  # noqa: SLF001 (argparse's gettext, looked up at each call)
    argparse._ = lambda text: french.get(text, english(text))  # type: ignore[attr-defined]  # noqa: SLF001
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]  # noqa: SLF001
