"""Command line: ``cathlab-planner validate|solve|catalog|...|sites``.

Exit codes: 0 a plan (optimal or feasible), 1 infeasible, 2 input error, 3 solver failure or time limit
without a solution; the store commands (``db``, ``users``, ``scenarios``, ``solve --from-store``) add 4 a version
conflict, 5 refused (login or role), 6 store unusable (see :mod:`planner.store.cli`).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from planner.catalog import CATALOG_FILES, Catalog, load_catalog
from planner.checks import run_checks
from planner.cli_help import argparse_language, localise
from planner.decision_cli import DECISION_COMMANDS, add_decision_parsers
from planner.errors import Issue, PlannerInputError, PlannerSolverError, errors_only
from planner.io import write_atomic, write_folder_atomic
from planner.mds2_cli import MDS2_COMMANDS, add_mds2_parsers
from planner.messages import LANGS, Arg, CatalogNames, Device, Join, Msg, Opt, msg, render
from planner.plan import Plan
from planner.progress import SolveReport, describe
from planner.publicdata.cli import SITES_COMMANDS, add_sites_parsers
from planner.report.catalog_text import catalog_text
from planner.report.text import summary
from planner.robust_cli import add_robust_parser, cmd_robust
from planner.scenario import Scenario, load_scenario
from planner.schema import BOUNDS
from planner.store.cli import STORE_COMMANDS, add_solve_store_options, add_store_parsers, guarded

EXIT_OK, EXIT_INFEASIBLE, EXIT_INPUT, EXIT_SOLVER = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cathlab-planner", description="Plan the adjunct equipment of cath rooms.")
    p.add_argument("--lang", choices=LANGS, help="language of every output, anywhere on the line (default: the "
                                                 "locale, LANG=fr_FR.UTF-8 gives French; else English)")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the catalogue and a scenario; list every problem")
    v.add_argument("scenario")
    s = sub.add_parser("solve", help="optimise a scenario and print the plan")
    s.add_argument("scenario", nargs="?", help="scenario YAML (or --from-store NAME)")
    s.add_argument("--json", metavar="OUT", help="write the plan JSON to OUT")
    s.add_argument("--xlsx", metavar="OUT", help="write the plan workbook (Excel) to OUT")
    s.add_argument("--pdf", metavar="OUT", help="write the procurement committee's document (PDF, A4) to OUT")
    s.add_argument("--path-steps", type=int, default=10, metavar="N",
                   help="budgets of the nested purchase path in the PDF (0: none; default 10)")
    s.add_argument("--lang", choices=LANGS,
                   help="language of the output, the workbook and the PDF (workbook and PDF default: fr)")
    s.add_argument("--solver", choices=("highs", "cbc"), help="override the scenario's solver")
    s.add_argument("--time-limit", type=float, metavar="S", help="time limit in seconds")
    s.add_argument("--mip-gap", type=float, metavar="G", help="relative MIP gap at which to stop")
    s.add_argument("--write-mps", metavar="OUT", help="write the model (first objective) as MPS")
    add_solve_store_options(s)  # --from-store NAME[@V], --save
    c = sub.add_parser("catalog", help="list the catalogue")
    c.add_argument("--family", help="only this device family")
    c.add_argument("--catalog", metavar="DIR", help="catalogue folder (default: bundled)")
    c.add_argument("--ids", action="store_true", help="show each device's id (what a scenario names); the English "
                                                      "table always does")
    for name, what in (("import-prices", "a price list (.xlsx/.csv) into the scenario's price overrides"),
                       ("import-installed", "installed equipment (.xlsx/.csv) into the scenario's sites")):
        i = sub.add_parser(name, help=f"import {what}; write the new scenario")
        i.add_argument("file", help=".xlsx or .csv file (a plan workbook works too)")
        i.add_argument("--scenario", required=True, help="scenario YAML to start from")
        i.add_argument("--out", required=True, metavar="OUT", help="write the new scenario YAML to OUT")
        if name == "import-prices":
            i.add_argument("--replace", action="store_true", help="replace the price overrides (default: merge)")
    pt = sub.add_parser("price-template", help="write the price-list template (.xlsx) to fill in or hand to a "
                                               "supplier; import-prices reads it back")
    pt.add_argument("out", help="the .xlsx file to write")
    pt.add_argument("--lang", choices=("fr", "en"), default="fr", help="header language (default: fr)")
    pt.add_argument("--catalog", metavar="DIR", help="catalogue whose devices fill it (default: bundled)")
    x = sub.add_parser("import-catalog", help="add the devices, indications and coverage rows of a file "
                                              "(.xlsx/.csv, catalogue layout) to a catalogue; write the new folder")
    x.add_argument("file", help=".xlsx (one sheet per table) or .csv (one table) in the layout of catalog/*.csv")
    x.add_argument("--catalog", metavar="DIR", help="catalogue to extend (default: bundled)")
    x.add_argument("--out", required=True, metavar="DIR", help="new catalogue folder (must not exist, or be empty)")
    add_decision_parsers(sub)  # ladder, compare, explain
    add_sites_parsers(sub)  # sites search, sites scenario (public SAE data)
    add_mds2_parsers(sub)  # mds2, import-mds2
    add_store_parsers(sub)  # db, users, scenarios (the scenario store)
    add_robust_parser(sub)  # robust (issue 17)
    return p


def _load(path: str) -> tuple[Catalog, Scenario]:
    scenario = load_scenario(path)
    return load_catalog(scenario.catalog_path()), scenario


def output_lang(explicit: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The language of the output: ``--lang``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: fr_* is
    French), else English.

    >>> output_lang(None, {"LANG": "fr_FR.UTF-8"}), output_lang("en", {"LANG": "fr_FR.UTF-8"})
    ('fr', 'en')
    """
    if explicit:
        return explicit
    value = next((environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(v)), "")
    return "fr" if value.lower().startswith("fr") else "en"


