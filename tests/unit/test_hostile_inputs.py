"""Hostile inputs (issue 13, section 1): a corpus of malformed and hostile files, generated here, each refused
clearly.

Every case runs the command line in-process (``validate``, ``solve --json --xlsx``, ``catalog``, or an importer
with ``--out``) and must exit with its code, name where the problem is (key path, line, row or column), raise
no exception (no traceback) and write nothing. The cases that used to hang (alias bomb, deep nesting, 20,000
sites) also run in a subprocess under a generous timeout.
"""

from __future__ import annotations

import copy
import csv
import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from planner import load_catalog, make_plan
from planner.catalog import BUNDLED_CATALOG
from planner.cli import main
from planner.errors import PlannerInputError, PlannerSolverError
from planner.scenario import load_scenario, scenario_from_yaml
from planner.schema import BOUNDS, bounds_markdown

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "general_hospital.yaml"
BASE: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
CATALOG = load_catalog()
DEVICE = "abbott_pressurewire_coroflow"
INDICATION = sorted(CATALOG.indications)[0]
OUTCOME = sorted(CATALOG.outcomes)[0]


@dataclass(frozen=True)
class Case:
    """One hostile input: how to write it, what to run on it, the exit code and the words the message needs."""

    name: str
    make: Callable[[Path], list[list[str]]]  # tmp folder -> command lines to run (each must fail alike)
    code: int = 2
    tokens: tuple[str, ...] = ()


# ---------------------------------------------------------------- scenario files


def _scenario_runs(tmp: Path, text: str | bytes, name: str = "hostile.yaml") -> list[list[str]]:
    path = tmp / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return [["validate", str(path)],
            ["solve", str(path), "--json", str(tmp / "out.json"), "--xlsx", str(tmp / "out.xlsx")]]


def _yaml_case(name: str, text: Callable[[], str | bytes], *tokens: str, code: int = 2) -> Case:
    return Case(name, lambda tmp: _scenario_runs(tmp, text()), code, tokens)


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node = out
    for key in path[:-1]:
        node = node.setdefault(key, {}) if isinstance(key, str) else node[key]
    node[path[-1]] = value
    return out


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


#: Every numeric field of a scenario: (YAML path, key path in the message).
NUMERIC_FIELDS: tuple[tuple[tuple[Any, ...], str], ...] = (
    (("sites", 0, "rooms"), "sites[0].rooms"),
    (("sites", 0, "activity", "cag"), "sites[0].activity.cag"),
    (("sites", 0, "activity", "pci"), "sites[0].activity.pci"),
    (("sites", 0, "activity", "stemi"), "sites[0].activity.stemi"),
    (("sites", 0, "volumes", INDICATION), f"sites[0].volumes.{INDICATION}"),
    (("sites", 0, "installed", DEVICE), f"sites[0].installed.{DEVICE}"),
    (("sites", 0, "installed", "boston_rotapro"), "sites[0].installed.boston_rotapro"),
    (("budget", "capex_eur"), "budget.capex_eur"),
    (("budget", "opex_eur_per_year"), "budget.opex_eur_per_year"),
    (("budget", "capex_eur_by_year", 2027), "budget.capex_eur_by_year.2027"),
    (("budget", "opex_eur_by_year", 2027), "budget.opex_eur_by_year.2027"),
    (("devices", DEVICE, "capex_eur"), f"devices.{DEVICE}.capex_eur"),
    (("devices", DEVICE, "maintenance_eur_per_year"), f"devices.{DEVICE}.maintenance_eur_per_year"),
    (("devices", DEVICE, "consumable_eur_per_case"), f"devices.{DEVICE}.consumable_eur_per_case"),
    (("devices", DEVICE, "lifetime_years"), f"devices.{DEVICE}.lifetime_years"),
    (("devices", DEVICE, "capacity_cases_per_year"), f"devices.{DEVICE}.capacity_cases_per_year"),
    (("devices", DEVICE, "placement_consumable_eur_per_case"), f"devices.{DEVICE}.placement_consumable_eur_per_case"),
    (("devices", DEVICE, "lease_eur_per_year"), f"devices.{DEVICE}.lease_eur_per_year"),
    (("devices", DEVICE, "lease_term_years"), f"devices.{DEVICE}.lease_term_years"),
    (("indications", INDICATION, "share"), f"indications.{INDICATION}.share"),
    (("indications", INDICATION, "weight"), f"indications.{INDICATION}.weight"),
    (("indications", INDICATION, "min_coverage"), f"indications.{INDICATION}.min_coverage"),
    (("outcome_weights", OUTCOME), f"outcome_weights.{OUTCOME}"),
    (("discount_rate",), "discount_rate"),
    (("price_escalation", "capex"), "price_escalation.capex"),
    (("activity_growth", "pci"), "activity_growth.pci"),
    (("solver", "time_limit_s"), "solver.time_limit_s"),
    (("solver", "mip_gap"), "solver.mip_gap"),
    (("solver", "threads"), "solver.threads"),
    (("security", "max_risk_score"), "security.max_risk_score"),
    (("security", "segmentation_cost_eur_per_connected_device"),
     "security.segmentation_cost_eur_per_connected_device"),
    (("horizon_years",), "horizon_years"),
    (("start_year",), "start_year"),
)
HOSTILE_NUMBERS: tuple[tuple[str, Any], ...] = (
    ("1e308", 1e308), ("401_digits", int("9" * 401)), ("minus_1e308", -1e308), ("inf", float("inf")),
    ("nan", float("nan")),
)


