"""Where the store lives and how to reach it: the URL, the engine (SQLite in WAL mode, or PostgreSQL), the
Alembic migrations shipped in ``migrations/`` and the schema-version check made at start."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from planner.messages import msg
from planner.store.errors import SchemaMismatch, StoreUnavailable

ENV_URL = "CATHLAB_DB_URL"  #: environment variable naming the store (``postgresql+psycopg://...``)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_S = 30.0  # SQLite: how long a writer waits for another's transaction


def default_url() -> str:
    """SQLite in the user's data folder (``platformdirs``: ``~/.local/share/cathlab-planner`` on Linux)."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('cathlab-planner', appauthor=False)) / 'store.sqlite3'}"


def resolve_url(url: str | None = None) -> str:
    """The store URL: ``url`` if given, else ``$CATHLAB_DB_URL``, else :func:`default_url`."""
    return url or os.environ.get(ENV_URL) or default_url()


def shown(url: str) -> str:
    """The URL with its password hidden (for messages)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_events(engine: Engine) -> None:
    """WAL, foreign keys, and ``BEGIN IMMEDIATE`` for writers (so a writer never fails on a stale snapshot)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun by the "begin" listener below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; the SQLite file's folder is created on first use."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreUnavailable(msg("store.bad_url", url=url)) from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        _sqlite_events(engine)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreUnavailable(msg("store.cannot_use", url=shown(url), problem=str(exc))) from None


def _config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The schema version this program needs (the newest migration)."""
    head = ScriptDirectory.from_config(_config(None)).get_current_head()  # type: ignore[arg-type]
    return str(head)


def current_revision(engine: Engine) -> tuple[str | None, bool]:
    """The database's schema version (``None``: never migrated) and whether it has any table at all."""
    try:
        with engine.connect() as conn:
            rev = MigrationContext.configure(conn).get_current_revision()
            tables = bool(inspect(conn).get_table_names())
    except SQLAlchemyError as exc:
        why = msg("store.cannot_open", url=shown(str(engine.url)), problem=str(getattr(exc, "orig", exc)))
        raise StoreUnavailable(why) from None
    return rev, tables


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Run the migrations up to the newest; return the schema version before and after."""
    before, _ = current_revision(engine)
    command.upgrade(_config(engine), "head")
    return before, head_revision()


def check_schema(engine: Engine, create_if_empty: bool = True) -> None:
    """Refuse a database whose schema is not this program's; create the schema in an empty database."""
    rev, has_tables = current_revision(engine)
    head = head_revision()
    if rev == head:
        return
    where = shown(str(engine.url))
    if rev is None and not has_tables and create_if_empty:
        upgrade(engine)
        return
    if rev is None:
        raise SchemaMismatch(msg("store.not_a_store", url=where))
    known = {s.revision for s in ScriptDirectory.from_config(_config(engine)).walk_revisions()}
    raise SchemaMismatch(msg("store.old_schema" if rev in known else "store.new_schema", url=where, version=rev,
                             head=head))
