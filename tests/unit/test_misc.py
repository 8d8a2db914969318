"""Doctests of the formula modules; planner never imports streamlit; Plan JSON round trip."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

from planner import Plan, load_catalog, load_scenario, make_plan


@pytest.mark.parametrize("module", ["planner.costs", "planner.schema", "planner.inputs", "planner.cli",
                                    "planner.messages.format", "planner.messages.render"])
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def test_planner_does_not_import_streamlit():
    code = "import sys, planner, planner.cli, planner.report.text; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_plan_json_round_trip():
    sc = load_scenario("examples/general_hospital.yaml")
    plan = make_plan(load_catalog(), sc)
    again = Plan.from_json(plan.to_json())
    assert again == plan
    assert isinstance(again.acquisitions, tuple) and again.costs == plan.costs
