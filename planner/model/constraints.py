"""Constraint families, one builder each. Every constraint is named ``<rule>_<index...>``.

Symbols follow ``docs/model.md``: u units acquired (per mode m and year t), p presence, n annual cases,
o installed units, D demand, c coverage floor, cap capacity per unit, R rooms. In a multi-year model every
per-year rule carries the year as a name suffix; the single-period model has today's names.
"""

from __future__ import annotations

from collections import defaultdict

import pulp

from planner import costs
from planner.inputs import ModelInputs
from planner.limits import capex_envelopes, opex_limits
from planner.model.elastic import Elastic, slack_of
from planner.model.money import (  # noqa: F401 (re-exported: capex_expr, maintenance_expr, consumables_expr)
    capex_expr,
    capex_in_year,
    consumables_expr,
    maintenance_expr,
    opex_in_year,
)
from planner.model.service import in_service, units
from planner.model.variables import Variables


def _cases_by(v: Variables, key: str) -> dict[tuple[str, ...], list[pulp.LpVariable]]:
    """Case variables grouped by (s, k, t) ("sk"), (s, d, m, t) ("sdm") or (s, d, k, t) ("sdk")."""
    out: dict[tuple[str, ...], list[pulp.LpVariable]] = defaultdict(list)
    for (s, d, m, k, t), var in v.cases_t.items():
        group = {"sk": (s, k, t), "sdm": (s, d, m, t), "sdk": (s, d, k, t)}[key]
        out[group].append(var)  # type: ignore[index]
    return out


def _flows(v: Variables) -> tuple[dict[tuple[str, str, int], list[pulp.LpVariable]], ...]:
    """Referral variables grouped by (sender, k, t) (out) and by (receiver, k, t) (in), computed once."""
    if "flows" not in v.memo:
        out: dict[tuple[str, str, int], list[pulp.LpVariable]] = defaultdict(list)
        into: dict[tuple[str, str, int], list[pulp.LpVariable]] = defaultdict(list)
        for (s, r, k, t), var in v.refer.items():
            out[(s, k, t)].append(var)
            into[(r, k, t)].append(var)
        v.memo["flows"] = (out, into)
    return v.memo["flows"]  # type: ignore[no-any-return]


def _net_out(v: Variables, s: str, k: str, t: int) -> pulp.LpAffineExpression | None:
    """sum_r r_{s,r,k,t} - sum_q r_{q,s,k,t}: cases referred out less cases received (None without routes)."""
    out, into = _flows(v)
    if (s, k, t) not in out and (s, k, t) not in into:
        return None
    return pulp.lpSum(out.get((s, k, t), [])) - pulp.lpSum(into.get((s, k, t), []))


def add_demand_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """demand: sum_{d,m} n_sdmkt + sum_r r_srkt <= D_skt + sum_q r_qskt. No more cases are served than there
    are: the site's own, less those it refers, plus those it receives (without routes: n <= D)."""
    for (s, k, t), terms in sorted(_cases_by(v, "sk").items()):
        lhs = pulp.lpSum(terms)
        if (net := _net_out(v, s, k, t)) is not None:
            lhs = lhs + net
        prob += (lhs <= inputs.horizon.demand[(s, k, t)], f"demand_{s}_{k}{inputs.horizon.suffix(t)}")


def add_referral_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """Referral rules (only with routes; ``planner.referrals``).

    referral_origin: sum_r r_srkt <= D_skt, a sender refers at most its own cases.
    referral_served: sum_{d,m} n_rdmkt >= sum_q r_qrkt, cases received are served by the receiver's devices
    (so they count against its capacity and its minimum volumes).
    referral_share: r_srkt <= a_sr D_skt, the link's ``max_share`` of the sender's demand per indication.
    referral_cases: sum_k r_srkt <= N_sr, the link's ``max_cases`` a year.
    """
    if not v.refer:
        return
    h, (out, into), served = inputs.horizon, _flows(v), _cases_by(v, "sk")
    for (s, k, t), terms in sorted(out.items()):
        prob += (pulp.lpSum(terms) <= h.demand[(s, k, t)], f"referral_origin_{s}_{k}{h.suffix(t)}")
    for (r, k, t), terms in sorted(into.items()):
        prob += (pulp.lpSum(served.get((r, k, t), [])) >= pulp.lpSum(terms), f"referral_served_{r}_{k}{h.suffix(t)}")
    per_link: dict[tuple[str, str, int], list[pulp.LpVariable]] = defaultdict(list)
    for route in inputs.routes:
        for t in h.years:
            var = v.refer[(route.sender, route.receiver, route.indication, t)]
            per_link[(route.sender, route.receiver, t)].append(var)
            if route.max_share is not None:
                prob += (var <= route.max_share * h.demand[(route.sender, route.indication, t)],
                         f"referral_share_{route.sender}_{route.receiver}_{route.indication}{h.suffix(t)}")
    limits = {(ro.sender, ro.receiver): ro.max_cases for ro in inputs.routes if ro.max_cases is not None}
    for (s, r, t), terms in sorted(per_link.items()):
        if (s, r) in limits:
            prob += (pulp.lpSum(terms) <= limits[(s, r)], f"referral_cases_{s}_{r}{h.suffix(t)}")


