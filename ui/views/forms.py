"""The input forms of the pages: each returns candidate scenario data for :func:`ui.views.widgets.submit`.

Widget keys: ``in.*`` are bound to the scenario (re-seeded after a wholesale change), ``ui.*`` are not.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import streamlit as st

from planner import Catalog, Scenario
from planner.prices import dated_devices
from planner.scenario import OBJECTIVES, PERSPECTIVES, SOLVERS
from planner.schema import ACTIVITIES, ANGIO_VENDORS, PRICE_FIELDS, ROLES
from planner.security import MAX_RISK_SCORE
from ui import clinical, edits, tables
from ui.i18n import Translator
from ui.views import state
from ui.views.widgets import day, guarded, multiselect, number, radio, select, slider, table_height, text, toggle

# ---------------------------------------------------------------- scenario: general and sites


def general_form(data: dict[str, Any], t: Translator) -> dict[str, Any]:
    """Name, objective, budgets and solver options."""
    c1, c2 = st.columns([3, 2])
    with c1:
        data["name"] = text(t("sc.name"), "in.name", data["name"])
    with c2:
        data["objective"] = radio(t("sc.objective"), "in.objective", data["objective"], OBJECTIVES,
                                  format_func=lambda o: t.opt("objective", o))
    c1, c2 = st.columns(2)
    with c1:
        data["perspective"] = radio(t("sc.perspective"), "in.perspective", data.get("perspective", "hospital"),
                                    PERSPECTIVES, format_func=lambda p: t.opt("perspective", p),
                                    help=t("sc.perspective_help"), horizontal=True)
    with c2:
        rate = data.get("price_index_rate")
        pct = number(t("sc.price_index_rate"), "in.price_index_rate", None if rate is None else rate * 100,
                     min_value=-50.0, max_value=100.0, step=0.5, format="%.2f", help=t("sc.price_index_rate_help"),
                     placeholder=t("sc.price_index_placeholder"))
        data["price_index_rate"] = None if pct is None else pct / 100
    c1, c2 = st.columns(2)
    budget = data.get("budget", {})
    with c1:
        capex = number(t("sc.capex"), "in.budget.capex", budget.get("capex_eur"), min_value=0.0, step=10_000.0,
                       format="%.0f", help=t("sc.capex_help"))
    with c2:
        opex = number(t("sc.opex"), "in.budget.opex", budget.get("opex_eur_per_year"), min_value=0.0,
                      step=10_000.0, format="%.0f", help=t("sc.opex_help"))
    kept = {k: v for k, v in budget.items() if k not in ("capex_eur", "opex_eur_per_year")}  # e.g. yearly envelopes
    data["budget"] = kept | {k: v for k, v in (("capex_eur", capex), ("opex_eur_per_year", opex)) if v is not None}
    with st.expander(t("sc.solver")):
        c1, c2 = st.columns(2)
        solver = data["solver"]
        with c1:
            solver["name"] = select(t("sc.solver_name"), "in.solver.name", solver["name"], SOLVERS,
                                    format_func=lambda s: {"highs": "HiGHS", "cbc": "CBC"}[s])
        with c2:
            solver["time_limit_s"] = number(t("sc.time_limit"), "in.solver.time", solver["time_limit_s"],
                                            min_value=1.0, step=10.0, format="%.0f")
    return data


def security_form(data: dict[str, Any], t: Translator) -> dict[str, Any]:
    """The scenario's security rules: hard exclusions, maximum risk score, segmentation cost per connected unit."""
    sec = dict(data.get("security", {}))
    st.caption(t("sc.security_intro", max=MAX_RISK_SCORE))
    c1, c2, c3 = st.columns([3, 2, 2])
    with c1:
        sec["exclude_unsupported_os"] = toggle(t("sc.exclude_unsupported_os"), "in.sec.os",
                                               sec.get("exclude_unsupported_os", False), help=t("sc.unsupported_help"))
        sec["require_mds2"] = toggle(t("sc.require_mds2"), "in.sec.mds2", sec.get("require_mds2", False),
                                     help=t("sc.mds2_help"))
    with c2:
        score = number(t("sc.max_risk_score"), "in.sec.max_score", sec.get("max_risk_score"), min_value=0,
                       max_value=MAX_RISK_SCORE, step=1, help=t("sc.max_risk_help", max=MAX_RISK_SCORE),
                       placeholder=t("sc.no_limit"))
        sec["max_risk_score"] = None if score is None else int(score)
        sec["segmentation_cost_eur_per_connected_device"] = number(
            t("sc.segmentation"), "in.sec.segmentation", sec.get("segmentation_cost_eur_per_connected_device", 0.0),
            min_value=0.0, step=500.0, format="%.0f", help=t("sc.segmentation_help"))
    with c3:
        ref = sec.get("reference_date")
        sec["reference_date"] = day(t("sc.reference_date"), "in.sec.date",
                                    date.fromisoformat(ref) if isinstance(ref, str) else (ref or date.today()),
                                    format="DD/MM/YYYY" if t.lang == "fr" else "YYYY-MM-DD",
                                    help=t("sc.reference_date_help")).isoformat()
    data["security"] = {k: v for k, v in sec.items() if v is not None}
    return data


