"""Spreadsheets in and out (issue 4): price lists on the Catalogue page, installed equipment and plan
workbooks on the Scenario page. A bad file shows every located problem and keeps the scenario."""

from __future__ import annotations

import io

import openpyxl

from planner import load_catalog, make_plan
from planner.report.excel import plan_to_xlsx_bytes
from tests.app.conftest import errors, goto, optimise, plan, scenario
from tests.app.test_plan_extras import downloaded, media  # noqa: F401  (fixture)
from ui.i18n import Translator

FR = Translator("fr")

CATALOG = load_catalog()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(at, key: str, name: str, data: bytes, mime: str = "text/csv"):
    at.file_uploader(key=key).set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def _workbook(rows: list[list[object]], sheet: str = "Prix") -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- price list (Catalogue page)


def test_a_price_list_becomes_local_prices(at):
    goto(at, "catalog")
    data = _workbook([["id", "capex_eur", "consumable_eur_per_case"], ["boston_rotapro", 15000, 950],
                      ["acist_hdi_kodama", "120 000 €", None]])
    _upload(at, "ui.prices.upload", "negocie.xlsx", data, XLSX)
    assert dict(scenario(at).devices) == {"boston_rotapro": {"capex_eur": 15000.0, "consumable_eur_per_case": 950.0},
                                          "acist_hdi_kodama": {"capex_eur": 120000.0}}
    assert "Liste de prix negocie.xlsx importée : 2 équipement(s)." in at.success[0].value
    editor = at.data_editor[0].value
    assert editor.loc["boston_rotapro", "capex_eur"] == 15000 and bool(editor.loc["boston_rotapro", "local"])
    assert at.session_state["plan_stale"] is True


def test_a_bad_price_list_names_every_cell_and_keeps_the_scenario(at):
    goto(at, "catalog")
    at.run()
    before = scenario(at).to_json()
    bad = (b"id,capex_eur,maintenance_eur_per_year\n"
           b"boston_rotapro,-5,abc\n"
           b"no_such_device,10,\n"
           b"boston_rotapro,1,2\n")
    _upload(at, "ui.prices.upload", "prix.csv", bad)
    text = errors(at)
    assert "Fichier prix.csv refusé, le scénario actuel est conservé" in text
    assert "**prix.csv, ligne 2, colonne B (Prix d'achat (€))** = `-5` : doit être ≥ 0" in text
    assert "**prix.csv, ligne 2, colonne C (Maintenance (€/an))** = `abc` : n'est pas un nombre" in text
    assert "**prix.csv, ligne 3, colonne A (Identifiant)** = `no_such_device` : équipement inconnu" in text
    assert "ligne 4" in text and "ligne en double : cet équipement est déjà ligne 2" in text
    assert scenario(at).to_json() == before
    at.radio(key="ui.lang").set_value("en").run()
    assert "**prix.csv, row 2, column B (Unit price (€))** = `-5`: must be >= 0" in errors(at)


def test_a_file_that_is_not_a_workbook_is_refused_in_words(at):
    goto(at, "catalog")
    before = scenario(at).to_json()
    _upload(at, "ui.prices.upload", "prix.xlsx", b"id,capex_eur\nboston_rotapro,1\n", XLSX)
    assert FR("file.not_excel_text") in errors(at)
    assert scenario(at).to_json() == before


def test_replace_or_merge_local_prices(at):
    goto(at, "catalog")
    _upload(at, "ui.prices.upload", "a.csv", b"id,capex_eur\nboston_rotapro,15000\n")
    at.toggle(key="ui.prices.replace").set_value(True).run()
    _upload(at, "ui.prices.upload", "b.csv", b"id,capex_eur\nacist_hdi_kodama,120000\n")
    assert set(scenario(at).devices) == {"acist_hdi_kodama"}


def test_local_prices_download_reads_back(media, at):  # noqa: F811
    goto(at, "catalog")
    assert at.download_button(key="ui.prices.download").disabled  # nothing local yet
    _upload(at, "ui.prices.upload", "a.csv", b"id,capex_eur\nboston_rotapro,15000\n")
    name, data = downloaded(at, "ui.prices.download")
    assert name == "prix_locaux_centre_hospitalier_2027.xlsx"
    rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.values)
    assert rows[1][0] == "boston_rotapro" and 15000 in rows[1]


