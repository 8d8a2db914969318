"""The app's layout rules (reference/style.md): small entrypoint and pages, pure helpers, no model logic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "app_pages").glob("*.py"))


def test_entrypoint_is_navigation_only():
    text = (ROOT / "app.py").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 80
    assert "st.navigation" in text and "from planner" not in text and "import planner" not in text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_are_small_and_hold_no_model_logic(page):
    text = page.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    for forbidden in ("import pulp", "planner.model", "planner.costs", "make_plan(", "cache_data", "cache_resource"):
        assert forbidden not in text, forbidden


#: The pure presentation helpers and label tables: every module of ui/ outside ui/views/ (found, not listed).
PURE = sorted(f"ui.{p.stem}" for p in (ROOT / "ui").glob("*.py") if p.stem != "__init__") + \
    sorted(f"ui.labels.{p.stem}" for p in (ROOT / "ui" / "labels").glob("*.py") if p.stem != "__init__")
VIEWS = sorted(p.stem for p in (ROOT / "ui" / "views").glob("*.py") if p.stem != "__init__")


@pytest.mark.slow
def test_pure_helpers_do_not_import_streamlit():
    assert len(PURE) >= 10  # the helpers found, so that the check cannot pass on an empty list
    code = f"import sys, ui.labels, {', '.join(PURE)}, planner; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_what_calls_streamlit_lives_in_ui_views():
    """The layout says what each module is: only ui/views/ (and the pages) import streamlit."""
    outside = [p for p in (ROOT / "ui").rglob("*.py") if "views" not in p.parts
               and "import streamlit" in p.read_text(encoding="utf-8")]
    assert not outside, outside
    assert all("import streamlit" in (ROOT / "ui" / "views" / f"{v}.py").read_text(encoding="utf-8")
               for v in VIEWS), "a module of ui/views/ that does not call Streamlit belongs beside the pure helpers"


def test_caching_lives_only_in_ui_cached():
    for path in [ROOT / "app.py", *PAGES, *(ROOT / "ui").rglob("*.py")]:
        if path.name != "cached.py":
            assert "st.cache_" not in path.read_text(encoding="utf-8"), path.name