def _add_site(catalog: Catalog) -> None:
    guarded(lambda: state.replace(edits.with_site_added(state.scenario(), catalog)))


def _remove_site(index: int, catalog: Catalog) -> None:
    guarded(lambda: state.replace(edits.with_site_removed(state.scenario(), index, catalog)))


def add_site_button(catalog: Catalog, t: Translator) -> None:
    """Button adding an empty site."""
    st.button(t("sc.add_site"), key="ui.add_site", on_click=_add_site, args=(catalog,), icon=":material/add:")


def site_form(i: int, site: dict[str, Any], catalog: Catalog, t: Translator, removable: bool) -> dict[str, Any]:
    """Identity, rooms, angiography vendor, activity, clinical roles and installed equipment of site ``i``."""
    out = dict(site)
    k = f"in.site.{i}"
    with st.container(border=True):
        head, rm = st.columns([5, 1], vertical_alignment="center")
        head.markdown(f"**{t('sc.site', n=i + 1)} — {site.get('name', site['id'])}**")
        rm.button(t("sc.remove_site"), key=f"ui.remove_site.{i}", on_click=_remove_site, args=(i, catalog),
                  disabled=not removable, icon=":material/delete:")
        cols = st.columns([2, 4, 1, 2])
        with cols[0]:
            out["id"] = text(t("sc.site_id"), f"{k}.id", site["id"], help=t("sc.site_id_help"))
        with cols[1]:
            out["name"] = text(t("sc.site_name"), f"{k}.name", site.get("name", site["id"]))
        with cols[2]:
            out["rooms"] = number(t("sc.rooms"), f"{k}.rooms", site["rooms"], min_value=1, step=1)
        with cols[3]:
            out["angio_vendor"] = select(t("sc.vendor"), f"{k}.vendor", site["angio_vendor"], ANGIO_VENDORS,
                                         format_func=lambda v: t.opt("vendor", v))
        cols = st.columns(len(ACTIVITIES))
        activity = {}
        for col, act in zip(cols, ACTIVITIES, strict=True):
            with col:
                activity[act] = number(t(f"activity.{act}"), f"{k}.act.{act}", site["activity"].get(act, 0.0),
                                       min_value=0.0, step=50.0, format="%.0f", help=t("sc.activity_help"))
        out["activity"] = activity
        out["roles"] = multiselect(t("sc.roles"), f"{k}.roles", site.get("roles", []), ROLES,
                                   format_func=lambda r: clinical.role_option(t, r), help=t("sc.roles_help"),
                                   placeholder=t("ui.none"))
        out["installed"] = _installed(k, site.get("installed", {}), catalog, t)
    for key in ("roles", "installed"):  # as in Scenario.to_dict: no empty entry
        if not out[key]:
            del out[key]
    return out


