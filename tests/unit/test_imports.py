"""Spreadsheet imports: price lists, installed equipment, catalogue extensions, and the export round trips.

Test files are generated here (openpyxl workbooks, CSV text), each as small as the case needs.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner import Catalog, PlannerInputError, Scenario, load_catalog, load_scenario, make_plan
from planner.ingest.catalog import import_catalog_extension
from planner.ingest.imports import (
    import_installed,
    import_installed_details,
    import_price_list,
    scenario_from_workbook,
    with_price_overrides,
)
from planner.ingest.read import MAX_FILE_BYTES, read_table_file
from planner.report.excel import (
    catalog_to_xlsx_bytes,
    installed_to_xlsx_bytes,
    plan_to_xlsx_bytes,
    price_overrides_to_xlsx_bytes,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def chu() -> Scenario:
    return load_scenario(ROOT / "examples" / "university_hospital.yaml")


class Formula(str):
    """A cell the test workbook stores as a formula (other strings are stored as text)."""


def xlsx(sheets: dict[str, Sequence[Sequence[Any]]]) -> bytes:
    """A workbook with these sheets (rows of values; ``None`` leaves a cell empty)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = ws.cell(row=r, column=c, value=value)
                    if isinstance(value, str) and not isinstance(value, Formula):
                        cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def problems(exc: pytest.ExceptionInfo[PlannerInputError]) -> list[tuple[str, str, str, str]]:
    """(location, field, value, message) of every issue."""
    return [(i.location, i.field, i.value, i.message) for i in exc.value.issues]


# ---------------------------------------------------------------- price lists


def test_price_list_by_id_or_vendor_and_name(catalog: Catalog) -> None:
    data = xlsx({"Prix 2027": [
        ["Device_ID", "vendor", "name", "capex_eur", "consumable_eur_per_case", "comment"],
        ["shockwave_c2_ivl", None, None, 0, 2300.5, "placed console"],
        [None, "Abbott", "i-STAT 1 handheld with Kaolin ACT cartridge", "6 000 €", None, None],
        ["acist_hdi_kodama", None, None, None, None, "no price yet: no override"],
    ]})
    prices = import_price_list(data, "prix.xlsx", catalog)
    assert prices == {"shockwave_c2_ivl": {"capex_eur": 0.0, "consumable_eur_per_case": 2300.5},
                      "abbott_istat_act": {"capex_eur": 6000.0}}


def test_price_list_csv_comma_and_french_semicolon(catalog: Catalog) -> None:
    comma = b"id,capex_eur,maintenance_eur_per_year\nshockwave_c2_ivl,1200.5,90\n"
    assert import_price_list(comma, "p.csv", catalog) == {
        "shockwave_c2_ivl": {"capex_eur": 1200.5, "maintenance_eur_per_year": 90.0}}
    french = "id;capex_eur;notes\r\nshockwave_c2_ivl;1 200,50 €;négocié\r\n".encode("cp1252")
    assert import_price_list(french, "p.csv", catalog) == {"shockwave_c2_ivl": {"capex_eur": 1200.5}}


def test_price_list_reports_every_problem_with_its_place(catalog: Catalog) -> None:
    data = xlsx({"prices": [
        [],
        ["id", "capex_eur", "maintenance_eur_per_year", "colour"],
        ["no_such_device", 1000, 10, None],
        ["shockwave_c2_ivl", "cheap", -5, None],
        [],
        ["shockwave_c2_ivl", 1000, 10, None],
        ["abbott_istat_act", "1,500", 10, None],
    ]})
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(data, "prices.xlsx", catalog)
    found = problems(exc)
    assert ("sheet 'prices', row 2, column D", "colour", "colour", found[0][3]) == found[0]
    assert "unknown column" in found[0][3]
    rows = [[], ["id", "capex_eur", "maintenance_eur_per_year"], ["no_such_device", 1000, 10],
            ["shockwave_c2_ivl", "cheap", -5], [], ["shockwave_c2_ivl", 1000, 10], ["abbott_istat_act", "1,500", 10]]
    with pytest.raises(PlannerInputError) as exc:  # without the unknown column: every row problem at once
        import_price_list(xlsx({"prices": rows}), "prices.xlsx", catalog)
    found = problems(exc)
    assert found[0] == ("sheet 'prices', row 3, column A", "id", "no_such_device",
                        "unknown device id (not in the catalogue)")
    assert found[1] == ("sheet 'prices', row 4, column B", "capex_eur", "cheap", "is not a number")
    assert found[2] == ("sheet 'prices', row 4, column C", "maintenance_eur_per_year", "-5", "must be >= 0")
    assert found[3][0] == "sheet 'prices', row 6" and "already on row 4" in found[3][3]
    assert found[4][:3] == ("sheet 'prices', row 7, column B", "capex_eur", "1,500")
    assert "ambiguous" in found[4][3] and "1500" in found[4][3] and "1.500" in found[4][3]
    assert len(found) == 5


