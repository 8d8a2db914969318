"""Shared pytest fixtures: generic only (paths, the bundled catalogue). Area-specific fixtures live in the
``conftest.py`` of their test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: rewrite the golden files of ``tests/golden/`` from the current code instead of
    comparing with them (PyPSA-style command-line flag; replaces the former ``UPDATE_GOLDEN=1``)."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.json from the current plans instead of comparing")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that need a server or a browser leave the fast loop (``-m "not slow"``): the PostgreSQL runs of the
    store tests (``store_url`` parametrised ``postgresql``, or the ``pg_url`` fixture) get the ``postgres`` and
    ``slow`` marks, the browser tests (``e2e``) the ``slow`` mark. The full run (``python -m pytest``) keeps them."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("store_url") == "postgresql" or "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
        if item.get_closest_marker("postgres") or item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when pytest runs with ``--update-golden``."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (where ``app.py``, ``catalog/`` and ``examples/`` are)."""
    return ROOT


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """``test-output/`` (gitignored): screenshots and other artefacts a human may want to look at."""
    path = ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path
