"""Decisions page: the budget ladder and the sensitivity analysis, on buttons, cached, FR/EN."""

from __future__ import annotations

from pathlib import Path

from planner import load_catalog, load_scenario
from planner.decision import budget_ladder
from planner.decision.path import purchase_path
from tests.app.conftest import charts, goto, scenario, table
from ui.i18n import Translator, eur
from ui.views import state

FR = Translator("fr")
EN = Translator("en")

CATALOG = load_catalog()
ROOT = Path(__file__).resolve().parents[2]


def _ladder(at):
    goto(at, "decisions")
    at.button(key="ui.ladder.run").click().run()
    assert not at.exception, at.exception
    return at


def test_nothing_is_computed_before_the_buttons(at):
    goto(at, "decisions")
    assert at.title[0].value == FR("dec.title")
    assert FR("dec.ladder_run") in at.info[0].value
    assert not at.get("plotly_chart")
    assert at.session_state[state.REQUESTS] == {}


def test_budget_ladder_metrics_frontier_tiers_steps_and_changes(at):
    _ladder(at)
    expected = budget_ladder(CATALOG, scenario(at), steps=20)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[FR("dec.min_budget")] == eur(expected.min_budget_eur, "fr")
    assert metrics[FR("dec.max_budget")] == eur(expected.max_budget_eur, "fr")
    assert metrics[FR("dec.scenario_budget")] == "300\u202f000\u00a0€"
    gains = [p.gain_over_greedy for p in expected.points if p.gain_over_greedy is not None]
    assert metrics[FR("dec.max_gain")] == f"{max(gains):.1f}".replace(".", ",")

    frontier = charts(at)["ui.chart.frontier"]
    optimiser, greedy = frontier["data"]
    assert optimiser["name"] == FR("ladder.optimiser") and greedy["name"] == FR("ladder.greedy")
    assert optimiser["y"] == [p.benefit for p in expected.points]
    assert all(o >= g - 1e-6 for o, g in zip(optimiser["y"], greedy["y"], strict=True))  # optimiser >= greedy
    labels = " ".join(a["text"] for a in frontier["layout"]["annotations"])
    entering = {CATALOG.devices[c.device_id].label("fr")[:12] for c in expected.changes}
    assert "+ " in labels and any(name in labels for name in entering)  # entering devices, by name
    assert frontier["layout"]["xaxis"]["title"]["text"] == "Budget d'investissement (€)"
    assert frontier["layout"]["separators"] == ",\u202f"

    path = purchase_path(CATALOG, scenario(at), steps=20, frontier=expected)  # the tiers shown are the path's
    tiers = table(at, "Priorité budgétaire")
    words = {"essential": "Priorité budgétaire 1", "recommended": "Priorité budgétaire 2",
             "advanced": "Priorité budgétaire 3"}
    order = ("essential", "recommended", "advanced")
    assert FR("col.recommendation") in tiers.columns
    assert list(tiers[FR("col.tier")]) == [words[x.tier] for x in sorted(
        path.tiers, key=lambda x: (order.index(x.tier), x.entry_budget_eur, x.device_id))]
    assert {CATALOG.devices[x.device_id].label("fr") for x in path.tiers} == set(tiers["Équipement"])
    assert "Site" not in tiers.columns  # a single site: no site column
    steps = table(at, FR("col.greedy"))
    assert len(steps) == len(expected.points)
    assert list(steps.columns[:4]) == [FR("col.budget"), "Événements pondérés évités/an", FR("col.greedy"),
                                       FR("col.gain")]
    changes = table(at, "Changement")
    assert len(changes) == len(expected.changes)
    assert any(c.startswith("ajout de ") for c in changes[FR("col.change")])