def _installed(k: str, installed: dict[str, Any], catalog: Catalog, t: Translator) -> dict[str, Any]:
    """Installed devices: units and acquisition year (blank: unknown, the units never retire), two devices a row."""
    chosen = multiselect(t("sc.installed"), f"{k}.installed", installed, tables.devices_by_family(catalog),
                         format_func=lambda d: tables.device_option(catalog, t, d), help=t("sc.installed_help"),
                         placeholder=t("ui.none"))
    units: dict[str, Any] = {}
    for j, dev in enumerate(chosen):
        if j % 2 == 0:
            cols = st.columns([3, 2, 3, 2], vertical_alignment="bottom")
        entry = installed.get(dev, 1)
        lot = entry if isinstance(entry, dict) else {"units": entry}
        with cols[2 * (j % 2)]:
            n = number(t("sc.units", name=tables.device_name(catalog, dev, t.lang)), f"{k}.units.{dev}",
                       lot.get("units", 1), min_value=1, step=1)
        with cols[2 * (j % 2) + 1]:
            year = number(t("sc.acq_year"), f"{k}.year.{dev}", lot.get("acquisition_year"), min_value=1970,
                          max_value=2200, step=1, help=t("sc.acq_year_help"), placeholder=t("sc.year_unknown"))
        units[dev] = n if year is None else {"units": n, "acquisition_year": year}
    return units


# ---------------------------------------------------------------- clinical needs


def _reset_volumes(catalog: Catalog) -> None:
    guarded(lambda: state.replace(edits.without_volumes(state.scenario(), catalog)))


def reset_volumes_button(catalog: Catalog, t: Translator, disabled: bool) -> None:
    """Button removing every direct volume (demand = activity x share again)."""
    st.button(t("needs.reset"), key="ui.reset_volumes", on_click=_reset_volumes, args=(catalog,),
              disabled=disabled, icon=":material/restart_alt:")


def need_row(data: dict[str, Any], scenario: Scenario, catalog: Catalog, ind_id: str,
             t: Translator) -> dict[str, Any]:
    """One indication: multiplier, minimum coverage, required equipment, the role it needs, demand per site;
    beside them the devices with their class and level, strategy, evidence and value per 100 cases."""
    ind = catalog.indications[ind_id]
    shown = edits.need_values(catalog, scenario, ind_id)
    k = f"in.need.{ind_id}"
    with st.container(border=True):
        st.markdown(f"**{ind.name(t.lang)}**")
        left, right = st.columns([2, 3])
        with left:
            c1, c2, c3 = st.columns([4, 4, 3], vertical_alignment="bottom")
            with c1:
                weight = number(t("needs.multiplier"), f"{k}.weight", shown["weight"], min_value=0.0,
                                max_value=100.0, step=0.1, format="%.2f", help=t("needs.multiplier_help"))
            with c2:
                floor = slider(t("needs.floor"), f"{k}.floor", shown["floor_pct"], min_value=0, max_value=100,
                               step=1, format="%d %%", help=t("needs.floor_help"))
            with c3:
                required = toggle(t("needs.required"), f"{k}.required", shown["required"],
                                  help=t("needs.required_help"))
            role = clinical.role_name(t, ind.required_role)
            st.caption(t("needs.role", role=role) if role else t("needs.no_role"))
            demand = {}
            cols = st.columns(max(2, len(scenario.sites)))
            for col, site in zip(cols, scenario.sites, strict=False):
                with col:
                    label = t("needs.demand") if len(scenario.sites) == 1 else t("needs.demand_at", site=site.name)
                    demand[site.id] = number(label, f"{k}.demand.{site.id}", shown["demand"][site.id],
                                             min_value=0.0, step=1.0, format="%.1f")
                    key = "needs.overridden" if site.id in shown["overridden"] else "needs.derived"
                    st.caption(t(key, value=t.num(shown["derived"][site.id], 1), share=t.pct(shown["share"], 1),
                                 activity=t(f"activity.{ind.base_activity}")))
        with right:
            frame = clinical.device_values_frame(catalog, scenario, ind_id, t)
            st.dataframe(tables.display(frame, t), hide_index=True, height=table_height(len(frame), 250),
                         key=f"ui.guideline.{ind_id}",
                         column_config={t("col.recommendation"): st.column_config.TextColumn(width="small"),
                                        t("col.value_per_100"): st.column_config.TextColumn(width="small"),
                                        t("col.device"): st.column_config.TextColumn(width="medium"),
                                        t("col.evidence"): st.column_config.TextColumn(width="medium")})
    return edits.with_need(data, shown, ind_id, weight, floor, demand, required)


