"""Store fixtures: a real SQLite file and a real PostgreSQL database (never a mock).

PostgreSQL: ``$CATHLAB_TEST_PG_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``) is the
server; a throwaway database is created for the test session and dropped after. Without a server the
PostgreSQL tests skip, except in CI (``CI=true``) where they fail: they never skip silently there.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planner import Scenario, load_scenario
from planner.store.api import Store, open_store
from planner.store.models import Base
from planner.store.records import Actor

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "general_hospital.yaml"
BACKENDS = ("sqlite", "postgresql")


def _unreachable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL unreachable in CI ({reason}): the store tests must run against it")
    pytest.skip(f"no PostgreSQL server ({reason}); set CATHLAB_TEST_PG_URL")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a throwaway PostgreSQL database, created for this test session and dropped after."""
    server = os.environ.get("CATHLAB_TEST_PG_URL", DEFAULT_PG)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"cathlab_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        _unreachable(str(exc).splitlines()[0])
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def empty_database(url: str) -> None:
    """Drop every table of the store (and Alembic's version table)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL, on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    empty_database(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An empty store (schema created on first use)."""
    opened = open_store(store_url)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def admin() -> Actor:
    """An administrator."""
    return Actor("ada", ("administrator",))


@pytest.fixture(scope="session")
def example() -> Scenario:
    """The general-hospital example."""
    return load_scenario(EXAMPLE)


def with_capex(scenario: Scenario, capex: float) -> Scenario:
    """The scenario with another capital budget (a biomedical engineer's change)."""
    return dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, capex_eur=capex))
