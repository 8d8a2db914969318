"""The examples in ``planner/`` docstrings run as tests: a worked number that drifts from the code fails here.

One test per module that has examples (found by ``>>>`` in its source, so a new doctest is collected without
touching this file). Runs with any pytest invocation, ``pytest tests/unit`` included, and never imports the
Alembic migration scripts (they only run inside Alembic).
"""

from __future__ import annotations

import doctest
import importlib
import io
from pathlib import Path

import pytest

PLANNER = Path(__file__).resolve().parents[2] / "planner"


def modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PLANNER.rglob("*.py")):
        rel = path.relative_to(PLANNER.parent).with_suffix("")
        if "migrations" in rel.parts or ">>>" not in path.read_text(encoding="utf-8"):
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


MODULES = modules_with_examples()


def test_the_doctests_are_found():
    assert len(MODULES) >= 20, MODULES  # 26 modules had examples when this test was written
    assert "planner.costs" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    tests = [t for t in doctest.DocTestFinder().find(module, name) if t.examples]
    assert tests, f"{name} has '>>>' in its source but no example doctest can find"
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test, out=out.write)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, out.getvalue()
    assert result.attempted >= 1