def test_price_list_missing_columns(catalog: Catalog) -> None:
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(b"vendor,capex_eur\nAbbott,10\n", "p.csv", catalog)
    assert problems(exc) == [("row 1", "id", "", "required column is missing (or the vendor and name columns)")]
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(b"id,notes\nabbott_istat_act,x\n", "p.csv", catalog)
    assert "no price column" in problems(exc)[0][3]


def test_nothing_is_applied_when_the_file_has_errors(catalog: Catalog, chu: Scenario) -> None:
    good = import_price_list(b"id,capex_eur\nabbott_istat_act,5000\n", "p.csv", catalog)
    merged = with_price_overrides(chu, good)
    assert merged.devices == {"shockwave_c2_ivl": {"consumable_eur_per_case": 2500.0},
                              "abbott_istat_act": {"capex_eur": 5000.0}}
    assert with_price_overrides(chu, good, replace=True).devices == good
    with pytest.raises(PlannerInputError):
        import_price_list(b"id,capex_eur\nabbott_istat_act,5000\nabbott_istat_act,-1\n", "p.csv", catalog)


# ---------------------------------------------------------------- file problems


def _encrypted_like() -> bytes:
    """The shape of a password-protected .xlsx: an OLE compound file with an EncryptedPackage stream."""
    stream_name = "EncryptedPackage".encode("utf-16-le")
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream_name + bytes(64)


