"""``solve(built, options) -> SolveResult``: run HiGHS or CBC, read statuses honestly.

Statuses: ``optimal`` (proven, gap ~0), ``feasible`` (a solution, optimality not proven: time limit or a
requested gap), ``infeasible``, ``time_limit_no_solution``, ``solver_error``. A time-limited solve is never
reported as optimal: on PuLP 3.x ``solve()`` returns 1 even then, so we read ``sol_status``.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import metadata
from typing import Any

import pulp

from planner.errors import PlannerSolverError
from planner.highs_session import HIGHS_INF, HighsSession
from planner.inputs import Allocation, SiteDevice
from planner.model.build import BuiltModel
from planner.model.start import starting_point
from planner.scenario import SolverOptions

#: Relative tolerance with which phase 2 holds the phase-1 benefit.
BENEFIT_LOCK_TOL = 1e-6
#: Share of the time limit phase 1 may use; phase 2 gets what remains (at least this quarter).
PHASE1_TIME_SHARE = 0.75
#: The stage a solver phase reports to a watch (``planner.progress.SolveReport.stage``).
PHASE_STAGES = {"max_benefit": "value", "min_cost_at_max_benefit": "cost", "min_cost": "min_cost"}
#: Hears ``(stage, best, bound, gap)``: once as each phase begins (bounds ``None``), then during it.
PhaseWatch = Callable[[str, float | None, float | None, float | None], None]
#: Gap under which a proven solution counts as optimal.
OPTIMAL_GAP = 1e-6


class SolveStatus(StrEnum):
    """Outcome of a solve."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    TIME_LIMIT_NO_SOLUTION = "time_limit_no_solution"
    SOLVER_ERROR = "solver_error"

    @property
    def has_solution(self) -> bool:
        """Whether a plan exists."""
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


@dataclass(frozen=True)
class PhaseResult:
    """One solver call."""

    objective: str
    status: SolveStatus
    objective_value: float | None
    mip_gap: float | None
    time_s: float


@dataclass(frozen=True)
class SolveResult:
    """Variable values and statuses of a (possibly lexicographic) solve."""

    status: SolveStatus
    solver_name: str
    solver_version: str
    time_s: float
    mip_gap: float | None
    phases: tuple[PhaseResult, ...]
    buy: dict[SiteDevice, float] = field(default_factory=dict)  # new units over the horizon
    present: dict[SiteDevice, float] = field(default_factory=dict)  # in use in some year
    cases: dict[Allocation, float] = field(default_factory=dict)  # cases over the horizon
    acquire: dict[tuple[str, str, str, int], float] = field(default_factory=dict)  # (s, d, mode, year)
    present_t: dict[tuple[str, str, int], float] = field(default_factory=dict)
    cases_t: dict[tuple[str, str, str, str, int], float] = field(default_factory=dict)  # (s, d, mode, k, year)
    benefit_value: float | None = None
    tco_value: float | None = None
    tie_break_value: float | None = None  # units acquired + devices in use (each year), see cost_objective
    refer: dict[tuple[str, str, str, int], float] = field(default_factory=dict)  # (from, to, k, year): cases


def make_solver(options: SolverOptions, time_limit_s: float) -> Any:
    """An explicit PuLP solver object (never the default), on PuLP 3.x and 4.x."""
    kw: dict[str, Any] = {"msg": False, "timeLimit": max(time_limit_s, 0.01), "gapRel": options.mip_gap}
    if options.threads:
        kw["threads"] = options.threads
    if options.name == "highs":
        return pulp.HiGHS(**kw)
    if hasattr(pulp, "PULP_CBC_CMD"):  # 3.x bundled CBC
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return pulp.PULP_CBC_CMD(**kw)
    return pulp.COIN_CMD(**kw)  # 4.x with pulp[cbc]


def solver_version(name: str) -> str:
    """Version text of the solver behind ``name``."""
    if name == "highs":
        try:
            return f"HiGHS (highspy {metadata.version('highspy')})"
        except metadata.PackageNotFoundError:
            return "HiGHS"
    return f"CBC (bundled with PuLP {pulp.__version__})"


def _set_objective(prob: pulp.LpProblem, expr: pulp.LpAffineExpression) -> None:
    prob.setObjective(expr)