def _number_case(path: tuple[Any, ...], where: str, label: str, value: Any) -> Case:
    return _yaml_case(f"number-{where}-{label}", lambda: _dump(_set(BASE, path, value)), where)


def _site(i: int) -> dict[str, Any]:
    return {"id": f"s{i}", "rooms": 2, "angio_vendor": "ge", "activity": {"cag": 1000, "pci": 500, "stemi": 100}}


def _alias_bomb(levels: int, width: int, where: str = "name") -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\n{where}: *a{levels}\n"


def _sites_text(n: int, years: int = 1) -> str:
    return _dump({"name": "big", "horizon_years": years, "start_year": 2027, "sites": [_site(i) for i in range(n)]})


BASE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def _line_of(prefix: str) -> str:
    """``line N`` of the example's first line starting with ``prefix``."""
    return f"line {next(i for i, t in enumerate(BASE_TEXT.splitlines(), 1) if t.startswith(prefix))}"


def _append(text: str) -> Callable[[], str]:
    return lambda: BASE_TEXT + text


def _replace(old: str, new: str) -> Callable[[], str]:
    assert old in BASE_TEXT
    return lambda: BASE_TEXT.replace(old, new, 1)


STRUCTURE_CASES: tuple[Case, ...] = (
    # alias bombs: refused while composing, at the line of the alias that crosses the budget
    _yaml_case("alias-bomb-9x9", lambda: _alias_bomb(9, 9), "refused", "aliases"),
    _yaml_case("alias-bomb-6x9", lambda: _alias_bomb(6, 9), "refused", "aliases"),
    _yaml_case("alias-bomb-20x2", lambda: _alias_bomb(20, 2), "refused", "aliases"),
    _yaml_case("alias-bomb-12x3", lambda: _alias_bomb(12, 3), "refused", "aliases"),
    _yaml_case("alias-bomb-4x20", lambda: _alias_bomb(4, 20), "refused", "aliases"),
    _yaml_case("alias-bomb-in-sites", lambda: _alias_bomb(9, 9, "sites"), "refused", "aliases"),
    _yaml_case("alias-bomb-in-budget", lambda: _alias_bomb(9, 9, "budget"), "refused", "aliases"),
    _yaml_case("alias-bomb-mappings", lambda: "a0: &a0 {x: 1, y: 2}\n" + "".join(
        f"a{i}: &a{i} {{{', '.join(f'k{j}: *a{i - 1}' for j in range(9))}}}\n" for i in range(1, 10)) + "name: *a9\n",
        "refused"),
    _yaml_case("alias-merge-bomb", lambda: "a0: &a0 {x: [1, 2, 3, 4, 5, 6, 7, 8, 9]}\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)) + "sites:\n  - <<: *a0\n    y: *a8\n",
        "refused"),
    _yaml_case("recursive-alias-list", lambda: "name: &x [a, *x]\n", "refused", "recursive"),
    _yaml_case("recursive-alias-map", lambda: "budget: &b {capex_eur: 1, again: *b}\n", "refused", "recursive"),
    _yaml_case("undefined-alias", lambda: "name: *nothing\n", "invalid YAML"),
    # nesting: capped at 40 levels, never a RecursionError
    _yaml_case("nesting-5000-flow-lists", lambda: "name: x\nsites: " + "[" * 5000 + "]" * 5000 + "\n", "nested"),
    _yaml_case("nesting-5000-flow-maps", lambda: "name: x\nsites: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
               "nested"),
    _yaml_case("nesting-41-block", lambda: "name: x\nbudget:\n" + "".join(
        "  " * (i + 1) + f"k{i}:\n" for i in range(41)) + "  " * 42 + "v\n", "nested"),
    _yaml_case("nesting-1000-flow-lists", lambda: "sites: " + "[" * 1000 + "]" * 1000 + "\n", "nested"),
    # sizes
    _yaml_case("file-over-2mb", lambda: BASE_TEXT + "#" + "x" * 2_100_000 + "\n", "million characters"),
    _yaml_case("sites-301", lambda: _sites_text(301), "sites", "too many sites"),
    _yaml_case("sites-4000", lambda: _sites_text(4000), "refused", "values"),
    _yaml_case("run-250-sites-20-years", lambda: _sites_text(250, 20), "too large for one run"),
    _yaml_case("run-200-sites-17-years", lambda: _sites_text(200, 17), "too large for one run"),
    # impossible dates and numbers YAML builds as text
    _yaml_case("date-2024-02-30", _append("security: {reference_date: 2024-02-30}\n"), "security.reference_date"),
    _yaml_case("date-2023-02-29", _append("security: {reference_date: 2023-02-29}\n"), "security.reference_date"),
    _yaml_case("date-month-13", _append("security: {reference_date: 2024-13-01}\n"), "security.reference_date"),
    _yaml_case("date-start-year", _replace("start_year: 2027", "start_year: 2027-13-01"), "start_year"),
    _yaml_case("date-profile", _append(f"security:\n  device_profiles:\n    {DEVICE}: {{source: mds2, "
                                       "date: 2024-02-31}\n"), f"security.device_profiles.{DEVICE}.date"),
    _yaml_case("date-os-end", _append(f"security:\n  device_profiles:\n    {DEVICE}: {{source: mds2, "
                                      "date: 2024-01-01, os_end_of_support: 2030-00-10}\n"), "os_end_of_support"),
    _yaml_case("integer-5000-digits", _replace("rooms: 2", "rooms: " + "9" * 5000), "sites[0].rooms"),
    _yaml_case("integer-401-digits-year", _replace("start_year: 2027", "start_year: " + "2" * 401), "start_year"),
    _yaml_case("float-1e999", _replace("cag: 1800", "cag: 1.0e+999"), "sites[0].activity.cag", "finite"),
    # year keys and keys that are not text
    _yaml_case("year-key-superscript", _append("  capex_eur_by_year: {'²⁰²⁷': 100000}\n".replace(
        "  capex", "budget_extra: {capex") + "}\n"), "budget_extra"),
    _yaml_case("year-key-superscript-budget", _replace("budget: {capex_eur: 300000,",
                                                       "budget: {capex_eur_by_year: {'²⁰²⁷': 1}, capex_eur: 300000,"),
               "budget.capex_eur_by_year", "must be a year"),
    _yaml_case("year-key-arabic-digits", _replace("budget: {capex_eur: 300000,",
                                                  "budget: {capex_eur_by_year: {'٢٠٢٧': 1}, capex_eur: 300000,"),
               "must be a year"),
    _yaml_case("year-key-date", _replace("budget: {capex_eur: 300000,",
                                         "budget: {capex_eur_by_year: {2027-01-01: 1}, capex_eur: 300000,"),
               "must be a year"),
    _yaml_case("year-key-float", _replace("budget: {capex_eur: 300000,",
                                          "budget: {capex_eur_by_year: {2027.5: 1}, capex_eur: 300000,"),
               "must be a year"),
    _yaml_case("date-key-activity", _replace("stemi: 220}", "stemi: 220, 2024-01-01: 5}"), "unknown key"),
    _yaml_case("date-key-indications", _append("indications: {2024-01-01: {share: 0.1}}\n"), "indications"),
    _yaml_case("date-key-devices", _append("devices: {2024-01-01: {capex_eur: 1}}\n"), "devices"),
    _yaml_case("date-key-name", _replace("name: Centre hospitalier 2027", "name: {2024-01-01: x}"), "name"),
    _yaml_case("complex-key", _append("? [a, b]\n: 1\n"), "invalid YAML", "unhashable"),
    # duplicate keys: both lines named
    _yaml_case("duplicate-budget", _append("budget: {capex_eur: 1}\n"), "duplicate key", _line_of("budget:"), "budget"),
    _yaml_case("duplicate-name", _append("name: other\n"), "duplicate key", _line_of("name:")),
    _yaml_case("duplicate-activity", _replace("stemi: 220}", "stemi: 220, cag: 5}"), "duplicate key",
               "sites[0].activity.cag"),
    _yaml_case("duplicate-site-key", _replace("    rooms: 2\n", "    rooms: 2\n    rooms: 3\n"), "duplicate key",
               "sites[0].rooms"),
    _yaml_case("duplicate-three", _append("budget: {}\nsolver: {}\nobjective: min_cost\n"), "duplicate key",
               "solver", "objective"),
    # solver threads and other bounded settings
    _yaml_case("threads-100000", _replace("mip_gap: 0.0}", "mip_gap: 0.0, threads: 100000}"), "solver.threads"),
    _yaml_case("threads-0", _replace("mip_gap: 0.0}", "mip_gap: 0.0, threads: 0}"), "solver.threads"),
    _yaml_case("threads-65", _replace("mip_gap: 0.0}", "mip_gap: 0.0, threads: 65}"), "solver.threads"),
    _yaml_case("threads-fraction", _replace("mip_gap: 0.0}", "mip_gap: 0.0, threads: 2.5}"), "solver.threads"),
    _yaml_case("time-limit-week", _replace("time_limit_s: 60", "time_limit_s: 604800"), "solver.time_limit_s"),
    # wrong kinds of file
    _yaml_case("empty-file", lambda: "", "must be a mapping"),
    _yaml_case("top-level-list", lambda: "- a\n- b\n", "must be a mapping"),
    _yaml_case("python-tag", lambda: "name: !!python/object/apply:os.system [echo hacked]\n", "invalid YAML"),
    _yaml_case("binary-garbage", lambda: bytes(range(256)) * 4, "UTF-8"),
    _yaml_case("nul-character", lambda: "name: a\x00b\n", "invalid YAML"),
    _yaml_case("tab-indent", lambda: "name: x\nsites:\n\t- id: a\n", "invalid YAML"),
    _yaml_case("unclosed-flow", lambda: "name: x\nsites: [{id: a\n", "invalid YAML"),
    _yaml_case("name-empty-and-bad-site", lambda: BASE_TEXT.replace("name: Centre hospitalier 2027", "name: ''")
               .replace("rooms: 2", "rooms: -1"), "name", "sites[0].rooms"),
)
NUMBER_CASES = tuple(_number_case(path, where, label, value) for path, where in NUMERIC_FIELDS
                     for label, value in HOSTILE_NUMBERS)


