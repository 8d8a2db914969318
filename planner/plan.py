"""The frozen :class:`Plan`: what to buy, how rooms are configured, costs, coverage, budgets.

Costs are recomputed here from the inputs and the (rounded) chosen quantities with :mod:`planner.costs`,
never copied from the solver; tests check they equal the solver's objective terms.
"""

from __future__ import annotations

import json
import types
import typing
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any

from planner import costs
from planner.inputs import ModelInputs
from planner.security import risk_score
from planner.solve import SolveResult

#: Largest distance of an integer variable's solver value from its rounded value.
INTEGRALITY_TOL = 1e-5
#: Slack (EUR) under which a budget counts as binding.
BINDING_TOL_EUR = 1.0
#: Relative slack under which a budget counts as binding (phase 2 may free up to ~1e-6 of the benefit).
BINDING_TOL_REL = 1e-5


@dataclass(frozen=True)
class PhaseInfo:
    """One solver call of the run."""

    objective: str
    status: str
    objective_value: float | None
    mip_gap: float | None
    time_s: float


@dataclass(frozen=True)
class SolverInfo:
    """Which solver ran, how long, and the objective terms it reported (for reconciliation)."""

    name: str
    version: str
    time_s: float
    phases: tuple[PhaseInfo, ...] = ()
    objective_benefit: float | None = None
    objective_annualised_cost_eur: float | None = None


@dataclass(frozen=True)
class Costs:
    """Plan costs in EUR, recomputed from inputs and chosen quantities."""

    capex_eur: float
    annualised_capex_eur_per_year: float
    maintenance_eur_per_year: float
    consumables_eur_per_year: float
    opex_eur_per_year: float
    annualised_eur_per_year: float
    segmentation_eur: float = 0.0  # part of capex_eur


@dataclass(frozen=True)
class Acquisition:
    """Units of a device at a site: bought by the plan and already installed."""

    site_id: str
    device_id: str
    family: str
    units_new: int
    units_installed: int
    in_use: bool
    unit_capex_eur: float
    capex_eur: float
    segmentation_eur: float = 0.0  # part of capex_eur: network segmentation of the new units


@dataclass(frozen=True)
class AllocationRow:
    """Annual cases of an indication served by a device at a site."""

    site_id: str
    indication_id: str
    device_id: str
    cases_per_year: float
    benefit: float


@dataclass(frozen=True)
class CoverageRow:
    """Demand and served cases of an indication at a site."""

    site_id: str
    indication_id: str
    demand_cases: float
    served_cases: float
    coverage_share: float
    min_coverage: float
    weight: float


@dataclass(frozen=True)
class BudgetUse:
    """A budget's limit and use."""

    name: str
    limit_eur: float | None
    used_eur: float
    binding: bool


@dataclass(frozen=True)
class RoomConfig:
    """The standard configuration of a room ("1".."R"), or a site's shared devices (room "shared")."""

    site_id: str
    room: str
    devices: tuple[str, ...]


@dataclass(frozen=True)
class DeviceSecurity:
    """Security profile and risk score of a device in the plan (bought or installed)."""

    device_id: str
    network_connected: str
    os_family: str
    os_end_of_support: str | None
    os_status: str  # ended | soon | supported | unknown | not_connected
    mds2_available: str
    sbom_available: str
    patch_policy: str
    remote_access: str
    encryption_at_rest: str
    risk_score: int
    flagged: bool  # OS support ended, or ends within 3 years of the reference date
    source: str


