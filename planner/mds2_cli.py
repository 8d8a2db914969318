"""Subcommands ``mds2`` and ``import-mds2`` of ``cathlab-planner`` (registered by :mod:`planner.cli`).

- ``mds2 SCENARIO --out DIR [--lang fr|en] [--device ID ...]``: the MDS2 questionnaires for the devices of the
  scenario's plan (or the devices named), one workbook per vendor and a zip of them, in a new folder.
- ``import-mds2 FORM.xlsx --scenario S.yaml --device ID --out NEW.yaml [--date D] [--source TEXT]``: a completed
  form (a vendor's HN 1-2019 MDS2 or our questionnaire) into the scenario's ``security.device_profiles``.

Exit codes as the rest of the CLI; on an input error (exit 2) nothing is written.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from planner.catalog import Catalog, load_catalog
from planner.errors import Issue, PlannerInputError
from planner.io import write_atomic, write_folder_atomic
from planner.messages import CatalogNames, Device, Join, Opt, msg, render, site_names
from planner.scenario import Scenario, load_scenario
from planner.security import apply_profiles, risk_score

EXIT_OK, EXIT_INFEASIBLE, EXIT_INPUT, EXIT_SOLVER = 0, 1, 2, 3
ZIP_NAME = "mds2_questionnaires.zip"
#: A profile field -> the label family of its values (``net.remote_service``); the others are yes/no/unknown.
VALUE_LABELS = {"network_connected": "net", "patch_policy": "patch", "remote_access": "remote"}


def profile_items(given: dict[str, object]) -> Join:
    """A device profile's answers, fields and values by their labels."""
    return Join(tuple(msg("colon", head=Opt("field", k), tail=Opt(VALUE_LABELS.get(k, "sec"), str(v)))
                      for k, v in given.items()))


def add_mds2_parsers(sub: Any) -> None:
    """Add the ``mds2`` and ``import-mds2`` subcommands to the CLI's subparsers."""
    q = sub.add_parser("mds2", help="MDS2 questionnaires (one workbook per vendor) for the devices of the plan")
    q.add_argument("scenario")
    q.add_argument("--out", required=True, metavar="DIR", help="new folder for the workbooks (must not exist)")
    q.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the questions (default: fr)")
    q.add_argument("--device", action="append", metavar="ID", help="these devices instead of the plan's (repeat)")
    i = sub.add_parser("import-mds2", help="a completed MDS2 form into the scenario's security profiles")
    i.add_argument("file", help="the vendor's HN 1-2019 MDS2 (.xlsx/.csv) or our questionnaire filled in")
    i.add_argument("--scenario", required=True, help="scenario YAML to start from")
    i.add_argument("--device", required=True, metavar="ID", help="the catalogue device the form describes")
    i.add_argument("--out", required=True, metavar="OUT", help="write the new scenario YAML to OUT")
    i.add_argument("--date", metavar="YYYY-MM-DD", help="date of the answers (default: the form's own date)")
    i.add_argument("--source", metavar="TEXT", help="where the form comes from (default: from the form)")


def _load(path: str) -> tuple[Catalog, Scenario]:
    scenario = load_scenario(path)
    return load_catalog(scenario.catalog_path()), scenario


def _new_folder(out: str) -> Path:
    path = Path(out)
    if not path.resolve().parent.is_dir():
        raise PlannerInputError([Issue(msg("src.command_line"), "--out", "output", out, msg("cli.no_parent_folder"))])
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise PlannerInputError([Issue(msg("src.command_line"), "--out", "output", out,
                                       msg("cli.out_not_empty"))])
    return path


def _device_ids(args: argparse.Namespace, catalog: Catalog, scenario: Scenario) -> tuple[str, ...] | None:
    """The devices named on the command line, or those of the plan (None when there is no plan)."""
    if args.device:
        bad = [Issue(msg("src.command_line"), "--device", "device", d, msg("cat.unknown_device")) for d in args.device
               if d not in catalog.devices]
        if bad:
            raise PlannerInputError(bad)
        return tuple(dict.fromkeys(args.device))
    from planner.api import make_plan  # noqa: PLC0415 (the solver stack loads on demand)

    plan = make_plan(catalog, scenario)
    names = CatalogNames(catalog, site_names(scenario))
    if not plan.has_solution:
        print(render(msg("mds2.no_plan", status=Opt("status", plan.status)), args.out_lang, names),
              *(render(d, args.out_lang, names) for d in plan.diagnosis), sep="\n")
        return None
    return tuple(s.device_id for s in plan.security)


def cmd_mds2(args: argparse.Namespace) -> int:
    """``mds2``: questionnaires per vendor (and their zip) in a new folder."""
    from planner.report.xlsx_mds2 import questionnaires, zip_bytes  # openpyxl only when asked for

    catalog, scenario = _load(args.scenario)
    out = _new_folder(args.out)
    ids = _device_ids(args, catalog, scenario)
    if ids is None:
        return EXIT_INFEASIBLE
    devices = apply_profiles(catalog.devices, scenario.security)
    files = questionnaires((devices[d] for d in ids), args.lang, scenario.security.reference_date)
    write_folder_atomic(out, {**files, ZIP_NAME: zip_bytes(files)})
    names = CatalogNames(catalog, site_names(scenario))
    for d in ids:
        score = risk_score(devices[d], scenario.security.reference_date)
        print(render(msg("mds2.score", device=Device(d), open=len(score.unknown), known=score.known,
                         total=score.known + len(score.unknown)), args.out_lang, names))
    print(render(msg("mds2.written", n=len(files), path=args.out, files=", ".join(files), zip=ZIP_NAME), args.out_lang))
    return EXIT_OK


def cmd_import_mds2(args: argparse.Namespace) -> int:
    """``import-mds2``: a completed form -> new scenario YAML with the device's profile (none on errors)."""
    from planner.cli import _output_path, _read_input, catalog_reachable
    from planner.mds2_import import read_mds2, with_device_profile

    catalog, scenario = _load(args.scenario)
    out = _output_path(args.out, msg("cli.no_folder"))
    when = None
    if args.date:
        try:
            when = date.fromisoformat(args.date)
        except ValueError:
            raise PlannerInputError([Issue(msg("src.command_line"), "--date", "date", args.date,
                                           msg("in.date"))]) from None
    source, data = _read_input(args.file)
    result = read_mds2(data, source.name, args.device, catalog, args.source, when)
    new = with_device_profile(scenario, args.device, result.profile)
    write_atomic(out, catalog_reachable(new, out).to_yaml())
    layout = msg("mds2.own_form" if result.own_form else "mds2.hn_form")
    print(render(msg("mds2.read", device=Device(args.device), n=len(result.answers), layout=layout,
                     sheet=result.sheet, profile=profile_items(result.profile.given()), source=result.profile.source,
                     date=result.profile.date.isoformat()), args.out_lang, CatalogNames(catalog)))
    print(render(msg("cli.scenario_written", path=args.out), args.out_lang))
    return EXIT_OK


MDS2_COMMANDS = {"mds2": cmd_mds2, "import-mds2": cmd_import_mds2}