def test_the_price_template_downloads_and_a_french_quote_imports(media, at):  # noqa: F811
    goto(at, "catalog")
    name, data = downloaded(at, "ui.prices.template")
    assert name == "modele_liste_de_prix.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Devis", "Aide"]
    ws = book.active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Fournisseur", "Désignation", "Référence", "Prix unitaire HT (€)"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=3).value == "boston_rotapro")
    ws.cell(row=row, column=4).value = "15\u202f250,00\u00a0€"
    out = io.BytesIO()
    book.save(out)
    _upload(at, "ui.prices.upload", "devis.xlsx", out.getvalue(), XLSX)
    assert dict(scenario(at).devices) == {"boston_rotapro": {"capex_eur": 15250.0}}
    bad = _workbook([["Référence", "Prix unitaire HT"], ["boston_rotapro", "1,500"]], "Devis")
    _upload(at, "ui.prices.upload", "ambigu.xlsx", bad, XLSX)
    assert "est ambigu (1,500 peut vouloir dire 1500 ou 1.500)" in errors(at)


def test_the_catalogue_shows_the_risk_score(at):
    from planner.security import risk_score

    goto(at, "catalog")
    editor = at.data_editor[0].value
    ref = scenario(at).security.reference_date
    assert {d: int(editor.loc[d, "risk_score"]) for d in editor.index} == {
        d: risk_score(CATALOG.devices[d], ref).score for d in editor.index}


# ---------------------------------------------------------------- installed equipment (Scenario page)


def test_installed_equipment_from_a_spreadsheet(at):
    data = _workbook([["site_id", "device_id", "units"], ["main", "boston_rotapro", 2],
                      ["main", "abbott_pressurewire_coroflow", 1]], "Inventaire")
    _upload(at, "ui.installed.upload", "inventaire.xlsx", data, XLSX)
    assert dict(scenario(at).sites[0].installed) == {"boston_rotapro": 2, "abbott_pressurewire_coroflow": 1}
    assert "Inventaire importé depuis inventaire.xlsx." in at.success[0].value
    assert set(at.multiselect(key="in.site.0.installed").value) == {"abbott_pressurewire_coroflow", "boston_rotapro"}


def test_inventory_years_date_the_units_and_merged_lots_are_told(at):
    data = _workbook([["site_id", "device_id", "units", "acquisition_year"], ["main", "boston_rotapro", 1, 2018],
                      ["main", "boston_rotapro", 1, 2021], ["main", "abbott_pressurewire_coroflow", 1, 2020]])
    _upload(at, "ui.installed.upload", "inventaire.xlsx", data, XLSX)
    site = scenario(at).sites[0]
    assert dict(site.installed) == {"boston_rotapro": 2, "abbott_pressurewire_coroflow": 1}
    assert dict(site.installed_year) == {"boston_rotapro": 2018, "abbott_pressurewire_coroflow": 2020}
    assert at.number_input(key="in.site.0.year.boston_rotapro").value == 2018
    assert "Inventaire importé depuis inventaire.xlsx." in at.success[0].value
    warning = "\n".join(w.value for w in at.warning)
    assert "2 unités (1 en 2018, 1 en 2021) comptées comme un seul lot acquis en 2018" in warning
    at.radio(key="ui.lang").set_value("en").run()
    assert "2 units (1 in 2018, 1 in 2021) are planned as one lot acquired in 2018" in "\n".join(
        w.value for w in at.warning)


def test_a_bad_inventory_names_every_cell_and_keeps_the_scenario(at):
    before = scenario(at).to_json()
    _upload(at, "ui.installed.upload", "inv.csv", b"site_id,device_id,units\nmain,boston_rotapro,2\nnord,yy,-1\n")
    text = errors(at)
    assert "**inv.csv, ligne 3, colonne A (Site)** = `nord` : site inconnu (sites du scénario : main)" in text
    assert "**inv.csv, ligne 3, colonne B (Équipement)** = `yy` : équipement inconnu" in text
    assert "**inv.csv, ligne 3, colonne C (Unités)** = `-1` : doit être ≥ 0" in text
    assert scenario(at).to_json() == before


def test_inventory_download(media, at):  # noqa: F811
    name, data = downloaded(at, "ui.installed.download")
    assert name == "equipements_installes_centre_hospitalier_2027.xlsx"
    rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.values)
    assert rows[1][:2] == ("main", "abbott_pressurewire_coroflow")


