"""Plain-words diagnosis of an infeasible scenario: which constraints to relax, and by how much.

Two layers:

1. *Structural* causes, visible without solving: a floor that no usable device serves at a site, a
   must-include device that cannot be used anywhere.
2. An *elastic* model: the planner's model with the capex and opex budgets, the coverage floors and the
   must-include rules made elastic (a non-negative slack on each, penalised in the objective). Its optimum
   is the smallest relaxation that gives a plan, in relative terms (each slack divided by the size of its
   constraint: a budget raise as a share of the budget, a floor cut as a share of the floor, a dropped
   must-include device as 1). Each constraint is then also relaxed *alone*, which gives the alternatives
   ("raise the capex budget by 18,000 EUR or lower the floor to 0 %").

PuLP 4 dropped elastic sub-problems, so the slacks are explicit variables (``slack_<constraint>``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

import pulp

from planner import costs
from planner.inputs import ModelInputs
from planner.limits import capex_envelopes, opex_limits
from planner.messages import Arg, Device, Eur, Indication, Join, Msg, Num, Pct, Site, msg, plain
from planner.model import BuiltModel, build_model
from planner.model.elastic import Elastic
from planner.scenario import SolverOptions
from planner.solve import run_phase

RelaxFamily = Literal["capex_budget", "opex_budget", "coverage_floor", "must_include"]
#: Slack (in the constraint's own unit: k EUR, cases, presence) below which it counts as zero.
SLACK_TOL = 1e-6
#: Time limit of each elastic solve (s).
ELASTIC_TIME_LIMIT_S = 30.0


@dataclass(frozen=True)
class Relaxation:
    """One constraint relaxed: from ``current`` to ``relaxed`` (EUR, EUR/year, share of demand, or 1 -> 0)."""

    constraint: str  # the model's constraint name, e.g. "capex_budget", "coverage_floor_main_anoca"
    family: RelaxFamily
    site_id: str | None
    subject: str | None  # indication id (floors) or device id (must-include)
    current: float
    relaxed: float
    text: Msg  # the relaxation in words (code ``fix.<kind>``)

    @property
    def short(self) -> Msg:
        """The relaxation without its from/to figures (``fix.<kind>_short``)."""
        return Msg(f"{self.text.code}_short", self.text.args)

    @property
    def amount(self) -> float:
        """Size of the relaxation in the constraint's unit (positive)."""
        return abs(self.relaxed - self.current)


