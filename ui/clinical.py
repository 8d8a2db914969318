"""The clinical value in the cardiologist's words (pure: no streamlit).

Frames and sentences for the value of issue 11 (weighted events avoided per year): the devices beside an
indication with their class, level, strategy, evidence and value per 100 cases; the outcome weights; the
evidence table; the plan per indication (coverage, patients not covered or referred, events avoided with
their range) and per outcome; the clinical alerts from their codes; what changed since the previous plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from planner import Catalog, Plan, Scenario
from planner.catalog import Evidence
from planner.inputs import indication_params, required_indications
from planner.plan import ClinicalAlert
from planner.value import case_values, severities
from ui.i18n import Translator
from ui.tables import CLASS_ORDER, device_name, site_names
from ui.wording import indication, short

#: Two values closer than this count as unchanged in the plan changes.
TOLERANCE = 1e-6


def role_name(t: Translator, role: str) -> str:
    """A site role in words (lower case, for sentences); empty for no role."""
    return t.opt("role", role) if role else ""


def role_option(t: Translator, role: str) -> str:
    """A site role as an option of a selector (capitalised)."""
    name = role_name(t, role)
    return name[:1].upper() + name[1:]


def strategy_name(t: Translator, strategy: str) -> str:
    """An evidence-based strategy in words (its label, else its id spelled out); "no outcome trial" when empty."""
    if not strategy:
        return t("needs.no_strategy")
    return t(f"strategy.{strategy}") if t.has(f"strategy.{strategy}") else strategy.replace("_", " ")


def citations(catalog: Catalog, evidence_ids: Sequence[str]) -> str:
    """The studies behind a coverage row: short citations with their year, ``; ``-separated."""
    out = []
    for ev_id in evidence_ids:
        ev = catalog.evidence.get(ev_id)
        out.append(ev_id if ev is None else f"{ev.citation} ({ev.year})")
    return "; ".join(dict.fromkeys(out))


def _range(t: Translator, central: float, low: float, high: float, decimals: int = 1) -> str:
    """``12.7 (0.4 – 20.1)``; the central value alone when the range is a point."""
    if abs(high - low) <= TOLERANCE:
        return t.num(central, decimals)
    return f"{t.num(central, decimals)} ({t.num(low, decimals)} – {t.num(high, decimals)})"


# ---------------------------------------------------------------- clinical needs


def device_values_frame(catalog: Catalog, scenario: Scenario, indication_id: str, t: Translator) -> pd.DataFrame:
    """Devices that serve an indication: ESC class and level, strategy, evidence and the value per 100 cases
    (weighted events avoided, the indication's multiplier applied, with its range), best class first."""
    ind = catalog.indications[indication_id]
    _, multiplier, _ = indication_params(catalog, scenario, ind)
    values = case_values(catalog, severities(catalog, scenario.outcome_weights),
                         required_indications(catalog, scenario))
    rows = []
    for c in catalog.coverage:
        if c.indication_id != indication_id or (c.effectiveness <= 0 and c.guideline_class == "none"):
            continue
        cv = values.get((c.device_id, indication_id))
        value = "—" if cv is None else _range(t, *(100 * multiplier * x for x in
                                                   (cv.weighted.central, cv.weighted.low, cv.weighted.high)))
        rows.append({"recommendation": recommendation(t, c.guideline_class, c.evidence_level),
                     "device": device_name(catalog, c.device_id, t.lang),
                     "family": t.opt("family", catalog.devices[c.device_id].family),
                     "strategy": strategy_name(t, c.strategy), "value_per_100": value,
                     "evidence": citations(catalog, c.evidence_ids) or "—",
                     "order": (CLASS_ORDER.get(c.guideline_class, 9), -(cv.weighted.central if cv else 0.0))})
    rows.sort(key=lambda r: r["order"])
    return pd.DataFrame(rows, columns=["recommendation", "device", "value_per_100", "strategy", "evidence",
                                       "family"])


def outcome_weights_frame(catalog: Catalog, scenario: Scenario, t: Translator) -> pd.DataFrame:
    """One row per outcome (index: id): its name, the catalogue's severity weight and the scenario's."""
    rows = [{"id": o, "outcome": out.name(t.lang), "default_severity": out.default_severity,
             "severity": float(scenario.outcome_weights.get(o, out.default_severity)), "source": out.source}
            for o, out in catalog.outcomes.items()]
    return pd.DataFrame(rows, columns=["id", "outcome", "default_severity", "severity", "source"]).set_index("id")


# ---------------------------------------------------------------- evidence (About page, catalogue card)


def effect_text(ev: Evidence, t: Translator) -> str:
    """The effect of a study with its 95 % CI: ``HR 0.74 (0.55 – 0.99)``; ``—`` without a number."""
    if ev.effect is None:
        return "—"
    ci = (f" ({t.num(ev.ci_low, 2)} – {t.num(ev.ci_high, 2)})"
          if ev.ci_low is not None and ev.ci_high is not None else "")
    return f"{ev.measure} {t.num(ev.effect, 2)}{ci}"


def rates_text(ev: Evidence, t: Translator) -> str:
    """Event rates control → treated (% of patients); ``—`` when not published."""
    if ev.control_rate_pct is None or ev.treated_rate_pct is None:
        return "—"
    return f"{t.pct(ev.control_rate_pct / 100, 1)} → {t.pct(ev.treated_rate_pct / 100, 1)}"


def evidence_frame(catalog: Catalog, t: Translator) -> pd.DataFrame:
    """The evidence table: citation, year, design, population, outcome, effect with CI, rates, reliability."""
    rows = [{"citation": ev.citation, "year": ev.year, "design": t.opt("design", ev.design),
             "population": ev.population,
             "outcome": catalog.outcomes[ev.outcome_id].name(t.lang) if ev.outcome_id in catalog.outcomes
             else (ev.outcome_id or "—"),
             "effect": effect_text(ev, t), "rates": rates_text(ev, t),
             "reliability": t.opt("reliability", ev.reliability), "notes": ev.note}
            for ev in sorted(catalog.evidence.values(), key=lambda e: (-e.year, e.citation))]
    return pd.DataFrame(rows, columns=["citation", "year", "design", "population", "outcome", "effect", "rates",
                                       "reliability", "notes"])


def recommendation(t: Translator, guideline_class: str, evidence_level: str) -> str:
    """ESC class and level of evidence: ``IIb C`` (the class alone when no level is given)."""
    return " ".join([t.opt("class", guideline_class), evidence_level]).strip()


def device_recommendations(catalog: Catalog, device_id: str, t: Translator) -> str:
    """A device's ESC class and level for each indication it serves (class "none" left out), best first:
    ``I A (Intermediate stenosis); IIb C (ANOCA)``."""
    rows = sorted((c for c in catalog.coverage if c.device_id == device_id and c.guideline_class != "none"),
                  key=lambda c: (CLASS_ORDER.get(c.guideline_class, 9), c.evidence_level, c.indication_id))
    sep = " ; " if t.lang == "fr" else "; "
    return sep.join(f"{recommendation(t, c.guideline_class, c.evidence_level)} "
                    f"({short(indication(catalog, t, c.indication_id), 40)})" for c in rows) or "—"


def device_evidence(catalog: Catalog, device_id: str, t: Translator) -> list[str]:
    """A device's card: per indication it serves, its class and level, its strategy and the studies cited."""
    lines = []
    for c in catalog.coverage:
        if c.device_id != device_id or (c.effectiveness <= 0 and c.guideline_class == "none"):
            continue
        line = t("cat.card_row", indication=indication(catalog, t, c.indication_id),
                 recommendation=recommendation(t, c.guideline_class, c.evidence_level),
                 strategy=strategy_name(t, c.strategy))
        cited = citations(catalog, c.evidence_ids)
        lines.append(f"{line} — {cited}" if cited else line)
    return lines


# ---------------------------------------------------------------- plan: cardiologist view


def _last_year(plan: Plan) -> int | None:
    return max((c.year for c in plan.coverage), default=None)


def _indication_label(catalog: Catalog, t: Translator, sites: Mapping[str, str], site_id: str,
                      indication_id: str) -> str:
    name = indication(catalog, t, indication_id)
    return f"{sites.get(site_id, site_id)} · {name}" if len(sites) > 1 else name


def clinical_frame(plan: Plan, catalog: Catalog, t: Translator, year: int | None = None) -> pd.DataFrame:
    """Per site and indication (of one year; the last by default): coverage, patients not covered, patients to
    refer with the role the site lacks, weighted events avoided per year with their range."""
    year = _last_year(plan) if year is None else year
    sites = site_names(plan)
    rows = [{"indication": _indication_label(catalog, t, sites, c.site_id, c.indication_id),
             "demand": c.demand_cases, "coverage_pct": c.coverage_share, "not_covered": c.not_covered_cases,
             "referred": c.referred_cases, "role_needed": role_name(t, c.required_role) if c.referred_cases else "",
             "events": c.events_avoided, "events_range": _range(t, c.events_avoided, c.events_low, c.events_high, 2),
             "required": c.required}
            for c in plan.coverage if c.year == year]
    return pd.DataFrame(rows, columns=["indication", "demand", "coverage_pct", "not_covered", "referred",
                                       "role_needed", "events", "events_range", "required"])


def outcomes_frame(plan: Plan, catalog: Catalog, t: Translator, year: int | None = None) -> pd.DataFrame:
    """Events of each outcome avoided per year (not weighted; negative = added), per indication, with the range."""
    year = max((o.year for o in plan.outcomes), default=0) if year is None else year
    rows = [{"indication": indication(catalog, t, o.indication_id),
             "outcome": catalog.outcomes[o.outcome_id].name(t.lang) if o.outcome_id in catalog.outcomes
             else o.outcome_id,
             "avoided": o.events_avoided, "events_range": _range(t, o.events_avoided, o.events_low, o.events_high, 2),
             "severity": o.severity}
            for o in plan.outcomes if o.year == year and abs(o.events_avoided) + abs(o.events_high) > TOLERANCE]
    return pd.DataFrame(rows, columns=["indication", "outcome", "avoided", "events_range", "severity"])


def alert_text(alert: ClinicalAlert, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> str:
    """A clinical alert in plain words, from its code: site, device and indication by their names."""
    return t.say(alert.message, catalog, sites)


# ---------------------------------------------------------------- what changed since the previous plan


@dataclass(frozen=True)
class IndicationChange:
    """Coverage (share of demand) and weighted events avoided per year of one indication at a site, before and
    after."""

    site_id: str
    indication_id: str
    coverage_before: float
    coverage_after: float
    events_before: float
    events_after: float


@dataclass(frozen=True)
class PlanChanges:
    """What changed between two plans: the devices in use that came in or went out (site, device), the
    indications whose coverage or events avoided moved, and the total value before and after."""

    devices_in: tuple[tuple[str, str], ...]
    devices_out: tuple[tuple[str, str], ...]
    indications: tuple[IndicationChange, ...]
    value_before: float
    value_after: float

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not (self.devices_in or self.devices_out or self.indications
                    or abs(self.value_after - self.value_before) > TOLERANCE)


def devices_in_use(plan: Plan) -> set[tuple[str, str]]:
    """(site, device) pairs the plan uses or buys."""
    return {(a.site_id, a.device_id) for a in plan.acquisitions if a.in_use or a.units_new > 0}


def _coverage_by_pair(plan: Plan) -> dict[tuple[str, str], tuple[float, float]]:
    year = _last_year(plan)
    return {(c.site_id, c.indication_id): (c.coverage_share, c.events_avoided) for c in plan.coverage
            if c.year == year}


def plan_changes(before: Plan, after: Plan) -> PlanChanges:
    """What changed from ``before`` to ``after`` (a multi-year plan compared on its last year)."""
    used_before, used_after = devices_in_use(before), devices_in_use(after)
    cov_before, cov_after = _coverage_by_pair(before), _coverage_by_pair(after)
    rows = []
    for pair in sorted(set(cov_before) | set(cov_after)):
        (c0, e0), (c1, e1) = cov_before.get(pair, (0.0, 0.0)), cov_after.get(pair, (0.0, 0.0))
        if abs(c1 - c0) > TOLERANCE or abs(e1 - e0) > TOLERANCE:
            rows.append(IndicationChange(pair[0], pair[1], c0, c1, e0, e1))
    return PlanChanges(tuple(sorted(used_after - used_before)), tuple(sorted(used_before - used_after)),
                       tuple(rows), before.benefit or 0.0, after.benefit or 0.0)


def changes_frame(changes: PlanChanges, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """The indications whose coverage or events avoided moved, before and after."""
    rows = [{"indication": _indication_label(catalog, t, sites, c.site_id, c.indication_id),
             "coverage_before": c.coverage_before, "coverage_after": c.coverage_after,
             "events_before": c.events_before, "events_after": c.events_after,
             "events_delta": c.events_after - c.events_before} for c in changes.indications]
    return pd.DataFrame(rows, columns=["indication", "coverage_before", "coverage_after", "events_before",
                                       "events_after", "events_delta"])


def changes_lines(changes: PlanChanges, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> list[str]:
    """The value before and after, the devices in and out, as lines."""
    def names(pairs: Sequence[tuple[str, str]]) -> str:
        return ", ".join(device_name(catalog, d, t.lang) + (f" ({sites.get(s, s)})" if len(sites) > 1 else "")
                         for s, d in pairs)

    delta = changes.value_after - changes.value_before
    lines = [t("plan.changes_value", before=t.num(changes.value_before, 2), after=t.num(changes.value_after, 2),
               delta=("+" if delta > 0 else "") + t.num(delta, 2))]
    if changes.devices_in:
        lines.append(t("plan.changes_in", devices=names(changes.devices_in)))
    if changes.devices_out:
        lines.append(t("plan.changes_out", devices=names(changes.devices_out)))
    return lines
