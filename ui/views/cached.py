"""The only place with ``st.cache_*``: the catalogue load, and results keyed on the scenario's JSON text.

Cached functions take hashable, serialised arguments (``Scenario.to_json()``, the catalogue fingerprint,
plain options) and rebuild the objects inside; the catalogue itself comes as ``_catalog`` (not hashed:
Streamlit skips arguments whose name starts with ``_``), keyed by its fingerprint, which differs for every
extended catalogue. Nothing returned by :func:`catalog` is ever mutated (``Catalog`` is frozen). Every result
cache is bounded (``max_entries``). Input errors raise :class:`planner.PlannerInputError`, which is not cached.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import streamlit as st

from planner import Catalog, Plan, Scenario, load_catalog, make_plan, parse_scenario
from planner.decision import Explanation, Sensitivity, explain_plan
from planner.decision import sensitivity as sensitivity_of
from planner.decision.path import PurchasePath
from planner.decision.path import purchase_path as path_of
from planner.diagnose import Diagnosis, elastic_diagnosis
from planner.ingest.catalog import import_catalog_extension
from planner.inputs import prepare
from planner.progress import Progress, SolveWatch
from planner.report.excel import plan_to_xlsx_bytes
from planner.report.pdf import committee_pdf_bytes
from planner.report.pdf_path import printed_path
from ui.views import state


@st.cache_resource(show_spinner=False)
def catalog(path: str | None = None) -> Catalog:
    """The catalogue (bundled, ``$CATHLAB_CATALOG``, or ``path``), loaded once per process."""
    return load_catalog(path)


@st.cache_resource(max_entries=16, show_spinner=False)
def extended(base_fingerprint: str, name: str, digest: str, _data: bytes) -> Catalog:
    """The bundled catalogue with a catalogue extension file (see
    :func:`planner.ingest.catalog.import_catalog_extension`); raises :class:`planner.PlannerInputError` on errors.
    Keyed by the file's name and digest: its bytes (``_data``) are not hashed again at every run of a page."""
    del base_fingerprint, digest  # cache key only
    return import_catalog_extension(_data, name, catalog())


def extended_by(ext: state.Extension) -> Catalog:
    """The bundled catalogue with the extension ``ext``."""
    return extended(catalog().fingerprint, ext.name, ext.digest, ext.data)


def session_catalog() -> Catalog:
    """The catalogue of this session: the bundled one, extended by the file the user uploaded if any."""
    ext = state.extension()
    return catalog() if ext is None else extended_by(ext)


def _scenario(scenario_json: str) -> Scenario:
    return parse_scenario(json.loads(scenario_json), source="scenario")


@st.cache_data(max_entries=32, show_spinner=False)
def plan(scenario_json: str, catalog_fingerprint: str, _catalog: Catalog, _solved: Plan | None = None) -> Plan:
    """Solve the scenario given as canonical JSON (``Scenario.to_json()``).

    ``catalog_fingerprint`` is part of the key so that an edited catalogue file is never served a stale
    plan. Raises :class:`planner.PlannerInputError` (not cached) when the inputs have errors. ``_solved`` (not
    hashed) is the plan of this very scenario and catalogue, already made with a progress bar
    (:func:`solved_plan`): it is kept in the cache as it is, so the other pages find it.
    """
    del catalog_fingerprint  # cache key only
    return _solved if _solved is not None else make_plan(_catalog, _scenario(scenario_json))


def solved_plan(scenario: Scenario, _catalog: Catalog, watch: SolveWatch) -> Plan:
    """The plan of ``scenario``, made while ``watch`` hears the solver (the Plan page's progress bar, which
    Streamlit's cache cannot replay), then kept in :func:`plan`'s cache for the other pages."""
    made = make_plan(_catalog, scenario, watch=watch)
    return plan(scenario.to_json(), _catalog.fingerprint, _catalog, _solved=made)


@st.cache_data(max_entries=16, show_spinner=False)
def plan_xlsx(scenario_json: str, catalog_fingerprint: str, lang: str, _catalog: Catalog) -> bytes:
    """The plan of the scenario as an Excel workbook in ``lang`` (the plan itself comes from :func:`plan`)."""
    return plan_to_xlsx_bytes(plan(scenario_json, catalog_fingerprint, _catalog), _catalog, _scenario(scenario_json),
                              lang)