@dataclass(frozen=True)
class SecurityExclusion:
    """A device the scenario's security rules forbid buying, and why."""

    device_id: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """The result of a run. ``status`` is optimal, feasible, infeasible, time_limit_no_solution or
    solver_error; only the first two carry a configuration."""

    scenario: Mapping[str, Any]
    status: str
    objective: str
    mip_gap: float | None
    solver: SolverInfo
    benefit: float | None = None
    costs: Costs | None = None
    acquisitions: tuple[Acquisition, ...] = ()
    allocation: tuple[AllocationRow, ...] = ()
    coverage: tuple[CoverageRow, ...] = ()
    budgets: tuple[BudgetUse, ...] = ()
    rooms: tuple[RoomConfig, ...] = ()
    diagnosis: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    catalog_fingerprint: str = ""
    security: tuple[DeviceSecurity, ...] = ()
    security_exclusions: tuple[SecurityExclusion, ...] = ()

    @property
    def has_solution(self) -> bool:
        """Whether the plan carries a configuration."""
        return self.status in ("optimal", "feasible")

    @property
    def scenario_name(self) -> str:
        """Name of the scenario."""
        return str(self.scenario.get("name", ""))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return _plain(asdict(self))

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text of the plan."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """Rebuild a plan from :meth:`to_dict` output."""
        return _build(cls, data)  # type: ignore[no-any-return]

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Rebuild a plan from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _build(tp: Any, data: Any) -> Any:
    """Rebuild typed values (dataclasses, tuples, optionals) from plain JSON data."""
    origin = typing.get_origin(tp)
    if is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        return tp(**{f.name: _build(hints[f.name], data[f.name]) for f in fields(tp) if f.name in data})
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], data)
    if origin is tuple:
        return tuple(_build(typing.get_args(tp)[0], v) for v in data)
    return data


def from_solution(inputs: ModelInputs, result: SolveResult, scenario: Mapping[str, Any],
                  warnings: tuple[str, ...] = (), fingerprint: str = "") -> Plan:
    """Build the plan from the solver's values; recompute every cost from the inputs."""
    solver = SolverInfo(
        result.solver_name, result.solver_version, round(result.time_s, 4),
        tuple(PhaseInfo(p.objective, p.status.value, p.objective_value, p.mip_gap, round(p.time_s, 4))
              for p in result.phases),
        result.benefit_value,
        None if result.annualised_cost_value is None else costs.from_model_money(result.annualised_cost_value),
    )
    base = {"scenario": scenario, "status": result.status.value, "objective": inputs.objective,
            "mip_gap": result.mip_gap, "solver": solver, "warnings": warnings, "catalog_fingerprint": fingerprint,
            "security_exclusions": tuple(SecurityExclusion(d, r) for d, r in sorted(inputs.security_excluded.items()))}
    if not result.status.has_solution:
        return Plan(**base)
    buy = {sd: _integral(v, f"buy_{sd[0]}_{sd[1]}") for sd, v in result.buy.items()}
    present = {sd: bool(_integral(v, f"present_{sd[0]}_{sd[1]}")) for sd, v in result.present.items()}
    cases = {key: (v if v > 1e-7 else 0.0) for key, v in result.cases.items()}
    allocation = _allocation(inputs, cases)
    plan_costs = compute_costs(inputs, buy, cases)
    acquisitions = _acquisitions(inputs, buy, present)
    return Plan(**base,
                security=_security(inputs, acquisitions),
                benefit=sum(a.benefit for a in allocation),
                costs=plan_costs,
                acquisitions=acquisitions,
                allocation=allocation,
                coverage=_coverage(inputs, cases),
                budgets=_budgets(inputs, plan_costs),
                rooms=_rooms(inputs, present))


def _integral(value: float, name: str) -> int:
    rounded = round(value)
    if abs(value - rounded) > INTEGRALITY_TOL:
        msg = f"solver value of {name} is not integral: {value}"
        raise ArithmeticError(msg)
    return int(rounded)


def compute_costs(inputs: ModelInputs, buy: Mapping[tuple[str, str], int],
                  cases: Mapping[tuple[str, str, str], float]) -> Costs:
    """Costs of a configuration, with the same formulas as the objective (:mod:`planner.costs`)."""
    dev = inputs.devices
    capex = sum(costs.capex_cost(inputs.unit_capex(d), n) for (s, d), n in buy.items())
    segmentation = sum(costs.capex_cost(inputs.segmentation_eur.get(d, 0.0), n) for (s, d), n in buy.items())
    annualised_capex = sum(costs.annualised_capex(costs.capex_cost(inputs.unit_capex(d), n), dev[d].lifetime_years)
                           for (s, d), n in buy.items())
    maintenance = sum(costs.maintenance_cost(dev[d].maintenance_eur_per_year, n + inputs.installed.get((s, d), 0))
                      for (s, d), n in buy.items())
    consumables = sum(costs.consumables_cost(dev[d].consumable_eur_per_case, n) for (s, d, k), n in cases.items())
    return Costs(float(capex), float(annualised_capex), float(maintenance), float(consumables),
                 float(maintenance + consumables), float(annualised_capex + maintenance + consumables),
                 float(segmentation))


