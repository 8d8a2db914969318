"""Printed outputs: the committee PDF and the printed workbook, rendered to images and read back.

The PDF is rendered with pypdfium2 (page images) and read with pypdf (text); the workbook is printed to PDF by
LibreOffice, when installed, and checked the same way: page count, A4 pages, text read back, no text under a
readable size. The page images are written under the test's temporary folder (``pytest --basetemp`` to keep
them and look at them).
"""

from __future__ import annotations

import dataclasses
import math
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from pypdf import PdfReader

from planner import Catalog, Plan, Scenario, load_catalog, load_scenario, make_plan
from planner.cli import main
from planner.decision.path import PurchasePath, purchase_path
from planner.i18n import t
from planner.report.excel import write_plan_xlsx
from planner.report.pdf import committee_pdf_bytes, write_committee_pdf
from planner.report.pdf_path import printed_path
from planner.report.pdf_style import SMALLEST_PT

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)
A4_PT = (595.28, 841.89)

formulas = pytest.importorskip("formulas")


@pytest.fixture(scope="module")
def gh() -> tuple[Catalog, Scenario, Plan, PurchasePath]:
    scenario = load_scenario(ROOT / "examples" / "general_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario), purchase_path(catalog, scenario, 6, with_greedy=False)


@pytest.fixture(scope="module")
def chu() -> tuple[Catalog, Scenario, Plan]:
    scenario = load_scenario(ROOT / "examples" / "university_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario)


def is_a4(width: float, height: float) -> bool:
    """Portrait or landscape A4, to the point."""
    return sorted((round(width), round(height))) == [round(A4_PT[0]), round(A4_PT[1])]


def render(pdf_path: Path, out: Path, scale: float = 1.0) -> list[Path]:
    """Every page as a PNG next to ``out``; fails on a blank page."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = []
    for i in range(len(pdf)):
        image = pdf[i].render(scale=scale).to_pil().convert("L")
        assert image.getextrema()[0] < 128, f"page {i + 1} is blank"
        images.append(out.with_name(f"{out.stem}_{i + 1}.png"))
        image.save(images[-1])
    return images


def font_sizes(pdf_path: Path) -> list[tuple[int, float]]:
    """(page, size in points) of every printed character, as pdfium computes it (matrices applied)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    sizes = []
    for i in range(len(pdf)):
        text = pdf[i].get_textpage()
        sizes += [(i, pdfium_raw.FPDFText_GetFontSize(text.raw, k)) for k in range(text.count_chars())
                  if text.get_text_range(k, 1).strip()]
    return sizes


# ---------------------------------------------------------------- the committee PDF


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_committee_pdf_renders_on_a4_with_its_sections(tmp_path: Path, gh: tuple, lang: str) -> None:
    catalog, scenario, plan, nested = gh
    path = printed_path(nested)
    out = tmp_path / f"comite_{lang}.pdf"
    write_committee_pdf(out, plan, catalog, scenario, lang, path, TODAY)
    reader = PdfReader(out)
    assert 2 <= len(reader.pages) <= 8
    assert all(is_a4(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages)
    text = "\n".join(p.extract_text() for p in reader.pages)
    for key in ("pdf_summary", "pdf_path", "pdf_specs", "pdf_coverage", "pdf_security"):
        assert t(key, lang) in text
    assert "2026-12-01" in text and scenario.name in text
    bought = [catalog.devices[a.device_id].label(lang) for a in plan.acquisitions if a.units_new]
    assert bought and all(name[:25] in text.replace("\n", " ") for name in bought)
    capex = f"{plan.costs.capex_eur:,.0f}"
    assert (capex.replace(",", " ") if lang == "fr" else capex) in text.replace("\u00a0", " ")
    assert t("tier_essential", lang) in text
    flat = " ".join(text.split())
    assert plan.specifications  # each family bought is stated as a function first, then its equivalents
    for spec in plan.specifications:
        assert " ".join(spec.requirement(lang).split())[:60] in flat
    assert t("equivalents", lang) in flat
    sizes = font_sizes(out)
    assert min(size for _, size in sizes) >= SMALLEST_PT - 0.01
    assert len(render(out, out)) == len(reader.pages)


def test_the_pdf_says_when_there_is_no_path_and_when_there_is_no_plan(gh: tuple, tmp_path: Path) -> None:
    catalog, scenario, plan, _ = gh
    text = PdfReader(_bytes_file(tmp_path, committee_pdf_bytes(plan, catalog, scenario, "en"))).pages[0]
    assert "The purchase path was not computed" in text.extract_text().replace("\n", " ")
    broke = dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, capex_eur=1.0,
                                                                     opex_eur_per_year=1.0))
    none = make_plan(catalog, broke)
    assert not none.has_solution
    reader = PdfReader(_bytes_file(tmp_path, committee_pdf_bytes(none, catalog, broke, "fr")))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "pas de plan" in text and t("pdf_specs", "fr") not in text and t("pdf_security", "fr") in text


def _bytes_file(folder: Path, data: bytes) -> Path:
    out = folder / "doc.pdf"
    out.write_bytes(data)
    return out


def test_the_printed_path_is_the_nested_path_given(gh: tuple) -> None:
    _, _, _, nested = gh
    path = printed_path(nested)
    assert path is not None
    budgets = [s.budget_eur for s in path.steps]
    assert budgets == sorted(budgets) and budgets[0] == nested.steps[0].budget_eur
    assert path.steps[-1].benefit == nested.steps[-1].benefit
    # every purchase of the path is printed at the step that makes it
    entering = [pair for s in path.steps for pair in s.entering]
    assert set(entering) == {(c.site_id, c.device_id) for s in nested.steps for c in s.purchases if c.units_new}
    assert {(x.site_id, x.device_id) for x in path.tiers} == {(x.site_id, x.device_id) for x in nested.tiers}
    assert printed_path(dataclasses.replace(nested, steps=())) is None


def test_a_failed_pdf_leaves_no_file(tmp_path: Path, gh: tuple) -> None:
    catalog, scenario, plan, _ = gh
    out = tmp_path / "comite.pdf"
    out.write_bytes(b"previous")
    with pytest.raises(ValueError, match="another scenario"):
        write_committee_pdf(out, plan, catalog, dataclasses.replace(scenario, name="other"), "fr")
    assert out.read_bytes() == b"previous" and [p.name for p in tmp_path.iterdir()] == ["comite.pdf"]


def test_cli_solve_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "comite.pdf"
    args = ["solve", str(ROOT / "examples" / "general_hospital.yaml"), "--pdf", str(out), "--lang", "en",
            "--path-steps", "4"]
    assert main(args) == 0
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "What to buy first" in text and "Committee document (PDF) written" in capsys.readouterr().out
    missing = tmp_path / "no" / "comite.pdf"
    assert main(["solve", str(ROOT / "examples" / "general_hospital.yaml"), "--pdf", str(missing)]) == 2


# ---------------------------------------------------------------- the printed workbook


def test_the_printable_list_totals_are_live_and_equal_the_plan(tmp_path: Path, chu: tuple) -> None:
    catalog, scenario, plan = chu
    path = tmp_path / "plan.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, "fr", TODAY)
    ws = openpyxl.load_workbook(path)[t("sheet_print", "fr")]
    total = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == t("total", "fr"))
    header = {c.value: c.column_letter for c in ws[4]}
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()

    def cell(key: str) -> float:
        ref = f"'[{path.name}]{t('sheet_print', 'fr').upper()}'!{header[t(key, 'fr')]}{total}"
        return float(solution[ref].value[0, 0])

    assert cell("print_total") == pytest.approx(plan.costs.capex_eur)
    assert cell("print_maint") == pytest.approx(plan.costs.maintenance_eur_per_year)
    assert cell("print_cons") == pytest.approx(plan.costs.consumables_eur_per_year)
    assert cell("print_qty") == sum(a.units_new for a in plan.acquisitions)


