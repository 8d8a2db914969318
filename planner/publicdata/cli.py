"""``cathlab-planner sites search TEXT`` and ``cathlab-planner sites scenario FINESS... --out FILE``.

Registered by :mod:`planner.cli` like the decision commands; input errors raise
:class:`~planner.errors.PlannerInputError` (exit 2, nothing written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planner.errors import Issue, PlannerInputError
from planner.io import write_atomic
from planner.messages import Arg, IdNames, Join, Names, Num, Opt, Site, msg, render, site_names
from planner.publicdata import sae
from planner.publicdata.checks import public_data_issues
from planner.publicdata.mapping import DEFAULT_VENDOR, OVERRIDE_FIELDS, Override, map_site
from planner.publicdata.ratios import RATIO_KEYS, Ratios, parse_assignments, with_overrides
from planner.publicdata.scenario import scenario_yaml, sites_scenario

NUMBER_FIELDS = ("rooms", "cag", "pci", "stemi")


def add_sites_parsers(sub: Any) -> None:
    """Add ``sites search`` and ``sites scenario`` to the CLI's subparsers."""
    p = sub.add_parser("sites", help="start from a French establishment: public SAE data by FINESS")
    inner = p.add_subparsers(dest="sites_command", required=True)
    s = inner.add_parser("search", help="find establishments by name, commune or FINESS (accents and case ignored)")
    s.add_argument("text", nargs="+", help="words to find, e.g. 'saint quentin' or 020000162")
    s.add_argument("--year", type=int, help="SAE year (default: the latest bundled)")
    s.add_argument("--limit", type=int, default=30, help="at most this many rows (default 30)")
    c = inner.add_parser("scenario", help="write one scenario whose sites are these establishments")
    c.add_argument("finess", nargs="+", help="FINESS of each site (see `sites search`)")
    c.add_argument("--out", required=True, metavar="FILE", help="scenario YAML to write")
    c.add_argument("--ratio", action="append", default=[], metavar="KEY=VALUE",
                   help=f"override a ratio ({', '.join(RATIO_KEYS)})")
    c.add_argument("--set", action="append", default=[], metavar="FINESS:FIELD=VALUE", dest="overrides",
                   help=f"your value for a site ({', '.join(OVERRIDE_FIELDS)}; roles comma-separated); always wins")
    c.add_argument("--vendor", default=DEFAULT_VENDOR, help=f"angiography vendor of every site (default "
                                                            f"{DEFAULT_VENDOR}: not public)")
    c.add_argument("--name", help="scenario name (default: SAE <year> — <first site>)")
    c.add_argument("--budget-capex", metavar="EUR", help="capital budget (default: 150,000 EUR per room; 'none')")
    c.add_argument("--budget-opex", metavar="EUR", help="running budget a year (default: 316 EUR per PCI; 'none')")
    c.add_argument("--year", type=int, help="SAE year (default: the latest bundled)")


def _site_overrides(texts: Sequence[str], finess: Sequence[str]) -> dict[str, dict[str, Override]]:
    """``FINESS:field=value`` texts -> overrides by FINESS; every bad one is an error."""
    out: dict[str, dict[str, Override]] = {}
    issues = []
    for text in texts:
        site, _, rest = text.partition(":")
        key, sep, raw = rest.partition("=")
        site, key = site.strip().upper(), key.strip()
        value: Override | None = raw.strip()
        if site not in finess or not sep or key not in OVERRIDE_FIELDS:
            why = msg("sae.set_form", fields=", ".join(OVERRIDE_FIELDS))
            issues.append(Issue(msg("src.command_line"), "--set", key or "set", text, why))
            continue
        if key in NUMBER_FIELDS:
            value = _number(raw, issues, f"{site}:{key}")
        elif key == "roles":
            value = tuple(r.strip() for r in raw.split(",") if r.strip())
        if value is not None:
            out.setdefault(site, {})[key] = value
    if issues:
        raise PlannerInputError(issues)
    return out


def _number(raw: str, issues: list[Issue], field: str) -> float | None:
    try:
        return float(raw)
    except ValueError:
        issues.append(Issue(msg("src.command_line"), "--set", field, raw, msg("in.number")))
        return None