def _read_status(prob: pulp.LpProblem, result: Any) -> tuple[bool, bool, bool]:
    """(has_solution, proven_optimal, infeasible) on PuLP 3.x (int) and 4.x (LpSolveStats)."""
    if hasattr(result, "has_solution"):  # PuLP 4.x
        code = int(result.status)
        return bool(result.has_solution), code == 1, code == -1
    sol = prob.sol_status
    return sol in (1, 2), sol == 1, int(result) == -1 or sol == -1


def _highs_gap(prob: pulp.LpProblem) -> float | None:
    model = getattr(prob, "solverModel", None)
    if model is None or not hasattr(model, "getInfo"):
        return None
    gap = float(model.getInfo().mip_gap)
    return gap if math.isfinite(gap) else None


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence file descriptor 1 while the solver runs: HiGHS >= 1.16 prints a banner from C code when its
    object is created, before PuLP can turn its output off."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 (embedded interpreter): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def run_phase(prob: pulp.LpProblem, objective: str, options: SolverOptions, time_limit_s: float) -> PhaseResult:
    """Solve ``prob`` once and classify the outcome."""
    start = time.perf_counter()
    try:
        with _quiet_stdout():
            result = prob.solve(make_solver(options, time_limit_s))
    except pulp.PulpSolverError:
        return PhaseResult(objective, SolveStatus.SOLVER_ERROR, None, None, time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001  (any failure inside the solver call: numbers it cannot take...)
        raise PlannerSolverError(f"solving ({objective})", exc) from exc
    elapsed = time.perf_counter() - start
    has_sol, proven, infeasible = _read_status(prob, result)
    if not has_sol:
        status = SolveStatus.INFEASIBLE if infeasible else SolveStatus.TIME_LIMIT_NO_SOLUTION
        return PhaseResult(objective, status, None, None, elapsed)
    gap = _highs_gap(prob) if options.name == "highs" else None
    if gap is None:
        gap = 0.0 if proven and options.mip_gap == 0 else (options.mip_gap if proven else None)
    optimal = proven and gap is not None and gap <= OPTIMAL_GAP
    status = SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE
    return PhaseResult(objective, status, pulp.value(prob.objective), gap, elapsed)


#: Weight of the tie-break in the cost objective, k EUR per unit or device in use (0.1 EUR).
TIE_BREAK_K_EUR = 1e-4


def _value(x: Any) -> float:
    return float(pulp.value(x) or 0.0)


def _snapshot(built: BuiltModel) -> dict[str, dict[Any, float]]:
    v = built.variables
    return {
        "buy": {k: _value(x) for k, x in v.buy.items()},
        "present": {k: _value(x) for k, x in v.present.items()},
        "cases": {k: _value(x) for k, x in v.cases.items()},
        "acquire": {k: _value(x) for k, x in v.acquire.items()},
        "present_t": {k: _value(x) for k, x in v.present_t.items()},
        "cases_t": {k: _value(x) for k, x in v.cases_t.items()},
        "refer": {k: _value(x) for k, x in v.refer.items()},
        "benefit": {(): float(pulp.value(built.benefit) or 0.0)},
        "cost": {(): float(pulp.value(built.tco) or 0.0)},
        "tie_break": {(): float(pulp.value(built.tie_break) or 0.0) if built.tie_break is not None else 0.0},
    }


def cost_objective(built: BuiltModel) -> pulp.LpAffineExpression:
    """The cost phase's objective: the TCO (k EUR) plus a tie-break of 0.1 EUR per unit acquired and per
    device in use, so that equal-cost plans do not carry free devices. The plan reports the TCO alone."""
    if built.tie_break is None:
        return built.tco
    return built.tco + TIE_BREAK_K_EUR * built.tie_break


def solve(built: BuiltModel, options: SolverOptions, started: float | None = None,
          watch: PhaseWatch | None = None) -> SolveResult:
    """Solve the built model: lexicographic for ``max_benefit`` (benefit, then cost), else ``min_cost``.

    With HiGHS one solver model serves both phases (:class:`planner.highs_session.HighsSession`): phase 2
    changes the objective, adds the benefit lock and starts from the phase-1 plan. ``started`` (a
    ``time.perf_counter()`` value) makes the time limit count from the start of the run, preparation and
    model building included. ``watch`` hears each phase begin and, with HiGHS, the phase's bounds during it.
    """
    start = time.perf_counter() if started is None else started
    if options.name == "highs":
        phases, snap = LexicographicSession(built, options).solve(start, watch=watch)
    elif built.inputs.objective == "max_benefit":
        phases, snap = _solve_lexicographic(built, options, start, watch)
    else:
        _set_objective(built.prob, cost_objective(built))
        _begin(watch, "min_cost")
        phase = run_phase(built.prob, "min_cost", options, options.time_limit_s)
        phases, snap = (phase,), (_snapshot(built) if phase.status.has_solution else None)
    return _result(phases, snap, options, time.perf_counter() - start)


def _begin(watch: PhaseWatch | None, objective: str) -> None:
    """Tell the watch that the phase of ``objective`` begins (a solver through PuLP reports nothing during it)."""
    if watch is not None:
        watch(PHASE_STAGES[objective], None, None, None)


def _solve_lexicographic(built: BuiltModel, options: SolverOptions, start: float, watch: PhaseWatch | None = None
                         ) -> tuple[tuple[PhaseResult, ...], dict[str, dict[Any, float]] | None]:
    _set_objective(built.prob, -1 * built.benefit)
    _begin(watch, "max_benefit")
    first = run_phase(built.prob, "max_benefit", options, PHASE1_TIME_SHARE * options.time_limit_s)
    if not first.status.has_solution:
        return (first,), None
    snap = _snapshot(built)
    best = snap["benefit"][()]
    prob = built.prob
    prob += (built.benefit >= best - BENEFIT_LOCK_TOL * max(abs(best), 1.0), "benefit_lock")
    _set_objective(built.prob, cost_objective(built))
    remaining = options.time_limit_s - (time.perf_counter() - start)
    _begin(watch, "min_cost_at_max_benefit")
    second = run_phase(built.prob, "min_cost_at_max_benefit", options, max(remaining, 1.0))
    if second.status.has_solution:
        snap = _snapshot(built)
    # else: keep the phase-1 plan (feasible: its cost is not minimised); phase 2 keeps its own status
    return (first, second), snap


def _session_phase(session: HighsSession, objective: str, options: SolverOptions,
                   time_limit_s: float, watch: PhaseWatch | None = None) -> PhaseResult:
    stage = PHASE_STAGES[objective]
    _begin(watch, objective)
    try:
        with _quiet_stdout():
            out = session.run(time_limit_s, watch=None if watch is None else functools.partial(watch, stage))
    except Exception as exc:  # noqa: BLE001 (any failure inside the solver call: numbers it cannot take...)
        if exc is session.watch_error:  # the watch's own (a caller stopping the run), not the solver's
            raise
        raise PlannerSolverError(f"solving ({objective})", exc) from exc
    if not out.has_solution:
        status = (SolveStatus.INFEASIBLE if out.infeasible else SolveStatus.SOLVER_ERROR if out.error
                  else SolveStatus.TIME_LIMIT_NO_SOLUTION)
        return PhaseResult(objective, status, None, None, out.time_s)
    gap = out.mip_gap
    if gap is None:
        gap = 0.0 if out.proven and options.mip_gap == 0 else (options.mip_gap if out.proven else None)
    optimal = out.proven and gap is not None and gap <= OPTIMAL_GAP
    status = SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE
    return PhaseResult(objective, status, out.objective_value, gap, out.time_s)


class LexicographicSession:
    """A built model loaded into HiGHS once and solved lexicographically again and again (value, then cost at
    that value), each time with other bounds on named rows: the budget ladder changes only the capital budget
    between its steps. Each phase starts from the previous solution (HiGHS ignores a start that breaks a rule:
    a plan of a larger budget at a smaller one), so a phase-1 plan is always kept and improved by phase 2.
    """

    def __init__(self, built: BuiltModel, options: SolverOptions) -> None:
        self.built, self.options = built, options
        try:
            with _quiet_stdout():
                self.session = HighsSession(built.prob, options.mip_gap, options.threads)
        except Exception as exc:  # noqa: BLE001 (the model could not be handed to HiGHS)
            raise PlannerSolverError("loading the model into HiGHS", exc) from exc
        self.lock: int | None = None  # the row of the benefit lock, once added

    def set_upper(self, row_name: str, rhs: float, built_rhs: float) -> None:
        """A ``<=`` row of the model with the right-hand side ``rhs`` instead of the ``built_rhs`` it was built
        with (the capital budget in k EUR)."""
        row = self.built.prob.get_constraint_by_name(row_name)
        self.session.set_row_bounds(self.session.row_index(row_name), -highspy_inf(),
                                    -float(row.constant) + (rhs - built_rhs))

    def solve(self, start: float | None = None, point: dict[str, float] | None = None,
              watch: PhaseWatch | None = None) -> tuple[tuple[PhaseResult, ...], dict[str, dict[Any, float]] | None]:
        """Both phases (``start``: a ``time.perf_counter()`` value the time limit counts from); phase 1 starts
        from ``point`` (variable name -> value) if given, else from the starting plan of the floors. ``watch``
        hears each phase (:data:`PhaseWatch`)."""
        start = time.perf_counter() if start is None else start
        built, options, session = self.built, self.options, self.session
        if self.lock is not None:
            session.set_row_bounds(self.lock, -highspy_inf(), highspy_inf())  # the previous lock is lifted
        if (point := point or starting_point(built.inputs, built.variables)) is not None:
            session.set_start(point)  # a plan to return even if the time limit comes first
        if built.inputs.objective != "max_benefit":
            session.set_objective(cost_objective(built))
            phase = _session_phase(session, "min_cost", options, options.time_limit_s - (time.perf_counter() - start),
                                   watch)
            return (phase,), (_snapshot(built) if phase.status.has_solution else None)
        session.set_objective(built.benefit, maximise=True)
        budget = options.time_limit_s - (time.perf_counter() - start)
        first = _session_phase(session, "max_benefit", options, PHASE1_TIME_SHARE * budget, watch)
        if not first.status.has_solution:
            return (first,), None
        snap = _snapshot(built)
        best = snap["benefit"][()]
        floor = best - BENEFIT_LOCK_TOL * max(abs(best), 1.0)
        if self.lock is None:
            lock = built.benefit >= floor
            built.prob.addConstraint(lock, "benefit_lock")
            session.add_constraint(lock)
            self.lock = session.row_index("benefit_lock")
        else:
            session.set_row_bounds(self.lock, floor - float(built.benefit.constant), highspy_inf())
        session.set_objective(cost_objective(built))
        session.set_start()
        remaining = options.time_limit_s - (time.perf_counter() - start)
        second = _session_phase(session, "min_cost_at_max_benefit", options, max(remaining, 1.0), watch)
        if second.status.has_solution:
            snap = _snapshot(built)
        return (first, second), snap

    def result(self, start: float | None = None, point: dict[str, float] | None = None) -> SolveResult:
        """:meth:`solve` as a :class:`SolveResult`."""
        begun = time.perf_counter() if start is None else start
        phases, snap = self.solve(begun, point)
        return _result(phases, snap, self.options, time.perf_counter() - begun)


def highspy_inf() -> float:
    """HiGHS's infinity (a bound that is no bound)."""
    return HIGHS_INF


def _result(phases: tuple[PhaseResult, ...], snap: dict[str, dict[Any, float]] | None,
            options: SolverOptions, elapsed: float) -> SolveResult:
    statuses = [p.status for p in phases]
    if snap is None:
        status = statuses[-1]
    elif all(s == SolveStatus.OPTIMAL for s in statuses):
        status = SolveStatus.OPTIMAL
    else:
        status = SolveStatus.FEASIBLE
    # gap of the phases whose solution the plan carries (a phase 2 without a solution did not change it)
    gaps = [p.mip_gap for p in phases if p.status.has_solution]
    gap = None if snap is None or any(g is None for g in gaps) else max(g for g in gaps if g is not None)
    common = {"status": status, "solver_name": options.name, "solver_version": solver_version(options.name),
              "time_s": elapsed, "mip_gap": gap, "phases": phases}
    if snap is None:
        return SolveResult(**common)
    return SolveResult(**common, buy=snap["buy"], present=snap["present"], cases=snap["cases"],
                       acquire=snap["acquire"], present_t=snap["present_t"], cases_t=snap["cases_t"],
                       benefit_value=snap["benefit"][()], tco_value=snap["cost"][()],
                       tie_break_value=snap["tie_break"][()], refer=snap.get("refer", {}))