def test_every_sheet_is_set_up_for_a4_with_headers_and_footers(tmp_path: Path, chu: tuple) -> None:
    catalog, scenario, plan = chu
    path = tmp_path / "plan.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, "en", TODAY)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        assert ws.oddHeader.left.text == scenario.name and "2026-12-01" in ws.oddHeader.right.text
        assert ws.oddHeader.center.text == "&A" and "&P" in ws.oddFooter.right.text
    printable = wb[t("sheet_print", "en")]
    assert printable.print_title_rows == "$4:$4" and printable.page_setup.fitToWidth == 1
    assert printable.page_setup.orientation == "landscape" and printable.max_column <= 12
    data = wb[t("sheet_procurement", "en")]
    assert data.page_setup.fitToWidth >= 2 and data.print_title_cols and data.print_title_rows == "$1:$1"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_workbook_readably(tmp_path: Path, chu: tuple) -> None:
    catalog, scenario, plan = chu
    source = tmp_path / "plan.xlsx"
    write_plan_xlsx(source, plan, catalog, scenario, "fr", TODAY)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=240)
    printed = tmp_path / "plan.pdf"
    reader = PdfReader(printed)
    pages = [p.extract_text() for p in reader.pages]
    assert all(is_a4(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages)
    sheet = t("sheet_print", "fr")
    printable = [i for i, text in enumerate(pages) if sheet in text.split("\n")[0]]
    assert len(printable) == 1  # the printable list fits one page
    text = pages[printable[0]].replace("\n", " ")
    assert all(catalog.devices[a.device_id].label("fr")[:20] in text for a in plan.acquisitions) and "Total" in text
    sizes = font_sizes(printed)
    assert min(s for i, s in sizes if i == printable[0]) >= 7.5  # the page a committee reads
    assert min(s for _, s in sizes) >= 7.0  # every page, the full data views included
    assert len(pages) <= 80 and math.isclose(len(render(printed, tmp_path / "plan", 0.8)), len(pages))
