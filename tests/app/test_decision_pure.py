"""The pure helpers of the decision, security and import views: words (FR/EN), tables, relabelled figures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import Issue, load_catalog, load_scenario, make_plan
from planner.decision import budget_ladder, compare_plans, explain_plan, sensitivity
from planner.decision.binding import binding_constraints
from planner.diagnose import elastic_diagnosis
from planner.inputs import prepare
from planner.messages import Device, Join, Opt, Site, msg
from ui import charts_decision, decision_tables, tables, wording
from ui.i18n import Translator
from ui.views.widgets import issue_line, place

DATA = Path(__file__).resolve().parents[1] / "data" / "catalog_decision"
CATALOG = load_catalog()
FR, EN = Translator("fr"), Translator("en")


@pytest.fixture(scope="module")
def why_not_case():
    sc = load_scenario(DATA / "why_not.yaml")
    cat = load_catalog(sc.catalog_path())
    return cat, sc, explain_plan(cat, sc), make_plan(cat, sc)


@pytest.fixture(scope="module")
def general():
    sc = load_scenario("examples/general_hospital.yaml")
    return sc, make_plan(CATALOG, sc)


# ---------------------------------------------------------------- why not: every reason, both languages


def test_every_why_not_reason_in_words(why_not_case):
    cat, sc, expl, _ = why_not_case
    fr = {w.device_id: FR.say(w.text, cat) for w in expl.not_chosen}
    en = {w.device_id: EN.say(w.text, cat) for w in expl.not_chosen}
    reasons = {w.device_id: w.reason.value for w in expl.not_chosen}
    assert set(reasons.values()) >= {"excluded_by_user", "excluded_security", "incompatible_angio", "no_demand",
                                     "requires_absent", "dominated", "not_affordable"}
    by_reason = {reasons[d]: (fr[d], en[d]) for d in reasons}
    assert by_reason["excluded_by_user"] == (FR("why.excluded_by_user"),
                                             EN("why.excluded_by_user"))
    assert by_reason["excluded_security"][0] == ("exclu pour raison de sécurité : système Windows 7 hors support "
                                                 "depuis le 2015-01-14")
    assert "Windows 7 out of vendor support since 2015-01-14" in by_reason["excluded_security"][1]
    assert by_reason["incompatible_angio"][0] == ("incompatible avec l'angiographe Siemens Healthineers du site "
                                                  "(fonctionne avec : Philips)")
    assert by_reason["no_demand"][1].startswith("no indication it serves has demand at this site (")
    assert by_reason["requires_absent"][0].startswith("nécessite ")
    assert by_reason["dominated"][0].startswith("surpassé : même sans limite de budget")
    assert by_reason["not_affordable"][0] == ("trop cher dans les budgets : sans limite de budget, il éviterait "
                                              "25,0 événements pondérés/an ; il faudrait 80\u202f000\u00a0€ "
                                              "d'investissement en plus ; imposé, aucun plan ne tient dans les budgets")
    assert by_reason["not_affordable"][1].endswith("it needs €80,000 more capital; forced in, no plan fits the budgets")


def test_chosen_devices_in_words(why_not_case):
    cat, _, expl, _ = why_not_case
    lines = [wording.chosen_line(c, expl.chosen, cat, FR, {"main": "Main"}) for c in expl.chosen]
    head = "**IVUS cart** — Angioplastie complexe : 150,0 cas/an (600,0 événements pondérés évités/an"
    assert any(line.startswith(head) for line in lines)
    assert any("à sa place : Dear pressure wire console" in line for line in lines)


def test_binding_constraints_in_plain_words(general):
    sc, p = general
    found = binding_constraints(prepare(CATALOG, sc), p, lambda _inputs: None)
    lines = {b.family: FR.say(b.text, CATALOG, {"main": "Main"}) for b in found}
    assert "opex_budget" in lines and "coverage_floor" in lines
    for line in lines.values():
        assert not any(d in line for d in CATALOG.devices) and not any(k in line for k in CATALOG.indications), line
    used = next(b.used_eur for b in p.budgets if b.name == "opex_per_year")
    assert lines["opex_budget"] == (
        f"budget de fonctionnement utilisé à l'euro près : {FR.eur(used)}/an sur 300\u202f000\u00a0€/an")


def test_changes_and_security_reasons_in_words():
    change = msg("chg.at_site", change=msg("chg.add", device=Device("opsens_optowire_optomonitor"), n=1),
                 site=Site("main"))
    assert FR.say(change, CATALOG, {"main": "Main"}) == (
        "ajout de Guide de pression à fibre optique OptoWire (Deux/III) + OptoMonitor (1 u.) (Main)")
    reason = msg("text_list", items=Join((msg("why.sec_score", score=12, max=0),
                                          msg("why.sec_mds2", value=Opt("sec", "unknown"))), "semicolon"))
    assert FR.say(reason) == "score de risque 12 au-dessus du maximum 0 ; pas de déclaration MDS2 (inconnu)"


def test_ways_out_of_an_infeasible_scenario():
    sc = load_scenario(DATA / "shock_floor_infeasible.yaml")
    cat = load_catalog(sc.catalog_path())
    diag = elastic_diagnosis(prepare(cat, sc), sc.solver)
    fr = [FR.say(r.text, cat, {"main": "Main"}) for r in diag.single_fixes]
    raise_capex = ("relever le budget d'investissement de 40\u202f000\u00a0€ "
                   "(de 60\u202f000\u00a0€ à 100\u202f000\u00a0€)")
    assert raise_capex in fr
    assert any(x.startswith("abaisser la couverture minimale de ") and x.endswith("à Main de 80\u00a0% à 0\u00a0%")
               for x in fr)


def test_short_names_and_slugs():
    assert wording.short("Rotablator RotaPro console + burr/advancer + RotaWire") == "Rotablator RotaPro console"
    assert wording.short("x" * 50, 10) == "x" * 9 + "…"
    assert tables.slug("CHU PPI 2027-2031") == "chu_ppi_2027_2031"
    assert tables.slug("!!!") == "scenario"


def test_spreadsheet_cells_in_the_users_words():
    assert place("sheet 'Prix', row 4, column C", FR) == "feuille « Prix », ligne 4, colonne C"
    assert place("row 2", EN) == "row 2"
    line = issue_line(Issue("prix.csv", "row 2, column B", "capex_eur", "-5", msg("in.min", low="0")), FR)
    assert line == "**prix.csv, ligne 2, colonne B (Prix d'achat (€))** = `-5` : doit être ≥ 0"
    assert place("security.max_risk_score", EN) == "Security — Maximum risk score (security.max_risk_score)"


# ---------------------------------------------------------------- tables and figures


def test_ladder_tables_and_frontier(general):
    sc, _ = general
    ladder = budget_ladder(CATALOG, sc, steps=6)
    sites = decision_tables.sites_of(sc)
    steps = decision_tables.ladder_steps(ladder, CATALOG, sites, "fr")
    assert list(steps["budget"]) == [p.budget_eur for p in ladder.points]
    tiers = decision_tables.ladder_tiers(ladder, CATALOG, FR, sites)
    assert "site" not in tiers.columns
    assert set(tiers["tier"]) <= {FR("tier.essential"), FR("tier.recommended"), FR("tier.advanced")}
    fig = charts_decision.frontier(ladder, CATALOG, EN, sites, show_greedy=False)
    assert [tr.name for tr in fig.data] == [FR("plan.optimise")]
    assert all("_" not in a.text for a in fig.layout.annotations)  # names, not ids
    assert fig.layout.xaxis.range[1] < (ladder.scenario_budget_eur or 0)  # 300 kEUR lies far beyond: off-chart
    assert "€" in fig.data[0].hovertext[0]


def test_tornado_and_sensitivity_table(general):
    sc, _ = general
    sens = sensitivity(CATALOG, sc, weights=["complex_pci"], prices=["boston_rotapro"])
    fig = charts_decision.tornado(sens, CATALOG, EN, {"main": "Main"})
    assert [tr.name for tr in fig.data] == ["decrease", "increase"]
    assert fig.data[0].y[-1].startswith(("multiplier: ", "price: "))
    # the top bar (plotly draws the last category on top) is the narrowest range: the most fragile parameter
    widths = [r.high_multiplier - r.low_multiplier for r in sens.ranges]
    top = [r for r in sens.ranges if r.high_multiplier - r.low_multiplier == min(widths)]
    assert fig.data[0].y[-1].split(": ", 1)[1][:20] in {
        (CATALOG.indications[r.subject].name("en") if r.parameter == "weight" else CATALOG.devices[r.subject].name)[:20]
        for r in top}
    frame = decision_tables.sensitivity_ranges(sens, CATALOG, FR, {"main": "Main"})
    assert list(frame["parameter"]).count("multiplicateur") == 1


def test_comparison_tables(general):
    sc, p = general
    comp = compare_plans([p, p], ["A", "B"])
    summary = decision_tables.comparison_summary(comp, EN)
    assert list(summary.columns) == ["figure", "A", "B"] and summary["figure"][0] == "Status"
    devices = decision_tables.comparison_devices(comp, CATALOG, EN, {"main": "Main"})
    assert not devices["differs"].any() and list(devices.columns[:4]) == ["device", "A", "B", "difference"]
    assert set(devices["difference"]) == {""}  # the same plan twice: no difference to show
    cheaper = make_plan(CATALOG, dataclasses.replace(sc, budget=dataclasses.replace(sc.budget, capex_eur=150_000)))
    comp2 = compare_plans([p, cheaper], ["A", "B"])
    devices2 = decision_tables.comparison_devices(comp2, CATALOG, EN, {"main": "Main"})
    for row in devices2.itertuples():
        assert row.difference == ("" if row.A == row.B else f"{row.B - row.A:+d}")
    coverage = decision_tables.comparison_coverage(comp2, CATALOG, EN, {"main": "Main"})
    assert list(coverage.columns[:4]) == ["indication", "A", "B", "difference"]
    assert (coverage["difference"] != "").sum() == sum(r.differs for r in comp2.coverage)
    fig = charts_decision.comparison(comp, FR)
    assert fig.layout.separators == ",\u202f"


def test_security_tables(general):
    sc, p = general
    frame = decision_tables.security_frame(p, CATALOG, EN)
    assert len(frame) == len(p.security) and frame["risk_score"].is_monotonic_decreasing
    assert set(frame["os_end_of_support"]) == {"unknown"}
    assert decision_tables.exclusions_frame(p, CATALOG, FR).empty
