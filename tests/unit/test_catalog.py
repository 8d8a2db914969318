"""The bundled catalogue loads, ids are unique, foreign keys resolve; bad CSVs give located errors."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from planner import PlannerInputError, load_catalog
from planner.catalog import BUNDLED_CATALOG
from planner.schema import SLUG_RE, TABLES

REQUIRED_FAMILIES = {"physiology", "microcirculation", "angio_ffr", "ivus", "oct", "rotational_atherectomy",
                     "orbital_atherectomy", "ivl", "iabp", "impella", "ecmo", "act"}
REQUIRED_INDICATIONS = {"intermediate_stenosis", "anoca", "calcified_lesion", "complex_pci", "cardiogenic_shock",
                        "high_risk_pci"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_every_csv_has_exactly_the_schema_columns():
    for table, columns in TABLES.items():
        with (BUNDLED_CATALOG / f"{table}.csv").open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert header == [c.name for c in columns], table


def test_bundled_catalog_content(catalog):
    assert set(catalog.families()) >= REQUIRED_FAMILIES
    assert set(catalog.indications) >= REQUIRED_INDICATIONS
    for ident in [*catalog.devices, *catalog.indications]:
        assert SLUG_RE.match(ident)
    served = {c.device_id for c in catalog.coverage}
    assert served == set(catalog.devices), "every device serves at least one indication"
    for dev in catalog.devices.values():
        assert dev.source.strip(), dev.id
        assert dev.estimate or dev.price_date, dev.id
        for req in dev.requires:
            assert req in catalog.devices


def test_competing_products_where_the_market_has_them(catalog):
    by_family: dict[str, set[str]] = {}
    for dev in catalog.devices.values():
        by_family.setdefault(dev.family, set()).add(dev.vendor)
    for family in ("physiology", "ivus", "iabp", "angio_ffr", "ecmo", "act"):
        assert len(by_family[family]) >= 2, family


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "cat"
    shutil.copytree(BUNDLED_CATALOG, folder)
    return folder


def _edit(folder: Path, table: str, row: int, column: str, value: str) -> None:
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
        header = list(rows[0])
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(("table", "column", "value", "reason"), [
    ("devices", "capex_eur", "-5", "must be >= 0"),
    ("devices", "capex_eur", "cheap", "is not a number"),
    ("devices", "deployment", "everywhere", "must be one of"),
    ("devices", "requires", "no_such_device", "unknown device id"),
    ("devices", "id", "Bad Id", "lowercase slug"),
    ("indications", "default_share", "1.5", "must be <= 1"),
    ("coverage", "effectiveness", "0", "must be > 0"),
    ("coverage", "indication_id", "nowhere", "unknown indication id"),
])
def test_bad_cell_is_reported_with_file_row_field_value(tmp_path, table, column, value, reason):
    folder = _copy(tmp_path)
    _edit(folder, table, 2, column, value)
    with pytest.raises(PlannerInputError) as err:
        load_catalog(folder)
    text = str(err.value)
    assert f"{table}.csv" in text and column in text and value in text and reason in text
    issue = err.value.issues[0]
    assert issue.field == column and issue.value == value


def test_duplicate_id_and_missing_column(tmp_path):
    folder = _copy(tmp_path)
    first = next(iter(load_catalog().devices))
    _edit(folder, "devices", 3, "id", first)
    with pytest.raises(PlannerInputError, match="duplicate id"):
        load_catalog(folder)
    folder2 = _copy(tmp_path / "b")
    text = (folder2 / "indications.csv").read_text(encoding="utf-8").replace("name_fr", "nom")
    (folder2 / "indications.csv").write_text(text, encoding="utf-8")
    with pytest.raises(PlannerInputError) as err:
        load_catalog(folder2)
    assert "required column is missing" in str(err.value) and "unknown column" in str(err.value)


def test_all_problems_reported_at_once(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "devices", 0, "capex_eur", "-1")
    _edit(folder, "devices", 1, "lifetime_years", "0")
    _edit(folder, "coverage", 0, "guideline_class", "IV")
    with pytest.raises(PlannerInputError) as err:
        load_catalog(folder)
    assert len(err.value.issues) == 3
    assert "row 2" in str(err.value.issues[0]) and "row 3" in str(err.value.issues[1])


def test_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(PlannerInputError, match="not found"):
        load_catalog(tmp_path / "nope")
