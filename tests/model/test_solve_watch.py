"""A watch on one optimisation (``make_plan(..., watch=...)``): the stages in order, the solver's bounds during
its phases, and a watch that raises stops HiGHS cleanly and reaches the caller as it was raised (the app's
Cancel button)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from planner.errors import PlannerSolverError
from planner.messages import catalogue, render
from planner.progress import SolveReport, describe

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CATALOG = load_catalog()


def _watched(name: str, **changes: object) -> tuple[list[SolveReport], object]:
    scenario = load_scenario(EXAMPLES / name)
    if changes:
        scenario = dataclasses.replace(scenario, **changes)
    seen: list[SolveReport] = []
    return seen, make_plan(CATALOG, scenario, watch=seen.append)


def _stages(reports: list[SolveReport]) -> list[str]:
    """The stages in the order they began (repeats of one stage folded)."""
    out: list[str] = []
    for r in reports:
        if not out or out[-1] != r.stage:
            out.append(r.stage)
    return out


def test_a_lexicographic_run_reports_each_stage_in_order() -> None:
    seen, plan = _watched("university_hospital.yaml")
    assert _stages(seen) == ["check", "build", "value", "cost", "plan"]
    times = [r.elapsed_s for r in seen]
    assert times == sorted(times) and all(r.limit_s == plan.scenario["solver"]["time_limit_s"] for r in seen)
    assert all(0.0 <= r.share <= 1.0 for r in seen)


def test_cbc_reports_its_phases_too() -> None:
    scenario = load_scenario(EXAMPLES / "general_hospital.yaml")
    seen: list[SolveReport] = []
    make_plan(CATALOG, scenario, dataclasses.replace(scenario.solver, name="cbc"), watch=seen.append)
    assert _stages(seen) == ["check", "build", "value", "cost", "plan"]


def test_a_cost_only_run_has_one_phase() -> None:
    seen, _plan = _watched("general_hospital.yaml", objective="min_cost")
    assert _stages(seen) == ["check", "build", "min_cost", "plan"]


def test_the_solver_reports_its_bounds_during_a_search() -> None:
    seen, plan = _watched("university_hospital_ppi_2027_2031.yaml")
    during = [r for r in seen if r.best is not None]
    assert during, "the 5-year example searches a tree: HiGHS calls back at least once"
    for r in during:
        if r.stage == "value" and r.bound is not None:
            assert r.best <= r.bound + 1e-6  # a value is maximised: the bound is above the best plan
        assert r.gap is None or r.gap >= 0.0
        assert render(describe(r), "fr")  # every report can be shown
    unwatched = make_plan(CATALOG, load_scenario(EXAMPLES / "university_hospital_ppi_2027_2031.yaml"))
    assert plan.status == unwatched.status
    assert plan.benefit == pytest.approx(unwatched.benefit, rel=0.006)  # both within the requested 0.5 % gap


class Stop(BaseException):
    """What Streamlit raises in a page that must stop (a BaseException, like its own)."""


def test_a_watch_that_raises_stops_the_solver_and_reaches_the_caller() -> None:
    scenario = load_scenario(EXAMPLES / "university_hospital_ppi_2027_2031.yaml")
    heard: list[SolveReport] = []

    def watch(report: SolveReport) -> None:
        heard.append(report)
        if report.best is not None:
            raise Stop

    with pytest.raises(Stop):
        make_plan(CATALOG, scenario, watch=watch)
    assert heard[-1].stage == "value" and heard[-1].best is not None  # stopped at its first bound, in phase 1
    assert make_plan(CATALOG, scenario).has_solution  # nothing is left behind: the next run is whole


def test_an_ordinary_exception_of_the_watch_is_not_called_a_solver_failure() -> None:
    scenario = load_scenario(EXAMPLES / "university_hospital_ppi_2027_2031.yaml")

    def watch(report: SolveReport) -> None:
        if report.best is not None:
            raise KeyError("the caller's own")

    with pytest.raises(KeyError) as raised:
        make_plan(CATALOG, scenario, watch=watch)
    assert not isinstance(raised.value, PlannerSolverError)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("stage", ["check", "build", "value", "cost", "min_cost", "plan", "diagnosis"])
def test_every_stage_has_words(stage: str, lang: str) -> None:
    assert f"solve.stage.{stage}" in catalogue()  # both languages: tests/unit/test_messages.py
    assert render(describe(SolveReport(stage, 1.0, 60.0)), lang).endswith(
        "(1 s, time limit 60 s)" if lang == "en" else "(1 s, limite 60 s)")
