"""Long analyses (purchase path, sensitivity) report their progress on the page, offer a Cancel button while
they run, and are computed once per request (kept in the session)."""

from __future__ import annotations

import pytest

from planner.decision.path import purchase_path
from planner.decision.sensitivity import sensitivity
from tests.app.conftest import goto
from ui.views import cached, state


def _counting(monkeypatch: pytest.MonkeyPatch, name: str, real):  # noqa: ANN001, ANN202
    """Replace ``ui.views.cached.<name>`` by the real function, recording every progress share it reports."""
    calls: list[list[float]] = []

    def wrapped(*args, progress=None, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        shares: list[float] = []
        calls.append(shares)

        def report(share: float) -> None:
            shares.append(share)
            if progress is not None:
                progress(share)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(cached, name, wrapped)
    return calls


def test_the_path_reports_its_progress_and_is_computed_once(at, monkeypatch):
    calls = _counting(monkeypatch, "path_of", purchase_path)
    goto(at, "decisions")
    at.button(key="ui.ladder.run").click().run()
    assert not at.exception, at.exception
    assert len(calls) == 1
    shares = calls[0]
    assert shares == sorted(shares) and shares[-1] == 1.0 and len(shares) >= 3  # the frontier's budgets, then 1
    assert not [b for b in at.button if b.key == "ui.ladder.cancel"]  # the bar and Cancel go once done
    goto(at, "plan")
    goto(at, "decisions")  # the path is kept for the session: not computed again
    assert len(calls) == 1
    assert at.session_state[state.REQUESTS].get("ladder") is not None


def test_the_sensitivity_reports_its_progress(at, monkeypatch):
    calls = _counting(monkeypatch, "sensitivity_of", sensitivity)
    goto(at, "decisions")
    at.button(key="ui.sens.run").click().run()
    assert not at.exception, at.exception
    assert len(calls) == 1 and calls[0][-1] == 1.0 and calls[0] == sorted(calls[0])
    at.run()
    assert len(calls) == 1


def test_after_cancel_nothing_is_computed_or_shown(at):
    goto(at, "decisions")
    at.button(key="ui.ladder.run").click().run()
    at.session_state[state.REQUESTS] = {k: v for k, v in at.session_state[state.REQUESTS].items() if k != "ladder"}
    at.run()  # what the Cancel button's callback (ui.views.state.cancel) leaves: nothing is computed or shown
    assert not at.exception, at.exception
    assert not [c for c in at.get("plotly_chart") if c.proto.id.endswith("ui.chart.path")]
