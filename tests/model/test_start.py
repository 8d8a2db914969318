"""The starting plan handed to HiGHS (``planner.model.start``): it meets every rule where the floors allow it,
and a solve stopped by its time limit before any search still returns a plan (status feasible, never optimal)."""

from __future__ import annotations

import dataclasses

import pytest

from bench.generate import generate
from planner.inputs import prepare
from planner.model import build_model
from planner.model.start import starting_point
from planner.scenario import SolverOptions
from planner.solve import solve


def _built(sites, devices, years):
    catalog, scenario = generate(sites, devices, seed=42)
    return build_model(prepare(catalog, dataclasses.replace(scenario, horizon_years=years)))


@pytest.mark.parametrize(("sites", "devices", "years"), [(1, 30, 1), (3, 60, 1), (3, 60, 10)])
def test_starting_point_meets_every_rule(sites, devices, years):
    built = _built(sites, devices, years)
    point = starting_point(built.inputs, built.variables)
    assert point
    for var in built.prob.variables():
        var.varValue = point.get(var.name, 0.0)
    broken = [c.name for c in built.prob.constraints() if not c.valid(1e-6)]
    assert broken == []


def test_time_limit_before_the_search_still_returns_the_starting_plan():
    built = _built(3, 60, 10)
    result = solve(built, SolverOptions("highs", 0.02, 0.005))
    assert result.status.value == "feasible"  # a plan, honestly not proven optimal
    assert result.phases[0].status.value == "feasible"


def test_no_starting_point_where_a_floor_has_no_device_alone():
    built = _built(1, 30, 1)
    inputs = dataclasses.replace(built.inputs, must_include=("d000",))
    assert starting_point(inputs, built.variables) is None