def add_coverage_floor_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables,
                                   elastic: Elastic | None = None) -> None:
    """coverage_floor: sum_{d,m} n_sdmkt >= c_sk D_skt. At least the floor share of each demand is served.

    With referral routes the left side is the site's own patients served here or referred (+ out - in).
    c_sk is the indication's floor at a site that serves it, 1 for a required indication (required equipment),
    0 where the site lacks the role the indication needs (its cases are referred). Added also where no device
    can serve the indication at the site (then it is infeasible, and says so). Soft (diagnosis): one slack
    per (s, k), in cases of the start year, relaxes every year by its demand growth (one lower floor share).
    """
    grouped = _cases_by(v, "sk")
    h = inputs.horizon
    for s in inputs.sites:
        for k in inputs.indications:
            need0 = inputs.site_floor(s, k) * inputs.demand[(s, k)]
            slack = slack_of(elastic, prob, f"coverage_floor_{s}_{k}", need0, need0) if need0 > 0 else None
            for t in h.years:
                need = inputs.site_floor(s, k) * h.demand[(s, k, t)]
                if need > 0:
                    lhs = pulp.lpSum(grouped.get((s, k, t), []))
                    if (net := _net_out(v, s, k, t)) is not None:
                        lhs = lhs + net  # the site's own patients: served here or referred
                    if slack is not None:
                        lhs = lhs + (h.demand[(s, k, t)] / inputs.demand[(s, k)]) * slack
                    prob += (lhs >= need, f"coverage_floor_{s}_{k}{h.suffix(t)}")


def add_capacity_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """capacity: sum_k n_sdmkt <= cap_d x units of d in mode m serving in t. Each unit serves at most cap_d
    cases a year, and cases at placement prices run on placed units."""
    h = inputs.horizon
    for (s, d, m, t), terms in sorted(_cases_by(v, "sdm").items()):
        cap = inputs.devices[d].capacity_cases_per_year
        name = f"capacity_{s}_{d}" if h.single_period else f"capacity_{s}_{d}_{m}_{t}"
        prob += (pulp.lpSum(terms) <= cap * in_service(inputs, v, s, d, m, t), name)


def add_min_volume_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """min_volume: sum_{d' in f, m, k} n_sd'mkt >= V_f p_sdt for each device d of family f with a minimum volume.

    A device is in use at a site only if its family serves at least V_f cases there that year (the team's
    competence); below it, the device is not used (and so not bought)."""
    if not inputs.min_volume:
        return
    by_family: dict[tuple[str, str, int], list[pulp.LpVariable]] = defaultdict(list)
    for (s, d, _m, _k, t), var in v.cases_t.items():
        by_family[(s, inputs.family(d), t)].append(var)
    for s, d in inputs.candidates:
        low = inputs.min_volume.get(inputs.family(d), 0.0)
        if low <= 0:
            continue
        for t in inputs.horizon.years:
            prob += (pulp.lpSum(by_family.get((s, inputs.family(d), t), [])) >= low * v.present_t[(s, d, t)],
                     f"min_volume_{s}_{d}{inputs.horizon.suffix(t)}")


def add_share_cap_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """share_cap: sum_{d in f, m} n_sdmkt <= a_fk (D_skt + sum_q r_qskt). A family serves at most the share a_fk
    of an indication's demand, received cases included (angio-derived FFR: the vessels it can analyse; the
    rest needs a wire)."""
    if not inputs.share_cap:
        return
    grouped: dict[tuple[str, str, str, int], list[pulp.LpVariable]] = defaultdict(list)
    for (s, d, _m, k, t), var in v.cases_t.items():
        if (inputs.family(d), k) in inputs.share_cap:
            grouped[(s, inputs.family(d), k, t)].append(var)
    for (s, f, k, t), terms in sorted(grouped.items()):
        rhs = inputs.share_cap[(f, k)] * inputs.horizon.demand[(s, k, t)]
        if (received := _flows(v)[1].get((s, k, t))) is not None:
            rhs = rhs + inputs.share_cap[(f, k)] * pulp.lpSum(received)
        prob += (pulp.lpSum(terms) <= rhs, f"share_cap_{s}_{f}_{k}{inputs.horizon.suffix(t)}")


def add_presence_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """presence: p_sdt <= units in service (in use only if a unit serves); u_sdmt <= Ubar_sd p_sdt (acquire
    only for a device in use that year); cases need presence: sum_m n_sdmkt <= (D_skt + most received) p_sdt.

    Installed units do not force presence: an installed device that cannot be used stays idle.
    """
    h = inputs.horizon
    for s, d in inputs.candidates:
        for t in h.years:
            sfx = h.suffix(t)
            prob += (v.present_t[(s, d, t)] <= units(inputs, v, s, d, t), f"presence_lower_{s}_{d}{sfx}")
            for o in inputs.offers(d):
                if inputs.max_new[(s, d)] > 0:
                    name = f"presence_upper_{s}_{d}" if h.single_period else f"presence_upper_{s}_{d}_{o.mode}_{t}"
                    prob += (v.acquire[(s, d, o.mode, t)] <= inputs.max_new[(s, d)] * v.present_t[(s, d, t)], name)
    for (s, d, k, t), terms in sorted(_cases_by(v, "sdk").items()):
        prob += (pulp.lpSum(terms) <= inputs.reach(s, k, t) * v.present_t[(s, d, t)],
                 f"cases_need_presence_{s}_{d}_{k}{h.suffix(t)}")
    add_used_constraints(prob, inputs, v)


