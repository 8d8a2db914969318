"""The store's API: scenarios by name with immutable versions, plans, items, accounts, audit trail.

Every write is one transaction (a crash leaves the previous version intact); a save names the version it
started from and is refused with :class:`VersionConflict` when another was saved in between (optimistic
locking); what a role may change is checked here, section by section (:mod:`planner.store.roles`).
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import yaml
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from planner.errors import message_of
from planner.messages import Join, Msg, Opt, msg
from planner.plan import Plan
from planner.scenario import Scenario
from planner.store import accounts, archive
from planner.store.diff import Change, diff_dicts
from planner.store.engine import check_schema, make_engine, resolve_url, shown
from planner.store.errors import (
    LoginFailed,
    NotFound,
    PermissionRefused,
    StoreError,
    StoreUnavailable,
    VersionConflict,
    roles_arg,
)
from planner.store.models import (
    Account,
    AuditEvent,
    ItemRecord,
    ItemVersion,
    PlanRecord,
    ScenarioRecord,
    ScenarioVersion,
)
from planner.store.records import (
    Actor,
    AuditEntry,
    ItemInfo,
    SavedPlan,
    ScenarioSummary,
    VersionInfo,
    detail_message,
    stamp,
    stored_detail,
    utc,
)
from planner.store.roles import ADMIN, CREATORS, ITEM_WRITERS, WRITERS, may, refusals

ITEM_KINDS = ("catalog_extension", "price_list")
MAX_NAME = 200


def now() -> datetime:
    """The current time, aware UTC."""
    return datetime.now(UTC)


def open_store(url: str | None = None, check: bool = True) -> Store:
    """Open the store at ``url`` (default: ``$CATHLAB_DB_URL``, else SQLite in the user's data folder).

    An empty database gets the schema (first use); another schema version is refused with a clear message.
    """
    engine = make_engine(resolve_url(url))
    if check:
        check_schema(engine)
    return Store(engine)


def _scenario_data(text: str | None) -> dict[str, Any]:
    data = yaml.safe_load(text) if text else None
    return data if isinstance(data, dict) else {}


def _version_info(name: str, row: ScenarioVersion) -> VersionInfo:
    changes = tuple(Change.from_dict(c) for c in json.loads(row.diff or "[]"))
    return VersionInfo(name, row.version, row.author, utc(row.created_at), row.comment, changes, row.yaml,
                       row.restored_from)


def _item_info(rec: ItemRecord, row: ItemVersion) -> ItemInfo:
    return ItemInfo(rec.kind, rec.name, row.version, row.filename, row.digest, row.author, utc(row.created_at),
                    row.comment)



def _comment_arg(comment: str, restored_from: int | None) -> Msg | str:
    """A version's comment in its audit detail (the store's own comment of a restored version as a message)."""
    if restored_from and comment == restored_comment(restored_from):
        return msg("audit.comment", comment=msg("audit.restored", version=restored_from))
    return msg("audit.comment", comment=comment) if comment else ""


def restored_comment(version: int) -> str:
    """The comment of a restored version when the user gave none (kept as written: the app's history shows it;
    the command line says "restored from" in its own language instead)."""
    return f"restored from version {version}"

class Store:
    """A scenario store on one database (see :func:`open_store`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(write=True)

    @property
    def url(self) -> str:
        """Where the store is (password hidden)."""
        return shown(str(self.engine.url))

    # ------------------------------------------------------------ sessions

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        try:
            with Session(self._writer if write else self.engine, expire_on_commit=False) as session, \
                    session.begin():
                yield session
        except OperationalError as exc:
            raise StoreUnavailable(msg("store.unreachable", url=self.url, problem=str(exc.orig))) from None

    def record(self, actor: str, action: str, target: str = "", outcome: str = "ok", detail: str | Msg = "") -> None:
        """Add one row to the audit trail (its own transaction)."""
        with self._session(write=True) as s:
            s.add(AuditEvent(at=now(), actor=actor, action=action, target=target[:300], outcome=outcome,
                             detail=stored_detail(detail)))

    @contextmanager
    def _audited_write(self, actor: Actor, action: str, target: str) -> Iterator[Session]:
        """A write transaction; a refusal (conflict, role) is recorded in the audit trail, then raised."""
        try:
            with self._session(write=True) as s:
                yield s
        except StoreError as exc:
            if not isinstance(exc, StoreUnavailable):
                self.record(actor.name, action, target, "refused", message_of(exc))
            raise

    # ------------------------------------------------------------ accounts

    def has_accounts(self) -> bool:
        """Whether accounts are defined (then everyone logs in)."""
        with self._session() as s:
            return bool(s.scalar(select(func.count()).select_from(Account)))

    def local_actor(self) -> Actor:
        """Single-user mode: the system user, administrator. Refused once accounts exist."""
        if self.has_accounts():
            raise LoginFailed(msg("store.log_in", url=self.url))
        return Actor(getpass.getuser(), (ADMIN,))

    def login(self, name: str, password: str) -> Actor:
        """The account's actor if the password matches; every attempt is recorded."""
        with self._session() as s:
            row = s.scalars(select(Account).where(Account.name == name)).first()
        if row is None or not accounts.password_matches(row.password_hash, password):
            self.record(name, "login", name, "refused", msg("audit.wrong_password"))
            raise LoginFailed(msg("store.login_refused", name=name))
        self.record(name, "login", name)
        return Actor(row.name, accounts.split_roles(row.roles))

    def add_account(self, actor: Actor, name: str, password: str, roles: Sequence[str]) -> None:
        """Create an account (an administrator only; the first account must be an administrator)."""
        problems = accounts.role_problems(roles)
        if not name.strip() or len(name) > 80:
            problems.append(msg("store.account_name_length"))
        if len(password) < accounts.MIN_PASSWORD:
            problems.append(msg("store.password_length", n=accounts.MIN_PASSWORD))
        if not self.has_accounts() and ADMIN not in roles and not problems:
            problems.append(msg("store.first_admin"))
        if problems:
            raise StoreError(msg("store.account_not_created", name=name, problems=Join(tuple(problems), "semicolon")))
        with self._audited_write(actor, "add account", name) as s:
            if not may(actor.roles, ()):
                raise PermissionRefused(actor.name, actor.roles, msg("store.do.create_accounts"))
            if s.scalars(select(Account).where(Account.name == name)).first() is not None:
                raise StoreError(msg("store.account_exists", name=name))
            s.add(Account(name=name, roles=accounts.join_roles(roles), password_hash=accounts.hash_password(password),
                          created_at=now()))
            s.add(AuditEvent(at=now(), actor=actor.name, action="add account", target=name, outcome="ok",
                             detail=stored_detail(msg("text", text=roles_arg(roles)))))

    def accounts(self) -> list[tuple[str, tuple[str, ...]]]:
        """Every account and its roles."""
        with self._session() as s:
            return [(a.name, accounts.split_roles(a.roles)) for a in s.scalars(select(Account).order_by(Account.name))]

    # ------------------------------------------------------------ scenarios

    def save_scenario(self, actor: Actor, name: str, scenario: Scenario, comment: str = "",
                      expected_version: int | None = None) -> VersionInfo:
        """Save ``scenario`` as the next version of ``name``.

        ``expected_version``: the version the edit started from (``None``: a new scenario). Refused with
        :class:`VersionConflict` if it is not the latest, with :class:`PermissionRefused` if the actor's roles
        may not change a section that differs.
        """
        return self._new_version(actor, "save", name, scenario.to_yaml(), comment, expected_version, None)

    def restore(self, actor: Actor, name: str, version: int, expected_version: int, comment: str = "") -> VersionInfo:
        """Save an old version again as the new latest (the history keeps everything)."""
        old = self.version(name, version)
        return self._new_version(actor, "restore", name, old.yaml, comment or restored_comment(version),
                                 expected_version, version)

    def _new_version(self, actor: Actor, action: str, name: str, text: str, comment: str,
                     expected: int | None, restored_from: int | None) -> VersionInfo:
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise StoreError(msg("store.name_length", name=name, most=MAX_NAME))
        try:
            with self._audited_write(actor, action, name) as s:
                return self._insert_version(s, actor, action, name, text, comment, expected, restored_from)
        except IntegrityError:  # another writer created the scenario or the version first
            conflict = self._conflict(name, expected)
            self.record(actor.name, action, name, "refused", conflict.message)
            raise conflict from None

    def _insert_version(self, s: Session, actor: Actor, action: str, name: str, text: str, comment: str,
                        expected: int | None, restored_from: int | None) -> VersionInfo:
        rec = s.scalars(select(ScenarioRecord).where(ScenarioRecord.name == name).with_for_update()).first()
        if rec is None and expected:
            raise NotFound(msg("store.no_such_version_to_expect", name=name))
        latest = rec.latest_version if rec else 0
        if rec is not None and expected != latest:
            raise self._conflict_of(s, rec, expected)
        old = self._version_row(s, rec, latest).yaml if rec else None
        changes = diff_dicts(_scenario_data(old), _scenario_data(text))
        self._check_change(actor, name, rec is None, changes)
        at = now()
        if rec is None:
            rec = ScenarioRecord(name=name, latest_version=0, created_at=at, created_by=actor.name)
            s.add(rec)
            s.flush()
        rec.latest_version = latest + 1
        row = ScenarioVersion(scenario_id=rec.id, version=latest + 1, yaml=text, author=actor.name, created_at=at,
                              comment=comment, diff=json.dumps([c.to_dict() for c in changes], default=str),
                              restored_from=restored_from)
        s.add(row)
        s.add(AuditEvent(at=at, actor=actor.name, action=action, target=f"{name}@{latest + 1}", outcome="ok",
                         detail=stored_detail(msg("audit.changes", n=len(changes),
                                                  comment=_comment_arg(comment, restored_from)))))
        s.flush()
        return _version_info(name, row)

    @staticmethod
    def _check_change(actor: Actor, name: str, new: bool, changes: Sequence[Change]) -> None:
        if new and not may(actor.roles, CREATORS):
            raise PermissionRefused(actor.name, actor.roles, msg("store.do.create_scenario", name=name))
        refused = refusals(actor.roles, changes)
        if refused and not new:
            raise PermissionRefused(actor.name, actor.roles, msg("store.do.change_scenario", name=name), refused)

    def _conflict_of(self, s: Session, rec: ScenarioRecord, expected: int | None) -> VersionConflict:
        row = self._version_row(s, rec, rec.latest_version)
        return VersionConflict(rec.name, expected, rec.latest_version, row.author, stamp(row.created_at))

    def _conflict(self, name: str, expected: int | None) -> VersionConflict:
        with self._session() as s:
            return self._conflict_of(s, self._record(s, name), expected)

    @staticmethod
    def _record(s: Session, name: str) -> ScenarioRecord:
        rec = s.scalars(select(ScenarioRecord).where(ScenarioRecord.name == name)).first()
        if rec is None:
            raise NotFound(msg("store.no_scenario", name=name))
        return rec

    @staticmethod
    def _version_row(s: Session, rec: ScenarioRecord, version: int) -> ScenarioVersion:
        row = s.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == rec.id,
                                                      ScenarioVersion.version == version)).first()
        if row is None:
            raise NotFound(msg("store.no_version", name=rec.name, version=version, latest=rec.latest_version))
        return row

    def scenarios(self) -> list[ScenarioSummary]:
        """Every scenario with its latest version, by name."""
        with self._session() as s:
            rows = s.execute(select(ScenarioRecord, ScenarioVersion).join(
                ScenarioVersion, (ScenarioVersion.scenario_id == ScenarioRecord.id)
                & (ScenarioVersion.version == ScenarioRecord.latest_version)).order_by(ScenarioRecord.name)).all()
            return [ScenarioSummary(r.name, r.latest_version, v.author, utc(v.created_at)) for r, v in rows]

    def history(self, name: str) -> list[VersionInfo]:
        """Every version of ``name``, newest first."""
        with self._session() as s:
            rec = self._record(s, name)
            rows = s.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == rec.id)
                             .order_by(ScenarioVersion.version.desc()))
            return [_version_info(name, r) for r in rows]

    def version(self, name: str, version: int | None = None) -> VersionInfo:
        """One version of ``name`` (default: the latest)."""
        with self._session() as s:
            rec = self._record(s, name)
            return _version_info(name, self._version_row(s, rec, version or rec.latest_version))

    def diff(self, name: str, v1: int, v2: int) -> tuple[Change, ...]:
        """What changed from version ``v1`` to ``v2`` of ``name``."""
        return diff_dicts(_scenario_data(self.version(name, v1).yaml), _scenario_data(self.version(name, v2).yaml))

    # ------------------------------------------------------------ plans

    def save_plan(self, actor: Actor, name: str, version: int, plan: Plan, comment: str = "") -> SavedPlan:
        """Save a plan made from version ``version`` of ``name``, with its catalogue fingerprint."""
        with self._audited_write(actor, "save plan", f"{name}@{version}") as s:
            if not may(actor.roles, WRITERS):
                raise PermissionRefused(actor.name, actor.roles, msg("store.do.save_plans"))
            rec = self._record(s, name)
            self._version_row(s, rec, version)
            row = PlanRecord(scenario_id=rec.id, scenario_version=version,
                             catalog_fingerprint=plan.catalog_fingerprint, status=plan.status,
                             plan_json=plan.to_json(), author=actor.name, created_at=now(), comment=comment)
            s.add(row)
            s.flush()
            detail = stored_detail(msg("audit.plan", id=row.id, status=Opt("status", plan.status),
                                       fingerprint=plan.catalog_fingerprint))
            s.add(AuditEvent(at=row.created_at, actor=actor.name, action="save plan", target=f"{name}@{version}",
                             outcome="ok", detail=detail))
            return self._saved_plan(name, row)

    @staticmethod
    def _saved_plan(name: str, row: PlanRecord) -> SavedPlan:
        return SavedPlan(row.id, name, row.scenario_version, row.catalog_fingerprint, row.status, row.author,
                         utc(row.created_at), row.plan_json)

    def plans(self, name: str) -> list[SavedPlan]:
        """The plans saved for ``name``, newest first."""
        with self._session() as s:
            rec = self._record(s, name)
            rows = s.scalars(select(PlanRecord).where(PlanRecord.scenario_id == rec.id)
                             .order_by(PlanRecord.id.desc()))
            return [self._saved_plan(name, r) for r in rows]

    # ------------------------------------------------------------ items (catalogue extensions, price lists)

    def save_item(self, actor: Actor, kind: str, name: str, filename: str, content: bytes, comment: str = "",
                  expected_version: int | None = None) -> ItemInfo:
        """Save a file as the next version of the item ``kind``/``name`` (same locking as scenarios)."""
        if kind not in ITEM_KINDS:
            raise StoreError(msg("store.unknown_kind", kind=kind, known=", ".join(ITEM_KINDS)))
        with self._audited_write(actor, f"save {kind}", name) as s:
            if not may(actor.roles, ITEM_WRITERS):
                what = msg("store.do.save_item", kind=Opt("store.a_kind", kind))
                raise PermissionRefused(actor.name, actor.roles, what)
            rec = s.scalars(select(ItemRecord).where(ItemRecord.kind == kind, ItemRecord.name == name)
                            .with_for_update()).first()
            latest = rec.latest_version if rec else 0
            if (rec is not None and expected_version != latest) or (rec is None and expected_version):
                why = msg("store.item_conflict", kind=Opt("store.item_kind", kind), name=name, latest=latest)
                raise VersionConflict(f"{kind} {name}", expected_version, latest, "?", "?", why)
            if rec is None:
                rec = ItemRecord(kind=kind, name=name, latest_version=0)
                s.add(rec)
                s.flush()
            rec.latest_version = latest + 1
            row = ItemVersion(item_id=rec.id, version=latest + 1, filename=filename, content=content,
                              digest=hashlib.sha256(content).hexdigest(), author=actor.name, created_at=now(),
                              comment=comment)
            s.add(row)
            s.add(AuditEvent(at=row.created_at, actor=actor.name, action=f"save {kind}",
                             target=f"{name}@{latest + 1}", outcome="ok", detail=filename))
            return ItemInfo(kind, name, row.version, filename, row.digest, actor.name, row.created_at, comment)

    def item(self, kind: str, name: str, version: int | None = None) -> tuple[ItemInfo, bytes]:
        """One version of an item (default: the latest) and its content."""
        with self._session() as s:
            rec = s.scalars(select(ItemRecord).where(ItemRecord.kind == kind, ItemRecord.name == name)).first()
            if rec is None:
                raise NotFound(msg("store.no_item", kind=Opt("store.item_kind", kind), name=name))
            row = s.scalars(select(ItemVersion).where(ItemVersion.item_id == rec.id, ItemVersion.version
                                                      == (version or rec.latest_version))).first()
            if row is None:
                raise NotFound(msg("store.item_no_version", kind=Opt("store.item_kind", kind), name=name,
                                   version=version, latest=rec.latest_version))
            return (ItemInfo(kind, name, row.version, row.filename, row.digest, row.author, utc(row.created_at),
                             row.comment), row.content)

    def items(self, kind: str | None = None) -> list[ItemInfo]:
        """The latest version of every item (of ``kind``, or of every kind), by kind then name."""
        with self._session() as s:
            query = select(ItemRecord, ItemVersion).join(ItemVersion, (ItemVersion.item_id == ItemRecord.id) & (
                ItemVersion.version == ItemRecord.latest_version)).order_by(ItemRecord.kind, ItemRecord.name)
            rows = s.execute(query if kind is None else query.where(ItemRecord.kind == kind)).all()
            return [_item_info(r, v) for r, v in rows]

    def item_history(self, kind: str, name: str) -> list[ItemInfo]:
        """Every version of the item ``kind``/``name``, newest first."""
        with self._session() as s:
            rec = s.scalars(select(ItemRecord).where(ItemRecord.kind == kind, ItemRecord.name == name)).first()
            if rec is None:
                raise NotFound(msg("store.no_item", kind=Opt("store.item_kind", kind), name=name))
            rows = s.scalars(select(ItemVersion).where(ItemVersion.item_id == rec.id)
                             .order_by(ItemVersion.version.desc()))
            return [_item_info(rec, v) for v in rows]

    # ------------------------------------------------------------ audit, archive

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        """The audit trail, newest first."""
        with self._session() as s:
            rows = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
            found = [(r, detail_message(r.detail)) for r in rows]
            return [AuditEntry(utc(r.at), r.actor, r.action, r.target, r.outcome, str(m), m) for r, m in found]

    def export_archive(self, actor: Actor) -> dict[str, Any]:
        """Everything in the store as plain data (see :mod:`planner.store.archive`); the export is audited."""
        if not may(actor.roles, ()):
            self.record(actor.name, "export", self.url, "refused", msg("audit.admin_only"))
            raise PermissionRefused(actor.name, actor.roles, msg("store.do.export"))
        with self._session() as s:
            data = archive.dump(s)
        self.record(actor.name, "export", self.url, "ok", msg("audit.scenarios", n=len(data["scenarios"])))
        return data

    def import_archive(self, actor: Actor, data: dict[str, Any]) -> None:
        """Restore an archive into this store, which must be empty (one transaction)."""
        with self._session(write=True) as s:
            archive.load(s, data)
            s.add(AuditEvent(at=now(), actor=actor.name, action="import", target=self.url, outcome="ok",
                             detail=stored_detail(msg("audit.scenarios", n=len(data.get("scenarios", []))))))
