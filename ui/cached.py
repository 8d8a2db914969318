"""The only place with ``st.cache_*``: the catalogue load, and results keyed on the scenario's JSON text.

Cached functions take hashable, serialised arguments (``Scenario.to_json()``, the catalogue fingerprint,
plain options) and rebuild the objects inside; nothing returned by :func:`catalog` is ever mutated
(``Catalog`` is frozen). Every result cache is bounded (``max_entries``). Input errors raise
:class:`planner.PlannerInputError`, which is not cached.
"""

from __future__ import annotations

import json

import streamlit as st

from planner import Catalog, Plan, Scenario, load_catalog, make_plan, parse_scenario
from planner.decision import Explanation, Ladder, Sensitivity, budget_ladder, explain_plan
from planner.decision import sensitivity as sensitivity_of
from planner.diagnose import Diagnosis, elastic_diagnosis
from planner.inputs import prepare
from planner.report.excel import plan_to_xlsx_bytes


@st.cache_resource(show_spinner=False)
def catalog(path: str | None = None) -> Catalog:
    """The catalogue (bundled, ``$CATHLAB_CATALOG``, or ``path``), loaded once per process."""
    return load_catalog(path)


def _scenario(scenario_json: str) -> Scenario:
    return parse_scenario(json.loads(scenario_json), source="scenario")


@st.cache_data(max_entries=32, show_spinner=False)
def plan(scenario_json: str, catalog_fingerprint: str) -> Plan:
    """Solve the scenario given as canonical JSON (``Scenario.to_json()``).

    ``catalog_fingerprint`` is part of the key so that an edited catalogue file is never served a stale
    plan. Raises :class:`planner.PlannerInputError` (not cached) when the inputs have errors.
    """
    del catalog_fingerprint  # cache key only
    return make_plan(catalog(), _scenario(scenario_json))


@st.cache_data(max_entries=16, show_spinner=False)
def plan_xlsx(scenario_json: str, catalog_fingerprint: str, lang: str) -> bytes:
    """The plan of the scenario as an Excel workbook in ``lang`` (the plan itself comes from :func:`plan`)."""
    return plan_to_xlsx_bytes(plan(scenario_json, catalog_fingerprint), catalog(), _scenario(scenario_json), lang)


@st.cache_data(max_entries=8, show_spinner=False)
def diagnosis(scenario_json: str, catalog_fingerprint: str) -> Diagnosis:
    """Why the scenario has no plan: the elastic diagnosis (smallest relaxation, single fixes)."""
    del catalog_fingerprint  # cache key only
    scenario = _scenario(scenario_json)
    return elastic_diagnosis(prepare(catalog(), scenario), scenario.solver)


@st.cache_data(max_entries=8, show_spinner=False)
def ladder(scenario_json: str, catalog_fingerprint: str, steps: int) -> Ladder:
    """The budget ladder of the scenario (``steps`` capex budgets, with the greedy fill)."""
    del catalog_fingerprint  # cache key only
    return budget_ladder(catalog(), _scenario(scenario_json), steps=steps)


@st.cache_data(max_entries=8, show_spinner=False)
def explanation(scenario_json: str, catalog_fingerprint: str) -> Explanation:
    """Why each device is in the plan of the scenario, why the others are not, what binds."""
    del catalog_fingerprint  # cache key only
    return explain_plan(catalog(), _scenario(scenario_json))


@st.cache_data(max_entries=8, show_spinner=False)
def sensitivity(scenario_json: str, catalog_fingerprint: str, weights: tuple[str, ...],
                prices: tuple[str, ...]) -> Sensitivity:
    """Ranges of the given indication weights and consumable prices keeping the configuration."""
    del catalog_fingerprint  # cache key only
    return sensitivity_of(catalog(), _scenario(scenario_json), weights=weights, prices=prices)
