"""One HiGHS model across the phases of a solve (PuLP stays the modelling layer the code reads).

The PuLP problem is handed to HiGHS once, as sparse arrays (:class:`HighsSession`). Phase 1 optimises one
objective; the next phase only changes the objective vector, adds its lock row and starts from the previous
phase's solution, so it always holds at least that plan. The solution is written back into the PuLP variables
(``varValue``), so ``pulp.value`` of any model expression reads it as after a PuLP solve.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
import pulp

#: HiGHS model statuses that carry a proven optimum (within the requested gap).
_PROVEN = {highspy.HighsModelStatus.kOptimal}
_INFEASIBLE = {highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible}
HIGHS_INF = float(highspy.kHighsInf)
_SOLUTION_FEASIBLE = 2  # HiGHS primal_solution_status: a feasible point is held
#: Statuses of a failed run (reported as a solver error, never as a time limit).
_ERRORS = {highspy.HighsModelStatus.kSolveError, highspy.HighsModelStatus.kPostsolveError,
           highspy.HighsModelStatus.kPresolveError, highspy.HighsModelStatus.kModelError,
           highspy.HighsModelStatus.kLoadError, highspy.HighsModelStatus.kMemoryLimit}


@dataclass(frozen=True)
class RunOutcome:
    """What one HiGHS run gave: a solution or not, proven or not, the objective value and the gap."""

    has_solution: bool
    proven: bool
    infeasible: bool
    objective_value: float | None
    mip_gap: float | None
    time_s: float
    error: bool = False  # HiGHS failed (a solve error), neither a limit nor infeasibility


class HighsSession:
    """A PuLP problem loaded into one ``highspy.Highs`` object, re-solved with new objectives and rows."""

    def __init__(self, prob: pulp.LpProblem, mip_gap: float, threads: int | None = None) -> None:
        self.variables = prob.variables()
        self.index = {v.name: i for i, v in enumerate(self.variables)}
        self.empty_rows_feasible = True  # whether every row without variables holds (at 0)
        self.rows: dict[str, int] = {}  # constraint name -> HiGHS row
        self.n_rows = 0
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("mip_rel_gap", float(mip_gap))
        if threads:
            self.highs.setOptionValue("threads", int(threads))
        self._add_columns()
        self._add_rows(list(prob.constraints()))
        self.offset = 0.0
        self.sign = 1.0  # HiGHS minimises sign * objective
        self.watch_error: BaseException | None = None  # what the last run's watch raised (raised again by run)
        self.start: list[float] | None = None  # the starting point of the next run, if any

    def _add_columns(self) -> None:
        n = len(self.variables)
        inf = highspy.kHighsInf
        lower = np.array([-inf if v.lowBound is None else v.lowBound for v in self.variables], dtype=float)
        upper = np.array([inf if v.upBound is None else v.upBound for v in self.variables], dtype=float)
        self.highs.addVars(n, lower, upper)
        ints = np.array([i for i, v in enumerate(self.variables) if v.cat == pulp.LpInteger], dtype=np.int32)
        if len(ints):
            self.highs.changeColsIntegrality(len(ints), ints,
                                             np.array([highspy.HighsVarType.kInteger] * len(ints)))

    def _add_rows(self, constraints: list[pulp.LpConstraint]) -> None:
        """Constraints as one sparse block: lower <= a x <= upper (PuLP keeps the constant on the left)."""
        inf = highspy.kHighsInf
        starts, indices, values, lower, upper = [], [], [], [], []
        for c in constraints:
            self.rows[c.name] = self.n_rows + len(starts)
            starts.append(len(indices))
            for var, coef in c.items():
                if coef != 0:
                    indices.append(self.index[var.name])
                    values.append(coef)
            rhs = -c.constant
            lower.append(rhs if c.sense in (pulp.LpConstraintGE, pulp.LpConstraintEQ) else -inf)
            upper.append(rhs if c.sense in (pulp.LpConstraintLE, pulp.LpConstraintEQ) else inf)
            if len(indices) == starts[-1] and not lower[-1] - 1e-9 <= 0.0 <= upper[-1] + 1e-9:
                self.empty_rows_feasible = False  # a row without variables that cannot hold
        self.n_rows += len(constraints)
        if constraints:
            self.highs.addRows(len(constraints), np.array(lower, dtype=float), np.array(upper, dtype=float),
                               len(indices), np.array(starts, dtype=np.int32), np.array(indices, dtype=np.int32),
                               np.array(values, dtype=float))

    def set_objective(self, expr: pulp.LpAffineExpression, maximise: bool = False) -> None:
        """Minimise ``expr`` (or maximise it): a new cost vector, every other column at 0."""
        sign = -1.0 if maximise else 1.0
        self.sign = sign
        costs = np.zeros(len(self.variables))
        for var, coef in expr.items():
            costs[self.index[var.name]] += sign * coef
        self.highs.changeColsCost(len(costs), np.arange(len(costs), dtype=np.int32), costs)
        self.offset = sign * float(expr.constant)

    def add_constraint(self, constraint: pulp.LpConstraint) -> None:
        """One more row (the lock of a previous phase)."""
        self._add_rows([constraint])

    def set_start(self, values: Mapping[str, float] | None = None) -> None:
        """Start the next run from a point (default: the values loaded in the PuLP variables); HiGHS checks it
        and ignores it if it breaks a rule."""
        if values is None:
            self.start = [float(v.varValue or 0.0) for v in self.variables]
        else:  # a point given by name: every other variable at 0
            self.start = [float(values.get(v.name, 0.0)) for v in self.variables]
        self._load_start()

    def _load_start(self) -> None:
        if self.start is not None:
            sol = highspy.HighsSolution()
            sol.col_value = self.start
            self.highs.setSolution(sol)

    def row_index(self, name: str) -> int:
        """The HiGHS row of a named constraint."""
        return self.rows[name]

    def set_row_bounds(self, row: int, lower: float, upper: float) -> None:
        """New bounds of one row (a row ``lower <= a x <= upper``, the constant of the PuLP row moved right)."""
        self.highs.changeRowsBounds(1, np.array([row], dtype=np.int32), np.array([lower], dtype=float),
                                    np.array([upper], dtype=float))

    def run(self, time_limit_s: float, watch: BoundsWatch | None = None) -> RunOutcome:
        """Run HiGHS; load the solution into the PuLP variables when there is one. ``watch`` hears the best plan,
        bound and gap (in the objective's own sense) during the search (see :class:`Watcher`)."""
        self.watch_error = None
        if watch is None:
            return self._run(time_limit_s)
        watcher = Watcher(self, watch)
        try:
            return self._run(time_limit_s)
        finally:
            self.watch_error = watcher.raised
            watcher.close()  # raises what the watch raised (after HiGHS has stopped cleanly)

    def _run(self, time_limit_s: float) -> RunOutcome:
        if not self.variables:  # HiGHS calls a model without columns "empty": decide it here
            return RunOutcome(self.empty_rows_feasible, self.empty_rows_feasible, not self.empty_rows_feasible,
                              self.offset if self.empty_rows_feasible else None, 0.0, 0.0)
        if not self.empty_rows_feasible:
            return RunOutcome(False, False, True, None, None, 0.0)
        start = time.perf_counter()
        self.highs.setOptionValue("time_limit", max(float(time_limit_s), 0.01))
        self.highs.run()
        if self.highs.getModelStatus() == highspy.HighsModelStatus.kSolveError:
            # HiGHS may reject its own postsolved point by a hair (seen: a presolve that empties the model,
            # postsolve 1e-6 off a row): run once more without presolve, from the same start
            self.highs.setOptionValue("presolve", "off")
            self.highs.setOptionValue("time_limit", max(float(time_limit_s) - (time.perf_counter() - start), 0.01))
            self._load_start()
            self.highs.run()
            self.highs.setOptionValue("presolve", "choose")
        elapsed = time.perf_counter() - start
        given, self.start = self.start, None
        status = self.highs.getModelStatus()
        info = self.highs.getInfo()
        has_solution = info.primal_solution_status == _SOLUTION_FEASIBLE
        if not has_solution:
            if status not in _INFEASIBLE and given is not None and self.holds(given):
                return self._load(given, elapsed)  # stopped before HiGHS took the start in: it is the plan
            return RunOutcome(False, False, status in _INFEASIBLE, None, None, elapsed,
                              error=status in _ERRORS)
        for var, x in zip(self.variables, self.highs.getSolution().col_value, strict=True):
            var.varValue = x
        gap = float(info.mip_gap)
        value = float(info.objective_function_value) + self.offset
        return RunOutcome(True, status in _PROVEN, False, value, gap if math.isfinite(gap) else None, elapsed)

    def holds(self, point: list[float], tol: float = 1e-6) -> bool:
        """Whether ``point`` meets every row, bound and integrality (HiGHS's own feasibility tolerance)."""
        lp = self.highs.getLp()
        x = np.asarray(point, dtype=float)
        if np.any(x < np.asarray(lp.col_lower_) - tol) or np.any(x > np.asarray(lp.col_upper_) + tol):
            return False
        ints = np.asarray([i for i, v in enumerate(self.variables) if v.cat == pulp.LpInteger], dtype=np.int64)
        if len(ints) and np.any(np.abs(x[ints] - np.round(x[ints])) > tol):
            return False
        a = lp.a_matrix_
        cols = np.repeat(np.arange(lp.num_col_), np.diff(np.asarray(a.start_)))
        act = np.bincount(np.asarray(a.index_, dtype=np.int64), weights=np.asarray(a.value_) * x[cols],
                          minlength=lp.num_row_)
        return bool(np.all(act >= np.asarray(lp.row_lower_) - tol) and np.all(act <= np.asarray(lp.row_upper_) + tol))

    def _load(self, point: list[float], elapsed: float) -> RunOutcome:
        """The outcome of a run that kept the given point: a solution, not proven, gap unknown."""
        costs = np.asarray(self.highs.getLp().col_cost_)
        for var, x in zip(self.variables, point, strict=True):
            var.varValue = x
        return RunOutcome(True, False, False, float(costs @ np.asarray(point)) + self.offset, None, elapsed)


#: Hears ``(best, bound, gap)`` during a HiGHS run, in the objective's own sense (a maximised value as a value).
BoundsWatch = Callable[[float | None, float | None, float | None], None]

#: Seconds between two reports to a watch (HiGHS calls back at every node).
WATCH_EVERY_S = 0.25


class Watcher:
    """HiGHS's MIP callbacks relayed to a :data:`BoundsWatch`, at most every :data:`WATCH_EVERY_S`.

    An exception raised by the watch (the app's Cancel: Streamlit stops a page at its next update) must not cross
    HiGHS's C++ code: it is kept, HiGHS is interrupted at its next callback, and :meth:`close` raises it again.
    """

    def __init__(self, session: HighsSession, watch: BoundsWatch) -> None:
        self.session, self.watch = session, watch
        self.raised: BaseException | None = None
        self.last = -math.inf
        self.highs = session.highs
        self.highs.cbMipInterrupt.subscribe(self._event)

    def _event(self, e: Any) -> None:
        if self.raised is None and time.perf_counter() - self.last >= WATCH_EVERY_S:
            self.last = time.perf_counter()
            out, sign, offset = e.data_out, self.session.sign, self.session.offset
            best = float(out.mip_primal_bound)
            bound = float(out.mip_dual_bound)
            gap = float(out.mip_gap)
            try:
                self.watch(sign * (best + offset) if math.isfinite(best) else None,
                           sign * (bound + offset) if math.isfinite(bound) else None,
                           gap if math.isfinite(gap) and math.isfinite(best) else None)
            except BaseException as exc:  # noqa: BLE001 (kept and raised again once HiGHS has stopped)
                self.raised = exc
        if self.raised is not None:
            e.interrupt()

    def close(self) -> None:
        """Stop listening; raise what the watch raised, if anything."""
        self.highs.cbMipInterrupt.unsubscribe(self._event)
        if self.raised is not None:
            raise self.raised
