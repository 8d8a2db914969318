"""The message catalogue: every ``*.toml`` file of this folder, one line per message.

A line is ``"code" = { en = "...", fr = "..." }``; ``{name}`` fields are ``str.format`` parameters and both
languages must use the same ones. The catalogue is read once and checked when it is read: a code defined twice
(in one file or across files), a missing language or different parameters raise :class:`CatalogueError`.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

LANGS: tuple[str, ...] = ("fr", "en")
FOLDER = Path(__file__).parent


class CatalogueError(ValueError):
    """A message catalogue file is malformed (file, code and why)."""


def fields(text: str) -> frozenset[str]:
    """The ``str.format`` parameters of a text.

    >>> sorted(fields("raise {what} by {by} ({from_} to {to})"))
    ['by', 'from_', 'to', 'what']
    >>> sorted(fields("±{tol:.0%} of {value:+.1%}"))  # a format specification is not part of the name
    ['tol', 'value']
    """
    return frozenset(name.split(".")[0].split("[")[0]
                     for _lit, name, _spec, _conv in string.Formatter().parse(text) if name)


def check_entry(source: str, code: str, entry: object) -> list[str]:
    """Problems of one catalogue line (empty when it is correct)."""
    if not isinstance(entry, Mapping):
        return [f"{source}: {code}: must be {{ en = \"...\", fr = \"...\" }}"]
    problems = [f"{source}: {code}: missing or empty '{lang}' text" for lang in LANGS
                if not isinstance(entry.get(lang), str) or not entry[lang].strip()]
    problems += [f"{source}: {code}: unknown language '{k}'" for k in entry if k not in LANGS]
    if not problems and fields(entry["fr"]) != fields(entry["en"]):
        problems.append(f"{source}: {code}: parameters differ: en {sorted(fields(entry['en']))}, "
                        f"fr {sorted(fields(entry['fr']))}")
    return problems


def read_tables(paths: Iterable[Path]) -> dict[str, dict[str, str]]:
    """Code -> {"fr": ..., "en": ...} from TOML catalogue files; raise :class:`CatalogueError` on any problem."""
    table: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    problems: list[str] = []
    for path in sorted(paths):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:  # includes a code given twice in one file
            problems.append(f"{path.name}: {exc}")
            continue
        for code, entry in data.items():
            if code in where:
                problems.append(f"{path.name}: {code}: already defined in {where[code]}")
                continue
            found = check_entry(path.name, code, entry)
            problems += found
            where[code] = path.name
            if not found:
                table[code] = {lang: entry[lang] for lang in LANGS}
    if problems:
        msg = "message catalogue errors:\n" + "\n".join(f"  - {p}" for p in problems)
        raise CatalogueError(msg)
    return table


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """The planner's message catalogue (read-only), from ``planner/messages/*.toml``."""
    table = read_tables(FOLDER.glob("*.toml"))
    return MappingProxyType({code: MappingProxyType(texts) for code, texts in table.items()})