def _allocation(inputs: ModelInputs, cases: Mapping[tuple[str, str, str], float]) -> tuple[AllocationRow, ...]:
    return tuple(AllocationRow(s, k, d, n, inputs.weight[k] * inputs.effectiveness[(d, k)] * n)
                 for (s, d, k), n in sorted(cases.items(), key=lambda kv: (kv[0][0], kv[0][2], kv[0][1]))
                 if n > 0)


def _acquisitions(inputs: ModelInputs, buy: Mapping[tuple[str, str], int],
                  present: Mapping[tuple[str, str], bool]) -> tuple[Acquisition, ...]:
    rows = []
    for s, d in inputs.candidates:
        new, old = buy[(s, d)], inputs.installed.get((s, d), 0)
        if new or old:
            price = inputs.unit_capex(d)
            rows.append(Acquisition(s, d, inputs.devices[d].family, new, old, present[(s, d)], price,
                                    float(costs.capex_cost(price, new)),
                                    float(costs.capex_cost(inputs.segmentation_eur.get(d, 0.0), new))))
    return tuple(rows)


def _security(inputs: ModelInputs, acquisitions: tuple[Acquisition, ...]) -> tuple[DeviceSecurity, ...]:
    rows = []
    for d in sorted({a.device_id for a in acquisitions}):
        dev = inputs.devices[d]
        score = risk_score(dev, inputs.reference_date)
        eos = dev.os_end_of_support.isoformat() if dev.os_end_of_support else None
        rows.append(DeviceSecurity(d, dev.network_connected, dev.os_family, eos, score.os_status,
                                   dev.mds2_available, dev.sbom_available, dev.patch_policy, dev.remote_access,
                                   dev.encryption_at_rest, score.score, score.os_status in ("ended", "soon"),
                                   dev.security_source))
    return tuple(rows)


def _coverage(inputs: ModelInputs, cases: Mapping[tuple[str, str, str], float]) -> tuple[CoverageRow, ...]:
    served: dict[tuple[str, str], float] = defaultdict(float)
    for (s, _d, k), n in cases.items():
        served[(s, k)] += n
    rows = []
    for s in inputs.sites:
        for k in inputs.indications:
            demand = inputs.demand[(s, k)]
            if demand > 0:
                got = served[(s, k)]
                rows.append(CoverageRow(s, k, demand, got, got / demand, inputs.floor[k], inputs.weight[k]))
    return tuple(rows)


def _budgets(inputs: ModelInputs, c: Costs) -> tuple[BudgetUse, ...]:
    out = []
    for name, limit, used in (("capex", inputs.capex_budget_eur, c.capex_eur),
                              ("opex_per_year", inputs.opex_budget_eur, c.opex_eur_per_year)):
        binding = limit is not None and limit - used <= max(BINDING_TOL_EUR, BINDING_TOL_REL * limit)
        out.append(BudgetUse(name, limit, used, binding))
    return tuple(out)


def _rooms(inputs: ModelInputs, present: Mapping[tuple[str, str], bool]) -> tuple[RoomConfig, ...]:
    rooms = []
    for s in inputs.sites:
        in_use = [d for d in inputs.devices_at(s) if present[(s, d)]]
        per_room = tuple(d for d in in_use if inputs.per_room(d))
        rooms += [RoomConfig(s, str(r), per_room) for r in range(1, inputs.rooms[s] + 1)]
        rooms.append(RoomConfig(s, "shared", tuple(d for d in in_use if not inputs.per_room(d))))
    return tuple(rooms)