# ---------------------------------------------------------------- catalogue folders


def _catalog_copy(tmp: Path, edit: Callable[[dict[str, list[dict[str, str]]]], None], table: str = "devices") -> Path:
    folder = tmp / "cat"
    shutil.copytree(BUNDLED_CATALOG, folder)
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        rows, header = list(reader), list(reader.fieldnames or [])
    edit({"rows": rows})  # type: ignore[dict-item]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return folder


def _requires(*pairs: tuple[str, str]) -> Callable[[dict[str, list[dict[str, str]]]], None]:
    def edit(t: dict[str, list[dict[str, str]]]) -> None:
        by_id = {r["id"]: r for r in t["rows"]}
        for dev, req in pairs:
            by_id[dev]["requires"] = req
    return edit


def _cell(row_id: str, column: str, value: str) -> Callable[[dict[str, list[dict[str, str]]]], None]:
    def edit(t: dict[str, list[dict[str, str]]]) -> None:
        next(r for r in t["rows"] if r["id"] == row_id)[column] = value
    return edit


DEVICE_IDS = sorted(CATALOG.devices)
A, B, C = DEVICE_IDS[0], DEVICE_IDS[1], DEVICE_IDS[2]
FAMILIES = sorted(CATALOG.family_table)
EVIDENCE = sorted(CATALOG.evidence)[0]