# ---------------------------------------------------------------- a plan workbook as a scenario


def test_a_plan_workbook_uploaded_as_a_scenario(at):
    from planner import load_scenario

    other = load_scenario("examples/university_hospital.yaml")
    data = plan_to_xlsx_bytes(make_plan(CATALOG, other), CATALOG, other, "en")
    _upload(at, "ui.upload", "plan_chu.xlsx", data, XLSX)
    assert scenario(at).to_json() == other.to_json()
    assert at.text_input(key="in.name").value == "CHU 2027"


def test_a_workbook_without_scenario_sheet_is_refused(at):
    before = scenario(at).to_json()
    _upload(at, "ui.upload", "autre.xlsx", _workbook([["a", "b"], [1, 2]]), XLSX)
    text = errors(at)
    assert "Fichier autre.xlsx refusé" in text and "scenario.yaml" in text
    assert scenario(at).to_json() == before
    goto(at, "plan")
    goto(at, "scenario")
    assert "Fichier autre.xlsx refusé" in errors(at)  # the notice stays until the next upload


# ---------------------------------------------------------------- catalogue extension (Catalogue page)

_DEVICE_HEADER = ["id", "family", "name", "vendor", "capex_eur", "maintenance_eur_per_year", "consumable_eur_per_case",
                  "lifetime_years", "capacity_cases_per_year", "deployment", "requires", "compatible_angio", "source",
                  "price_date", "estimate", "notes"]


def _extension(capex: object = 90000) -> bytes:
    book = openpyxl.Workbook()
    devices = book.active
    devices.title = "devices"
    devices.append(_DEVICE_HEADER)
    devices.append(["acme_ivus", "ivus", "Acme IVUS console", "Acme", capex, 5000, 600, 8, 800, "shared", None,
                    "any", "quote 2026-10", "2026-10-01", "no", None])
    coverage = book.create_sheet("coverage")
    coverage.append(["device_id", "indication_id", "effectiveness", "guideline_class", "source"])
    coverage.append(["acme_ivus", "complex_pci", 0.9, "I", "EST"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_catalogue_extension_adds_devices_the_plan_can_use(at):
    goto(at, "catalog")
    _upload(at, "ui.extension.upload", "nouveaux.xlsx", _extension(), XLSX)
    assert "Extension nouveaux.xlsx ajoutée : 1 équipement(s), 0 indication(s), 1 ligne(s) de couverture." in \
        at.success[0].value
    assert "acme_ivus" in at.data_editor[0].value.index
    assert at.session_state["plan_stale"] is True
    at.multiselect(key="in.must_include").set_value(["acme_ivus"]).run()
    assert not at.exception, at.exception
    assert list(scenario(at).must_include) == ["acme_ivus"]
    optimise(at)
    result = plan(at)
    assert result.has_solution
    assert any(a.device_id == "acme_ivus" and a.units_new for a in result.acquisitions)
    # the scenario uses the extension: going back to the bundled catalogue is refused, nothing changes
    goto(at, "catalog")
    at.button(key="ui.extension.remove").click().run()
    assert "Impossible de revenir au catalogue fourni" in errors(at) and "acme_ivus" in errors(at)
    assert at.session_state["catalog_extension"] is not None
    at.multiselect(key="in.must_include").set_value([]).run()
    at.button(key="ui.extension.remove").click().run()
    assert at.session_state["catalog_extension"] is None
    assert "acme_ivus" not in at.data_editor[0].value.index
    for page in ("plan", "decisions", "compare", "scenario"):  # the last plan still names acme_ivus: no crash
        goto(at, page)
    goto(at, "plan")
    assert "calculé avec un autre catalogue" in at.info[0].value
    optimise(at)
    assert plan(at).has_solution and not any(a.device_id == "acme_ivus" for a in plan(at).acquisitions)


def test_a_bad_catalogue_extension_is_refused_with_its_cells(at):
    goto(at, "catalog")
    _upload(at, "ui.extension.upload", "nouveaux.xlsx", _extension(capex=-1), XLSX)
    text = errors(at)
    assert "Extension nouveaux.xlsx refusée, le catalogue actuel est conservé" in text
    assert "feuille « devices », ligne 2, colonne E" in text and "`-1`" in text
    assert at.session_state["catalog_extension"] is None
    assert "acme_ivus" not in at.data_editor[0].value.index