def test_purchase_path_beside_the_frontier_fr_and_en(at):
    _ladder(at)
    expected = purchase_path(CATALOG, scenario(at), steps=20)
    fig = charts(at)["ui.chart.path"]
    frontier, path = fig["data"]
    assert path["name"] == "Parcours d'achat (imbriqué)" and frontier["name"] == "Frontière (chaque budget seul)"
    assert path["y"] == [s.benefit for s in expected.steps]
    assert frontier["y"] == [s.frontier_benefit for s in expected.steps]
    assert all(p <= f + 1e-5 * max(1.0, f) for p, f in zip(path["y"], frontier["y"], strict=True))
    steps = table(at, "À acheter à ce palier")
    assert len(steps) == len(expected.steps)
    assert list(steps.columns[:5]) == ["Budget", "Parcours : événements évités", "Frontière : événements évités",
                                       "Écart", "Écart (%)"]
    bought = [s for s in expected.steps if s.purchases]
    assert all(CATALOG.devices[c.device_id].label("fr") in " ".join(steps["À acheter à ce palier"])
               for s in bought for c in s.purchases)  # products by name, no ids
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Statut du parcours"] == "optimal"
    assert metrics["Écart maximal à la frontière"].startswith(f"{expected.max_value_lost:.2f}".replace(".", ","))
    at.radio(key="ui.lang").set_value("en").run()
    assert not at.exception
    assert charts(at)["ui.chart.path"]["data"][1]["name"] == "Purchase path (nested)"
    assert "Buy at this step" in table(at, "Gap (%)").columns


def test_the_ladder_is_cached_and_survives_page_and_language_switches(at):
    _ladder(at)
    goto(at, "plan")
    goto(at, "decisions")
    assert "ui.chart.frontier" in charts(at)  # shown again without clicking
    at.radio(key="ui.lang").set_value("en").run()
    assert not at.exception
    frontier = charts(at)["ui.chart.frontier"]
    assert frontier["data"][0]["name"] == FR("plan.optimise")
    assert frontier["layout"]["separators"] == ".,"
    assert {m.label for m in at.metric} >= {EN("dec.min_budget"), EN("dec.max_gain")}


def test_a_changed_scenario_flags_the_ladder_out_of_date(at):
    _ladder(at)
    goto(at, "scenario")
    at.number_input(key="in.budget.capex").set_value(180_000).run()
    goto(at, "decisions")
    assert "Les entrées ont changé depuis cette analyse" in at.warning[0].value
    at.button(key="ui.ladder.run").click().run()
    assert not at.warning
    assert {m.label: m.value for m in at.metric}[FR("dec.scenario_budget")] == "180\u202f000\u00a0€"


def test_fewer_budget_steps(at):
    goto(at, "decisions")
    at.number_input(key="ui.ladder.steps").set_value(5).run()
    at.button(key="ui.ladder.run").click().run()
    steps = table(at, FR("col.greedy"))
    assert len(steps) == 5


def test_sensitivity_on_a_subset_with_a_tornado_chart(at):
    goto(at, "decisions")
    assert at.multiselect(key="ui.sens.weights").value  # every indication with demand by default
    at.multiselect(key="ui.sens.weights").set_value(["complex_pci", "intermediate_stenosis"]).run()
    at.multiselect(key="ui.sens.prices").set_value(["acist_hdi_kodama"]).run()  # the plan's reference IVUS cart
    assert "3 paramètres" in "\n".join(c.value for c in at.caption)
    at.button(key="ui.sens.run").click().run()
    assert not at.exception, at.exception
    tornado = charts(at)["ui.chart.tornado"]
    low, high = tornado["data"]
    assert (low["name"], high["name"]) == ("baisse", "hausse")
    assert len(low["y"]) == 3 and all(len(y) <= 70 for y in low["y"])  # short names on the chart
    assert sum(y.startswith("multiplicateur : ") for y in low["y"]) == 2
    assert sum(y.startswith("prix : Système IVUS haute définition HDi") for y in low["y"]) == 1
    ranges = table(at, "Baisse tolérée")
    assert len(ranges) == 3
    ivus = ranges[ranges["Objet"].str.startswith("Système IVUS haute définition HDi")].iloc[0]
    assert ivus[FR("col.parameter")] == FR("sens.price")


def test_the_multi_year_refusal_of_the_explanation_reads_in_french():
    """The ladder, the path and the sensitivity take multi-year plans; the explanation refuses them, in French."""
    from planner.decision.engine import require_single_period  # noqa: PLC0415
    from planner.errors import PlannerInputError  # noqa: PLC0415

    sc = load_scenario(ROOT / "examples" / "university_hospital_ppi_2027_2031.yaml")
    try:
        require_single_period(sc, "why / why-not explanation")
    except PlannerInputError as exc:
        text = exc.issues[0].render("fr")
    assert "un scénario d'un an, en achat seul" in text
