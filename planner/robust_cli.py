"""``cathlab-planner robust SCENARIO --samples N [--mode ...] [--workers K | --dask ADDRESS]``.

Prints the distributions of value and cost, the running-budget overrun probability, the stability or the
robust plan, in the output language (``--lang`` anywhere on the line, else the locale; devices and sites
by their names); a progress bar on stderr. ``--lang`` is also the workbook's language (default: fr). Exit
codes as the other commands: 0 results, 1 no plan for the scenario (or no robust plan), 2 input error, 3 the
work could not be done (backend), 130 cancelled (Ctrl-C).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from planner.errors import Issue, PlannerInputError, message_of
from planner.io import write_atomic
from planner.messages import (
    Arg,
    CatalogNames,
    Device,
    Eur,
    Join,
    Msg,
    Names,
    Num,
    Opt,
    Pct,
    Site,
    has,
    msg,
    render,
    site_names,
)
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
    """A text progress bar on stderr: ``[#####.....] 12/50 futures  3.1/s`` (in ``lang``)."""

    def __init__(self, lang: str = "en") -> None:
        self.start = time.perf_counter()
        self.lang = lang

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar."""
        filled = BAR_WIDTH * done // max(total, 1)
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        line = render(msg("robust.progress", done=done, total=total, rate=Num(rate, 1)), self.lang)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {line}")
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
    lang, names = args.out_lang, CatalogNames(catalog, site_names(scenario))

    def say(code: str, **values: Arg) -> str:
        return render(msg(code, **values), lang, names)

    try:
        report = run_robustness(catalog, scenario, options, progress=ProgressBar(lang))
    except RobustRunError as exc:
        print("\n" + say("robust.no_results", error=message_of(exc)), file=sys.stderr)
        return 1
    except BackendError as exc:
        print("\n" + say("robust.backend_failed", backend=backend.label(), error=message_of(exc)), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\n" + say("robust.cancelled"), file=sys.stderr)
        return 130
    print(report_text(report, lang, names, backend.label()))
    if args.json:
        write_atomic(args.json, report.to_json())
        print("\n" + say("robust.json_written", path=args.json))
    if args.xlsx:
        from planner.report.excel import plan_workbook, save_bytes
        from planner.report.xlsx_robust import add_robust_sheet

        wb = plan_workbook(recommended_plan(catalog, scenario, report), catalog, scenario, args.lang)
        add_robust_sheet(wb, report, args.lang, catalog, scenario)
        Path(args.xlsx).write_bytes(save_bytes(wb))
        print("\n" + say("robust.xlsx_written", path=args.xlsx))
    return 0


def _item(pair: str) -> Msg:
    """A ``site:device`` pair of the report, named."""
    site, _, device = pair.partition(":")
    return msg("robust.item", site=Site(site), device=Device(device))


def in_use_message(pairs: tuple[str, ...]) -> Arg:
    """The ``site:device`` pairs in use, by site: each site named once, then its devices."""
    by_site: dict[str, list[str]] = {}
    for pair in pairs:
        site, _, device = pair.partition(":")
        by_site.setdefault(site, []).append(device)
    return Join(tuple(msg("robust.site_devices", site=Site(s), devices=Join(tuple(map(Device, ds))))
                      for s, ds in by_site.items()), "semicolon") if pairs else msg("robust.none")


def _note(note: str) -> Msg:
    """A note of the report: a catalogue code (a plain text from an older report as it is)."""
    return msg("robust.note", text=msg(note) if has(note) else note)


def _plan_lines(r: RobustReport) -> list[Msg]:
    lines: list[Msg] = []
    for p, nominal, uses in zip(r.plans, r.nominal_value, r.in_use, strict=True):
        plan = Opt("robust.plan", p.name)
        v, c = p.value, p.cost_eur
        lines += [msg("robust.plan_value", plan=plan, mean=Num(v.mean, 2), p5=Num(v.p5, 2), p95=Num(v.p95, 2),
                      nominal=Num(nominal, 2), cost=Eur(c.mean), cost_p5=Eur(c.p5), cost_p95=Eur(c.p95)),
                  msg("robust.overrun", overrun=Pct(p.opex_overrun_probability), relaxed=Pct(p.relaxed_share))]
        lines.append(msg("robust.in_use", plan=plan, items=in_use_message(uses)))
    return lines


def _stability_lines(r: RobustReport) -> list[Msg | str]:
    if r.stability is None:
        return []
    s = r.stability
    return ["", msg("robust.regret", mean=Num(s.regret.mean, 3), p95=Num(s.regret.p95, 3),
                    most=Num(max(s.regrets, default=0.0), 3)), msg("robust.frequency"),
            *(msg("robust.frequency_line", item=_item(f"{site}:{dev}"), share=Pct(share))
              for site, dev, share in s.frequency)]


def _robust_lines(r: RobustReport) -> list[Msg | str]:
    if r.robust_solve is None:
        return []
    rs = r.robust_solve
    gap: Arg = msg("robust.no_gap") if rs.mip_gap is None else Pct(rs.mip_gap, 2)
    return ["", msg("robust.solve", futures=rs.futures, variables=Num(rs.variables), constraints=Num(rs.constraints),
                    status=Opt("status", rs.status), gap=gap, seconds=Num(rs.time_s, 1)),
            msg("robust.out_of_sample", robust=Num(r.plans[1].value.mean, 3),
                deterministic=Num(r.plans[0].value.mean, 3))]


def report_text(r: RobustReport, lang: str = "en", names: Names | None = None, backend: Arg | None = None) -> str:
    """The report as text in ``lang`` (what the CLI prints); devices and sites by ``names``; ``backend``: where it
    ran (:meth:`Backend.label`; default the report's own description)."""
    head = msg("robust.head", scenario=r.scenario, mode=Opt("robust.mode", r.mode), samples=r.samples, seed=r.seed,
               backend=backend if backend is not None else r.backend, seconds=Num(r.elapsed_s, 1),
               rate=Num(r.futures_per_second, 1), cancelled=msg("robust.cancelled_mark") if r.cancelled else "")
    lines: list[Msg | str] = [head, *(_note(n) for n in r.notes), "", *_plan_lines(r), *_stability_lines(r),
                              *_robust_lines(r)]
    return "\n".join(line if isinstance(line, str) else render(line, lang, names) for line in lines)