def _reset_outcome_weights(catalog: Catalog) -> None:
    guarded(lambda: state.replace(edits.without_outcome_weights(state.scenario(), catalog)))


def outcome_weights_editor(data: dict[str, Any], scenario: Scenario, catalog: Catalog,
                           t: Translator) -> dict[str, Any]:
    """Editable severity weights of the outcomes (defaults from the catalogue) and a reset button; edits become
    ``scenario.outcome_weights``."""
    st.subheader(t("needs.weights"))
    if not catalog.outcomes:
        st.caption(t("needs.no_outcomes"))
        return data
    st.caption(t("needs.weights_intro"))
    frame = clinical.outcome_weights_frame(catalog, scenario, t)
    digest = hashlib.sha1(json.dumps([dict(scenario.outcome_weights), t.lang, catalog.fingerprint],
                                     sort_keys=True).encode()).hexdigest()[:12]
    config = {"outcome": st.column_config.TextColumn(t("col.outcome"), width="medium"),
              "default_severity": st.column_config.NumberColumn(t("col.default_severity"), format="%.2f"),
              "severity": st.column_config.NumberColumn(t("col.severity"), min_value=0.0, max_value=100.0,
                                                        step=0.05, format="%.2f"),
              "source": st.column_config.TextColumn(t("col.source"), width="large")}
    edited = st.data_editor(frame, key=f"in.outcome_weights.{digest}", hide_index=True, column_config=config,
                            disabled=["outcome", "default_severity", "source"],
                            height=table_height(len(frame), 400))
    st.button(t("needs.weights_reset"), key="ui.reset_weights", on_click=_reset_outcome_weights, args=(catalog,),
              disabled=not scenario.outcome_weights, icon=":material/restart_alt:")
    rows = [(str(o), row["severity"]) for o, row in edited.iterrows()]
    data["outcome_weights"] = edits.outcome_weights(rows, catalog, scenario.outcome_weights)
    return data


# ---------------------------------------------------------------- catalogue


def catalogue_filters(catalog: Catalog, t: Translator) -> list[str]:
    """Family, vendor and estimate filters; returns the ids of the devices shown."""
    c1, c2, c3 = st.columns([3, 3, 2], vertical_alignment="bottom")
    with c1:
        fams = st.multiselect(t("cat.family"), catalog.families(), key="ui.cat.family",
                              format_func=lambda f: t.opt("family", f), persist_state="session",
                              placeholder=t("ui.all"))
    with c2:
        vendors = st.multiselect(t("cat.vendor"), sorted({d.vendor for d in catalog.devices.values()}),
                                 key="ui.cat.vendor", persist_state="session", placeholder=t("ui.all"))
    with c3:
        est = st.toggle(t("cat.estimates_only"), key="ui.cat.estimates", persist_state="session")
    return tables.filter_devices(catalog, fams, vendors, est)


