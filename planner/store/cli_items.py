"""Subcommand ``items`` of ``cathlab-planner``: catalogue extensions and price lists saved in the store as
named, versioned files (``save``, ``list``, ``history``, ``show``).

A file is checked before it is saved (a catalogue extension must extend the bundled catalogue, a price list
must name its devices), so that what the store hands back always imports. Exit codes as for ``scenarios``
(:mod:`planner.store.cli`): 4 a version conflict, 5 refused, 6 store unusable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import Issue, PlannerInputError
from planner.messages import Arg, Msg, Opt, msg, render
from planner.store.errors import NotFound, StoreError, VersionConflict

if TYPE_CHECKING:
    from planner.store.api import Store
    from planner.store.records import ItemInfo

#: ``--kind`` on the command line -> the store's item kind.
KINDS = {"catalog": "catalog_extension", "prices": "price_list"}
SHOWN = {v: k for k, v in KINDS.items()}
EXIT_OK, EXIT_CONFLICT = 0, 4


def add_item_parsers(sub: Any, store_options: Any) -> None:
    """Add ``items save|list|history|show`` to the CLI's subparsers."""
    items = sub.add_parser("items", help="catalogue extensions and price lists saved in the store") \
        .add_subparsers(dest="items_command", required=True)
    save = items.add_parser("save", help="save a catalogue extension or a price list (.xlsx/.csv) as a new version")
    save.add_argument("file")
    save.add_argument("--kind", choices=sorted(KINDS), required=True)
    save.add_argument("--name", required=True, help="item name in the store")
    save.add_argument("--comment", default="")
    save.add_argument("--expect-version", type=int, metavar="V",
                      help="the version your file replaces (needed once the item exists; exit 4 if not the latest)")
    store_options(save)
    listing = items.add_parser("list", help="the saved items and their latest version")
    listing.add_argument("--kind", choices=sorted(KINDS))
    store_options(listing)
    hist = items.add_parser("history", help="every version of an item: who, when, file, comment")
    hist.add_argument("name")
    hist.add_argument("--kind", choices=sorted(KINDS), help="needed when both kinds have an item of that name")
    store_options(hist)
    show = items.add_parser("show", help="describe a version (--out: write its file)")
    show.add_argument("name")
    show.add_argument("--kind", choices=sorted(KINDS), help="needed when both kinds have an item of that name")
    show.add_argument("--version", type=int)
    show.add_argument("--out", metavar="FILE")
    store_options(show)


def check_item(kind: str, data: bytes, filename: str) -> None:
    """Raise :class:`PlannerInputError` unless the file imports as an item of ``kind``."""
    from planner import load_catalog
    from planner.ingest.catalog import import_catalog_extension
    from planner.ingest.imports import import_price_list

    if kind == "catalog_extension":
        import_catalog_extension(data, filename, load_catalog())
    else:
        import_price_list(data, filename, load_catalog())


def resolve_kind(store: Store, name: str, given: str | None) -> str:
    """The store kind of item ``name``: ``--kind``, else the only kind that has such an item."""
    if given:
        return KINDS[given]
    found = [i.kind for i in store.items() if i.name == name]
    if not found:
        raise NotFound(msg("store.no_item_any", name=name))
    if len(found) > 1:
        raise PlannerInputError([Issue(msg("src.command_line"), "--kind", "kind", name,
                                       msg("store.ambiguous_kind"))])
    return found[0]


def describe(info: ItemInfo, lang: str = "en") -> str:
    """One line: ``prices  ugap-2027  v2  prix.xlsx  bob  2027-01-02 10:00:00 UTC  comment`` (the kind in
    ``lang``)."""
    from planner.store.records import stamp

    kind = render(msg("text", text=Opt("store.kind", info.kind)), lang)
    return (f"{kind:<8} {info.name:<28} v{info.version:<4} {info.filename:<24} "
            f"{info.author:<16} {stamp(info.created_at)}  {info.comment}").rstrip()


def _say(args: argparse.Namespace, code: str, **values: Arg) -> str:
    return render(msg(code, **values), getattr(args, "out_lang", "en"))


def run(store: Store, args: argparse.Namespace, actor: Any) -> int:
    """Run ``items <command>`` (``actor``: a callable giving who acts, asked only to save)."""
    command = args.items_command
    if command == "list":
        for info in store.items(KINDS[args.kind] if args.kind else None):
            print(describe(info, args.out_lang))
    elif command == "history":
        for info in store.item_history(resolve_kind(store, args.name, args.kind), args.name):
            print(describe(info, args.out_lang))
    elif command == "show":
        _show(store, args)
    else:
        return _save(store, args, actor)
    return EXIT_OK


def _show(store: Store, args: argparse.Namespace) -> None:
    from planner.io import write_atomic

    info, content = store.item(resolve_kind(store, args.name, args.kind), args.name, args.version)
    if args.out:
        write_atomic(args.out, content)
        print(_say(args, "items.written_cli", name=args.name, version=info.version, file=info.filename, path=args.out))
        return
    print(describe(info, args.out_lang))
    print(_say(args, "items.digest", digest=info.digest, n=len(content)))


def _save(store: Store, args: argparse.Namespace, actor: Any) -> int:
    path, kind = Path(args.file), KINDS[args.kind]
    try:
        data = path.read_bytes()
    except OSError as exc:
        why = msg("store.unreadable", problem=str(exc.strerror))
        raise PlannerInputError([Issue(args.file, "", "", "", why)]) from None
    check_item(kind, data, path.name)
    try:
        saved = store.save_item(actor(), kind, args.name, path.name, data, args.comment, args.expect_version)
    except VersionConflict as exc:
        print(render(conflict_message(store, kind, args.name, exc), args.out_lang), file=sys.stderr)
        return EXIT_CONFLICT
    print(_say(args, "items.saved_cli", kind=Opt("store.kind", kind), name=saved.name, version=saved.version,
               file=saved.filename, author=saved.author))
    return EXIT_OK


def conflict_message(store: Store, kind: str, name: str, exc: VersionConflict) -> Msg:
    """Who saved the latest version, and how to go on."""
    from planner.store.records import stamp

    try:
        latest = store.item(kind, name)[0]
        who = msg("items.saved_by", author=latest.author, at=stamp(latest.created_at))
    except StoreError:
        who = msg("items.saved_by_other")
    started = msg("items.new_item") if exc.expected is None else msg("items.replaced", version=exc.expected)
    return msg("items.conflict_cli", kind=Opt("store.kind", kind), name=name, started=started, latest=exc.latest,
               who=who, option=SHOWN[kind])