def _zip(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, payload in names.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


GOOD_XLSX = xlsx({"s": [["id", "capex_eur"], ["abbott_istat_act", 1]]})


@pytest.mark.parametrize(("data", "filename", "reason"), [
    (b"", "p.xlsx", "is empty"),
    (b"x" * (MAX_FILE_BYTES + 1), "p.csv", "the limit is 5 MB"),
    (_encrypted_like(), "p.xlsx", "password-protected"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "p.xlsx", "Excel 97-2003 (.xls) file renamed"),
    (b"%PDF-1.7\n...", "p.xlsx", "looks like a PDF"),
    (b"id,capex_eur\nx,1\n", "p.xlsx", "looks like text"),
    (GOOD_XLSX[: len(GOOD_XLSX) // 2], "p.xlsx", "damaged"),
    (_zip({"word/document.xml": b"<w/>"}), "p.xlsx", "not an Excel workbook"),
    (_zip({"xl/workbook.xml": b"<not really>", "[Content_Types].xml": b"<x/>"}), "p.xlsx", "damaged"),
    (GOOD_XLSX, "p.csv", "not a text CSV file"),
    (b"anything", "p.xls", "save it as .xlsx"),
    (b"anything", "p.ods", "OpenDocument"),
    (b"anything", "p.pdf", "unsupported file type .pdf"),
    (b"id;capex_eur\n\"unclosed\n", "p.csv", ""),
])
def test_bad_files_get_a_clear_error(data: bytes, filename: str, reason: str, catalog: Catalog) -> None:
    try:
        import_price_list(data, filename, catalog)
    except PlannerInputError as exc:
        assert reason in exc.issues[0].message
        assert exc.issues[0].source == filename
    else:
        assert reason == "", "a malformed CSV line may still parse; then no error is fine"


def test_formula_without_saved_value_is_reported(catalog: Catalog) -> None:
    data = xlsx({"p": [["id", "capex_eur"], ["abbott_istat_act", Formula("=1000*0.9")]]})
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(data, "p.xlsx", catalog)
    assert problems(exc)[0][:2] == ("sheet 'p', row 2, column B", "capex_eur")
    assert "has no saved value" in problems(exc)[0][3]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.slow
def test_formula_saved_by_a_spreadsheet_app_is_read_through_its_value(tmp_path: Path, catalog: Catalog) -> None:
    source = tmp_path / "prices.xlsx"
    source.write_bytes(xlsx({"p": [["id", "capex_eur"], ["abbott_istat_act", Formula("=1000*0.9")]]}))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180)
    saved = (tmp_path / "out" / "prices.xlsx").read_bytes()
    assert import_price_list(saved, "prices.xlsx", catalog) == {"abbott_istat_act": {"capex_eur": 900.0}}


def test_read_table_file_keeps_row_numbers_and_skips_empty_sheets() -> None:
    tables = read_table_file(xlsx({"empty": [], "t": [[], [None, None], ["a", "b"], [], [1, 2]]}), "x.xlsx")
    assert len(tables) == 1
    table = tables[0]
    assert (table.sheet, table.header, table.header_row) == ("t", ("a", "b"), 3)
    assert [(r.number, r.cells) for r in table.rows] == [(5, (1, 2))]


def test_several_candidate_sheets_are_ambiguous(catalog: Catalog) -> None:
    data = xlsx({"2026": [["id", "capex_eur"]], "2027": [["id", "capex_eur"]]})
    with pytest.raises(PlannerInputError, match="several sheets look like a price list"):
        import_price_list(data, "p.xlsx", catalog)


# ---------------------------------------------------------------- installed equipment


def test_installed_replaces_the_sites_in_the_file(catalog: Catalog, chu: Scenario) -> None:
    data = b"site,device_id,units\nsud,abbott_istat_act,2\nsud,abbott_pressurewire_coroflow,1\n"
    new = import_installed(data, "parc.csv", catalog, chu)
    sites = {s.id: s for s in new.sites}
    assert dict(sites["sud"].installed) == {"abbott_istat_act": 2, "abbott_pressurewire_coroflow": 1}
    assert sites["nord"] == chu.sites[0]


PW = "PressureWire X (FFR/RFR) on Quantien / CoroFlow console"


def test_installed_acquisition_years_date_the_units_oldest_lot_first(catalog: Catalog, chu: Scenario) -> None:
    data = xlsx({"parc": [["site_id", "vendor", "name", "units", "acquisition_year"],
                          ["sud", "Abbott", "i-STAT 1 handheld with Kaolin ACT cartridge", 2, 2022],
                          ["sud", "Abbott", "i-STAT 1 handheld with Kaolin ACT cartridge", 1, 2016],
                          ["sud", "Abbott", PW, 1, 2019],
                          ["sud", "Abbott", PW, 1, None]]})
    result = import_installed_details(data, "parc.xlsx", catalog, chu)
    sud = result.scenario.sites[1]
    assert dict(sud.installed) == {"abbott_istat_act": 3, "abbott_pressurewire_coroflow": 2}
    assert dict(sud.installed_year) == {"abbott_istat_act": 2016, "abbott_pressurewire_coroflow": 2019}
    assert result.acquisition_years == {("sud", "abbott_istat_act"): ((2016, 1), (2022, 2)),
                                        ("sud", "abbott_pressurewire_coroflow"): ((2019, 1),)}
    assert [(n.value, n.severity) for n in result.notes] == [("abbott_istat_act", "warning"),
                                                            ("abbott_pressurewire_coroflow", "warning")]
    assert "3 units (1 in 2016, 2 in 2022) are planned as one lot acquired in 2016" in result.notes[0].message
    assert "2 units (1 in 2019, 1 of unknown year)" in result.notes[1].message
    assert result.scenario.sites[0] == chu.sites[0]


def test_installed_years_reach_the_multi_year_plan(catalog: Catalog, chu: Scenario) -> None:
    """An analyser imported as bought in 2017 (life 6 years) retires in 2023 within a 2022-2024 horizon."""
    data = b"site_id,device_id,units,acquisition_year\nsud,abbott_istat_act,1,2017\n"
    sc = dataclasses.replace(import_installed(data, "parc.csv", catalog, chu), horizon_years=3, start_year=2022)
    assert catalog.devices["abbott_istat_act"].lifetime_years == 6
    plan = make_plan(catalog, sc)
    assert plan.has_solution
    assert [(r.site_id, r.device_id, r.year) for r in plan.retirements
            if r.device_id == "abbott_istat_act"] == [("sud", "abbott_istat_act", 2023)]


def test_installed_reports_every_problem(catalog: Catalog, chu: Scenario) -> None:
    data = (b"site_id,device_id,units,acquisition_year\n"
            b"est,abbott_istat_act,1,\n"
            b"sud,abbott_istat,1,\n"
            b"sud,abbott_istat_act,-1,\n"
            b"sud,abbott_istat_act,1.5,\n"
            b"sud,abbott_istat_act,one,\n"
            b"sud,abbott_istat_act,1,1900\n"
            b"nord,abbott_istat_act,1,2020\n"
            b"nord,abbott_istat_act,1,2020\n"
            b"nord,abbott_istat_act,,\n")
    with pytest.raises(PlannerInputError) as exc:
        import_installed(data, "parc.csv", catalog, chu)
    found = problems(exc)
    assert found[0][:3] == ("row 2, column A", "site_id", "est") and "nord, sud" in found[0][3]
    assert found[1] == ("row 3, column B", "device_id", "abbott_istat",
                        "unknown device id (not in the catalogue)")
    assert found[2] == ("row 4, column C", "units", "-1", "must be >= 0")
    assert found[3] == ("row 5, column C", "units", "1.5", "must be a whole number")
    assert found[4] == ("row 6, column C", "units", "one", "is not a number")
    assert found[5] == ("row 7, column D", "acquisition_year", "1900", "must be >= 1950")
    assert found[6][0] == "row 9" and "duplicate row" in found[6][3]
    assert found[7] == ("row 10, column C", "units", "", "is required and empty")
    assert len(found) == 8


# ---------------------------------------------------------------- catalogue extension

DEVICE_HEADER = ["id", "family", "name", "vendor", "capex_eur", "maintenance_eur_per_year",
                 "consumable_eur_per_case", "lifetime_years", "capacity_cases_per_year", "deployment",
                 "requires", "compatible_angio", "source", "price_date", "estimate", "notes"]
NEW_DEVICE = ["acme_ivus", "ivus", "ACME IVUS cart", "ACME", 90000, 8000, 600, 7, 400, "shared", None, "any",
              "quote 2026", "2026-10", "no", "=not a formula"]
COVERAGE_HEADER = ["device_id", "indication_id", "effectiveness", "guideline_class", "source"]


def test_catalogue_extension_adds_devices_and_coverage(catalog: Catalog, chu: Scenario) -> None:
    data = xlsx({"devices": [DEVICE_HEADER, NEW_DEVICE],
                 "coverage": [COVERAGE_HEADER, ["acme_ivus", "complex_pci", 0.9, "I", "ESC 2024"]]})
    extended = import_catalog_extension(data, "ext.xlsx", catalog)
    assert extended.devices["acme_ivus"].capex_eur == 90000
    assert extended.devices["acme_ivus"].notes == "=not a formula"
    assert extended.effectiveness("acme_ivus", "complex_pci") == 0.9
    assert set(catalog.devices) < set(extended.devices)
    assert extended.fingerprint != catalog.fingerprint
    assert make_plan(extended, chu).has_solution


def test_catalogue_extension_reports_conflicts_and_bad_references(catalog: Catalog) -> None:
    changed = list(NEW_DEVICE)
    changed[0], changed[4] = "abbott_istat_act", 1.0
    bad_ref = list(NEW_DEVICE)
    bad_ref[10] = "no_such_console"
    data = xlsx({"devices": [DEVICE_HEADER, bad_ref, changed, ["x_y", "ivus", "X", "Y", "free", 0, 0, 5, 10,
                                                              "shared", None, "any", "s", "2026-01", "no"]],
                 "coverage": [COVERAGE_HEADER, ["acme_ivus", "no_indication", 0.9, "I", "s"],
                              ["acme_ivus", "complex_pci", 0.9, "I", "s"],
                              ["acme_ivus", "complex_pci", 0.9, "I", "s"]]})
    with pytest.raises(PlannerInputError) as exc:
        import_catalog_extension(data, "ext.xlsx", catalog)
    found = problems(exc)
    assert found[0][:3] == ("sheet 'devices', row 3", "id", "abbott_istat_act")
    assert "family: 'act' in the catalogue, 'ivus' here" in found[0][3] and "more)" in found[0][3]
    assert found[1] == ("sheet 'devices', row 4, column E", "capex_eur", "free", "is not a number")
    assert found[2][:3] == ("sheet 'coverage', row 4", "device_id", "acme_ivus x complex_pci")
    assert "duplicate row" in found[2][3]
    assert ("sheet 'devices', row 2", "requires", "no_such_console", "unknown device id") in found
    assert ("sheet 'coverage', row 2", "indication_id", "no_indication", "unknown indication id") in found
    assert len(found) == 5


def test_catalogue_extension_rejects_unknown_tables_and_columns(catalog: Catalog) -> None:
    with pytest.raises(PlannerInputError) as exc:
        import_catalog_extension(xlsx({"notes": [["what", "ever"], [1, 2]],
                                       "devices": [[*DEVICE_HEADER, "colour"], [*NEW_DEVICE, "red"]]}),
                                 "ext.xlsx", catalog)
    found = problems(exc)
    assert "not a catalogue table (devices, indications, coverage" in found[0][3]
    assert found[1][:2] == ("sheet 'devices', row 1, column Q", "colour") and "unknown column" in found[1][3]


# ---------------------------------------------------------------- round trips


def test_catalogue_export_imports_back(catalog: Catalog) -> None:
    data = catalog_to_xlsx_bytes(catalog)
    assert import_catalog_extension(data, "catalog.xlsx", catalog) is catalog  # every row already there
    keep = sorted(catalog.devices)[:5]
    smaller = dataclasses.replace(
        catalog, devices={k: catalog.devices[k] for k in keep},
        coverage=tuple(c for c in catalog.coverage if c.device_id in keep))
    rebuilt = import_catalog_extension(data, "catalog.xlsx", smaller)
    assert rebuilt.devices == catalog.devices
    assert rebuilt.indications == catalog.indications
    assert set(rebuilt.coverage) == set(catalog.coverage)


def test_price_and_installed_exports_import_back(catalog: Catalog, chu: Scenario) -> None:
    prices = import_price_list(price_overrides_to_xlsx_bytes(chu, catalog), "prices.xlsx", catalog)
    empty_sites = tuple(dataclasses.replace(s, installed={}) for s in chu.sites)
    bare = dataclasses.replace(chu, devices={}, sites=empty_sites)
    rebuilt = with_price_overrides(bare, prices)
    rebuilt = import_installed(installed_to_xlsx_bytes(chu, catalog), "installed.xlsx", catalog, rebuilt)
    assert rebuilt == chu


def test_installed_export_keeps_acquisition_years(catalog: Catalog) -> None:
    ppi = load_scenario(ROOT / "examples" / "university_hospital_ppi_2027_2031.yaml")
    assert any(s.installed_year for s in ppi.sites)
    bare = dataclasses.replace(ppi, sites=tuple(dataclasses.replace(s, installed={}, installed_year={})
                                                for s in ppi.sites))
    assert import_installed(installed_to_xlsx_bytes(ppi, catalog), "installed.xlsx", catalog, bare) == ppi


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.slow
def test_plan_workbook_gives_back_its_scenario(catalog: Catalog, chu: Scenario, lang: str) -> None:
    data = plan_to_xlsx_bytes(make_plan(catalog, chu), catalog, chu, lang)
    assert scenario_from_workbook(data, "plan.xlsx", chu.base_dir) == chu
    assert with_price_overrides(dataclasses.replace(chu, devices={}),
                                import_price_list(data, "plan.xlsx", catalog)) == chu
    assert import_installed(data, "plan.xlsx", catalog, chu) == chu


def test_scenario_from_a_workbook_that_is_not_a_plan() -> None:
    with pytest.raises(PlannerInputError, match="no 'scenario.yaml' sheet"):
        scenario_from_workbook(GOOD_XLSX, "other.xlsx")


# ---------------------------------------------------------------- command line


def test_cli_import_prices_writes_a_new_scenario(tmp_path: Path, catalog: Catalog, chu: Scenario) -> None:
    from planner.cli import EXIT_INPUT, EXIT_OK, main

    prices = tmp_path / "prix.csv"
    prices.write_text("id;capex_eur\nshockwave_c2_ivl;1 500,00\n", encoding="utf-8")
    out = tmp_path / "new.yaml"
    scenario_file = str(ROOT / "examples" / "university_hospital.yaml")
    assert main(["import-prices", str(prices), "--scenario", scenario_file, "--out", str(out)]) == EXIT_OK
    new = load_scenario(out)
    assert new.devices["shockwave_c2_ivl"] == {"consumable_eur_per_case": 2500.0, "capex_eur": 1500.0}
    assert dataclasses.replace(new, devices=chu.devices) == chu
    prices.write_text("id;capex_eur\nshockwave_c2_ivl;-1\n", encoding="utf-8")
    out.unlink()
    assert main(["import-prices", str(prices), "--scenario", scenario_file, "--out", str(out)]) == EXIT_INPUT
    assert not out.exists()


EXT_DEVICE = ("id,family,name,vendor,capex_eur,maintenance_eur_per_year,consumable_eur_per_case,lifetime_years,"
              "capacity_cases_per_year,deployment,requires,compatible_angio,source,price_date,estimate,notes\n"
              "acme_ivus,ivus,Acme IVUS console,Acme,90000,5000,600,8,800,shared,,any,quote,2026-10-01,no,\n")


def test_cli_import_catalog_writes_a_catalogue_folder_that_loads(tmp_path: Path, catalog: Catalog,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from planner.cli import EXIT_OK, main

    ext = tmp_path / "ext.xlsx"
    ext.write_bytes(xlsx({"devices": [row.split(",") for row in EXT_DEVICE.splitlines()][:1]
                          + [["acme_ivus", "ivus", "Acme IVUS console", "Acme", 90000, 5000, 600, 8, 800, "shared",
                              None, "any", "quote", "2026-10-01", "no", None]],
                          "coverage": [["device_id", "indication_id", "effectiveness", "guideline_class", "source"],
                                       ["acme_ivus", "complex_pci", 0.8, "IIa", "EST"]]}))
    out = tmp_path / "mycat"
    assert main(["import-catalog", str(ext), "--out", str(out)]) == EXIT_OK
    assert "1 new device, 0 new indications, 1 new coverage row" in capsys.readouterr().out
    mine = load_catalog(out)
    assert mine.devices == {**catalog.devices, "acme_ivus": mine.devices["acme_ivus"]}
    assert mine.devices["acme_ivus"].capex_eur == 90000
    assert mine.indications == catalog.indications
    assert set(mine.coverage) == set(catalog.coverage) | {c for c in mine.coverage if c.device_id == "acme_ivus"}
    assert mine.effectiveness("acme_ivus", "complex_pci") == 0.8


def test_cli_catalogue_export_round_trips_through_csv(tmp_path: Path, catalog: Catalog) -> None:
    """The bundled catalogue, exported as a workbook and imported into an empty folder, loads as itself."""
    from planner.cli import EXIT_OK, main

    book = tmp_path / "catalog.xlsx"
    book.write_bytes(catalog_to_xlsx_bytes(catalog))
    out = tmp_path / "same"
    out.mkdir()  # an empty folder is fine
    assert main(["import-catalog", str(book), "--out", str(out)]) == EXIT_OK
    again = load_catalog(out)
    assert again.devices == catalog.devices
    assert again.indications == catalog.indications
    assert again.coverage == catalog.coverage


def test_cli_import_catalog_errors_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.cli import EXIT_INPUT, main

    bad = tmp_path / "ext.csv"
    bad.write_text(EXT_DEVICE.replace("90000", "-5").replace(",shared,", ",everywhere,"), encoding="utf-8")
    out = tmp_path / "mycat"
    assert main(["import-catalog", str(bad), "--out", str(out)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "ext.csv, row 2, column E" in err and "-5" in err
    assert "everywhere" in err
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["ext.csv"]  # no temporary folder left
    (out / "keep").mkdir(parents=True)
    bad.write_text(EXT_DEVICE, encoding="utf-8")
    assert main(["import-catalog", str(bad), "--out", str(out)]) == EXIT_INPUT
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["keep"]
