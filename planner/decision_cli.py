"""Subcommands ``ladder``, ``compare`` and ``explain`` of ``cathlab-planner`` (registered by :mod:`planner.cli`).

Exit codes as the rest of the CLI: 0 a result, 1 infeasible (the diagnosis is printed), 2 input error (raised
as :class:`~planner.errors.PlannerInputError` and reported by :func:`planner.cli.main`), 3 solver failure or
time limit without a solution.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.catalog import Catalog, load_catalog
from planner.errors import Issue, PlannerInputError
from planner.io import write_atomic
from planner.messages import CatalogNames, Pct, msg, render, site_names
from planner.scenario import Scenario, load_scenario

#: The same codes as :mod:`planner.cli` (a test checks they agree).
EXIT_OK, EXIT_INFEASIBLE, EXIT_INPUT, EXIT_SOLVER = 0, 1, 2, 3


def add_decision_parsers(sub: Any) -> None:
    """Add the ``ladder``, ``compare`` and ``explain`` subcommands to the CLI's subparsers."""
    lad = sub.add_parser("ladder", help="what to buy first, then next: the nested purchase path, budget by budget, "
                                        "beside the unconstrained frontier")
    lad.add_argument("scenario")
    lad.add_argument("--steps", type=int, default=20, metavar="N", help="budget points (default 20)")
    lad.add_argument("--json", metavar="OUT", help="write the path JSON (with the frontier) to OUT")
    lad.add_argument("--frontier", action="store_true",
                     help="only the unconstrained frontier (each budget solved alone; devices may leave), with greedy")
    cmp_ = sub.add_parser("compare", help="solve two or more scenarios and compare them side by side")
    cmp_.add_argument("scenarios", nargs="+", metavar="SCENARIO")
    cmp_.add_argument("--json", metavar="OUT", help="write the comparison JSON to OUT")
    exp = sub.add_parser("explain", help="why each device is (or is not) in the plan; binding constraints")
    exp.add_argument("scenario")
    exp.add_argument("--sensitivity", action="store_true",
                     help="also the weight and consumable-price ranges keeping the configuration (many re-solves)")
    exp.add_argument("--json", metavar="OUT", help="write the explanation JSON to OUT")


def _load(path: str) -> tuple[Catalog, Scenario]:
    scenario = load_scenario(path)
    return load_catalog(scenario.catalog_path()), scenario


def _names(catalog: Catalog, scenario: Scenario) -> CatalogNames:
    """Devices and indications by their labels, sites by their names."""
    return CatalogNames(catalog, site_names(scenario))


def _check_out(out: str | None) -> None:
    if out and not Path(out).resolve().parent.is_dir():
        raise PlannerInputError([Issue(msg("src.command_line"), "", "output", out, msg("cli.no_folder"))])


def _write(out: str | None, data: dict[str, Any], what: str, lang: str) -> None:
    """Write the JSON ``data`` to ``out`` (if given) and say so; ``what``: ladder, path, comparison, explanation."""
    if out:
        write_atomic(out, json.dumps(data, indent=2, ensure_ascii=False, default=str))
        print("\n" + render(msg("cli.json_of_written", what=msg(f"cli.json_of.{what}"), path=out), lang))


def _progress(what: str, lang: str) -> Callable[[float], None]:
    """A progress report on stderr (the results go to stdout): one line each time another tenth is done;
    ``what``: the catalogue code of the work."""
    shown = [-1]

    def report(share: float) -> None:
        tenth = int(share * 10 + 1e-9)
        if tenth > shown[0]:
            shown[0] = tenth
            print(render(msg("progress.line", what=msg(what), share=Pct(tenth / 10)), lang), file=sys.stderr,
                  flush=True)

    return report


def _exit(status: str) -> int:
    if status in ("optimal", "feasible"):
        return EXIT_OK
    return EXIT_INFEASIBLE if status == "infeasible" else EXIT_SOLVER


def cmd_ladder(args: argparse.Namespace) -> int:
    """``ladder SCENARIO [--steps N] [--json OUT] [--frontier]``: the purchase path (default) or the frontier."""
    _check_out(args.json)
    catalog, scenario = _load(args.scenario)
    from planner.decision.ladder import budget_ladder  # noqa: PLC0415 (the solver stack loads on demand)
    from planner.decision.path import purchase_path  # noqa: PLC0415
    from planner.decision.text import ladder_text, path_text  # noqa: PLC0415

    ladder = budget_ladder(catalog, scenario, args.steps,
                           progress=_progress("progress.frontier", args.out_lang))
    if args.frontier:
        print(ladder_text(ladder, args.out_lang, _names(catalog, scenario)))
        _write(args.json, ladder.to_dict(), "ladder", args.out_lang)
        return _exit(ladder.status)
    print(render(msg("progress.path"), args.out_lang), file=sys.stderr, flush=True)
    path = purchase_path(catalog, scenario, args.steps, frontier=ladder)
    print(path_text(path, args.out_lang, _names(catalog, scenario)))
    _write(args.json, path.to_dict(), "path", args.out_lang)
    return _exit(path.status)


def cmd_compare(args: argparse.Namespace) -> int:
    """``compare A B [...] [--json OUT]``: exit 1 if a scenario has no plan, 3 on a solver failure."""
    if len(args.scenarios) < 2:
        raise PlannerInputError([Issue(msg("src.command_line"), "", "scenarios", " ".join(args.scenarios),
                                       msg("cli.two_scenarios"))])
    _check_out(args.json)
    cases = [_load(path) for path in args.scenarios]
    from planner.decision.compare import compare_scenarios  # noqa: PLC0415
    from planner.decision.text import comparison_text  # noqa: PLC0415

    comparison = compare_scenarios(cases)  # names: the scenario names, made unique
    print(comparison_text(comparison, args.out_lang, _names(*cases[0])))
    _write(args.json, comparison.to_dict(), "comparison", args.out_lang)
    codes = [_exit(p.status) for p in comparison.plans]
    return max(codes, key=lambda c: (c == EXIT_SOLVER, c))


def cmd_explain(args: argparse.Namespace) -> int:
    """``explain SCENARIO [--sensitivity] [--json OUT]``."""
    _check_out(args.json)
    catalog, scenario = _load(args.scenario)
    from planner.decision.explain import explain_plan  # noqa: PLC0415
    from planner.decision.sensitivity import sensitivity  # noqa: PLC0415
    from planner.decision.text import explanation_text, sensitivity_text  # noqa: PLC0415

    expl = explain_plan(catalog, scenario)
    print(explanation_text(expl, args.out_lang, _names(catalog, scenario)), flush=True)
    data: dict[str, Any] = {"explanation": expl.to_dict()}
    if args.sensitivity and expl.benefit is not None:
        sens = sensitivity(catalog, scenario, progress=_progress("progress.sensitivity", args.out_lang))
        print("\n" + sensitivity_text(sens, args.out_lang, _names(catalog, scenario)))
        data["sensitivity"] = sens.to_dict()
    _write(args.json, data, "explanation", args.out_lang)
    return _exit(expl.status)


DECISION_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ladder": cmd_ladder, "compare": cmd_compare, "explain": cmd_explain,
}