@dataclass(frozen=True)
class Diagnosis:
    """Why no plan exists: structural causes, the smallest combined relaxation, the single fixes, in words."""

    structural: tuple[Msg, ...]
    relaxations: tuple[Relaxation, ...]  # smallest combined relaxation that gives a plan
    single_fixes: tuple[Relaxation, ...]  # each alone gives a plan
    messages: tuple[Msg, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready; messages as codes with parameters)."""
        return plain(asdict(self))


# ---------------------------------------------------------------- structural causes


def structural_causes(inputs: ModelInputs) -> list[Msg]:
    """Causes of infeasibility visible without solving."""
    causes = []
    servable = {(s, k) for s, _d, k in inputs.allocations}
    for s in inputs.sites:
        for k in inputs.indications:
            need = inputs.site_floor(s, k) * inputs.demand[(s, k)]
            if need > 0 and (s, k) not in servable:
                causes.append(msg("diag.floor_unservable", site=Site(s), floor=Pct(inputs.site_floor(s, k)),
                                  indication=Indication(k), cases=Num(need, 1)))
    candidates = {d for _s, d in inputs.candidates}
    for d in inputs.must_include:
        if d not in candidates:
            security = inputs.security_excluded.get(d)
            why = msg("why.excluded_security", reason=security) if security else msg("diag.why_unusable")
            causes.append(msg("diag.must_include_unusable", device=Device(d), why=why))
    return causes


def eur(value: float) -> Eur:
    """Euros, rounded up to the euro (a budget raise must be enough)."""
    return Eur(value, up=True)


# ---------------------------------------------------------------- elastic model


@dataclass(frozen=True)
class _Elastic:
    built: BuiltModel
    slacks: dict[str, tuple[pulp.LpVariable, float]]  # constraint name -> (slack, scale)


def yearly_limits(inputs: ModelInputs) -> dict[str, tuple[int, float, str]]:
    """Yearly budget constraints (``planner.limits``): name -> (year, limit EUR, "capex" or "opex"). Capital
    envelopes are cumulative with carry-over; a multi-year model has an opex budget per year."""
    out = {e.name: (e.year, e.limit_eur, "capex") for e in capex_envelopes(inputs)}
    if not inputs.horizon.single_period:
        out.update({o.name: (o.year, o.limit_eur, "opex") for o in opex_limits(inputs)})
    return out


def relaxable(inputs: ModelInputs) -> tuple[str, ...]:
    """Names of the constraints the elastic model may relax."""
    single_opex = inputs.opex_budget_eur if inputs.horizon.single_period else None
    names = [n for n, b in (("capex_budget", inputs.capex_budget_eur), ("opex_budget", single_opex))
             if b is not None]
    names += list(yearly_limits(inputs))
    names += [f"coverage_floor_{s}_{k}" for s in inputs.sites for k in inputs.indications
              if inputs.site_floor(s, k) * inputs.demand[(s, k)] > 0]
    names += [f"must_include_{d}" for d in inputs.must_include]
    return tuple(names)


def build_elastic(inputs: ModelInputs, elastic: Iterable[str]) -> _Elastic:
    """The model itself (:func:`planner.model.build_model`), with a slack on the limits named in ``elastic``
    (the same builders with their soft switch), minimising the slacks in their own units."""
    soft = Elastic(frozenset(elastic))
    built = build_model(inputs, name="cathlab_elastic", elastic=soft)
    built.prob.setObjective(soft.objective())
    return _Elastic(built, soft.slacks)


@dataclass(frozen=True)
class ElasticResult:
    """Slack of each elastic constraint (model units) and the new units bought, at the smallest relaxation."""

    slack: dict[str, float]
    buy: dict[tuple[str, str], int]


def solve_elastic(inputs: ModelInputs, elastic: Iterable[str], options: SolverOptions) -> ElasticResult | None:
    """The smallest relaxation of the ``elastic`` constraints; ``None`` if even that gives no plan."""
    model = build_elastic(inputs, elastic)
    opts = dataclasses.replace(options, time_limit_s=min(options.time_limit_s, ELASTIC_TIME_LIMIT_S))
    phase = run_phase(model.built.prob, "min_relaxation", opts, opts.time_limit_s)
    if not phase.status.has_solution:
        return None
    return ElasticResult({name: float(slack.varValue or 0.0) for name, (slack, _scale) in model.slacks.items()},
                         {sd: round(float(pulp.value(x) or 0.0)) for sd, x in model.built.variables.buy.items()})


# ---------------------------------------------------------------- relaxations in words


def describe(inputs: ModelInputs, name: str, slack: float) -> Relaxation:
    """The relaxation of constraint ``name`` by ``slack`` (model units), in words."""
    if name in ("capex_budget", "opex_budget"):
        limit = inputs.capex_budget_eur if name == "capex_budget" else inputs.opex_budget_eur
        assert limit is not None
        raise_eur = costs.from_model_money(slack)
        text = msg(f"fix.{name}", by=eur(raise_eur), current=eur(limit), relaxed=eur(limit + raise_eur))
        return Relaxation(name, name, None, None, limit, limit + raise_eur, text)  # type: ignore[arg-type]
    yearly = yearly_limits(inputs)
    if name in yearly:
        year, limit, kind = yearly[name]
        raise_eur = costs.from_model_money(slack)
        code = "fix.capex_year_cum" if kind == "capex" and inputs.horizon.carry_over else f"fix.{kind}_budget_year"
        text = msg(code, year=year, by=eur(raise_eur), current=eur(limit), relaxed=eur(limit + raise_eur))
        return Relaxation(name, f"{kind}_budget", None, str(year), limit, limit + raise_eur, text)
    if name.startswith("must_include_"):
        d = name.removeprefix("must_include_")
        return Relaxation(name, "must_include", None, d, 1.0, 0.0, msg("fix.must_include", device=Device(d)))
    s, k = _floor_key(inputs, name)
    demand = inputs.demand[(s, k)]
    to = max(inputs.site_floor(s, k) - slack / demand, 0.0)
    to = math.floor(to * 100 + 1e-6) / 100  # a floor one may actually set: whole percent, rounded down
    text = msg("fix.floor", indication=Indication(k), site=Site(s), current=Pct(inputs.site_floor(s, k)),
               relaxed=Pct(to))
    return Relaxation(name, "coverage_floor", s, k, inputs.site_floor(s, k), to, text)


def _floor_key(inputs: ModelInputs, name: str) -> tuple[str, str]:
    rest = name.removeprefix("coverage_floor_")
    for s in inputs.sites:
        for k in inputs.indications:
            if rest == f"{s}_{k}":
                return s, k
    msg = f"not a coverage floor of these inputs: {name}"
    raise KeyError(msg)


@dataclass(frozen=True)
class FloorServer:
    """A device that could serve a floor at a site, and what the floor's cases would cost with it."""

    device_id: str
    capex_eur: float  # new units needed for the floor's cases
    opex_eur_per_year: float  # maintenance of those units and consumables of the floor's cases


