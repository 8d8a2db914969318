"""AppTest helpers: a fresh app per test, page switching, and shortcuts to the session's objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from planner import Plan, Scenario
from ui.views import state

APP = Path(__file__).resolve().parents[2] / "app.py"
#: Limit of one AppTest script run (seconds): generous, because a run that solves a plan on a busy 2-core machine
#: can take tens of seconds (AppTest's own default is 3 s; 30 s was measured too short under load).
APP_TIMEOUT_S = 180
PAGES = ("scenario", "needs", "catalog", "plan", "decisions", "robustness", "compare", "about")


def goto(at: AppTest, page: str) -> AppTest:
    """Switch to ``app_pages/<page>.py`` and run; fail on any exception."""
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def scenario(at: AppTest) -> Scenario:
    """The session's current scenario."""
    value: Scenario = at.session_state[state.SCENARIO]
    return value


def plan(at: AppTest) -> Plan | None:
    """The session's last plan."""
    value: Plan | None = at.session_state[state.PLAN]
    return value


def errors(at: AppTest) -> str:
    """Every error box of the page, as one text."""
    return "\n".join(e.value for e in at.error)


def table(at: AppTest, column: str) -> Any:
    """The first table (``st.dataframe``) with a column of that header (dataframes carry no key in AppTest)."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert found, f"no table with a column {column!r}"
    return found[0]


def charts(at: AppTest) -> dict[str, dict[str, Any]]:
    """The plotly figures of the page as JSON, by widget key."""
    return {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def optimise(at: AppTest) -> AppTest:
    """Go to the Plan page and click Optimise."""
    goto(at, "plan")
    at.button(key="ui.optimise").click().run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(autouse=True)
def store_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A throwaway SQLite store per test (the app never writes into the user's data folder under test)."""
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    monkeypatch.setenv("CATHLAB_DB_URL", url)
    return url


@pytest.fixture
def at() -> AppTest:
    """The app after its first run (Scenario page, French, general-hospital example)."""
    app = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S)
    app.run()
    assert not app.exception, app.exception
    return app
