"""The only place with ``st.cache_*``: the catalogue load, and plans keyed on the scenario's JSON text.

Cached functions take hashable, serialised arguments and rebuild the objects inside; nothing returned by
:func:`catalog` is ever mutated (``Catalog`` is frozen).
"""

from __future__ import annotations

import json

import streamlit as st

from planner import Catalog, Plan, load_catalog, make_plan, parse_scenario


@st.cache_resource(show_spinner=False)
def catalog(path: str | None = None) -> Catalog:
    """The catalogue (bundled, ``$CATHLAB_CATALOG``, or ``path``), loaded once per process."""
    return load_catalog(path)


@st.cache_data(max_entries=32, show_spinner=False)
def plan(scenario_json: str, catalog_fingerprint: str) -> Plan:
    """Solve the scenario given as canonical JSON (``Scenario.to_json()``).

    ``catalog_fingerprint`` is part of the key so that an edited catalogue file is never served a stale
    plan. Raises :class:`planner.PlannerInputError` (not cached) when the inputs have errors.
    """
    del catalog_fingerprint  # cache key only
    scenario = parse_scenario(json.loads(scenario_json), source="scenario")
    return make_plan(catalog(), scenario)