def say(args: argparse.Namespace, code: str, **values: Arg) -> str:
    """A catalogue message in the output language."""
    return render(msg(code, **values), args.out_lang)


def _print_issues(issues: Sequence[Issue], lang: str = "en", names: CatalogNames | None = None) -> None:
    for issue in issues:
        print(f"  - {issue.render(lang, names)}", file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    catalog, scenario = _load(args.scenario)
    issues = run_checks(catalog, scenario)
    if errors_only(issues):
        print(say(args, "cli.errors", file=args.scenario, n=len(errors_only(issues))), file=sys.stderr)
        _print_issues(issues, args.out_lang)
        return EXIT_INPUT
    _print_issues(issues, args.out_lang)
    print(say(args, "cli.valid", file=args.scenario, devices=len(catalog.devices),
              indications=len(catalog.indications), sites=len(scenario.sites)))
    return EXIT_OK


def _solver_options(args: argparse.Namespace, scenario: Scenario) -> Scenario:
    changes = {k: v for k, v in (("name", args.solver), ("time_limit_s", args.time_limit),
                                 ("mip_gap", args.mip_gap)) if v is not None}
    most = BOUNDS["time_limit"].high
    bad = [Issue(msg("src.command_line"), "--time-limit", k, str(v), msg("cli.bad_time_limit", most=f"{most:g}"))
           for k, v in changes.items() if k == "time_limit_s" and not 0 < v <= most]
    bad += [Issue(msg("src.command_line"), "--mip-gap", "mip_gap", str(v), msg("cli.bad_mip_gap"))
            for k, v in changes.items() if k == "mip_gap" and not 0 <= v <= 1]
    if bad:
        raise PlannerInputError(bad)
    return dataclasses.replace(scenario, solver=dataclasses.replace(scenario.solver, **changes))


def _solve_input(args: argparse.Namespace) -> tuple[Catalog, Scenario, int | None]:
    """The scenario file, or the saved scenario of ``--from-store`` (with its version)."""
    if (args.scenario is None) == (args.from_store is None) or (args.save and not args.from_store):
        raise PlannerInputError([Issue(msg("src.command_line"), "", "scenario", args.scenario or "",
                                       msg("cli.scenario_or_store"))])
    if args.scenario is not None:
        return (*_load(args.scenario), None)
    from planner.store.cli import scenario_from_store

    scenario, version = scenario_from_store(args)
    return load_catalog(scenario.catalog_path()), scenario, version


#: Seconds between two progress lines of one solver phase on stderr (each stage has its line as it begins).
SOLVE_REPORT_EVERY_S = 5.0


def solve_watch(lang: str, every_s: float = SOLVE_REPORT_EVERY_S) -> Callable[[SolveReport], None]:
    """Where the optimisation stands, on stderr (the plan goes to stdout): a line as each stage begins, then
    during a solver phase one every ``every_s`` seconds with its best plan, bound and gap."""
    last: dict[str, float] = {}

    def report(r: SolveReport) -> None:
        if r.stage not in last or r.elapsed_s - last[r.stage] >= every_s:
            last[r.stage] = r.elapsed_s
            print(render(describe(r), lang), file=sys.stderr, flush=True)

    return report


def cmd_solve(args: argparse.Namespace) -> int:
    catalog, scenario, version = _solve_input(args)
    scenario = _solver_options(args, scenario)
    for out in (args.json, args.write_mps, args.xlsx, args.pdf):
        if out and not Path(out).resolve().parent.is_dir():
            raise PlannerInputError([Issue(msg("src.command_line"), "", "output", out, msg("cli.no_folder"))])
    from planner.api import make_plan  # noqa: PLC0415 (the solver stack loads only for commands that solve)

    plan = make_plan(catalog, scenario, write_mps=args.write_mps, watch=solve_watch(args.out_lang))
    print(summary(plan, catalog, args.out_lang))
    if args.json:
        write_atomic(args.json, plan.to_json())
        print("\n" + say(args, "cli.json_written", path=args.json))
    if args.xlsx:
        from planner.report.excel import write_plan_xlsx  # openpyxl only when asked for

        write_plan_xlsx(args.xlsx, plan, catalog, scenario, args.lang or "fr")
        print("\n" + say(args, "cli.xlsx_written", path=args.xlsx))
    if args.pdf:
        _write_pdf(args, plan, catalog, scenario)
    if args.save and version is not None:
        from planner.store.cli import save_plan

        save_plan(args, version, plan)
    if plan.has_solution:
        return EXIT_OK
    return EXIT_INFEASIBLE if plan.status == "infeasible" else EXIT_SOLVER


def _write_pdf(args: argparse.Namespace, plan: Plan, catalog: Catalog, scenario: Scenario) -> None:
    """The committee PDF, with the nested purchase path at ``--path-steps`` budgets (0: none)."""
    from planner.report.pdf import write_committee_pdf  # reportlab only when asked for
    from planner.report.pdf_path import printed_path

    path = None
    if plan.has_solution and args.path_steps >= 2:
        from planner.decision.path import purchase_path

        found = purchase_path(catalog, scenario, steps=args.path_steps, with_greedy=False)
        path = printed_path(found)
        if path is None:
            print("\n" + say(args, "cli.pdf_no_path", status=Opt("status", found.status)), file=sys.stderr)
    write_committee_pdf(args.pdf, plan, catalog, scenario, args.lang or "fr", path)
    print("\n" + say(args, "cli.pdf_written", path=args.pdf))


def cmd_catalog(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.catalog)
    if args.family and args.family not in catalog.families():
        known = ", ".join(f"`{f}`" for f in catalog.families())  # what --family takes, as typed
        why = msg("cli.unknown_family", known=known)
        raise PlannerInputError([Issue(catalog.path, "", "family", args.family, why)])
    print(catalog_text(catalog, args.family, args.out_lang, args.ids))
    return EXIT_OK


def _output_path(out: str, missing_parent: Msg) -> Path:
    """The ``--out`` path, refused when the folder it goes in does not exist."""
    path = Path(out)
    if not path.resolve().parent.is_dir():
        raise PlannerInputError([Issue(msg("src.command_line"), "--out", "output", out, missing_parent)])
    return path


def _read_input(file: str) -> tuple[Path, bytes]:
    """The file to import and its bytes (one byte over the importers' size limit at most, so they can refuse)."""
    from planner.ingest.read import MAX_FILE_BYTES

    source = Path(file)
    if not source.is_file():
        raise PlannerInputError([Issue(file, "", "file", file, msg("cli.file_not_found"))])
    with source.open("rb") as fh:
        return source, fh.read(MAX_FILE_BYTES + 1)


def cmd_import(args: argparse.Namespace) -> int:
    """``import-prices`` / ``import-installed``: spreadsheet -> new scenario YAML (none on errors)."""
    from planner.ingest import imports  # openpyxl only when asked for

    catalog, scenario = _load(args.scenario)
    out = _output_path(args.out, msg("cli.no_folder"))
    source, data = _read_input(args.file)
    if args.command == "import-prices":
        imported = imports.import_price_list_details(data, source.name, catalog)
        new = imports.with_price_overrides(scenario, imported.prices, replace=args.replace)
        print(say(args, "cli.prices_imported", n=len(imported.prices), file=source.name))
        for device, day in sorted(imported.quote_dates.items()):
            print(render(msg("cli.quote_date", device=Device(device), date=day.isoformat()), args.out_lang,
                         CatalogNames(catalog)))
    else:
        result = imports.import_installed_details(data, source.name, catalog, scenario)
        _print_issues(result.notes, args.out_lang, CatalogNames(catalog, {s.id: s.name for s in scenario.sites}))
        new = result.scenario
    write_atomic(out, catalog_reachable(new, out).to_yaml())
    print(say(args, "cli.scenario_written", path=args.out))
    return EXIT_OK


def catalog_reachable(scenario: Scenario, out: Path) -> Scenario:
    """The scenario to write at ``out``: a relative ``catalog:`` folder made relative to ``out``'s folder."""
    if scenario.catalog is None or Path(scenario.catalog).is_absolute():
        return scenario
    folder = os.path.relpath(str(scenario.catalog_path()), out.resolve().parent)
    return dataclasses.replace(scenario, catalog=folder)


def cmd_price_template(args: argparse.Namespace) -> int:
    """``price-template``: the price-list template, headers in ``--lang``, one line per catalogue device."""
    from planner.ingest.template import price_template_xlsx_bytes  # openpyxl only when asked for

    catalog = load_catalog(args.catalog)
    write_atomic(_output_path(args.out, msg("cli.no_folder")), price_template_xlsx_bytes(catalog, args.lang))
    print(say(args, "cli.template_written", path=args.out))
    return EXIT_OK


def cmd_import_catalog(args: argparse.Namespace) -> int:
    """``import-catalog``: catalogue + extension file -> a new catalogue folder (none on errors)."""
    from planner.ingest.catalog import import_catalog_extension  # openpyxl only when asked for
    from planner.report.xlsx_roundtrip import catalog_to_csv_texts

    base = load_catalog(args.catalog)
    out = _output_path(args.out, msg("cli.no_parent_folder"))
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise PlannerInputError([Issue(msg("src.command_line"), "--out", "output", args.out,
                                       msg("cli.out_not_empty"))])
    source, data = _read_input(args.file)
    merged = import_catalog_extension(data, source.name, base)
    write_folder_atomic(out, {CATALOG_FILES[k]: text for k, text in catalog_to_csv_texts(merged).items()})
    added = [(len(merged.devices) - len(base.devices), "device"), (len(merged.indications) - len(base.indications),
             "indication"), (len(merged.coverage) - len(base.coverage), "coverage")]
    counts = Join(tuple(msg(f"cli.new_{w}{'s' if n != 1 else ''}", n=n) for n, w in added))
    print(say(args, "cli.catalogue_written", path=args.out, added=counts, total=len(merged.devices)))
    return EXIT_OK


COMMANDS = {"validate": cmd_validate, "solve": guarded(cmd_solve), "catalog": cmd_catalog,
            "import-prices": cmd_import, "import-installed": cmd_import, "import-catalog": cmd_import_catalog,
            "price-template": cmd_price_template,
            **DECISION_COMMANDS, **SITES_COMMANDS, **MDS2_COMMANDS, **STORE_COMMANDS, "robust": cmd_robust}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    lang_only = argparse.ArgumentParser(add_help=False)
    lang_only.add_argument("--lang", choices=LANGS)
    known, rest = lang_only.parse_known_args(argv)  # --lang anywhere on the line, for every command
    lang = output_lang(known.lang)
    with argparse_language(lang):  # the help and argparse's own messages in the output language
        args = localise(_parser(), lang).parse_args(rest)
    args.lang, args.out_lang = known.lang or getattr(args, "lang", None), lang
    try:
        return COMMANDS[args.command](args)
    except PlannerInputError as exc:
        print(say(args, "cli.input_error", n=len(exc.issues)), file=sys.stderr)
        _print_issues(exc.issues, args.out_lang)
        return EXIT_INPUT
    except PlannerSolverError as exc:
        print(say(args, "cli.solver_failure", reason=exc.message), file=sys.stderr)
        return EXIT_SOLVER
    except OSError as exc:
        print(say(args, "cli.cannot_write", reason=str(exc)), file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
