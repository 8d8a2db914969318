"""Issue 19: the advisories table loads (optional, foreign key to devices), counts in the risk score and is named
in the plan and in the Security sheet of the workbook."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from planner import make_plan
from planner.catalog import BUNDLED_CATALOG, load_catalog
from planner.errors import PlannerInputError
from planner.report.excel import plan_to_xlsx_bytes
from planner.security import risk_score
from tests.builders import make_scenario

IMPELLA = "abiomed_impella_cp_aic"


def test_the_bundled_advisory_loads_on_its_device() -> None:
    cat = load_catalog()
    (adv,) = cat.advisories
    assert adv.device_id == IMPELLA and adv.date == date(2025, 10, 10) and adv.status == "open"
    assert "Class I" in adv.reference and adv.source.startswith("https://www.fda.gov/")
    assert cat.devices[IMPELLA].advisories == (adv,)
    assert all(not d.advisories for k, d in cat.devices.items() if k != IMPELLA)


def copy_catalog(tmp_path: Path) -> Path:
    folder = tmp_path / "cat"
    shutil.copytree(BUNDLED_CATALOG, folder)
    return folder


def test_a_catalogue_without_advisories_loads_with_none(tmp_path: Path) -> None:
    folder = copy_catalog(tmp_path)
    (folder / "advisories.csv").unlink()
    cat = load_catalog(folder)
    assert cat.advisories == () and not cat.devices[IMPELLA].advisories
    assert risk_score(cat.devices[IMPELLA], date(2026, 11, 23)).score == 5  # remote_service 3 + cloud 2


def test_an_advisory_of_an_unknown_device_is_refused(tmp_path: Path) -> None:
    folder = copy_catalog(tmp_path)
    text = (folder / "advisories.csv").read_text(encoding="utf-8").replace(IMPELLA, "no_such_device")
    (folder / "advisories.csv").write_text(text.replace(",open,", ",unclear,"), encoding="utf-8")
    with pytest.raises(PlannerInputError) as err:
        load_catalog(folder)
    assert {(i.field, i.message.split(" (")[0]) for i in err.value.issues} >= {("status", "must be one of open, "
                                                                                  "mitigated, resolved")}
    (folder / "advisories.csv").write_text(text, encoding="utf-8")
    with pytest.raises(PlannerInputError, match="no_such_device"):
        load_catalog(folder)


def test_the_plan_and_the_security_sheet_name_the_advisory() -> None:
    cat = load_catalog()
    scenario = make_scenario(sites=[{"roles": ["shock_centre", "cardiac_surgery"]}], must_include=[IMPELLA],
                             security={"reference_date": "2026-11-23"})
    plan = make_plan(cat, scenario)
    assert plan.has_solution
    sec = {s.device_id: s for s in plan.security}[IMPELLA]
    assert sec.advisories and "Class I" in sec.advisories[0] and "critical, open" in sec.advisories[0]
    assert sec.known_fields == 2 and sec.scored_fields == 7 and "SBOM-1" in sec.open_questions
    ws = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, cat, scenario, "en", date(2026, 11, 23))))[
        "Security"]
    texts = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert sec.advisories[0] in texts and "SBOM-1" in texts and "2 of 7" in texts
