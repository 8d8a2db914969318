"""``cathlab-planner robust SCENARIO --samples N [--mode ...] [--workers K | --dask ADDRESS]``.

Prints the distributions of value and cost, the running-budget overrun probability, the stability or the
robust plan; a progress bar on stderr. Exit codes as the other commands: 0 results, 1 no plan for the
scenario (or no robust plan), 2 input error, 3 the work could not be done (backend), 130 cancelled (Ctrl-C).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from planner.errors import Issue, PlannerInputError
from planner.io import write_atomic
from planner.messages import msg
from planner.robust.backends import Backend, BackendError
from planner.robust.run import MODES, RobustOptions, RobustReport, RobustRunError, recommended_plan, run_robustness
from planner.scenario import load_scenario

BAR_WIDTH = 30


def add_robust_parser(sub: Any) -> None:
    """Register the ``robust`` command."""
    r = sub.add_parser("robust", help="sample uncertain futures: evaluate the plan, its stability, or a robust plan")
    r.add_argument("scenario")
    r.add_argument("--samples", type=int, default=50, metavar="N", help="futures to sample (default 50)")
    r.add_argument("--mode", choices=MODES, default="evaluate", help="default: evaluate")
    r.add_argument("--fit-samples", type=int, default=20, metavar="F",
                   help="robust mode: futures the robust plan is built on (default 20; then N others out of sample)")
    where = r.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="K", help="local worker processes (default: every core)")
    where.add_argument("--dask", metavar="ADDRESS", help="a Dask scheduler (tcp://host:8786), or 'local'")
    r.add_argument("--seed", type=int, metavar="S", help="replace the scenario's uncertainty.seed")
    r.add_argument("--json", metavar="OUT", help="write the report JSON to OUT")
    r.add_argument("--xlsx", metavar="OUT", help="write the recommended plan's workbook with a Robustness sheet")
    r.add_argument("--lang", choices=("fr", "en"), default="fr", help="workbook language (default: fr)")


def _check_args(args: argparse.Namespace) -> None:
    bad = [Issue(msg("src.command_line"), f"--{k}", k, str(v), msg("in.min", low=1))
           for k, v in (("samples", args.samples), ("workers", args.workers), ("fit-samples", args.fit_samples))
           if v is not None and v < 1]
    if args.seed is not None and not 0 <= args.seed < 2**32:
        bad.append(Issue(msg("src.command_line"), "--seed", "seed", str(args.seed), msg("cli.seed_range")))
    bad += [Issue(msg("src.command_line"), f"--{k}", "output", out, msg("cli.no_folder"))
            for k, out in (("json", args.json), ("xlsx", args.xlsx)) if out and not Path(out).resolve().parent.is_dir()]
    if bad:
        raise PlannerInputError(bad)


class ProgressBar:
    """A text progress bar on stderr: ``[#####.....] 12/50 futures  3.1/s``."""

    def __init__(self) -> None:
        self.start = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar."""
        filled = BAR_WIDTH * done // max(total, 1)
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} futures  {rate:.1f}/s")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_robust(args: argparse.Namespace) -> int:
    """Run the robustness tools on a scenario."""
    from planner.catalog import load_catalog

    _check_args(args)
    scenario = load_scenario(args.scenario)
    catalog = load_catalog(scenario.catalog_path())
    backend = Backend(workers=args.workers, dask=args.dask)
    options = RobustOptions(mode=args.mode, samples=args.samples, seed=args.seed, fit_samples=args.fit_samples,
                            backend=backend)
    try:
        report = run_robustness(catalog, scenario, options, progress=ProgressBar())
    except RobustRunError as exc:
        print(f"\nNo results: {exc}", file=sys.stderr)
        return 1
    except BackendError as exc:
        print(f"\nThe work could not be done ({backend.describe()}): {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\nCancelled.", file=sys.stderr)
        return 130
    print(report_text(report))
    if args.json:
        write_atomic(args.json, report.to_json())
        print(f"\nReport JSON written to {args.json}")
    if args.xlsx:
        from planner.report.excel import plan_workbook, save_bytes
        from planner.report.xlsx_robust import add_robust_sheet

        wb = plan_workbook(recommended_plan(catalog, scenario, report), catalog, scenario, args.lang)
        add_robust_sheet(wb, report, args.lang, catalog, scenario)
        Path(args.xlsx).write_bytes(save_bytes(wb))
        print(f"\nWorkbook written to {args.xlsx}")
    return 0


def report_text(r: RobustReport) -> str:
    """The report as text (what the CLI prints)."""
    lines = [f"{r.scenario}: {r.mode}, {r.samples} futures (seed {r.seed}) on {r.backend} in {r.elapsed_s:.1f} s "
             f"({r.futures_per_second:.1f} futures/s)" + (", CANCELLED" if r.cancelled else ""),
             *(f"note: {n}" for n in r.notes), ""]
    for p, nominal in zip(r.plans, r.nominal_value, strict=True):
        lines += [f"{p.name} plan: value {p.value.mean:.2f} weighted events avoided/year "
                  f"(5-95 %: {p.value.p5:.2f}-{p.value.p95:.2f}; nominal {nominal:.2f}), "
                  f"cost {p.cost_eur.mean:,.0f} EUR (5-95 %: {p.cost_eur.p5:,.0f}-{p.cost_eur.p95:,.0f})",
                  f"  running budget exceeded in {p.opex_overrun_probability:.0%} of futures; floors not held in "
                  f"{p.relaxed_share:.0%}"]
    for name, uses in zip((p.name for p in r.plans), r.in_use, strict=True):
        lines.append(f"  {name} equipment in use: {', '.join(uses) or '-'}")
    if r.stability is not None:
        s = r.stability
        lines += ["", f"regret of the plan: mean {s.regret.mean:.3f}, 95 % {s.regret.p95:.3f}, max "
                      f"{max(s.regrets, default=0.0):.3f} weighted events/year", "selection frequency:"]
        lines += [f"  {site}:{dev}  {share:.0%}" for site, dev, share in s.frequency]
    if r.robust_solve is not None:
        rs = r.robust_solve
        gap = "-" if rs.mip_gap is None else f"{rs.mip_gap:.2%}"
        lines += ["", f"robust plan: extensive form over {rs.futures} futures ({rs.variables} variables, "
                      f"{rs.constraints} constraints) {rs.status}, gap {gap}, {rs.time_s:.1f} s",
                  f"out of sample: robust {r.plans[1].value.mean:.3f} vs deterministic {r.plans[0].value.mean:.3f} "
                  "expected weighted events avoided/year"]
    return "\n".join(lines)