def _catalog_case(name: str, edit: Callable[[dict[str, list[dict[str, str]]]], None], *tokens: str,
                  table: str = "devices") -> Case:
    def make(tmp: Path) -> list[list[str]]:
        folder = _catalog_copy(tmp, edit, table)
        scenario = tmp / "with_catalog.yaml"
        scenario.write_text(BASE_TEXT + "catalog: cat\n", encoding="utf-8")
        return [["catalog", "--catalog", str(folder)], ["validate", str(scenario)],
                ["solve", str(scenario), "--json", str(tmp / "out.json")]]
    return Case(f"catalog-{name}", make, 2, tokens)


CATALOG_CASES: tuple[Case, ...] = (
    _catalog_case("field-200k-characters", _cell(A, "notes", "x" * 200_000), "longer than 131,072", "line"),
    _catalog_case("field-140k-characters-source", _cell(B, "source", "y" * 140_000), "longer than"),
    _catalog_case("requires-cycle-2", _requires((A, B), (B, A)), "circular requirement", f"{A} -> {B} -> {A}"),
    _catalog_case("requires-cycle-3", _requires((A, B), (B, C), (C, A)), "circular requirement",
                  f"{A} -> {B} -> {C} -> {A}"),
    _catalog_case("requires-cycle-via-alternative", _requires((A, f"{B};{C}"), (C, A)), "circular requirement"),
    _catalog_case("requires-self", _requires((A, A)), "cannot require itself"),
    _catalog_case("family-cycle", lambda t: (_cell(FAMILIES[0], "requires_family", FAMILIES[1])(t),
                                             _cell(FAMILIES[1], "requires_family", FAMILIES[0])(t)),
                  "circular fallback", table="families"),
    _catalog_case("capex-1e308", _cell(A, "capex_eur", "1e308"), "capex_eur", "must be <="),
    _catalog_case("capex-401-digits", _cell(A, "capex_eur", "9" * 401), "capex_eur"),
    _catalog_case("capacity-1e308", _cell(A, "capacity_cases_per_year", "1e308"), "capacity_cases_per_year"),
    _catalog_case("lifetime-1e308", _cell(A, "lifetime_years", "1e308"), "lifetime_years"),
    _catalog_case("lease-1e308", _cell(A, "lease_eur_per_year", "1e308"), "lease_eur_per_year"),
    _catalog_case("consumable-inf", _cell(A, "consumable_eur_per_case", "inf"), "consumable_eur_per_case"),
    _catalog_case("maintenance-nan", _cell(A, "maintenance_eur_per_year", "nan"), "maintenance_eur_per_year"),
    _catalog_case("family-min-volume-1e308", _cell(FAMILIES[0], "min_cases_per_year", "1e308"),
                  "min_cases_per_year", table="families"),
    _catalog_case("evidence-n-1e308", _cell(EVIDENCE, "n", "1e308"), "n=", table="evidence"),
    _catalog_case("evidence-effect-1e308", _cell(EVIDENCE, "effect", "1e308"), "effect", table="evidence"),
    _catalog_case("date-2024-02-30", _cell(A, "price_date", "2024-02-30"), "price_date"),
)