@st.cache_data(max_entries=8, show_spinner=False)
def committee_pdf(scenario_json: str, catalog_fingerprint: str, lang: str, ladder_steps: int,
                  _catalog: Catalog) -> bytes:
    """The committee PDF of the scenario's plan in ``lang``; with the nested purchase path at ``ladder_steps``
    budgets (the Decisions page's, kept in the session) when it is not 0."""
    path = None
    if ladder_steps:
        path = printed_path(purchase_path(scenario_json, catalog_fingerprint, ladder_steps, _catalog))
    return committee_pdf_bytes(plan(scenario_json, catalog_fingerprint, _catalog), _catalog,
                               _scenario(scenario_json), lang, path)


@st.cache_data(max_entries=8, show_spinner=False)
def diagnosis(scenario_json: str, catalog_fingerprint: str, _catalog: Catalog) -> Diagnosis:
    """Why the scenario has no plan: the elastic diagnosis (smallest relaxation, single fixes)."""
    del catalog_fingerprint  # cache key only
    scenario = _scenario(scenario_json)
    return elastic_diagnosis(prepare(_catalog, scenario), scenario.solver)


# ---------------------------------------------------------------- long analyses, kept in the session
# They report progress to the page (a bar and a Cancel button), which Streamlit's caches cannot replay: each
# session keeps its last result of each kind instead (``held``), computed again only for another request.


def held(kind: str, key: tuple[object, ...]) -> Any:
    """The session's last ``kind`` result if it was computed for ``key``, else ``None``."""
    kept = st.session_state.get(f"{state.MEMO}{kind}")
    return kept[1] if kept is not None and kept[0] == key else None


def _keep(kind: str, key: tuple[object, ...], compute: Callable[[], Any]) -> Any:
    value = held(kind, key)
    if value is None:
        value = compute()
        st.session_state[f"{state.MEMO}{kind}"] = (key, value)
    return value


def path_key(scenario_json: str, catalog_fingerprint: str, steps: int) -> tuple[object, ...]:
    """What a purchase path depends on."""
    return ("path", scenario_json, catalog_fingerprint, steps)


def purchase_path(scenario_json: str, catalog_fingerprint: str, steps: int, _catalog: Catalog,
                  progress: Progress | None = None) -> PurchasePath:
    """The nested purchase path of the scenario, with the budget ladder (the frontier, with greedy) beside it."""
    return _keep("path", path_key(scenario_json, catalog_fingerprint, steps),
                 lambda: path_of(_catalog, _scenario(scenario_json), steps=steps, progress=progress))


@st.cache_data(max_entries=8, show_spinner=False)
def explanation(scenario_json: str, catalog_fingerprint: str, _catalog: Catalog) -> Explanation:
    """Why each device is in the plan of the scenario, why the others are not, what binds."""
    del catalog_fingerprint  # cache key only
    return explain_plan(_catalog, _scenario(scenario_json))


def sensitivity_key(scenario_json: str, catalog_fingerprint: str, weights: tuple[str, ...],
                    prices: tuple[str, ...]) -> tuple[object, ...]:
    """What a sensitivity analysis depends on."""
    return ("sensitivity", scenario_json, catalog_fingerprint, weights, prices)


def sensitivity(scenario_json: str, catalog_fingerprint: str, weights: tuple[str, ...],
                prices: tuple[str, ...], _catalog: Catalog, progress: Progress | None = None) -> Sensitivity:
    """Ranges of the given indication weights and consumable prices keeping the configuration."""
    return _keep("sensitivity", sensitivity_key(scenario_json, catalog_fingerprint, weights, prices),
                 lambda: sensitivity_of(_catalog, _scenario(scenario_json), weights=weights, prices=prices,
                                        progress=progress))


@st.cache_resource(max_entries=4, show_spinner=False)
def store(url: str) -> Any:
    """The scenario store at ``url``, opened (and its schema checked) once per URL."""
    from planner.store.api import open_store

    return open_store(url)
