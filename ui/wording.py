"""The decision tools' answers in the user's words, French or English (pure: no streamlit).

The planner explains itself in English with ids (``main: add boston_rotapro (1 unit)``); the app rebuilds
each sentence from the structured fields (reason codes, figures, device and indication ids) with product
and indication names. Where a detail exists only in the planner's text, it is read from that text, and the
planner's own sentence is the fallback when nothing matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from planner import Catalog, Plan, Scenario
from planner.decision.binding import BindingConstraint
from planner.decision.explain import ChosenDevice
from planner.decision.ladder import LadderChange
from planner.decision.reasons import ReasonCode, WhyNot
from ui.i18n import Translator


def device(catalog: Catalog, device_id: str) -> str:
    """A device's product name (its id when unknown)."""
    dev = catalog.devices.get(device_id)
    return dev.name if dev else device_id


def short(name: str, limit: int = 30) -> str:
    """A long product or indication name cut for a chart label (before any bracket, "+", "with" or "on").

    >>> short("Rotablator RotaPro console + burr/advancer + RotaWire")
    'Rotablator RotaPro console'
    >>> short("Angioplastie complexe nécessitant une imagerie endocoronaire (tronc commun)", 40)
    'Angioplastie complexe nécessitant une i…'
    """
    base = re.split(r" \(| \+ | with | on |, ", name)[0].strip() or name
    return base if len(base) <= limit else base[:limit - 1].rstrip() + "…"


def devices(catalog: Catalog, ids: Iterable[str]) -> str:
    """Product names, comma-separated."""
    return ", ".join(device(catalog, d) for d in ids)


def indication(catalog: Catalog, t: Translator, indication_id: str) -> str:
    """An indication's name in the user's language."""
    ind = catalog.indications.get(indication_id)
    return ind.name(t.lang) if ind else indication_id


def _at_site(t: Translator, sites: Mapping[str, str], site_id: str) -> str:
    """`` (site name)`` when the scenario has several sites, else nothing."""
    return f" ({sites.get(site_id, site_id)})" if len(sites) > 1 else ""


# ---------------------------------------------------------------- changes (ladder, sensitivity)