def _budget(args: argparse.Namespace) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for key, raw, option in (("capex_eur", args.budget_capex, "--budget-capex"),
                             ("opex_eur_per_year", args.budget_opex, "--budget-opex")):
        if raw is None:
            continue
        if raw.strip().lower() == "none":
            out[key] = None
            continue
        issues: list[Issue] = []
        number = _number(raw, issues, key)
        if issues or number is None or number < 0:
            raise PlannerInputError([Issue(msg("src.command_line"), option, key, raw, msg("sae.number_or_none"))])
        out[key] = number
    return out


def _say(args: argparse.Namespace, code: str, names: Names | None = None, **values: Arg) -> str:
    return render(msg(code, **values), args.out_lang, names)


class _SiteNames(IdNames):
    """Sites by their names (the public data's messages name nothing else)."""

    def __init__(self, sites: dict[str, str]) -> None:
        self.sites = sites

    def site(self, site_id: str) -> str:
        """The site's name."""
        return self.sites.get(site_id, site_id)


def _ratio(value: float) -> Num:
    """A ratio with the decimals it has (0.9, 0.85)."""
    return Num(value, len(f"{value:g}".partition(".")[2]))


def cmd_search(args: argparse.Namespace) -> int:
    """Print the establishments matching the words, with their public figures and derived PCI."""
    data = sae.load_year(args.year)
    hits = sae.search(" ".join(args.text), data)
    if not hits:
        print(_say(args, "sites.none", year=data.year, text=" ".join(args.text)), file=sys.stderr)
        return 0
    print(_say(args, "sites.head", year=data.year, n=len(hits)))
    col = {k: _say(args, f"sites.col.{k}") for k in ("name", "commune", "rooms", "surgery", "pci")}
    print(f"{'FINESS':<10} {col['name']:<44} {col['commune']:<24} {col['rooms']:>5} {'ACT3':>5} {col['surgery']:>5} "
          f"{col['pci']:>5}")
    for row in hits[:args.limit]:
        pci = map_site(row).data["activity"]["pci"]
        print(f"{row.finess:<10} {row.name[:44]:<44} {row.commune[:24]:<24} {_show(row.rooms_cardiology):>5} "
              f"{_show(row.acts_adult_ischaemic_structural):>5} "
              f"{_show(row.cardiac_surgery_adult_interventions):>5} {pci:>5}")
    if len(hits) > args.limit:
        print(_say(args, "sites.more", n=len(hits) - args.limit))
    print(_say(args, "sites.footnote", ratio=_ratio(Ratios()["pci_per_act3"].value)))
    return 0


def _show(value: int | None) -> str:
    return "" if value is None else str(value)


def cmd_scenario(args: argparse.Namespace) -> int:
    """Write one scenario whose sites are the FINESS given; nothing is written on any input error."""
    out = Path(args.out)
    if not out.resolve().parent.is_dir():
        raise PlannerInputError([Issue(msg("src.command_line"), "--out", "output", args.out, msg("cli.no_folder"))])
    rows = sae.find([f.strip().upper() for f in args.finess], sae.load_year(args.year))
    ratios = with_overrides(parse_assignments(args.ratio))
    overrides = _site_overrides(args.overrides, [r.finess for r in rows])
    scenario = sites_scenario(rows, ratios, overrides, args.vendor, args.name, _budget(args))
    write_atomic(out, scenario_yaml(scenario, ratios))
    names = _SiteNames(site_names(scenario))
    for site in scenario.sites:
        a = site.activity
        roles = msg("sites.roles", roles=Join(tuple(Opt("role", r) for r in site.roles))) if site.roles else ""
        print(_say(args, "sites.site_line", names, site=Site(site.id), rooms=site.rooms, cag=Num(a["cag"]),
                   pci=Num(a["pci"]), stemi=Num(a["stemi"]), vendor=Opt("vendor", site.angio_vendor), roles=roles))
    for issue in public_data_issues(scenario):
        print(f"  - {issue.render(args.out_lang, names)}", file=sys.stderr)
    print(_say(args, "sites.written", path=args.out, n=len(scenario.sites)))
    return 0


def cmd_sites(args: argparse.Namespace) -> int:
    """Dispatch ``sites search`` / ``sites scenario``."""
    return cmd_search(args) if args.sites_command == "search" else cmd_scenario(args)


SITES_COMMANDS = {"sites": cmd_sites}
