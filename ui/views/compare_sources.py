"""Where the Compare page takes its two sides from: the current scenario, a bundled example, an uploaded
scenario, or a saved version of the scenario store (solved here, or one of the plans saved with it).

Each picker returns a :class:`Side` or ``None`` (nothing to compare yet, the reason is shown). The store is
only read (no account needed); when it cannot be opened, the page says so and offers the other sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from planner import Catalog, Plan, PlannerInputError, Scenario, scenario_from_yaml
from planner.errors import message_of
from planner.store.errors import StoreError
from ui import edits
from ui.i18n import Translator
from ui.views import store_view
from ui.views.widgets import issue_line, show_issues

CURRENT, UPLOAD, STORE = "current", "upload", "store"


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its column name, its scenario, and a saved plan (``None``: solve it)."""

    name: str
    scenario: Scenario
    plan: Plan | None = None


def open_store(t: Translator) -> Any | None:
    """The scenario store, or ``None`` with a warning saying why (the other sources stay)."""
    try:
        return store_view.store()
    except StoreError as exc:
        st.warning(t("cmp.store_unavailable", error=t.say(message_of(exc))), icon=":material/database:")
        return None


def left_side(current: Scenario, store: Any | None, t: Translator) -> Side | None:
    """The first column: the current scenario, or a saved version (when the store is open)."""
    here = Side(t("cmp.current", name=current.name), current)
    if store is None:
        return here
    choice = st.radio(t("cmp.left"), [CURRENT, STORE], key="ui.cmp.left", horizontal=True,
                      format_func=lambda c: t(f"cmp.source.{c}"))
    return here if choice == CURRENT else saved_side(store, "left", t)


def right_side(current: Scenario, catalog: Catalog, store: Any | None, t: Translator) -> Side | None:
    """The second column: a bundled example (another than the current one by default), an upload, or a saved
    version (when the store is open)."""
    examples = list(edits.bundled_examples())
    names = {e: edits.load_example(e).name for e in examples}
    # the first other example, network examples (with referral links or rules) last
    network = {e: bool(edits.load_example(e).referral_rules or edits.load_example(e).referrals) for e in examples}
    order = sorted(range(len(examples)), key=lambda i: network[examples[i]])
    default = next((i for i in order if names[examples[i]] != current.name), 0)
    options = [*examples, UPLOAD, *([STORE] if store is not None else [])]
    choice = st.radio(t("cmp.with"), options, index=default, key="ui.cmp.with", horizontal=True,
                      format_func=lambda e: _source(e, t))
    if choice == STORE:
        return saved_side(store, "right", t)
    if choice != UPLOAD:
        scenario = edits.load_example(choice)
        return Side(scenario.name, scenario)
    uploaded = _uploaded(catalog, t)
    return None if uploaded is None else Side(uploaded.name, uploaded)


def _source(choice: str, t: Translator) -> str:
    return {UPLOAD: t("cmp.upload_option"), STORE: t("cmp.source.store")}.get(choice) or t.opt("example", choice)


def _uploaded(catalog: Catalog, t: Translator) -> Scenario | None:
    file = st.file_uploader(t("cmp.upload"), type=["yaml", "yml", "xlsx"], key="ui.cmp.upload",
                            help=t("sc.upload_help"))
    if file is None:
        st.info(t("cmp.upload_none"), icon=":material/info:")
        return None
    try:
        return edits.checked_upload(file.getvalue(), file.name, catalog)
    except PlannerInputError as exc:
        show_issues(t("cmp.upload_rejected", name=file.name), [issue_line(i, t, catalog) for i in exc.issues])
        return None


def saved_side(store: Any, key: str, t: Translator) -> Side | None:
    """Pick a saved scenario, a version and, when plans were saved with that version, one of them."""
    names = [s.name for s in store.scenarios()]
    if not names:
        st.info(t("cmp.store_empty"), icon=":material/info:")
        return None
    opened = store_view.current()
    c1, c2, c3 = st.columns([3, 1, 3])
    name = c1.selectbox(t("cmp.store_scenario"), names, key=f"ui.cmp.{key}.name",
                        index=names.index(opened[0]) if opened and opened[0] in names else 0)
    version = c2.selectbox(t("cmp.store_version"), [v.version for v in store.history(name)],
                           key=f"ui.cmp.{key}.version.{name}")
    plans = {p.id: p for p in store.plans(name) if p.scenario_version == version}
    plan_id = c3.selectbox(t("cmp.store_plan"), [None, *plans], key=f"ui.cmp.{key}.plan.{name}.{version}",
                           format_func=lambda i: t("cmp.store_solve") if i is None else t(
                               "cmp.store_saved_plan", id=i, author=plans[i].author,
                               at=plans[i].created_at.strftime("%Y-%m-%d %H:%M"), status=plans[i].status),
                           disabled=not plans)
    scenario = scenario_from_yaml(store.version(name, version).yaml, f"store:{name}@{version}")
    if plan_id is None:
        return Side(t("cmp.saved_version", name=name, version=version), scenario)
    return Side(t("cmp.saved_plan", name=name, version=version, id=plan_id), scenario,
                Plan.from_json(plans[plan_id].plan_json))
