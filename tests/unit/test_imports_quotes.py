"""Imports buyers can use: a supplier's quote in French (headers, numbers, € signs, narrow no-break spaces),
header synonyms, French numbers read the same in .xlsx text cells and CSV, dates, and the template round trip.

Every file is made here, as a supplier or a buyer would write it.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from planner import Catalog, PlannerInputError, load_catalog, load_scenario
from planner.cli import main
from planner.ingest.headers import header_key
from planner.ingest.imports import import_installed_details, import_price_list, import_price_list_details
from planner.ingest.read import date_value, number_text
from planner.ingest.template import price_template_workbook, price_template_xlsx_bytes
from tests.unit.test_imports import xlsx

ROOT = Path(__file__).resolve().parents[2]
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _xlsx(rows: list[list[object]], title: str = "Devis") -> bytes:
    return xlsx({title: [list(r) for r in rows]})


def _french_quote() -> list[list[object]]:
    """A supplier's quote as it arrives: title lines, French headers, text amounts, totals at the bottom."""
    return [
        ["DEVIS N° 2026-0412", None, None, None, None, None, None],
        [],
        ["Fournisseur", "Désignation", "Réf. fournisseur", "Quantité", "Prix unitaire H.T. (€)",
         "Montant HT", "Date du devis"],
        ["Shockwave Medical (J&J MedTech)", "Shockwave IVL generator with C2 / C2+ coronary IVL catheter",
         "SW-C2-GEN", 1, f"9{NNBSP}850,00{NBSP}€", f"9{NNBSP}850,00{NBSP}€", datetime(2026, 3, 15)],
        ["Abbott", "i-STAT 1 handheld with Kaolin ACT cartridge", "abbott_istat_act", "2",
         f"6{NBSP}120,50 €", f"12{NBSP}241,00 €", "15/03/2026"],
        ["Boston Scientific", "Rotablator RotaPro console + burr/advancer + RotaWire", "H749 3912", 1,
         "17 250 € HT", "17 250 €", "2026-03-15"],
        [None, "Total HT", None, None, None, f"39{NNBSP}341,00 €", None],
        [None, "TVA 20 %", None, None, None, f"7{NNBSP}868,20 €", None],
        [None, "Total TTC", None, None, None, f"47{NNBSP}209,20 €", None],
    ]


def test_a_french_supplier_quote_imports_cleanly(catalog: Catalog) -> None:
    result = import_price_list_details(_xlsx(_french_quote()), "devis.xlsx", catalog)  # title lines above
    assert result.prices == {"shockwave_c2_ivl": {"capex_eur": 9850.0}, "abbott_istat_act": {"capex_eur": 6120.5},
                             "boston_rotapro": {"capex_eur": 17250.0}}
    assert set(result.quote_dates.values()) == {date(2026, 3, 15)} and len(result.quote_dates) == 3


def test_the_same_quote_as_a_french_csv_reads_the_same(catalog: Catalog) -> None:
    lines = [";".join("" if c is None else (c.strftime("%d/%m/%Y") if isinstance(c, datetime) else str(c))
                      for c in row) for row in _french_quote()[2:]]
    semicolon = "\r\n".join(lines).encode("utf-8-sig")
    xlsx = import_price_list_details(_xlsx(_french_quote()[2:]), "devis.xlsx", catalog)
    assert import_price_list_details(semicolon, "devis.csv", catalog) == xlsx
    comma = ("Fournisseur,Référence,Prix unitaire HT\nAbbott,abbott_istat_act,\"6 120,50 €\"\n"
             f"Teleflex,teleflex_ac3_optimus,\"58{NNBSP}000,00{NBSP}€\"\n").encode()
    assert import_price_list(comma, "devis.csv", catalog) == {"abbott_istat_act": {"capex_eur": 6120.5},
                                                             "teleflex_ac3_optimus": {"capex_eur": 58000.0}}


@pytest.mark.parametrize(("text", "value"), [
    ("1 234,50", 1234.5), (f"1{NNBSP}234,50", 1234.5), (f"1{NBSP}234,50{NBSP}€", 1234.5), ("1 234,50 €", 1234.5),
    ("650,50", 650.5), ("1,5", 1.5), ("1.234,50", 1234.5), ("1,234.50", 1234.5), ("12 000 EUR", 12000.0),
    ("1234.5", 1234.5), (f"1{NNBSP}234{NNBSP}567,8 € HT", 1234567.8),
])
def test_french_numbers_read_the_same_in_xlsx_text_cells_and_csv(catalog: Catalog, text: str, value: float) -> None:
    in_xlsx = import_price_list(_xlsx([["Référence", "Prix HT"], ["abbott_istat_act", text]]), "p.xlsx", catalog)
    in_csv = import_price_list(f'id,capex_eur\nabbott_istat_act,"{text}"\n'.encode(), "p.csv", catalog)
    assert in_xlsx == in_csv == {"abbott_istat_act": {"capex_eur": value}}


