"""One message catalogue for both languages (``planner/messages/*.toml``) and its renderer.

Every text the planner shows a user is a :class:`Msg` (a code and typed parameters) rendered by
:func:`render` in French or English. Adding a message is one line in a TOML file of this folder::

    "fix.must_include" = { en = "stop requiring {device}", fr = "ne plus imposer {device}" }

See ``docs/messages.md``.
"""

from __future__ import annotations

from planner.messages.catalogue import LANGS, CatalogueError, catalogue, fields
from planner.messages.format import eur, number, pct
from planner.messages.names import CatalogNames, site_names
from planner.messages.render import (
    Arg,
    Device,
    Eur,
    IdNames,
    Indication,
    Join,
    Msg,
    Names,
    Num,
    Opt,
    Outcome,
    Pct,
    Ref,
    Site,
    has,
    msg,
    plain,
    render,
    text,
)

__all__ = ["LANGS", "Arg", "CatalogNames", "CatalogueError", "Device", "Eur", "IdNames", "Indication", "Join", "Msg",
           "Names", "Num", "Opt", "Outcome", "Pct", "Ref", "Site", "catalogue", "eur", "fields", "has", "msg",
           "number", "pct", "plain", "render", "site_names", "text"]
