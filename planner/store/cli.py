"""Subcommands ``db``, ``users`` and ``scenarios`` of ``cathlab-planner``, and ``solve --from-store``.

Exit codes besides the CLI's 0/1/2/3: **4** a version conflict (another version was saved in between: nothing
was saved), **5** refused (login failed, or the account's roles may not do it), **6** the store cannot be used
(unreachable, or another schema version: run ``cathlab-planner db upgrade``). Store errors are caught here:
a message, never a traceback. Everything printed is a catalogue message in the output language (``--lang``
anywhere on the line, else the locale): :func:`say`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import Issue, PlannerInputError
from planner.messages import Arg, Opt, msg, render
from planner.store.errors import (
    ArchiveError,
    LoginFailed,
    NotFound,
    PermissionRefused,
    SchemaMismatch,
    StoreError,
    StoreUnavailable,
    VersionConflict,
    roles_arg,
)

if TYPE_CHECKING:
    from planner.plan import Plan
    from planner.scenario import Scenario
    from planner.store.api import Store
    from planner.store.records import Actor

EXIT_OK, EXIT_INPUT, EXIT_CONFLICT, EXIT_REFUSED, EXIT_STORE = 0, 2, 4, 5, 6
ROLE_CHOICES = ("administrator", "biomedical_engineer", "cardiologist", "buyer", "reader")


def _store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help="store URL (default: $CATHLAB_DB_URL, else SQLite in the user's "
                                               "data folder)")
    p.add_argument("--user", metavar="NAME", help="account to act as once accounts exist (default: $CATHLAB_USER; "
                                                  "password from $CATHLAB_PASSWORD or asked)")


def add_solve_store_options(p: argparse.ArgumentParser) -> None:
    """``solve --from-store NAME[@V] [--save]``."""
    p.add_argument("--from-store", metavar="NAME[@V]", help="solve a saved scenario (latest version, or V)")
    p.add_argument("--save", action="store_true", help="save the plan in the store with its scenario version")
    _store_options(p)


def add_store_parsers(sub: Any) -> None:
    """Add ``db``, ``users``, ``scenarios`` and ``items`` to the CLI's subparsers."""
    db = sub.add_parser("db", help="the scenario store: upgrade, export, import, audit").add_subparsers(
        dest="db_command", required=True)
    _store_options(db.add_parser("upgrade", help="create or migrate the store's schema to this program's"))
    for name, what in (("export", "write every scenario, version, plan and audit row to FILE (JSON)"),
                       ("import", "restore an archive FILE into an empty store")):
        x = db.add_parser(name, help=what)
        x.add_argument("file", metavar="FILE")
        _store_options(x)
    aud = db.add_parser("audit", help="print the audit trail (--xlsx: write it as a workbook)")
    aud.add_argument("--xlsx", metavar="OUT", help="write the audit trail to an Excel workbook")
    aud.add_argument("--limit", type=int, default=50, help="rows printed (default 50)")
    aud.add_argument("--lang", choices=("fr", "en"), default="fr")
    _store_options(aud)
    users = sub.add_parser("users", help="accounts and roles").add_subparsers(dest="users_command", required=True)
    add = users.add_parser("add", help="create an account (password from stdin, or asked twice)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, choices=ROLE_CHOICES, help="repeat for several")
    add.add_argument("--sso", action="store_true", help="signs in only through single sign-on (NAME is the "
                                                        "e-mail address; no password is asked)")
    _store_options(add)
    _store_options(users.add_parser("list", help="list the accounts and their roles"))
    sc = sub.add_parser("scenarios", help="saved scenarios: save, list, history, show, diff, restore") \
        .add_subparsers(dest="scenarios_command", required=True)
    save = sc.add_parser("save", help="save a scenario YAML as a new version")
    save.add_argument("file")
    save.add_argument("--name", help="scenario name in the store (default: the YAML's name)")
    save.add_argument("--comment", default="")
    save.add_argument("--expect-version", type=int, metavar="V",
                      help="the version your edit started from (needed once the scenario exists; exit 4 if not the "
                           "latest)")
    _store_options(save)
    _store_options(sc.add_parser("list", help="the saved scenarios and their latest version"))
    hist = sc.add_parser("history", help="every version of a scenario: who, when, comment, changes")
    hist.add_argument("name")
    _store_options(hist)
    show = sc.add_parser("show", help="print (or write) a version's YAML")
    show.add_argument("name")
    show.add_argument("--version", type=int)
    show.add_argument("--out", metavar="FILE")
    _store_options(show)
    dif = sc.add_parser("diff", help="what changed between two versions")
    for arg in ("name", "v1", "v2"):
        dif.add_argument(arg, type=int if arg != "name" else str)
    _store_options(dif)
    res = sc.add_parser("restore", help="save an old version again as the new latest")
    res.add_argument("name")
    res.add_argument("version", type=int)
    res.add_argument("--expect-version", type=int, required=True, metavar="V", help="the latest version now")
    _store_options(res)
    from planner.store.cli_items import add_item_parsers

    add_item_parsers(sub, _store_options)  # items: catalogue extensions and price lists


# ---------------------------------------------------------------- helpers


def say(args: argparse.Namespace, code: str, **values: Arg) -> str:
    """A catalogue message in the output language (English when the command line gave none)."""
    return render(msg(code, **values), getattr(args, "out_lang", "en"))


def _open(args: argparse.Namespace, check: bool = True) -> Store:
    from planner.store.api import open_store

    return open_store(args.db, check=check)


def _actor(store: Store, args: argparse.Namespace) -> Actor:
    """Who acts: the logged-in account, or the system user in single-user mode."""
    name = args.user or os.environ.get("CATHLAB_USER")
    if not name:
        return store.local_actor()
    password = os.environ.get("CATHLAB_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise LoginFailed(msg("store.no_password", name=name))
        password = getpass.getpass(say(args, "store.password_for", name=name))
    return store.login(name, password)


def _when(value: Any) -> str:
    from planner.store.records import stamp

    return stamp(value)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if value is not None else "-"
    return text if len(text) <= 60 else text[:57] + "..."


def change_lines(changes: Any, lang: str = "en") -> list[str]:
    """One line per change: ``  ~ budget.capex_eur: 300000.0 -> 250000.0`` (the settings as the YAML names them)."""
    mark = {"added": "+", "removed": "-", "changed": "~"}
    lines = [msg("store.change_line", mark=mark[c.kind], setting=c.label, old=_show(c.old), new=_show(c.new))
             for c in changes] or [msg("store.no_change_line")]
    return [render(line, lang) for line in lines]


def _name_and_version(ref: str) -> tuple[str, int | None]:
    name, _, version = ref.rpartition("@") if "@" in ref else (ref, "", "")
    if version and not version.isdigit():
        raise PlannerInputError([Issue(msg("src.command_line"), "--from-store", "version", version, msg("in.number"))])
    return name, int(version) if version else None


# ---------------------------------------------------------------- commands


def _db(args: argparse.Namespace) -> int:
    from planner.io import write_atomic
    from planner.store.engine import upgrade

    if args.db_command == "upgrade":
        store = _open(args, check=False)
        before, after = upgrade(store.engine)
        print(say(args, "store.upgraded", url=store.url, before=before or msg("store.schema_none"), after=after))
        return EXIT_OK
    store = _open(args)
    actor = _actor(store, args)
    if args.db_command == "export":
        write_atomic(args.file, json.dumps(store.export_archive(actor), ensure_ascii=False, indent=1))
        print(say(args, "store.exported", url=store.url, file=args.file))
    elif args.db_command == "import":
        store.import_archive(actor, _read_archive(args.file))
        print(say(args, "store.imported", file=args.file, url=store.url))
    else:
        _audit(store, actor, args)
    return EXIT_OK


def _read_archive(file: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlannerInputError([Issue(file, "", "", "", msg("cli.file_not_found"))]) from None
    except (ValueError, OSError) as exc:
        raise PlannerInputError([Issue(file, "", "", "", msg("store.not_json", problem=str(exc)))]) from None
    if not isinstance(data, dict):
        raise ArchiveError(msg("store.not_archive_file", file=file))
    return data


def _audit(store: Store, actor: Actor, args: argparse.Namespace) -> None:
    from planner.io import write_atomic
    from planner.store.roles import ADMIN

    if ADMIN not in actor.roles:
        store.record(actor.name, "export audit", "", "refused", msg("audit.admin_only"))
        raise PermissionRefused(actor.name, actor.roles, msg("store.do.read_audit"))
    rows = store.audit()
    if args.xlsx:
        from planner.store.audit_xlsx import audit_workbook

        write_atomic(args.xlsx, audit_workbook(rows, args.lang))
        store.record(actor.name, "export audit", args.xlsx, "ok", msg("audit.rows", n=len(rows)))
        print(say(args, "store.audit_written", n=len(rows), path=args.xlsx))
        return
    for r in rows[: args.limit]:
        action, outcome = say(args, "text", text=Opt("audit.action", r.action)), say(args, "text", text=Opt(
            "audit.outcome", r.outcome))
        detail = say(args, "text", text=r.message) if r.message else r.detail
        print(f"{_when(r.at)}  {r.actor:<16} {action:<14} {outcome:<8} {r.target}  {detail[:80]}")


def _users(args: argparse.Namespace) -> int:
    store = _open(args)
    if args.users_command == "list":
        for name, roles in store.accounts():
            print(f"{name:<24} {say(args, 'text', text=roles_arg(roles))}")
        return EXIT_OK
    actor = store.local_actor() if not store.has_accounts() else _actor(store, args)
    password = secrets.token_urlsafe(32) if args.sso else _new_password(args)  # --sso: nobody knows it
    store.add_account(actor, args.name, password, args.role)
    print(say(args, "store.account_created", name=args.name, roles=roles_arg(args.role)))
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(say(args, "store.password_for", name=args.name))
    if first != getpass.getpass(say(args, "store.password_again")):
        raise PlannerInputError([Issue(msg("src.command_line"), "", "password", "", msg("store.passwords_differ"))])
    return first


def _scenarios(args: argparse.Namespace) -> int:
    store = _open(args)
    command = args.scenarios_command
    if command == "list":
        for s in store.scenarios():
            print(f"{s.name:<32} v{s.latest_version:<4} {s.latest_author:<16} {_when(s.updated_at)}")
    elif command == "history":
        for v in store.history(args.name):
            restored = say(args, "store.restored_from", version=v.restored_from) if v.restored_from else ""
            print(f"v{v.version}  {_when(v.created_at)}  {v.author}{restored}  {_comment(v)}")
            print("\n".join(change_lines(v.changes, args.out_lang)))
    elif command == "show":
        _show_version(store, args)
    elif command == "diff":
        print(say(args, "store.diff_head", name=args.name, v1=args.v1, v2=args.v2))
        print("\n".join(change_lines(store.diff(args.name, args.v1, args.v2), args.out_lang)))
    else:
        _save_or_restore(store, args)
    return EXIT_OK


def _comment(v: Any) -> str:
    """A version's comment; the store's own comment of a restored version is said by "restored from" already."""
    from planner.store.api import restored_comment

    return "" if v.restored_from and v.comment == restored_comment(v.restored_from) else v.comment


def _show_version(store: Store, args: argparse.Namespace) -> None:
    from planner.io import write_atomic

    version = store.version(args.name, args.version)
    if args.out:
        write_atomic(args.out, version.yaml)
        print(say(args, "store.version_written", name=args.name, version=version.version, path=args.out))
    else:
        print(version.yaml, end="")


def _save_or_restore(store: Store, args: argparse.Namespace) -> None:
    from planner.scenario import load_scenario

    actor = _actor(store, args)
    if args.scenarios_command == "restore":
        saved = store.restore(actor, args.name, args.version, args.expect_version)
    else:
        scenario = load_scenario(args.file)
        saved = store.save_scenario(actor, args.name or scenario.name, scenario, args.comment, args.expect_version)
    print(say(args, "store.scenario_saved", name=saved.scenario, version=saved.version, n=len(saved.changes),
              author=saved.author))


# ---------------------------------------------------------------- solve --from-store


def scenario_from_store(args: argparse.Namespace) -> tuple[Scenario, int]:
    """The scenario named by ``--from-store NAME[@V]`` and its version."""
    from planner.scenario import scenario_from_yaml

    name, version = _name_and_version(args.from_store)
    saved = _open(args).version(name, version)
    return scenario_from_yaml(saved.yaml, f"store:{name}@{saved.version}"), saved.version


def save_plan(args: argparse.Namespace, version: int, plan: Plan) -> None:
    """``solve --from-store NAME --save``: keep the plan with its scenario version."""
    store = _open(args)
    name, _ = _name_and_version(args.from_store)
    saved = store.save_plan(_actor(store, args), name, version, plan)
    print("\n" + say(args, "store.plan_saved_cli", id=saved.id, name=name, version=version))


def exit_code(exc: StoreError) -> int:
    """The CLI exit code of a store error."""
    if isinstance(exc, VersionConflict):
        return EXIT_CONFLICT
    if isinstance(exc, LoginFailed | PermissionRefused):
        return EXIT_REFUSED
    if isinstance(exc, StoreUnavailable | SchemaMismatch):
        return EXIT_STORE
    return EXIT_INPUT  # NotFound, ArchiveError, bad account data


def guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a command; a store error is printed (never a traceback) and mapped to its exit code."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except StoreError as exc:
            kind = {VersionConflict: "conflict", NotFound: "not_found"}.get(type(exc), "other")
            print(say(args, f"store.error.{kind}", error=exc.message), file=sys.stderr)
            return exit_code(exc)

    return run


def _items(args: argparse.Namespace) -> int:
    from planner.store.cli_items import run

    store = _open(args)
    return run(store, args, lambda: _actor(store, args))


STORE_COMMANDS = {"db": guarded(_db), "users": guarded(_users), "scenarios": guarded(_scenarios),
                  "items": guarded(_items)}
