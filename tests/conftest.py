"""Shared pytest fixtures: generic only (paths, the bundled catalogue). Area-specific fixtures live in the
``conftest.py`` of their test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
