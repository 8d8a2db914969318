"""The Security sheet of the plan workbook (issue 7): device profiles, exclusions, segmentation as live
formulas, tender clauses with their regulatory basis in French and English, the Summary's caveat."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner import Catalog, Plan, Scenario, load_catalog, load_scenario, make_plan
from planner.i18n import t
from planner.ingest.imports import import_installed, import_price_list, scenario_from_workbook
from planner.report.excel import PROC, plan_to_xlsx_bytes, write_plan_xlsx
from planner.report.security_text import CLAUSES, value_label
from planner.report.xlsx_security import may_be_connected, unknown_fields
from planner.security import MAX_RISK_SCORE, SOON_YEARS
from tests.builders import make_catalog, make_scenario
from tests.unit.test_excel import TODAY, evaluate, row_of

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("fr", "en")
Secured = tuple[Catalog, Scenario, Plan]


@pytest.fixture(scope="module")
def secured() -> Secured:
    """The cheapest device of k1 runs Windows 7 (excluded); a documented console whose OS support ends soon,
    a device nobody documented (unknown connection: not charged with segmentation) and a stand-alone device are
    bought."""
    catalog = make_catalog([
        {"id": "old_cheap", "name": "Old console", "vendor": "V1", "capex_eur": 5000, "network_connected": "dicom",
         "os_family": "Windows 7", "os_end_of_support": "2020-01-14", "mds2_available": "yes"},
        {"id": "modern", "name": "Modern console", "vendor": "V2", "capex_eur": 20000,
         "network_connected": "network", "os_family": "Windows 10 Enterprise LTSC 2021",
         "os_end_of_support": "2027-01-12", "mds2_available": "yes", "sbom_available": "yes",
         "patch_policy": "quarterly", "remote_access": "vendor_vpn", "encryption_at_rest": "yes",
         "security_source": "vendor MDS2 (2026)"},
        {"id": "standalone", "name": "Standalone pump", "vendor": "V3", "capex_eur": 8000,
         "network_connected": "none", "remote_access": "none", "patch_policy": "vendor_validated_monthly",
         "encryption_at_rest": "yes"},
        {"id": "mystery", "name": "Mystery device", "vendor": "V4", "capex_eur": 9000},
    ], [{"id": "k1"}, {"id": "k2"}, {"id": "k3"}],
        [("old_cheap", "k1", 1.0), ("modern", "k1", 1.0), ("standalone", "k2", 1.0), ("mystery", "k3", 1.0)])
    scenario = make_scenario(security={"exclude_unsupported_os": True, "reference_date": "2026-11-23",
                                       "segmentation_cost_eur_per_connected_device": 3000})
    return catalog, scenario, make_plan(catalog, scenario)


@pytest.fixture(scope="module", params=LANGS)
def book(request: pytest.FixtureRequest, secured: Secured, tmp_path_factory: pytest.TempPathFactory) -> Any:
    catalog, scenario, plan = secured
    path = tmp_path_factory.mktemp(request.param) / "plan.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, request.param, today=TODAY)
    return request.param, path, openpyxl.load_workbook(path)[t("sheet_security", request.param)]


def block(ws: Any, title_key: str, lang: str) -> list[int]:
    """Data rows of the table under a section title (up to the first empty row)."""
    row = row_of(ws, t(title_key, lang)) + 2
    rows = []
    while ws.cell(row=row, column=1).value not in (None, ""):
        rows.append(row)
        row += 1
    return rows


def sheet_texts(ws: Any) -> set[str]:
    return {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def test_the_plan_buys_connected_devices_and_excludes_the_unsupported_os(secured: Secured) -> None:
    plan = secured[2]
    assert plan.has_solution and plan.costs is not None
    assert {a.device_id for a in plan.acquisitions if a.units_new} == {"modern", "mystery", "standalone"}
    assert [e.device_id for e in plan.security_exclusions] == ["old_cheap"]
    assert plan.costs.segmentation_eur == pytest.approx(3000)  # modern only: mystery's connection is unknown


def test_profile_lists_every_device_of_the_plan(book: Any, secured: Secured) -> None:
    lang, path, ws = book
    plan = secured[2]
    rows = {ws[f"C{r}"].value: r for r in block(ws, "sec_profiles", lang)}
    assert set(rows) == {s.device_id for s in plan.security}
    assert {a.device_id for a in plan.acquisitions if a.units_new} <= set(rows)
    head = row_of(ws, t("sec_profiles", lang)) + 1
    header = [c.value for c in ws[head]]
    col = {key: header.index(t(key, lang, max=MAX_RISK_SCORE) if key == "sec_score" else t(key, lang)) + 1
           for key in ("sec_units_new", "sec_network", "sec_os_flag", "sec_mds2", "sec_unknowns", "sec_score")}
    cell = evaluate(path)
    for sec in plan.security:
        r = rows[sec.device_id]
        assert ws.cell(row=r, column=col["sec_score"]).value == sec.risk_score
        assert ws.cell(row=r, column=col["sec_unknowns"]).value == len(unknown_fields(sec))
        bought = sum(a.units_new for a in plan.acquisitions if a.device_id == sec.device_id)
        assert cell(ws.title, f"{openpyxl.utils.get_column_letter(col['sec_units_new'])}{r}") == bought
    unknown = value_label("", "unknown", lang)
    assert ws.cell(row=rows["mystery"], column=col["sec_network"]).value == unknown
    assert ws.cell(row=rows["mystery"], column=col["sec_mds2"]).font.i  # unknown stands out
    flag = ws.cell(row=rows["modern"], column=col["sec_os_flag"])
    assert flag.value == value_label("os_status", "soon", lang, years=SOON_YEARS)
    assert flag.fill.fill_type == "solid"
    assert ws.cell(row=rows["modern"], column=col["sec_mds2"]).value == t("yes", lang)


def test_excluded_device_is_listed_with_its_reason(book: Any, secured: Secured) -> None:
    lang, _, ws = book
    (row,) = block(ws, "sec_excluded", lang)
    assert ws[f"C{row}"].value == "old_cheap"
    reason = ws[f"D{row}"].value
    assert secured[2].security_exclusions[0].reason.arg("items").items[0].code == "why.sec_os"
    assert "2020-01-14" in reason and "Windows 7" in reason
    assert ("hors support depuis" if lang == "fr" else "out of vendor support") in reason


def test_segmentation_total_is_a_live_formula_equal_to_the_plan(book: Any, secured: Secured) -> None:
    lang, path, ws = book
    plan = secured[2]
    assert plan.costs is not None
    total = row_of(ws, t("total", lang))
    assert ws[f"G{total}"].data_type == "f" and ws[f"G{total}"].value.startswith("=SUM(")
    assert evaluate(path)(ws.title, f"G{total}") == pytest.approx(plan.costs.segmentation_eur)
    lines = block(ws, "sec_segmentation", lang)[:-1]  # the last row is the total
    assert sorted(ws[f"C{r}"].value for r in lines) == ["modern"]  # mystery's connection is unknown


def test_editing_a_quantity_moves_the_segmentation_total(tmp_path: Path, secured: Secured) -> None:
    catalog, scenario, plan = secured
    assert plan.costs is not None
    wb = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, catalog, scenario, "en", TODAY)))
    proc = wb["Procurement list"]
    row = next(r for r in range(2, proc.max_row) if proc[f"{PROC['device_id']}{r}"].value == "modern")
    proc[f"{PROC['qty']}{row}"] = 3
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    ws = wb["Security"]
    assert evaluate(path)("Security", f"G{row_of(ws, 'Total')}") == pytest.approx(plan.costs.segmentation_eur
                                                                                  + 2 * 3000)


def test_checklist_has_every_clause_for_each_connected_device_to_buy(book: Any, secured: Secured) -> None:
    lang, _, ws = book
    plan = secured[2]
    rows = block(ws, "sec_checklist", lang)
    wanted = {s.device_id for s in plan.security if may_be_connected(s)} & {
        a.device_id for a in plan.acquisitions if a.units_new}
    assert wanted == {"modern", "mystery"}
    assert len(rows) == len(CLAUSES) * len(wanted)
    found = {(ws[f"C{r}"].value, ws[f"D{r}"].value[:2]): ws[f"J{r}"].value for r in rows}
    assert set(found) == {(d, c.id) for d in wanted for c in CLAUSES}
    assert found[("modern", "C1")] == t("sec_to_verify", lang)  # MDS2 disclosed
    assert found[("modern", "C3")] == t("sec_to_negotiate", lang)  # quarterly patches
    assert found[("modern", "C5")] == t("sec_to_negotiate", lang)  # OS support ends within 3 years
    assert found[("modern", "C7")] == t("sec_to_obtain", lang)  # logging is not in the catalogue
    assert {found[("mystery", c.id)] for c in CLAUSES} == {t("sec_to_obtain", lang)}


def test_clauses_and_their_basis_in_both_languages(book: Any) -> None:
    lang, _, ws = book
    texts = sheet_texts(ws)
    for clause in CLAUSES:
        assert clause.get("text", lang) in texts and clause.get("basis", lang) in texts
        assert any(v.startswith(f"{clause.id} · {clause.get('title', lang)}") for v in texts)
    bases = " ".join(clause.get("basis", lang) for clause in CLAUSES)
    for ref in ("§17.2", "§17.4", "MDCG 2019-16", "IEC 80001-1", "ANSM 2022", "ANSSI", "CaRE"):
        assert ref in bases, ref
    other = "en" if lang == "fr" else "fr"
    assert not any(clause.get("text", other) in texts for clause in CLAUSES)


def test_english_clauses_are_the_wording_of_docs_security_md() -> None:
    """One source of truth: the clauses of the workbook are those of docs/security.md §5."""
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8").replace("\n", " ")
    for clause in CLAUSES:
        match = re.search(rf"\| {clause.id} \| \*\*(.+?)\.\*\* (.+?) \| (.+?) \|", doc)
        assert match, clause.id
        assert (match[1], match[2], match[3]) == tuple(clause.get(part, "en") for part in ("title", "text", "basis"))


def test_summary_states_the_security_caveat(book: Any, secured: Secured) -> None:
    lang, path, _ = book
    ws = openpyxl.load_workbook(path)[t("sheet_summary", lang)]
    expected = t("caveat_security", lang, connected=1, unknown_net=1, total=3, flagged=1, years=SOON_YEARS,
                 names=" (Modern console)", unknown=2, advisories=0, sheet=t("sheet_security", lang))
    assert expected in {c.value for c in ws["A"]}


def test_bundled_example_lists_every_chosen_device(tmp_path: Path) -> None:
    """Most bundled devices have network_connected unknown: they may be connected, so the checklist lists them."""
    scenario = load_scenario(ROOT / "examples" / "general_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    plan = make_plan(catalog, scenario)
    wb = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, catalog, scenario, "fr", TODAY)))
    ws = wb["Sécurité"]
    chosen = {a.device_id for a in plan.acquisitions if a.units_new or a.in_use}
    assert chosen and chosen <= {ws[f"C{r}"].value for r in block(ws, "sec_profiles", "fr")}
    connected = {s.device_id for s in plan.security if may_be_connected(s)} & {
        a.device_id for a in plan.acquisitions if a.units_new}
    checklist = {ws[f"C{r}"].value for r in block(ws, "sec_checklist", "fr")}
    assert connected and checklist == connected


def test_workbook_with_security_rules_round_trips(secured: Secured) -> None:
    catalog, scenario, plan = secured
    data = plan_to_xlsx_bytes(plan, catalog, scenario, "fr", TODAY)
    assert scenario_from_workbook(data, "plan.xlsx") == scenario
    assert import_price_list(data, "plan.xlsx", catalog) == {}  # the price sheet of the plan workbook is empty
    assert import_installed(data, "plan.xlsx", catalog, scenario) == scenario


PAYLOADS = ("=1+1", "+SUM(1,1)", "-2+3", "@SUM(1,1)")


def test_security_text_never_becomes_a_formula() -> None:
    catalog = make_catalog([
        {"id": "bad_os", "name": "Evil OS", "capex_eur": 100, "network_connected": "dicom",
         "os_family": PAYLOADS[0], "os_end_of_support": "2020-01-01"},
        {"id": "good", "name": PAYLOADS[3], "vendor": PAYLOADS[2], "capex_eur": 1000, "os_family": PAYLOADS[1],
         "security_source": PAYLOADS[2]},
    ], [{"id": "k1"}], [("bad_os", "k1", 1.0), ("good", "k1", 1.0)])
    scenario = make_scenario(security={"exclude_unsupported_os": True, "reference_date": "2026-11-23"})
    plan = make_plan(catalog, scenario)
    assert [e.device_id for e in plan.security_exclusions] == ["bad_os"]
    ws = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, catalog, scenario, "en", TODAY)))["Security"]
    seen = set()
    for row in ws.iter_rows():
        for c in row:
            if c.value in PAYLOADS:
                assert c.data_type == "s" and c.quotePrefix, c.coordinate
                seen.add(c.value)
            elif c.data_type == "f":
                assert not any(p in c.value for p in PAYLOADS[1:]), c.value
    assert seen == set(PAYLOADS[1:])
    assert any(PAYLOADS[0] in v and "out of vendor support" in v for v in sheet_texts(ws))


def test_plan_without_solution_still_has_a_security_sheet(tmp_path: Path, secured: Secured) -> None:
    catalog, scenario, plan = secured
    failed = dataclasses.replace(plan, status="infeasible", benefit=None, costs=None, acquisitions=(),
                                 allocation=(), coverage=(), budgets=(), rooms=(), security=())
    path = tmp_path / "failed.xlsx"
    write_plan_xlsx(path, failed, catalog, scenario, "en", TODAY)
    ws = openpyxl.load_workbook(path)["Security"]
    texts = sheet_texts(ws)
    assert {t("sec_no_checklist", "en"), t("sec_no_segmentation", "en")} <= texts
    assert evaluate(path)("Security", f"G{row_of(ws, t('sec_no_segmentation', 'en'))}") == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.slow
def test_libreoffice_computes_the_security_formulas(tmp_path: Path, secured: Secured) -> None:
    catalog, scenario, plan = secured
    assert plan.costs is not None
    source = tmp_path / "plan.xlsx"
    write_plan_xlsx(source, plan, catalog, scenario, "fr", TODAY)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180)
    ws = openpyxl.load_workbook(tmp_path / "out" / "plan.xlsx", data_only=True)["Sécurité"]
    assert ws[f"G{row_of(ws, 'Total')}"].value == pytest.approx(plan.costs.segmentation_eur)
    units = {ws[f"C{r}"].value: ws[f"D{r}"].value for r in block(ws, "sec_profiles", "fr")}
    assert units == {"modern": 1, "mystery": 1, "standalone": 1}
