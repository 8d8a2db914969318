"""Plan page: Optimise, status, metrics, rooms, acquisitions, charts, budgets, infeasible diagnosis, speed."""

from __future__ import annotations

import json
import time

from planner import load_catalog, make_plan
from planner.messages import site_names
from tests.app.conftest import APP, APP_TIMEOUT_S, errors, goto, optimise, plan, scenario
from ui.i18n import Translator
from ui.views import cached

FR = Translator("fr")


def _charts(at) -> dict[str, dict]:
    return {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def test_before_optimising_the_page_says_what_to_do(at):
    goto(at, "plan")
    assert FR("plan.optimise") in at.info[0].value
    assert not at.metric


def test_optimise_the_general_hospital(at):
    optimise(at)
    assert at.success[0].value == "Statut : optimal"
    expected = make_plan(load_catalog(), scenario(at))
    t = Translator("fr")
    metrics = {m.label: m.value for m in at.metric[:4]}
    assert metrics == {"Événements pondérés évités par an": t.num(expected.benefit, 2),
                       "Investissement": t.eur(expected.costs.capex_eur),
                       "Fonctionnement / an": t.eur(expected.costs.opex_eur_per_year),
                       "Coût annualisé / an": t.eur(expected.costs.annualised_eur_per_year)}
    assert metrics["Investissement"].endswith("\u00a0€")
    assert at.session_state["plan_stale"] is False


def test_room_by_room_configuration_and_acquisitions(at):
    optimise(at)
    p = plan(at)
    cards = "\n".join(m.value for m in at.markdown)
    assert "**Salle 1**" in cards and "**Salle 2**" in cards and "**Équipements partagés (mobiles)**" in cards
    catalog = load_catalog()
    for room in p.rooms:
        for device in room.devices:
            assert catalog.devices[device].label("fr") in cards
    acquisitions = at.dataframe[0].value
    assert list(acquisitions.columns[:4]) == [FR("col.family"), "Équipement", FR("col.new"), FR("col.installed")]
    assert len(acquisitions) == len(p.acquisitions)
    assert acquisitions[FR("col.new")].sum() == sum(a.units_new for a in p.acquisitions)


def test_coverage_cost_and_budget_charts(at):
    optimise(at)
    charts = _charts(at)
    assert set(charts) == {"ui.chart.coverage", "ui.chart.costs", "ui.chart.budgets"}
    coverage = charts["ui.chart.coverage"]
    bars = [tr for tr in coverage["data"] if tr["type"] == "bar"]
    demand = [tr for tr in coverage["data"] if tr["type"] == "scatter"]
    assert {tr["name"] for tr in bars} == {load_catalog().devices[a.device_id].label("fr") for a in plan(at).allocation}
    assert demand[0]["name"] == FR("chart.demand")
    assert sorted(demand[0]["x"]) == sorted(c.demand_cases for c in plan(at).coverage)
    assert coverage["layout"]["separators"] == ",\u202f"
    costs = charts["ui.chart.costs"]
    total = sum(sum(tr["x"]) for tr in costs["data"])
    assert abs(total - plan(at).costs.annualised_eur_per_year) < 1.0
    budgets = next(d.value for d in at.dataframe if "Plafond" in d.value.columns)
    assert list(budgets[FR("col.budget")]) == ["Investissement", "Fonctionnement / an"]


def test_english_plan_uses_english_formats(at):
    optimise(at)
    at.radio(key="ui.lang").set_value("en").run()
    assert at.success[0].value == "Status: optimal"
    capex = next(m.value for m in at.metric if m.label == "Capital cost")
    assert capex.startswith("€") and "," in capex
    assert "**Room 1**" in "\n".join(m.value for m in at.markdown)
    assert _charts(at)["ui.chart.coverage"]["layout"]["separators"] == ".,"


def test_infeasible_plan_shows_the_diagnosis_in_plain_words(at):
    at.number_input(key="in.budget.capex").set_value(0).run()
    at.number_input(key="in.budget.opex").set_value(1000).run()
    optimise(at)
    text = errors(at)
    assert "Statut : aucun plan possible" in text
    assert "Aucun plan ne respecte toutes les règles" in text
    french = Translator("fr")
    for line in plan(at).diagnosis:
        assert french.say(line, load_catalog(), site_names(plan(at).scenario)) in text
    assert "Traceback" not in text
    assert not at.metric


def test_stale_plan_is_flagged_until_re_optimised(at):
    optimise(at)
    goto(at, "needs")
    at.number_input(key="in.need.intermediate_stenosis.weight").set_value(9.0).run()
    goto(at, "plan")
    assert "Les entrées ont changé" in at.warning[0].value
    at.button(key="ui.optimise").click().run()
    assert not any("Les entrées ont changé" in w.value for w in at.warning)  # clinical alerts may remain
    assert plan(at).scenario["indications"]["intermediate_stenosis"]["weight"] == 9.0


def test_solve_and_render_plan_page_under_a_second_of_server_time():
    """Issue 3: the general-hospital example solves and the Plan page renders in well under 1 s."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S).run()  # start-up: imports, catalogue load
    goto(at, "plan")
    cached.plan.clear()  # a real solve, not a cache hit
    start = time.perf_counter()
    at.button(key="ui.optimise").click().run()
    elapsed = time.perf_counter() - start
    assert not at.exception
    assert plan(at).status == "optimal"
    print(f"\nPlan page, solve + render: {elapsed * 1000:.0f} ms server time")
    assert elapsed < 1.0


def test_optimising_shows_the_solver_progress_then_keeps_the_plan_for_every_page(at, monkeypatch):
    """Optimise makes the plan once, under a progress bar fed by the solver's stages (then gone with its Cancel
    button); the plan is then in the plan cache, where the other pages find it without solving again."""
    made: list[list[str]] = []

    def watched(catalog, scenario, options=None, write_mps=None, watch=None):  # noqa: ANN001, ANN202
        stages: list[str] = []
        made.append(stages)

        def relay(report):  # noqa: ANN001, ANN202
            stages.append(report.stage)
            if watch is not None:
                watch(report)

        return make_plan(catalog, scenario, options, write_mps, watch=relay)

    monkeypatch.setattr(cached, "make_plan", watched)
    cached.plan.clear()
    optimise(at)
    assert len(made) == 1 and made[0][:2] == ["check", "build"] and made[0][-1] == "plan"
    assert {"value", "cost"} <= set(made[0])
    assert not [b for b in at.button if b.key == "ui.plan.cancel"]  # the bar and Cancel go once done
    goto(at, "decisions")  # its sensitivity section reads the plan of the current scenario
    assert len(made) == 1  # from the cache