def test_an_ambiguous_comma_and_a_bad_date_are_reported_with_their_place(catalog: Catalog) -> None:
    data = _xlsx([["Référence", "Prix unitaire HT", "Date"], ["abbott_istat_act", "1,500", "31/02/2026"],
                  ["teleflex_ac3_optimus", "10 000", "hier"]])
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(data, "devis.xlsx", catalog)
    found = [(i.location, i.field, i.value, i.message) for i in exc.value.issues]
    assert found[0][:3] == ("sheet 'Devis', row 2, column B", "capex_eur", "1,500") and "ambiguous" in found[0][3]
    assert found[1][:3] == ("sheet 'Devis', row 2, column C", "Date", "31/02/2026") and "not a date" in found[1][3]
    assert found[2][:3] == ("sheet 'Devis', row 3, column C", "Date", "hier")
    assert len(found) == 3


def test_a_supplier_reference_that_is_no_catalogue_id_falls_back_on_vendor_and_name(catalog: Catalog) -> None:
    data = _xlsx([["Fournisseur", "Désignation", "Référence", "Prix HT"],
                  ["Abbott", "Unknown gadget", "XYZ-1", "100"]])
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(data, "devis.xlsx", catalog)
    assert "reference 'XYZ-1' is no catalogue id" in exc.value.issues[0].message


def test_headers_ignore_case_accents_punctuation_and_spaces(catalog: Catalog) -> None:
    assert header_key(" DÉSIGNATION ") == header_key("designation") == "designation"
    assert header_key("Prix_unitaire_HT") == header_key("prix   unitaire  ht (€)") == "prix unitaire ht"
    for head in ("PRIX UNITAIRE H.T.", "prix unitaire ht", "Prix Unitaire HT (€)", "P.U. HT", "Unit price"):
        data = _xlsx([["REFERENCE", head], ["abbott_istat_act", 10]])
        assert import_price_list(data, "p.xlsx", catalog) == {"abbott_istat_act": {"capex_eur": 10.0}}


def test_an_inventory_in_french_with_dates_of_acquisition(catalog: Catalog) -> None:
    scenario = load_scenario(ROOT / "examples" / "general_hospital.yaml")
    site = scenario.sites[0].id
    data = _xlsx([["Site", "Référence", "Quantité", "Date de mise en service"],
                  [site, "abbott_istat_act", 2, datetime(2019, 6, 1)],
                  [site, "boston_rotapro", "1", "15/09/2021"]], title="Parc")
    result = import_installed_details(data, "parc.xlsx", catalog, scenario)
    installed = next(s for s in result.scenario.sites if s.id == site)
    assert installed.installed == {"abbott_istat_act": 2, "boston_rotapro": 1}
    assert installed.installed_year == {"abbott_istat_act": 2019, "boston_rotapro": 2021}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_template_round_trips(catalog: Catalog, lang: str) -> None:
    wb = price_template_workbook(catalog, lang)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert ("Fournisseur" in header and "Prix unitaire HT (€)" in header) if lang == "fr" else \
        ("Supplier" in header and "Unit price excl. VAT (EUR)" in header)
    assert ws.max_row == len(catalog.devices) + 1
    assert import_price_list(price_template_xlsx_bytes(catalog, lang), "modele.xlsx", catalog) == {}
    col = {name: i for i, name in enumerate(header, start=1)}
    price, maintenance, when = (col[h] for h in (header[3], header[4], header[6]))
    ws.cell(row=2, column=price).value = f"1{NNBSP}234,50{NBSP}€"
    ws.cell(row=3, column=price).value = 4321
    ws.cell(row=3, column=maintenance).value = "250,00"
    ws.cell(row=3, column=when).value = datetime(2026, 1, 31)
    buffer = io.BytesIO()
    wb.save(buffer)
    result = import_price_list_details(buffer.getvalue(), "modele.xlsx", catalog)
    first, second = (str(ws.cell(row=r, column=col[header[2]]).value) for r in (2, 3))
    assert result.prices == {first: {"capex_eur": 1234.5}, second: {"capex_eur": 4321.0,
                                                                     "maintenance_eur_per_year": 250.0}}
    assert result.quote_dates == {second: date(2026, 1, 31)}


def test_the_template_command_writes_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "modele.xlsx"
    assert main(["price-template", str(out), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Quote", "Help"]
    assert main(["price-template", str(tmp_path / "missing" / "x.xlsx")]) == 2
    assert not (tmp_path / "missing").exists()


def test_number_and_date_doctests_hold() -> None:
    assert number_text(f"9{NNBSP}850,00{NBSP}€", False) == "9850.00"
    assert date_value("01.02.2026") == date(2026, 2, 1)
