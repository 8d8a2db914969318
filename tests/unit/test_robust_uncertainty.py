"""The uncertainty: section (parsed, located errors, round trip), the draws, the CLI."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from planner.cli import main
from planner.errors import PlannerInputError
from planner.inputs import prepare
from planner.robust.sampling import draw, sample_inputs
from planner.robust.uncertainty import Distribution, Uncertainty
from planner.scenario import parse_scenario, scenario_from_yaml
from tests.unit.robust_helpers import general_fixture  # noqa: F401 (fixture)

SECTION = """
uncertainty:
  seed: 3
  activity: {dist: normal, sd: 0.1}
  sites: {main: {dist: uniform, low: -0.1, high: 0.1}}
  indication_shares: {dist: triangular, low: -0.2, mode: 0, high: 0.3}
  prices: {consumables: {dist: normal, sd: 0.1}, per_device: true}
  evidence: true
  opex_budget_confidence: 0.9
"""


def _yaml(extra: str) -> str:
    with open("examples/general_hospital.yaml", encoding="utf-8") as fh:
        return fh.read() + extra


def test_section_parses_and_round_trips():
    scenario = scenario_from_yaml(_yaml(SECTION))
    u = scenario.uncertainty
    assert u.seed == 3 and u.sites["main"] == Distribution("uniform", low=-0.1, high=0.1)
    assert u.prices.per_device and u.evidence and u.opex_budget_confidence == 0.9
    assert parse_scenario(scenario.to_dict()) == scenario


@pytest.mark.parametrize(("text", "where"), [
    ("uncertainty: {sites: {nord: {dist: normal, sd: 0.1}}}", "uncertainty.sites.nord"),
    ("uncertainty: {activity: {dist: gamma}}", "uncertainty.activity.dist"),
    ("uncertainty: {activity: {dist: uniform, low: 0.2, high: 0.1}}", "uncertainty.activity"),
    ("uncertainty: {activity: {dist: normal}}", "uncertainty.activity.sd"),
    ("uncertainty: {opex_budget_confidence: 0}", "uncertainty.opex_budget_confidence"),
    ("uncertainty: {colour: red}", "uncertainty.colour"),
])
def test_errors_say_where(text, where):
    with pytest.raises(PlannerInputError) as err:
        scenario_from_yaml(_yaml("\n" + text + "\n"))
    assert any(where in i.location for i in err.value.issues)


def test_draws_depend_on_seed_and_index_only(general):
    catalog, scenario = general
    scenario = scenario_from_yaml(_yaml(SECTION))
    base = prepare(catalog, scenario)
    u = scenario.uncertainty
    assert draw(u, base, 4) == draw(u, base, 4)
    assert draw(u, base, 4) != draw(u, base, 5)
    assert draw(Uncertainty(seed=9, activity=u.activity), base, 4) != draw(Uncertainty(seed=8, activity=u.activity),
                                                                            base, 4)
    fut = sample_inputs(base, u, 4)
    d = draw(u, base, 4)
    s, k = "main", "intermediate_stenosis"
    assert fut.demand[(s, k)] == pytest.approx(base.demand[(s, k)] * d.site[s] * d.indication[k])
    assert all(fut.max_new[sd] >= n for sd, n in base.max_new.items())


def test_cli_robust_json_and_workbook(tmp_path, capsys):
    out, xlsx = tmp_path / "r.json", tmp_path / "r.xlsx"
    code = main(["robust", "examples/general_hospital.yaml", "--samples", "4", "--mode", "stability",
                 "--workers", "1", "--seed", "7", "--json", str(out), "--xlsx", str(xlsx), "--lang", "en"])
    assert code == 0
    report = json.loads(out.read_text())
    assert report["samples"] == 4 and report["seed"] == 7 and len(report["stability"]["regrets"]) == 4
    assert "futures" in capsys.readouterr().err  # the progress bar
    assert "Robustness" in load_workbook(xlsx).sheetnames


@pytest.mark.parametrize("args", [["--samples", "0"], ["--workers", "0"], ["--seed", "-1"],
                                  ["--json", "/no/such/folder/r.json"]])
def test_cli_bad_input_exits_2(args, capsys):
    assert main(["robust", "examples/general_hospital.yaml", *args]) == 2
    assert "Traceback" not in capsys.readouterr().err