def floor_servers(inputs: ModelInputs, site: str, indication: str) -> list[FloorServer]:
    """Candidate devices at ``site`` serving ``indication``, with the cost of meeting its floor alone."""
    need = inputs.site_floor(site, indication) * inputs.demand[(site, indication)]
    out = []
    for s, d, k in inputs.allocations:
        if s != site or k != indication:
            continue
        dev = inputs.devices[d]
        units = max(math.ceil(need / dev.capacity_cases_per_year - 1e-9), inputs.rooms[s] if inputs.per_room(d) else 1)
        new = max(units - inputs.installed.get((s, d), 0), 0)
        opex = costs.maintenance_cost(dev.maintenance_eur_per_year, units) + costs.consumables_cost(
            dev.consumable_eur_per_case, need)
        out.append(FloorServer(d, float(costs.capex_cost(inputs.unit_capex(d), new)), float(opex)))
    return out


def _culprit_sentence(inputs: ModelInputs, fix: Relaxation, budget_fixes: list[Relaxation],
                      structural: bool) -> Msg:
    """One culprit (a floor or a must-include) with the ways out."""
    ways: list[Arg] = [b.short for b in budget_fixes]
    own: dict[str, float] = {}
    by_opex = bool(budget_fixes) and all(b.family == "opex_budget" for b in budget_fixes)
    if fix.family == "coverage_floor":
        assert fix.site_id is not None and fix.subject is not None
        s, k = fix.site_id, fix.subject
        need = inputs.site_floor(s, k) * inputs.demand[(s, k)]
        head = msg("diag.floor_head", site=Site(s), indication=Indication(k), floor=Pct(inputs.site_floor(s, k)),
                   cases=Num(need, 1))
        if structural:
            return msg("diag.floor_cannot", head=head)
        servers = floor_servers(inputs, s, k)
        if servers:
            best = min(servers, key=lambda f: ((f.opex_eur_per_year, f.capex_eur) if by_opex
                                               else (f.capex_eur, f.opex_eur_per_year), f.device_id))
            cost = (msg("diag.cost_opex", eur=eur(best.opex_eur_per_year)) if by_opex
                    else msg("diag.cost_capex", eur=eur(best.capex_eur)))
            head = msg("diag.floor_cheapest", head=head, device=Device(best.device_id), cost=cost)
            own = {"capex_budget": best.capex_eur, "opex_budget": best.opex_eur_per_year}
        ways.append(msg("diag.way_floor", floor=Pct(fix.relaxed)))
    else:
        d = fix.subject or ""
        price = inputs.unit_capex(d) if d in inputs.devices else 0.0
        head = msg("diag.must_head", device=Device(d), price=eur(price))
        own = {"capex_budget": price}
        ways.append(msg("diag.way_drop"))
    words = list(dict.fromkeys(_limit_words(b, own) for b in budget_fixes))
    if budget_fixes:
        return msg("diag.culprit", head=head, limits=Join(tuple(words), "and"), ways=Join(tuple(ways), "or"))
    return msg("diag.culprit_alone", head=head, ways=Join(tuple(ways), "or"))


