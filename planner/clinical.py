"""What a plan means clinically: value per allocation, coverage with patients not covered and referred,
events avoided per outcome with their ranges, and the clinical alerts in plain words (as codes).

Every figure comes from :class:`~planner.inputs.ModelInputs` (the evidence-based values of
:mod:`planner.value`) and the plan's served cases; the plan's value equals the objective's value term.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from planner.inputs import ModelInputs
from planner.plan import AllocationRow, ClinicalAlert, CoverageRow, OutcomeRow, ReferralFlow

Served = Mapping[tuple[str, str, str, int], float]  # (site, device, indication, year) -> cases
Present = Mapping[tuple[str, str, int], int]  # (site, device, year) -> in use
#: Cases per year under which a gap is not worth an alert (rounding of the solver).
CASES_TOL = 1e-6
#: Cases per year under which a referral gap is rounding: the cost phase may free 1e-6 of the value.
REFERRAL_TOL = 1e-3


def allocation_rows(inputs: ModelInputs, served: Served) -> tuple[AllocationRow, ...]:
    """Cases served per (site, device, indication, year) with their value m_k v_dk n and its range."""
    rows = []
    for (s, d, k, t), n in sorted(served.items(), key=lambda kv: (kv[0][3], kv[0][0], kv[0][2], kv[0][1])):
        if n <= 0:
            continue
        cv = inputs.value.get((d, k))
        m = inputs.weight[k]
        low, high = (m * cv.weighted.low * n, m * cv.weighted.high * n) if cv else (0.0, 0.0)
        rows.append(AllocationRow(s, k, d, n, inputs.case_value(d, k) * n, t, low, high))
    return tuple(rows)


def coverage_rows(inputs: ModelInputs, allocation: Iterable[AllocationRow],
                  flows: Iterable[ReferralFlow] = ()) -> tuple[CoverageRow, ...]:
    """Demand, served, received, referred and not-covered cases and the value of each (site, indication, year).

    Served cases include those received; the coverage share is the site's own patients served there. A site
    with referral routes for the indication refers what the flows carry (the rest of what it cannot serve is
    left without a receiver); without routes, every case of an indication whose role it lacks is referred."""
    got: dict[tuple[str, str, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for a in allocation:
        acc = got[(a.site_id, a.indication_id, a.year)]
        for i, x in enumerate((a.cases_per_year, a.benefit, a.benefit_low, a.benefit_high)):
            acc[i] += x
    out: dict[tuple[str, str, int], float] = defaultdict(float)
    into: dict[tuple[str, str, int], float] = defaultdict(float)
    for f in flows:
        out[(f.from_site, f.indication_id, f.year)] += f.cases_per_year
        into[(f.to_site, f.indication_id, f.year)] += f.cases_per_year
    routed = {(r.sender, r.indication) for r in inputs.routes}
    rows = []
    for t in inputs.horizon.years:
        for s in inputs.sites:
            for k in inputs.indications:
                demand, got_in, sent = inputs.horizon.demand[(s, k, t)], into[(s, k, t)], out[(s, k, t)]
                if demand <= 0 and got_in <= CASES_TOL:
                    continue
                n, value, low, high = got.get((s, k, t), [0.0, 0.0, 0.0, 0.0])
                here, own = (s, k) in inputs.serves, n - got_in
                referred = sent if (s, k) in routed or here else demand
                rows.append(CoverageRow(
                    s, k, demand, n, own / demand if demand > 0 else 0.0, inputs.site_floor(s, k), inputs.weight[k],
                    t, referred_cases=referred, not_covered_cases=max(demand - own - sent, 0.0) if here else 0.0,
                    events_avoided=value, events_low=low, events_high=high,
                    required_role=inputs.indication_roles.get(k, ""), required=k in inputs.required,
                    received_cases=got_in,
                    without_receiver_cases=_gap(demand - sent) if not here and (s, k) in routed else 0.0))
    return tuple(rows)


def _gap(cases: float) -> float:
    return cases if cases > REFERRAL_TOL else 0.0


def flow_rows(inputs: ModelInputs, refer: Mapping[tuple[str, str, str, int], float]) -> tuple[ReferralFlow, ...]:
    """The referral flows of a plan: cases per year on each route, the value their delay loses and the
    transport they cost (EUR, the route's price per case)."""
    rows = []
    for r in inputs.routes:
        for t in inputs.horizon.years:
            n = refer.get((r.sender, r.receiver, r.indication, t), 0.0)
            if n > CASES_TOL:
                rows.append(ReferralFlow(r.sender, r.receiver, r.indication, n, r.value_loss_per_case * n,
                                         r.transport_eur_per_case * n, r.transfer_minutes, t, r.estimate))
    return tuple(sorted(rows, key=lambda f: (f.year, f.from_site, f.to_site, f.indication_id)))


def outcome_rows(inputs: ModelInputs, allocation: Iterable[AllocationRow]) -> tuple[OutcomeRow, ...]:
    """Events of each outcome avoided per year (all sites), with ranges; the multiplier is not applied (these
    are events, not weighted values)."""
    acc: dict[tuple[str, str, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for a in allocation:
        cv = inputs.value.get((a.device_id, a.indication_id))
        if cv is None:
            continue
        for o in cv.outcomes:
            row = acc[(a.indication_id, o.outcome_id, a.year)]
            row[0] += o.per_case.central * a.cases_per_year
            row[1] += o.per_case.low * a.cases_per_year
            row[2] += o.per_case.high * a.cases_per_year
    return tuple(OutcomeRow(k, o, c, lo, hi, inputs.severity.get(o, 0.0), t)
                 for (k, o, t), (c, lo, hi) in sorted(acc.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])))


def alerts(inputs: ModelInputs, coverage: Iterable[CoverageRow], allocation: Iterable[AllocationRow],
           present: Present) -> tuple[ClinicalAlert, ...]:
    """The clinical warnings of a plan, in the last year of the horizon (the configuration it leaves)."""
    last = inputs.horizon.years[-1]
    cov = [c for c in coverage if c.year == last]
    out = [ClinicalAlert("referred", c.site_id, indication_id=c.indication_id, role=c.required_role,
                         value=c.referred_cases) for c in cov if c.referred_cases > CASES_TOL]
    out += [ClinicalAlert("no_receiver", c.site_id, indication_id=c.indication_id, role=c.required_role,
                          value=c.without_receiver_cases) for c in cov if c.without_receiver_cases > CASES_TOL]
    out += [ClinicalAlert("role_uncovered", c.site_id, indication_id=c.indication_id, role=c.required_role,
                          value=c.not_covered_cases)
            for c in cov if c.required_role and c.referred_cases == 0 and c.served_cases <= CASES_TOL]
    out += _fallback_alerts(inputs, present, last)
    out += _idle_installed_alerts(inputs, present, last)
    out += [ClinicalAlert("harmful_use", a.site_id, a.device_id, a.indication_id, value=a.benefit)
            for a in allocation if a.year == last and a.benefit < -CASES_TOL]
    return tuple(out)


def _fallback_alerts(inputs: ModelInputs, present: Present, t: int) -> list[ClinicalAlert]:
    out = []
    for s, d in inputs.candidates:
        fallback = inputs.fallback_family.get(inputs.family(d), "")
        if fallback and present.get((s, d, t)) and not any(
                present.get((s, d2, t)) for s2, d2 in inputs.candidates if s2 == s and inputs.family(d2) == fallback):
            out.append(ClinicalAlert("fallback_missing", s, d, role=fallback))
    return out


def _idle_installed_alerts(inputs: ModelInputs, present: Present, t: int) -> list[ClinicalAlert]:
    out = []
    cand = set(inputs.candidates)
    for (s, d), units in sorted(inputs.installed.items()):
        if units <= 0 or present.get((s, d, t)):
            continue
        role = inputs.family_roles.get(inputs.family(d), "")
        if (s, d) not in cand and role and role not in inputs.site_roles.get(s, ()):
            out.append(ClinicalAlert("role_missing_device", s, d, role=role))
        elif inputs.min_volume.get(inputs.family(d), 0.0) > 0:
            out.append(ClinicalAlert("below_min_volume", s, d, value=inputs.min_volume[inputs.family(d)]))
    return out