def add_used_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """used (multi-year only): the binary "in use in some year" links to the yearly presences."""
    if inputs.horizon.single_period:
        return
    for s, d in inputs.candidates:
        years = [v.present_t[(s, d, t)] for t in inputs.horizon.years]
        for t, p in zip(inputs.horizon.years, years, strict=True):
            prob += (p <= v.present[(s, d)], f"used_upper_{s}_{d}_{t}")
        prob += (v.present[(s, d)] <= pulp.lpSum(years), f"used_lower_{s}_{d}")


def add_per_room_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """per_room: units of d serving at s in t >= R_s p_sdt for a per-room device: in use only if every room
    has one."""
    for s, d in inputs.candidates:
        if inputs.per_room(d) and inputs.rooms[s] > 1:
            for t in inputs.horizon.years:
                prob += (units(inputs, v, s, d, t) >= inputs.rooms[s] * v.present_t[(s, d, t)],
                         f"per_room_{s}_{d}{inputs.horizon.suffix(t)}")


def add_requires_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """requires: p_sdt <= sum_{r in Req_d} p_srt. A device needs one of its required devices at the site."""
    for (s, d), reqs in sorted(inputs.requires.items()):
        for t in inputs.horizon.years:
            prob += (v.present_t[(s, d, t)] <= pulp.lpSum(v.present_t[(s, r, t)] for r in reqs),
                     f"requires_{s}_{d}{inputs.horizon.suffix(t)}")


def add_capex_budget_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables,
                                 elastic: Elastic | None = None) -> None:
    """capex_budget: capital spent over the horizon <= B_capex; capex_budget_{t}: spent in year t <= B_t,
    or with carry-over, spent in the years with an envelope up to t <= their envelopes (``planner.limits``)."""
    if inputs.capex_budget_eur is not None:
        rhs = costs.to_model_money(inputs.capex_budget_eur)
        _upper(prob, "capex_budget", capex_expr(inputs, v), rhs, elastic)
    for env in capex_envelopes(inputs):
        spent = pulp.lpSum(capex_in_year(inputs, v, y) for y in env.years)
        _upper(prob, env.name, spent, costs.to_model_money(env.limit_eur), elastic)


def add_opex_budget_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables,
                                elastic: Elastic | None = None) -> None:
    """opex_budget: maintenance + lease fees + consumables + commitment shortfalls of year t <= B_opex,t
    (the year's envelope, else the yearly budget; ``planner.limits``)."""
    for lim in opex_limits(inputs):
        _upper(prob, lim.name, opex_in_year(inputs, v, lim.year), costs.to_model_money(lim.limit_eur), elastic)


def _upper(prob: pulp.LpProblem, name: str, lhs: pulp.LpAffineExpression, rhs: float,
           elastic: Elastic | None) -> None:
    """lhs <= rhs, named; soft in a diagnosis (a slack in the limit's own money, scaled by the limit)."""
    slack = slack_of(elastic, prob, name, max(rhs, 1.0))
    prob += ((lhs - slack if slack is not None else lhs) <= rhs, name)


def add_commitment_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """placement_commitment: shortfall_sdt >= commitment x placed units - placement consumables bought.

    A placed console commits the hospital to buy consumables for at least the commitment each year; the
    shortfall is paid (costs minimise it to max(0, .))."""
    h = inputs.horizon
    placed = _cases_by(v, "sdm")
    for (s, d, t), short in sorted(v.shortfall.items()):
        offer = next(o for o in inputs.offers(d) if o.mode == "placement")
        price = costs.to_model_money(h.price("consumables", offer.consumable_eur_per_case, t))
        bought = pulp.lpSum(costs.consumables_cost(price, var) for var in placed.get((s, d, "placement", t), []))
        commit = costs.to_model_money(offer.min_commitment_eur_per_year)
        prob += (short >= commit * in_service(inputs, v, s, d, "placement", t) - bought,
                 f"placement_commitment_{s}_{d}_{t}")


def add_must_include_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables,
                                 elastic: Elastic | None = None) -> None:
    """must_include: sum_s p_sdT >= 1. The device is in use at one site at least at the end of the plan."""
    last = inputs.horizon.years[-1]
    for d in inputs.must_include:
        name = f"must_include_{d}"
        slack = slack_of(elastic, prob, name, 1.0, 1.0)
        used = pulp.lpSum(v.present_t[(s, d2, last)] for s, d2 in inputs.candidates if d2 == d)
        prob += ((used + slack if slack is not None else used) >= 1, name)