# ---------------------------------------------------------------- importers


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _import_case(name: str, command: str, filename: str, data: Callable[[], bytes], *tokens: str) -> Case:
    def make(tmp: Path) -> list[list[str]]:
        path = tmp / filename
        path.write_bytes(data())
        if command == "import-catalog":
            return [[command, str(path), "--out", str(tmp / "new_catalog")]]
        return [[command, str(path), "--scenario", str(EXAMPLE), "--out", str(tmp / "out.yaml")]]
    return Case(f"{command}-{name}", make, 2, tokens)


def _csv(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def _device_rows(*rows: dict[str, str]) -> Callable[[], bytes]:
    """A devices table (catalogue layout) of new devices, each a copy of the first catalogue device."""
    def data() -> bytes:
        with (BUNDLED_CATALOG / "devices.csv").open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            template, header = next(reader), list(reader.fieldnames or [])
        out = io.StringIO()
        writer = csv.DictWriter(out, header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**template, "requires": "", **row})
        return out.getvalue().encode("utf-8")
    return data


IMPORT_CASES: tuple[Case, ...] = (
    *(_import_case(f"price-{label}", "import-prices", "prix.csv", _csv(f"id,capex_eur\n{DEVICE},{text}\n"),
                   "capex_eur")
      for label, text in (("1e308", "1e308"), ("401-digits", "9" * 401), ("negative", "-5"), ("inf", "inf"),
                          ("nan", "nan"), ("1e999", "1e999"), ("text", "cheap"))),
    _import_case("price-xlsx-1e308", "import-prices",
                 "prix.xlsx", lambda: _xlsx([["id", "capex_eur"], [DEVICE, 1e308]]),
                 "capex_eur", "row 2"),
    _import_case("price-xlsx-consumable-huge", "import-prices", "prix.xlsx",
                 lambda: _xlsx([["id", "consumable_eur_per_case"], [DEVICE, 10 ** 30]]), "consumable_eur_per_case"),
    _import_case("price-lifetime-1e308", "import-prices", "prix.csv",
                 _csv(f"id,lifetime_years\n{DEVICE},1e308\n"), "lifetime_years"),
    _import_case("price-field-200k", "import-prices", "prix.csv", _csv(f"id,capex_eur\n{DEVICE},{'1' * 200_000}\n"),
                 "line 2"),
    *(_import_case(f"installed-{label}", "import-installed", "parc.csv",
                   _csv(f"site_id,device_id,units\nmain,{DEVICE},{text}\n"), "units")
      for label, text in (("1e308", "1e308"), ("1001", "1001"), ("400-digits", "9" * 400), ("inf", "inf"))),
    _import_case("installed-xlsx-1e308", "import-installed", "parc.xlsx",
                 lambda: _xlsx([["site_id", "device_id", "units"], ["main", DEVICE, 1e308]]), "units", "row 2"),
    _import_case("installed-year-huge", "import-installed", "parc.csv",
                 _csv(f"site_id,device_id,units,acquisition_year\nmain,{DEVICE},1,1e308\n"), "acquisition_year"),
    _import_case("catalog-requires-cycle-2", "import-catalog", "ext.csv",
                 _device_rows({"id": "new_a", "requires": "new_b"}, {"id": "new_b", "requires": "new_a"}),
                 "circular requirement", "new_a -> new_b -> new_a"),
    _import_case("catalog-requires-cycle-3", "import-catalog", "ext.csv",
                 _device_rows({"id": "new_a", "requires": "new_b"}, {"id": "new_b", "requires": "new_c"},
                              {"id": "new_c", "requires": "new_a"}), "circular requirement", "row"),
    _import_case("catalog-requires-self", "import-catalog", "ext.csv",
                 _device_rows({"id": "new_a", "requires": "new_a"}), "cannot require itself"),
    _import_case("catalog-capex-1e308", "import-catalog",
                 "ext.csv", _device_rows({"id": "new_a", "capex_eur": "1e308"}),
                 "capex_eur", "row 2"),
    _import_case("catalog-capacity-1e308", "import-catalog", "ext.csv",
                 _device_rows({"id": "new_a", "capacity_cases_per_year": "1e308"}), "capacity_cases_per_year"),
    _import_case("catalog-field-200k", "import-catalog",
                 "ext.csv", _device_rows({"id": "new_a", "notes": "z" * 200_000}),
                 "line"),
)