def ladder_change(change: LadderChange, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> str:
    """What changes at a step of the budget ladder."""
    name = device(catalog, change.device_id)
    if change.kind == "added":
        text = t("chg.add", device=name, n=change.units_after)
    elif change.kind == "removed":
        text = t("chg.drop", device=name)
    elif change.kind == "replaced":
        text = t("chg.replace", device=name, other=device(catalog, change.replaced_device_id or ""))
    else:
        text = t("chg.units", device=name, before=change.units_before, after=change.units_after)
    return text + _at_site(t, sites, change.site_id)


_CHANGES = (
    (re.compile(r"(\w+): add (\w+) \((\d+) units?\)"), "add"),
    (re.compile(r"(\w+): drop (\w+)"), "drop"),
    (re.compile(r"(\w+): (\w+) replaces (\w+)"), "replace"),
    (re.compile(r"(\w+): (\w+) from (\d+) to (\d+) units"), "units"),
)


def _reword(text: str, t: Translator, patterns: tuple[tuple[re.Pattern[str], str], ...],
            render: Callable[[str, tuple[str, ...]], str]) -> str:
    """A ``;``-separated text of the planner in the user's words: each part matching one of ``patterns``
    rendered by ``render(key, groups)``, any other part as it is."""
    out = []
    for part in (p.strip() for p in text.split(";") if p.strip()):
        for pattern, key in patterns:
            m = pattern.fullmatch(part)
            if m is not None:
                out.append(render(key, m.groups()))
                break
        else:
            out.append(part)
    return " ; ".join(out) if t.lang == "fr" else "; ".join(out)


def change_text(text: str, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> str:
    """A change written by the planner (``main: add x (1 unit); main: drop y``) in the user's words."""
    def render(kind: str, g: tuple[str, ...]) -> str:
        values = {"device": device(catalog, g[1])}
        if kind == "add":
            values["n"] = g[2]
        elif kind == "replace":
            values["other"] = device(catalog, g[2])
        elif kind == "units":
            values.update(before=g[2], after=g[3])
        return t(f"chg.{kind}", **values) + _at_site(t, sites, g[0])

    return _reword(text, t, _CHANGES, render)


# ---------------------------------------------------------------- security


_SECURITY = (
    (re.compile(r"operating system (.*) out of vendor support since (.+)"), "why.sec_os"),
    (re.compile(r"no MDS2 security disclosure \((\w+)\)"), "why.sec_mds2"),
    (re.compile(r"security risk score (\d+) above the maximum (\d+)"), "why.sec_score"),
)


def security_reason(text: str, t: Translator) -> str:
    """Why the scenario's security rules exclude a device (the planner's reason, in the user's words)."""
    def render(key: str, g: tuple[str, ...]) -> str:
        if key == "why.sec_os":
            return t(key, os=g[0].strip() or "?", date=g[1])
        if key == "why.sec_mds2":
            return t(key, value=t.opt("sec", g[0]))
        return t(key, score=g[0], max=g[1])

    return _reword(text, t, _SECURITY, render)


# ---------------------------------------------------------------- why (chosen devices)


def served(c: ChosenDevice, chosen: Iterable[ChosenDevice], catalog: Catalog, t: Translator) -> str:
    """What a chosen device serves, or why it is in the plan when it serves no case."""
    if c.cases:
        return ", ".join(t("why.cases", indication=indication(catalog, t, x.indication_id),
                           cases=t.num(x.cases_per_year, 1)) for x in c.cases)
    needed_by = [o.device_id for o in chosen if o.site_id == c.site_id and o.device_id in catalog.devices
                 and c.device_id in catalog.requirements(o.device_id)]
    if needed_by:
        return t("why.required_by", devices=devices(catalog, needed_by))
    return t("why.must_include") if "must-include" in c.text else t("why.no_case")


def without(c: ChosenDevice, catalog: Catalog, t: Translator) -> str:
    """What the plan would lose without a chosen device."""
    if not c.feasible_without:
        return t("why.indispensable")
    text = t("why.loss", loss=t.num(c.benefit_loss_without or 0.0, 1))
    if c.cost_change_without_eur_per_year is not None and abs(c.cost_change_without_eur_per_year) >= 1.0:
        sign = "+" if c.cost_change_without_eur_per_year > 0 else ""
        text += t("why.cost_change", change=sign + t.eur(c.cost_change_without_eur_per_year))
    if c.replaced_by:
        text += t("why.instead", devices=devices(catalog, c.replaced_by))
    return text


def chosen_line(c: ChosenDevice, chosen: Iterable[ChosenDevice], catalog: Catalog, t: Translator,
                sites: Mapping[str, str]) -> str:
    """A chosen device in one Markdown line: what it serves, its benefit and costs, the loss without it."""
    figures = t("why.figures", benefit=t.num(c.benefit, 1), capex=t.eur(c.capex_eur),
                annual=t.eur(c.annualised_eur_per_year))
    return (f"**{device(catalog, c.device_id)}**{_at_site(t, sites, c.site_id)} — {served(c, chosen, catalog, t)} "
            f"({figures}) ; {without(c, catalog, t)}").replace(" ; ", " ; " if t.lang == "fr" else "; ")


# ---------------------------------------------------------------- why not (other devices)

_FORCED = re.compile(r"the plan's benefit changes by ([+-]?[\d.]+)")


def why_not(w: WhyNot, catalog: Catalog, scenario: Scenario, t: Translator) -> str:
    """Why a catalogue device is not in the plan at a site, in words."""
    dev = catalog.devices.get(w.device_id)
    site = next((s for s in scenario.sites if s.id == w.site_id), None)
    code = w.reason
    if code == ReasonCode.EXCLUDED_BY_USER:
        return t("why.excluded_by_user")
    if code == ReasonCode.EXCLUDED_SECURITY:
        return t("why.excluded_security", reason=security_reason(w.text.removeprefix("excluded for security: "), t))
    if code == ReasonCode.INCOMPATIBLE_ANGIO and dev is not None and site is not None:
        return t("why.incompatible_angio", vendor=t.opt("vendor", site.angio_vendor),
                 works=", ".join(t.opt("vendor", v) for v in dev.compatible_angio))
    if code == ReasonCode.NO_DEMAND:
        listed = sorted({c.indication_id for c in catalog.coverage if c.device_id == w.device_id})
        text = t("why.no_demand", indications=", ".join(indication(catalog, t, k) for k in listed) or "—")
        return text + (t("why.class_iii") if "class III" in w.text else "")
    if code == ReasonCode.REQUIRES_ABSENT and dev is not None:
        return t("why.requires_absent", devices=devices(catalog, catalog.requirements(dev.id)))
    if code == ReasonCode.DOMINATED:
        if w.text.startswith("interchangeable") and w.alternatives:
            return t("why.twin", device=device(catalog, w.alternatives[0]))
        return t("why.dominated", devices=devices(catalog, w.alternatives) or t("why.other_devices"))
    if code == ReasonCode.NOT_AFFORDABLE:
        return _not_affordable(w, t)
    return t("why.unavailable")


def _not_affordable(w: WhyNot, t: Translator) -> str:
    needs = [t("why.more_capex", eur=t.eur(w.extra_capex_eur)) if (w.extra_capex_eur or 0) >= 1 else "",
             t("why.more_opex", eur=t.eur(w.extra_opex_eur_per_year)) if (w.extra_opex_eur_per_year or 0) >= 1
             else ""]
    need = t("why.and").join(n for n in needs if n) or t("why.displaces")
    text = t("why.not_affordable", benefit=t.num(w.benefit_gain or 0.0, 1), needs=need)
    forced = _FORCED.search(w.text)
    if forced:
        value = float(forced.group(1))
        return text + t("why.forced", change=("+" if value > 0 else "") + t.num(value, 1))
    return text + (t("why.forced_none") if "no plan fits" in w.text else "")


# ---------------------------------------------------------------- binding constraints

_CAPACITY = re.compile(r"\(([\d,]+) cases/year on (\d+) units?\)")
_MUST = re.compile(r"gain (-?[\d.]+) weighted cases/year and save (-?[\d,]+) EUR/year")


def binding(b: BindingConstraint, plan: Plan, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> str:
    """A constraint that limits the plan, in plain words (the planner's text when it is not recognised)."""
    if b.family in ("capex_budget", "opex_budget"):
        use = next((u for u in plan.budgets if u.name.startswith(b.family.removesuffix("_budget"))), None)
        if use is not None and use.limit_eur is not None:
            return t(f"bind.{b.family}", used=t.eur(use.used_eur), limit=t.eur(use.limit_eur))
    if b.family == "coverage_floor":
        row = next((r for r in plan.coverage if b.constraint == f"coverage_floor_{r.site_id}_{r.indication_id}"), None)
        if row is not None:
            return t("bind.floor", indication=indication(catalog, t, row.indication_id), floor=t.pct(row.min_coverage),
                     cases=t.num(row.min_coverage * row.demand_cases, 1)) + _at_site(t, sites, row.site_id)
    pair = next(((a.site_id, a.device_id) for a in plan.acquisitions
                 if b.constraint == f"{b.family}_{a.site_id}_{a.device_id}"), None)
    if b.family == "capacity" and pair is not None and (m := _CAPACITY.search(b.text)):
        return t("bind.capacity", device=device(catalog, pair[1]), cases=t.num(float(m.group(1).replace(",", ""))),
                 units=m.group(2)) + _at_site(t, sites, pair[0])
    if b.family == "per_room" and pair is not None:
        rooms = next((s.get("rooms", 1) for s in plan.scenario.get("sites", []) if s.get("id") == pair[0]), 1)
        return t("bind.per_room", device=device(catalog, pair[1]), rooms=rooms) + _at_site(t, sites, pair[0])
    if b.family == "requires" and pair is not None and pair[1] in catalog.devices:
        return t("bind.requires", device=device(catalog, pair[1]),
                 devices=devices(catalog, catalog.requirements(pair[1]))) + _at_site(t, sites, pair[0])
    if b.family == "must_include" and (m := _MUST.search(b.text)):
        return t("bind.must_include", device=device(catalog, b.constraint.removeprefix("must_include_")),
                 gain=t.num(float(m.group(1)), 1), saving=t.eur(float(m.group(2).replace(",", ""))))
    return b.text
