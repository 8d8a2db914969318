"""Layout of the Excel export and import modules: public names kept at their old paths, sizes, doctests."""

from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "planner.report.excel", "planner.report.xlsx_cells", "planner.report.xlsx_context",
    "planner.report.xlsx_procurement", "planner.report.xlsx_clinical", "planner.report.xlsx_assumptions",
    "planner.report.xlsx_summary", "planner.report.xlsx_security", "planner.report.xlsx_roundtrip",
    "planner.report.xlsx_schedule", "planner.report.xlsx_tco", "planner.report.money_labels",
    "planner.report.security_text", "planner.ingest.imports", "planner.ingest.read", "planner.ingest.columns",
    "planner.ingest.catalog", "planner.ingest.headers", "planner.ingest.template", "planner.i18n",
    "planner.report.xlsx_print", "planner.report.pdf", "planner.report.pdf_sections", "planner.report.pdf_style",
    "planner.report.pdf_path", "planner.report.specs_text",
]
PUBLIC = {
    "planner.report.excel": ["plan_to_xlsx_bytes", "write_plan_xlsx", "plan_workbook", "XLSX_MIME", "PROC",
                             "catalog_to_xlsx_bytes", "price_overrides_to_xlsx_bytes", "installed_to_xlsx_bytes",
                             "write_price_sheet", "write_installed_sheet", "write_scenario_sheet", "Formula",
                             "put", "save_bytes", "fit_widths", "FORMULA_TRIGGERS", "OLD_PRICE_YEARS"],
    "planner.ingest.imports": ["PRICE_LIST_COLUMNS", "INSTALLED_COLUMNS", "SCENARIO_SHEET", "InstalledImport",
                               "PriceImport", "import_price_list", "import_price_list_details",
                               "with_price_overrides", "import_installed", "import_installed_details",
                               "scenario_from_workbook"],
    "planner.ingest.read": ["MAX_FILE_BYTES", "MAX_UNZIPPED_BYTES", "MAX_ROWS", "RawRow", "Table",
                            "read_table_file", "cell_text", "number_text", "date_value"],
    "planner.ingest.catalog": ["import_catalog_extension"],
}


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_public_names_are_importable_from_their_modules(module: str) -> None:
    mod = importlib.import_module(module)
    missing = [name for name in PUBLIC[module] if not hasattr(mod, name)]
    assert not missing
    assert set(getattr(mod, "__all__", ())) <= set(dir(mod))


@pytest.mark.parametrize("module", MODULES)
def test_modules_and_functions_stay_small(module: str) -> None:
    """Style guide: modules up to ~350 lines, functions up to 40."""
    path = Path(importlib.import_module(module).__file__ or "")
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 350
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef) and node.end_lineno and node.end_lineno - node.lineno >= 40]
    assert not long


@pytest.mark.parametrize("module", ["planner.report.xlsx_cells", "planner.report.security_text",
                                    "planner.ingest.read", "planner.ingest.headers", "planner.i18n",
                                    "planner.report.pdf_style"])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
