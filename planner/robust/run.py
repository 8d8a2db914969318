"""``run_robustness(catalog, scenario, options) -> RobustReport``: the entry point of the robustness tools.

Modes (``docs/model.md``, "Robustness"):

- ``evaluate``: the deterministic plan's equipment in each sampled future, its use re-optimised;
- ``stability``: also the full optimum of each future: selection frequency of each device, the plan's regret;
- ``robust``: the two-stage plan built on ``fit_samples`` futures (indices 0..F-1), then the robust and the
  deterministic plans evaluated on ``samples`` other futures (indices F..F+N-1, out of sample).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from planner.catalog import Catalog
from planner.checks import validate
from planner.errors import Issue, MessageError, PlannerInputError
from planner.inputs import ModelInputs, prepare
from planner.messages import Opt, msg
from planner.plan import Plan
from planner.planbuild import from_solution
from planner.robust.backends import Backend, Progress, run_chunks
from planner.robust.evaluate import Equipment, equipment_of, solve_future
from planner.robust.extensive import build_extensive
from planner.robust.sampling import sample_inputs
from planner.robust.stats import PlanStats, Stability, plan_stats, stability
from planner.robust.tasks import Job, SampleResult, run_chunk
from planner.robust.uncertainty import Distribution, PriceUncertainty, Uncertainty, unknown_indications
from planner.scenario import Scenario, SolverOptions
from planner.solve import solve

Mode = Literal["evaluate", "stability", "robust"]
MODES: tuple[str, ...] = ("evaluate", "stability", "robust")

#: Laws used when the scenario has no ``uncertainty:`` section (said in the report's notes).
DEFAULT_UNCERTAINTY = Uncertainty(
    seed=0, activity=Distribution("normal", sd=0.10), indication_shares=Distribution("normal", sd=0.20),
    prices=PriceUncertainty({"consumables": Distribution("normal", sd=0.10), "capex": Distribution("normal", sd=0.10),
                             "maintenance": Distribution("normal", sd=0.05)}), evidence=True)


#: The note of a run on the default laws: a message code (the report's ``notes`` are codes, rendered by the views).
NOTE_DEFAULT_LAWS = "robust.note.default_laws"


class RobustRunError(MessageError, RuntimeError):
    """The run cannot give results: the deterministic or the robust plan has no solution."""


@dataclass(frozen=True)
class RobustOptions:
    """How many futures, which mode, where, and the solver settings."""

    mode: Mode = "evaluate"
    samples: int = 50
    seed: int | None = None  # None: the scenario's ``uncertainty.seed``
    fit_samples: int = 20  # robust mode: futures the two-stage plan is built on
    backend: Backend = field(default_factory=Backend)
    future_time_limit_s: float = 30.0
    robust_time_limit_s: float = 120.0
    robust_mip_gap: float = 0.005


@dataclass(frozen=True)
class RobustSolve:
    """The extensive form: size, status, gap, time and its in-sample expected value."""

    futures: int
    variables: int
    constraints: int
    status: str
    mip_gap: float | None
    time_s: float
    expected_value: float | None


@dataclass(frozen=True)
class EquipmentRows:
    """A plan's equipment as plain rows (JSON-friendly): acquisitions (site, device, mode, year, units) and
    devices in use (site, device, year)."""

    acquire: tuple[tuple[str, str, str, int, int], ...]
    present: tuple[tuple[str, str, int], ...]

    @staticmethod
    def of(eq: Equipment) -> EquipmentRows:
        """Rows of an :class:`Equipment`."""
        return EquipmentRows(tuple(sorted((*k, n) for k, n in eq.acquire.items())),
                             tuple(sorted(k for k, p in eq.present_t.items() if p)))

    def equipment(self) -> Equipment:
        """Back to an :class:`Equipment`."""
        return Equipment({(s, d, m, t): n for s, d, m, t, n in self.acquire}, dict.fromkeys(self.present, 1))


@dataclass(frozen=True)
class RobustReport:
    """Everything a robustness run gives (``to_json`` for files; the views render it)."""

    scenario: str
    mode: str
    samples: int
    seed: int
    backend: str
    elapsed_s: float
    cancelled: bool
    retried: int
    uncertainty: dict[str, object]
    notes: tuple[str, ...]  # catalogue codes (NOTE_DEFAULT_LAWS)
    plans: tuple[PlanStats, ...]  # deterministic first, then robust (robust mode)
    in_use: tuple[tuple[str, ...], ...]  # per plan: "site:device" in use
    nominal_value: tuple[float, ...]  # per plan: value in the scenario's own (nominal) future
    equipment: tuple[EquipmentRows, ...]  # per plan
    stability: Stability | None = None
    robust_solve: RobustSolve | None = None

    @property
    def futures_per_second(self) -> float:
        """Futures solved per second (each future solves every plan, and the optimum in stability mode)."""
        return self.samples / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def to_json(self) -> str:
        """The report as JSON text."""
        return json.dumps(asdict(self), indent=2, sort_keys=False)


def uncertainty_of(scenario: Scenario, seed: int | None) -> tuple[Uncertainty, tuple[str, ...]]:
    """The scenario's laws (or the defaults, with a note), the seed replaced when given."""
    unc, notes = scenario.uncertainty, ()
    if unc is None:
        unc, notes = DEFAULT_UNCERTAINTY, (NOTE_DEFAULT_LAWS,)
    return (unc if seed is None else replace(unc, seed=seed)), notes