def _reset_prices(catalog: Catalog) -> None:
    guarded(lambda: state.replace(edits.without_prices(state.scenario(), catalog)), scope="catalog")


def reset_prices_button(catalog: Catalog, t: Translator, disabled: bool) -> None:
    """Button going back to the catalogue prices."""
    st.button(t("cat.reset_prices"), key="ui.reset_prices", on_click=_reset_prices, args=(catalog,),
              disabled=disabled, icon=":material/restart_alt:")


def price_editor(data: dict[str, Any], scenario: Scenario, catalog: Catalog, ids: list[str],
                 t: Translator) -> dict[str, Any]:
    """Editable local prices (the other columns are read-only); edits become ``scenario.devices``."""
    frame = tables.catalogue_frame(catalog, scenario, ids, t)
    digest = hashlib.sha1(json.dumps([ids, scenario.devices, t.lang, str(scenario.security.reference_date)],
                                    sort_keys=True).encode()).hexdigest()[:12]
    money = {f: st.column_config.NumberColumn(t(f"col.{f}"), format="%d €" if t.lang == "fr" else "€%,d")
             for f in ("capex_eur", "maintenance_eur_per_year", "consumable_eur_per_case")}
    config = {**money,
              "lifetime_years": st.column_config.NumberColumn(t("col.lifetime_years"), format="%.1f"),
              "capacity_cases_per_year": st.column_config.NumberColumn(t("col.capacity_cases_per_year"), format="%.0f"),
              "risk_score": st.column_config.ProgressColumn(t("col.risk_score"), min_value=0, max_value=MAX_RISK_SCORE,
                                                            format="%d", help=t("cat.risk_help", max=MAX_RISK_SCORE),
                                                            width="small"),
              "source": st.column_config.TextColumn(t("col.source"), width="large"),
              "notes": st.column_config.TextColumn(t("col.notes"), width="large"),
              "name": st.column_config.TextColumn(t("col.name"), width="medium"),
              **{c: t(f"col.{c}") for c in ("family", "vendor", "local", "estimate", "deployment", "price_date",
                                            "price_basis", "funding", "funding_source")}}
    edited = st.data_editor(frame, key=f"in.prices.{digest}", hide_index=True, column_config=config,
                            disabled=[c for c in frame.columns if c not in PRICE_FIELDS],
                            height=table_height(len(frame), 710))
    rows = [(str(dev), row.to_dict()) for dev, row in edited.iterrows()]
    shown = dated_devices(catalog, scenario.start_year, scenario.price_index_rate)[0]  # as the table shows them
    data["devices"] = edits.price_overrides(rows, catalog, scenario.devices, shown)
    return data


def device_card(catalog: Catalog, t: Translator) -> None:
    """A device chosen in a list, with the studies behind it: per indication its ESC class and level, its
    strategy and the citations of its evidence."""
    options = tables.devices_by_family(catalog)
    chosen = st.selectbox(t("cat.card_device"), options, key="ui.cat.card",
                          format_func=lambda d: tables.device_option(catalog, t, d))
    lines = clinical.device_evidence(catalog, chosen, t) if chosen else []
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else t("cat.card_none"))


def device_choices(data: dict[str, Any], catalog: Catalog, t: Translator) -> dict[str, Any]:
    """Devices the plan must include, and devices it may not use."""
    options = tables.devices_by_family(catalog)
    label = lambda d: tables.device_option(catalog, t, d)  # noqa: E731
    c1, c2 = st.columns(2)
    with c1:
        data["must_include"] = multiselect(t("cat.must_include"), "in.must_include", data["must_include"], options,
                                           format_func=label, help=t("cat.must_include_help"),
                                           placeholder=t("ui.none"))
    with c2:
        data["exclude"] = multiselect(t("cat.exclude"), "in.exclude", data["exclude"], options, format_func=label,
                                      help=t("cat.exclude_help"), placeholder=t("ui.none"))
    return data
