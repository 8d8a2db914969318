"""CLI subcommands ladder, compare, explain: output, JSON, exit codes; text and figure builders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from planner import cli, decision_cli, load_catalog, load_scenario
from planner.cli import main
from planner.decision import budget_ladder
from planner.decision.compare import compare_scenarios
from planner.decision.sensitivity import sensitivity
from planner.report.charts_decision import comparison_figure, frontier_figure, tornado_figure

ROOT = Path(__file__).resolve().parents[2]
DECISION = ROOT / "tests" / "data" / "catalog_decision"
WHY = str(DECISION / "why_not.yaml")
BAD = str(DECISION / "shock_floor_infeasible.yaml")


def test_exit_codes_agree_with_the_cli():
    assert (decision_cli.EXIT_OK, decision_cli.EXIT_INFEASIBLE, decision_cli.EXIT_INPUT, decision_cli.EXIT_SOLVER) \
        == (cli.EXIT_OK, cli.EXIT_INFEASIBLE, cli.EXIT_INPUT, cli.EXIT_SOLVER)


def test_ladder_command_prints_the_purchase_path_beside_the_frontier(tmp_path, capsys):
    out = tmp_path / "path.json"
    assert main(["ladder", WHY, "--steps", "6", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Purchase path" in text and "buy at this step" in text and "main/Shock pump x1" in text
    assert "What nesting costs against the frontier" in text and "Tiers of the path" in text
    data = json.loads(out.read_text())
    assert data["status"] == "optimal" and len(data["steps"]) == 6 and len(data["frontier"]["points"]) == 6
    assert [s["frontier_benefit"] for s in data["steps"]] == [p["benefit"] for p in data["frontier"]["points"]]
    assert all(s["value_lost"] >= 0 for s in data["steps"])


def test_ladder_command_frontier_only(tmp_path, capsys):
    out = tmp_path / "ladder.json"
    assert main(["ladder", WHY, "--steps", "6", "--frontier", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "capex budget" in text and "Tiers" in text and "greedy" in text
    data = json.loads(out.read_text())
    assert data["status"] == "optimal" and len(data["points"]) == 6


def test_ladder_command_errors(tmp_path, capsys):
    assert main(["ladder", WHY, "--steps", "1"]) == 2
    assert main(["ladder", WHY, "--json", str(tmp_path / "no" / "x.json")]) == 2
    assert main(["ladder", str(tmp_path / "missing.yaml")]) == 2


def test_ladder_command_infeasible(tmp_path, capsys):
    text = Path(BAD).read_text().replace("budget: {capex_eur: 60000}", "budget: {opex_eur_per_year: 100}")
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace("catalog: .", f"catalog: {DECISION}"))
    assert main(["ladder", str(path)]) == 1
    assert "raise the operating budget" in capsys.readouterr().out


def test_compare_command(tmp_path, capsys):
    out = tmp_path / "cmp.json"
    assert main(["compare", WHY, WHY, "--json", str(out)]) == 0
    assert "Devices in use" in capsys.readouterr().out
    assert json.loads(out.read_text())["names"] == ["why not", "why not (2)"]
    assert main(["compare", WHY, BAD]) == 1
    assert "raise the capital budget by €40,000" in capsys.readouterr().out
    assert main(["compare", WHY]) == 2


def test_explain_command(tmp_path, capsys):
    out = tmp_path / "explain.json"
    assert main(["explain", WHY, "--sensitivity", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "[security]" in text and "[not affordable]" in text and "Sensitivity" in text
    data = json.loads(out.read_text())
    assert set(data) == {"explanation", "sensitivity"}
    assert main(["explain", BAD]) == 1


def test_module_entry_point_runs_ladder():
    run = subprocess.run([sys.executable, "-m", "planner", "ladder", WHY, "--steps", "3"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr


@pytest.fixture(scope="module")
def results():
    scenario = load_scenario(WHY)
    catalog = load_catalog(scenario.catalog_path())
    return (budget_ladder(catalog, scenario, 8), sensitivity(catalog, scenario, tolerance=0.1),
            compare_scenarios([(catalog, scenario), (catalog, scenario)]))


def test_frontier_figure_labels_entering_devices(results):
    ladder, _, _ = results
    fig = frontier_figure(ladder, names={"ivus_any": "IVUS cart"})
    assert isinstance(fig, go.Figure) and [t.name for t in fig.data] == ["optimiser", "greedy rank-order fill"]
    labels = " ".join(a.text for a in fig.layout.annotations)
    assert "main: IVUS cart" in labels and "main: wire_cheap" in labels
    assert list(fig.data[0].y) == pytest.approx([p.benefit for p in ladder.points])
    json.loads(fig.to_json())


def test_tornado_and_comparison_figures(results):
    _, sens, comp = results
    fig = tornado_figure(sens)
    assert [t.name for t in fig.data] == ["decrease", "increase"] and len(fig.data[0].y) == len(sens.ranges)
    assert all(x <= 0 for x in fig.data[0].x) and all(x >= 0 for x in fig.data[1].x)
    assert len(comparison_figure(comp).data) == 2


def test_decision_package_does_not_import_streamlit():
    code = ("import sys, planner.decision, planner.decision_cli, planner.report.charts_decision; "
            "sys.exit('streamlit' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60).returncode == 0


def test_path_figure_draws_the_path_beside_the_frontier():
    from planner.decision.path import purchase_path  # noqa: PLC0415
    from planner.report.charts_decision import path_figure  # noqa: PLC0415

    scenario = load_scenario(WHY)
    path = purchase_path(load_catalog(scenario.catalog_path()), scenario, 4, with_greedy=False)
    fig = path_figure(path, names={"ivus_any": "IVUS cart"})
    frontier, nested = fig.data
    assert list(nested.y) == [s.benefit for s in path.steps]
    assert list(frontier.y) == [s.frontier_benefit for s in path.steps]
    assert any("IVUS cart" in h for h in nested.hovertext)