def check_options(options: RobustOptions, catalog: Catalog, unc: Uncertainty) -> None:
    """Located errors for bad run options and unknown indication ids in the laws."""
    bad = [Issue(msg("src.command_line"), "--samples", "samples", str(options.samples), msg("in.min", low=1))] \
        if options.samples < 1 else []
    if options.mode not in MODES:
        bad.append(Issue(msg("src.command_line"), "--mode", "mode", str(options.mode),
                         msg("in.one_of", allowed=", ".join(MODES))))
    if options.mode == "robust" and options.fit_samples < 1:
        bad.append(Issue(msg("src.command_line"), "--fit-samples", "fit_samples", str(options.fit_samples),
                         msg("in.min", low=1)))
    bad += [Issue("scenario", f"uncertainty.indications.{k}", k, k, msg("cat.unknown_indication"))
            for k in unknown_indications(unc, tuple(catalog.indications))]
    if bad:
        raise PlannerInputError(bad)


def run_robustness(catalog: Catalog, scenario: Scenario, options: RobustOptions,
                   progress: Progress | None = None, cancel: threading.Event | None = None) -> RobustReport:
    """Sample futures and evaluate, test the stability of, or build a robust plan (see the module doc)."""
    start = time.perf_counter()
    unc, notes = uncertainty_of(scenario, options.seed)
    check_options(options, catalog, unc)
    validate(catalog, scenario)
    base = prepare(catalog, scenario)
    det = deterministic_equipment(base, scenario.solver)
    per_future = SolverOptions(scenario.solver.name, options.future_time_limit_s, scenario.solver.mip_gap)
    plans, rsolve, first = (det,), None, 0
    if options.mode == "robust":
        robust_eq, rsolve = robust_equipment(base, unc, options)
        plans, first = (det, robust_eq), options.fit_samples
    job = Job(base, unc, plans, per_future, optimum=options.mode == "stability")
    run = run_chunks(run_chunk, job, range(first, first + options.samples), options.backend, progress, cancel)
    samples: tuple[SampleResult, ...] = run.results
    names = ("deterministic", "robust")
    return RobustReport(
        scenario=scenario.name, mode=options.mode, samples=len(samples), seed=unc.seed,
        backend=options.backend.describe(), elapsed_s=time.perf_counter() - start, cancelled=run.cancelled,
        retried=run.retried, uncertainty=unc.to_dict(), notes=notes,
        plans=tuple(plan_stats(names[i], [s.plans[i] for s in samples]) for i in range(len(plans))),
        in_use=tuple(tuple(f"{s}:{d}" for s, d in eq.devices_in_use()) for eq in plans),
        nominal_value=tuple(nominal_plan(base, eq, per_future).benefit or 0.0 for eq in plans),
        equipment=tuple(EquipmentRows.of(eq) for eq in plans),
        stability=stability(samples) if options.mode == "stability" else None, robust_solve=rsolve)


def deterministic_equipment(base: ModelInputs, options: SolverOptions) -> Equipment:
    """The equipment of the scenario's own optimum (the plan ``solve`` gives)."""
    from planner.model import build_model

    result = solve(build_model(base), options)
    if not result.status.has_solution:
        raise RobustRunError(msg("robust.no_plan", status=Opt("status", result.status.value)))
    return equipment_of(result)


def robust_equipment(base: ModelInputs, unc: Uncertainty, options: RobustOptions) -> tuple[Equipment, RobustSolve]:
    """Build and solve the extensive form on futures 0..F-1; its first-stage equipment."""
    futures = [sample_inputs(base, unc, i) for i in range(options.fit_samples)]
    ext = build_extensive(base, futures, unc.opex_budget_confidence)
    result = solve(ext.built, SolverOptions("highs", options.robust_time_limit_s, options.robust_mip_gap))
    info = RobustSolve(ext.futures, ext.variables, ext.constraints, result.status.value, result.mip_gap,
                       result.time_s, result.benefit_value)
    if not result.status.has_solution:
        raise RobustRunError(msg("robust.no_robust_plan", futures=ext.futures,
                                 status=Opt("status", result.status.value)))
    return equipment_of(result), info


def nominal_plan(base: ModelInputs, equipment: Equipment, options: SolverOptions,
                 scenario: Scenario | None = None) -> Plan:
    """A full :class:`Plan` of the equipment in the scenario's own future (its use optimised)."""
    _level, built, result = solve_future(base, equipment, options, "nominal")
    return from_solution(built.inputs, result, scenario.to_dict() if scenario else {})


def recommended_plan(catalog: Catalog, scenario: Scenario, report: RobustReport) -> Plan:
    """The plan a run recommends (robust in robust mode, else the deterministic one) in the nominal future."""
    base = prepare(catalog, scenario)
    return nominal_plan(base, report.equipment[-1].equipment(), scenario.solver, scenario)