def _limit_words(fix: Relaxation, own: dict[str, float]) -> Msg:
    """'the capex budget is X' or, when other rules need money too, what the plan needs in all."""
    kind = fix.family.removesuffix("_budget")
    yearly = fix.subject is not None  # a yearly budget of a multi-year plan
    what = msg(f"diag.budget_{kind}_year", year=fix.subject or "") if yearly else msg(f"diag.budget_{kind}")

    def amount(x: float) -> Arg:
        return msg("diag.per_year", amount=eur(x)) if kind == "opex" and fix.subject is None else eur(x)

    if abs(fix.relaxed - own.get(fix.family, fix.relaxed)) <= 1.0:
        return msg("diag.limit_is", what=what, amount=amount(fix.current))
    return msg("diag.limit_needs", need=amount(fix.relaxed), what=what, amount=amount(fix.current))


def elastic_diagnosis(inputs: ModelInputs, options: SolverOptions | None = None) -> Diagnosis:
    """Structural causes, the smallest combined relaxation and each single fix, with sentences."""
    opts = options or SolverOptions()
    structural = tuple(structural_causes(inputs))
    names = relaxable(inputs)
    combined = solve_elastic(inputs, names, opts)
    slack = {} if combined is None else combined.slack
    relaxations = tuple(describe(inputs, n, x) for n, x in slack.items() if x > SLACK_TOL)
    singles = []
    for name in names:
        alone = solve_elastic(inputs, (name,), opts)
        if alone is not None:  # relaxing this constraint alone gives a plan
            singles.append(describe(inputs, name, alone.slack[name]))
    bought = {} if combined is None else {sd: n for sd, n in combined.buy.items() if n > 0}
    return Diagnosis(structural, relaxations, tuple(singles),
                     _messages(inputs, structural, relaxations, tuple(singles), bought))


def _messages(inputs: ModelInputs, structural: tuple[Msg, ...], relaxations: tuple[Relaxation, ...],
              singles: tuple[Relaxation, ...], bought: dict[tuple[str, str], int]) -> tuple[Msg, ...]:
    if not relaxations:
        return structural or (msg("diag.no_relaxation"),)
    budget_fixes = [r for r in singles if r.family in ("capex_budget", "opex_budget")]
    culprits = [r for r in singles if r.family in ("coverage_floor", "must_include")]
    culprits += [r for r in relaxations if r.family in ("coverage_floor", "must_include")
                 and r.constraint not in {c.constraint for c in culprits}]
    servable = {(s, k) for s, _d, k in inputs.allocations}
    unservable = {(s, k) for s in inputs.sites for k in inputs.indications} - servable
    lines = [_culprit_sentence(inputs, c, budget_fixes, (c.site_id, c.subject) in unservable) for c in culprits]
    if not culprits:  # only budgets: several rules together, or installed maintenance alone, exceed them
        needs = tuple(msg("diag.need_item", device=Device(d), site=Site(s),
                          capex=eur(costs.capex_cost(inputs.unit_capex(d), n))) for (s, d), n in sorted(bought.items()))
        lines += [msg("diag.together_need", needs=Join(needs), fix=r.text) if needs
                  else msg("diag.installed_too_costly", fix=r.text) for r in budget_fixes]
    lines.insert(0, msg("diag.smallest", fixes=Join(tuple(r.text for r in relaxations), "semicolon")))
    return tuple(lines)


def diagnose(inputs: ModelInputs, options: SolverOptions | None = None) -> tuple[Msg, ...]:
    """Explain why no plan exists, in plain words (the lines of :attr:`Diagnosis.messages`)."""
    return elastic_diagnosis(inputs, options).messages