CORPUS: tuple[Case, ...] = (*STRUCTURE_CASES, *NUMBER_CASES, *CATALOG_CASES, *IMPORT_CASES)


def _outputs(tmp: Path) -> set[str]:
    return {p.name for p in tmp.iterdir()}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.slow) if c.name == "sites-4000" else c
                                  for c in CORPUS], ids=[c.name for c in CORPUS])
def test_hostile_input_is_handled_clearly(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit code, a located message, no exception, nothing written."""
    runs = case.make(tmp_path)
    before = _outputs(tmp_path)
    for argv in runs:
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == case.code, f"{argv[0]}: exit {code}\n{out}\n{err}"
        for token in case.tokens:
            assert token in err, f"{argv[0]}: {token!r} not in\n{err}"
        assert "Traceback" not in err
        assert len(err) < 20_000, "a short message, not a dump"
    assert _outputs(tmp_path) == before, "nothing is written when the input is refused"


def test_the_corpus_is_large() -> None:
    assert len(CORPUS) >= 150
    assert len({c.name for c in CORPUS}) == len(CORPUS)


# ---------------------------------------------------------------- in a subprocess: nothing hangs


@pytest.mark.parametrize(("name", "text"), [
    ("alias-bomb", _alias_bomb(9, 9)),
    ("nesting-5000", "name: x\nsites: " + "[" * 5000 + "]" * 5000 + "\n"),
    pytest.param("sites-20000", _sites_text(20_000), marks=pytest.mark.slow),
])
def test_former_hangs_are_refused_quickly_in_a_process(name: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "planner", "validate", str(path)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "refused" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------- library level


def test_alias_bomb_is_refused_with_its_line() -> None:
    with pytest.raises(PlannerInputError) as err:
        scenario_from_yaml(_alias_bomb(9, 9), "bomb.yaml")
    (issue,) = err.value.issues
    assert issue.location.startswith("line ")
    assert "aliases" in issue.message


def test_shared_values_within_the_budget_still_load() -> None:
    text = ("site: &s {rooms: 2, angio_vendor: ge, activity: {cag: 100, pci: 50, stemi: 10}}\n").replace("site", "x")
    text = ("name: anchors\nsites:\n  - &s {id: a, rooms: 2, angio_vendor: ge, activity: {cag: 100, pci: 50, "
            "stemi: 10}}\n  - {id: b, rooms: 1, angio_vendor: ge, activity: {cag: 10, pci: 5, stemi: 1}}\n"
            "indications: {}\n")
    scenario = scenario_from_yaml(text, "anchors.yaml")
    assert [s.id for s in scenario.sites] == ["a", "b"]
    merged = ("name: merge\ndefaults: &d {rooms: 2, angio_vendor: ge}\n").replace("defaults: &d", "x: &d")
    assert merged  # a merge key needs an allowed top key; the anchors above cover the common use


def test_duplicate_keys_name_both_lines() -> None:
    with pytest.raises(PlannerInputError) as err:
        scenario_from_yaml(BASE_TEXT + "budget: {capex_eur: 1}\n", "dup.yaml")
    text = "\n".join(str(i) for i in err.value.issues)
    assert f"already given on {_line_of('budget:')}" in text
    assert f"line {BASE_TEXT.count(chr(10)) + 1} (budget)" in text


def test_a_scenario_without_name_takes_the_file_stem_and_reports_every_other_problem(tmp_path: Path) -> None:
    path = tmp_path / "chu_nord.yaml"
    path.write_text(BASE_TEXT.replace("name: Centre hospitalier 2027\n", ""), encoding="utf-8")
    assert load_scenario(path).name == "chu_nord"
    path.write_text(BASE_TEXT.replace("name: Centre hospitalier 2027\n", "").replace("rooms: 2", "rooms: 0")
                    .replace("cag: 1800", "cag: -1"), encoding="utf-8")
    with pytest.raises(PlannerInputError) as err:
        load_scenario(path)
    where = {i.location for i in err.value.issues}
    assert any("sites[0].rooms" in w for w in where)
    assert any("sites[0].activity.cag" in w for w in where)
    assert not any("name" in w for w in where)


def test_validate_lists_unknown_ids_of_a_scenario_without_name(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sans_nom.yaml"
    path.write_text(BASE_TEXT.replace("name: Centre hospitalier 2027\n", "") + "must_include: [no_such_device]\n"
                    + "exclude: [other_unknown]\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no_such_device" in err
    assert "other_unknown" in err


def test_a_blank_yearly_envelope_is_no_ceiling() -> None:
    text = BASE_TEXT.replace("budget: {capex_eur: 300000, opex_eur_per_year: 300000}",
                             "budget: {capex_eur_by_year: {2027: 100000, 2028: }, carry_over: true}")
    scenario = scenario_from_yaml(text.replace("start_year: 2027", "start_year: 2027\nhorizon_years: 2"), "b.yaml")
    assert dict(scenario.budget.capex_eur_by_year) == {2027: 100000.0}


def test_any_exception_in_the_solver_call_is_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import pulp

    def boom(self: Any, solver: Any = None, **kw: Any) -> None:  # noqa: ARG001
        raise OverflowError("cannot convert float infinity to integer")

    from planner.highs_session import HighsSession

    monkeypatch.setattr(pulp.LpProblem, "solve", boom)  # CBC, and PuLP's HiGHS in the decision tools
    monkeypatch.setattr(HighsSession, "run", boom)  # the main solve: one HiGHS model for both phases
    out = tmp_path / "plan.json"
    assert main(["solve", str(EXAMPLE), "--json", str(out)]) == 3
    err = capsys.readouterr().err
    assert "Solver failure" in err
    assert "OverflowError" in err
    assert "Traceback" not in err
    assert not out.exists()
    with pytest.raises(PlannerSolverError, match="solver failed"):
        make_plan(CATALOG, load_scenario(EXAMPLE))


def test_the_time_limit_bounds_the_whole_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import time
    import types

    import planner.api as api

    real = api.build_model
    spent = [0.0]

    def slow(inputs: Any) -> Any:  # building takes 0.3 s on the run's clock (a fake clock: no real wait)
        spent[0] += 0.3
        return real(inputs)

    monkeypatch.setattr(api, "build_model", slow)
    monkeypatch.setattr(api, "time", types.SimpleNamespace(perf_counter=lambda: time.perf_counter() + spent[0]))
    scenario = scenario_from_yaml(BASE_TEXT.replace("time_limit_s: 60", "time_limit_s: 0.2"), "slow.yaml")
    plan = make_plan(CATALOG, scenario)
    assert plan.status == "time_limit_no_solution"
    assert not plan.has_solution


def test_cli_time_limit_is_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["solve", str(EXAMPLE), "--time-limit", "1e308"]) == 2
    assert "--time-limit" in capsys.readouterr().err


def test_bounds_are_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert bounds_markdown() in readme
    assert BOUNDS["threads"].high == 64


def test_warnings_print_once() -> None:
    from planner.report.text import summary

    scenario = scenario_from_yaml(BASE_TEXT.replace("    installed: {abbott_pressurewire_coroflow: 1}\n",
                                                    "    installed: {abbott_pressurewire_coroflow: 1}\n")
                                  + "indications: {" + INDICATION + ": {weight: 2}}\n", "w.yaml")
    plan = make_plan(CATALOG, scenario)
    text = summary(plan, CATALOG)
    assert "\nwarning: " in text
    assert "warning: warning:" not in text
