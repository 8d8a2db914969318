"""Issue 19: MDS2 forms as a vendor fills them change the plan; malformed forms are refused with their location;
the questionnaire goes out per vendor and comes back; the CLI writes nothing on a bad form."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from planner import make_plan
from planner.catalog import load_catalog
from planner.cli import main
from planner.errors import PlannerInputError
from planner.mds2 import QUESTIONS, open_questions
from planner.mds2_import import read_mds2, with_device_profile
from planner.report.xlsx_mds2 import questionnaires
from planner.scenario import load_scenario
from planner.security import SCORED_FIELDS, apply_profiles, risk_score
from tests.builders import make_catalog, make_scenario

IND = [{"id": "k1"}]
REF = "2026-11-23"


def catalog() -> Any:
    """Two consoles for k1, nothing known about their security: the cheap one is bought."""
    return make_catalog([{"id": "cheap", "vendor": "Acme Medical", "capex_eur": 10000},
                         {"id": "dear", "vendor": "Other", "capex_eur": 30000}], IND,
                        [("cheap", "k1", 1.0), ("dear", "k1", 1.0)])


HN_ANSWERS = {  # a vendor's HN 1-2019 form: remote link, no SBOM, no encryption, no vulnerability process
    "DOC-1": "Acme Medical", "DOC-3": "Console 3000", "DOC-4": "MDS2-ACME-3000", "DOC-7": "2026-10-01",
    "MPII-1": "Yes", "CONN-1": "Yes", "CONN-3": "Yes", "CONN-4": "Yes", "CSUP-1": "Yes", "CSUP-11": "No",
    "MLDP-1": "Yes", "RMOT-1": "Yes", "RMOT-1.1": "No", "SBOM-1": "No", "STCF-1": "No", "CNFS-1": "Yes"}


def vendor_form(answers: dict[str, Any], header: bool = True) -> bytes:
    """An MDS2 workbook in the HN 1-2019 layout: a title, a header row, section rows and question rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MDS2"
    ws.append(["Manufacturer Disclosure Statement for Medical Device Security -- MDS2"])
    ws.append([])
    if header:
        ws.append(["Question ID", "Question", "See note", "Answer", "Note #", "IEC TR 80001-2-2:2012"])
    section = ""
    for qid, answer in answers.items():
        if qid.split("-")[0] != section:
            section = qid.split("-")[0]
            ws.append([f"{section} SECTION TITLE", None, None, None])
        ws.append([qid, f"Question text of {qid}?", None, answer, None, "ALOF"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def bought(plan: Any) -> set[str]:
    return {a.device_id for a in plan.acquisitions if a.units_new}


def test_a_vendor_form_changes_the_score_and_the_plan() -> None:
    cat = catalog()
    scenario = make_scenario(security={"max_risk_score": 5, "reference_date": REF})
    assert bought(make_plan(cat, scenario)) == {"cheap"}  # nothing known: nothing scored, nothing excluded
    result = read_mds2(vendor_form(HN_ANSWERS), "acme.xlsx", "cheap", cat)
    assert result.profile.given() == {"encryption_at_rest": "no", "mds2_available": "yes",
                                      "network_connected": "remote_service", "patch_policy": "none",
                                      "remote_access": "vendor_vpn", "sbom_available": "no"}
    assert result.profile.date == date(2026, 10, 1)  # DOC-7, the form's release date
    assert "MDS2-ACME-3000" in result.profile.source and "acme.xlsx" in result.profile.source
    informed = with_device_profile(scenario, "cheap", result.profile)
    score = risk_score(apply_profiles(cat.devices, informed.security)["cheap"], date(2026, 11, 23))
    assert score.score == 3 + 0 + 1 + 3 + 1 + 2 and score.known == 6  # the OS end of support is still open
    plan = make_plan(cat, informed)
    assert bought(plan) == {"dear"}
    assert "risk score 10 above the maximum 5" in str(plan.security_exclusions[0].reason)


def test_require_mds2_buys_the_device_whose_vendor_answered() -> None:
    cat = catalog()
    scenario = make_scenario(security={"require_mds2": True, "reference_date": REF})
    assert make_plan(cat, scenario).status == "infeasible" or not bought(make_plan(cat, scenario))
    benign = {"DOC-7": "2026-09-15", "CONN-3": "Yes", "CONN-4": "No", "SBOM-1": "Yes", "STCF-1": "Yes",
              "RMOT-1": "No", "CSUP-11": "Yes"}
    result = read_mds2(vendor_form(benign), "other.xlsx", "dear", cat)
    plan = make_plan(cat, with_device_profile(scenario, "dear", result.profile))
    assert bought(plan) == {"dear"}
    sec = {s.device_id: s for s in plan.security}["dear"]
    assert sec.mds2_available == "yes" and sec.known_fields == 5  # CSUP-11 yes does not say how often: still open
    assert sec.open_questions == ("CLP-OS", "CLP-EOS", "CSUP-11", "CLP-PATCH")


def test_a_form_without_a_header_row_is_read_by_its_question_ids() -> None:
    result = read_mds2(vendor_form({"DOC-7": "2026-01-05", "SBOM-1": "Yes"}, header=False), "f.xlsx", "cheap",
                       catalog())
    assert result.profile.sbom_available == "yes" and result.profile.mds2_available == "yes"


@pytest.mark.parametrize(("answers", "location", "message"), [
    ({**HN_ANSWERS, "SBOM-1": "Maybe"}, ("SBOM-1", "Maybe"), "must be Yes, No or N/A"),
    ({**HN_ANSWERS, "DOC-7": "last autumn"}, ("DOC-7", "last autumn"), "must be a date"),
    ({k: v for k, v in HN_ANSWERS.items() if k != "DOC-7"}, ("DOC-7", ""), "is missing"),
])
def test_a_malformed_form_is_refused_with_its_location(answers: dict[str, str], location: tuple[str, str],
                                                       message: str) -> None:
    with pytest.raises(PlannerInputError) as err:
        read_mds2(vendor_form(answers), "bad.xlsx", "cheap", catalog())
    (issue,) = err.value.issues
    assert (issue.field, issue.value) == location and message in issue.message
    assert issue.source == "bad.xlsx" and "sheet 'MDS2', row" in issue.location


def test_a_file_that_is_no_mds2_form_is_refused() -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["id", "capex_eur"])
    wb.active.append(["cheap", 1000])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(PlannerInputError, match="no MDS2 question ids"):
        read_mds2(buf.getvalue(), "prices.xlsx", "cheap", catalog())
    with pytest.raises(PlannerInputError, match="unknown device id"):
        read_mds2(vendor_form(HN_ANSWERS), "acme.xlsx", "nope", catalog())


def fill(data: bytes, answers: dict[str, Any], **keys: str) -> bytes:
    """Fill our questionnaire's first sheet as the vendor would."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    for key, value in keys.items():
        ws.cell(row=rows[key], column=2).value = value
    for qid, answer in answers.items():
        ws.cell(row=rows[qid], column=8).value = answer
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_the_questionnaire_goes_out_per_vendor_open_questions_first_and_comes_back() -> None:
    cat = load_catalog()
    impella, caas = cat.devices["abiomed_impella_cp_aic"], cat.devices["pie_caas_vffr"]
    files = questionnaires([impella, caas], "en", date(2026, 11, 23))
    assert len(files) == 2 and all(name.startswith("mds2_") for name in files)
    data = next(d for n, d in files.items() if "abiomed" in n)
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    ids = [ws.cell(row=r, column=1).value for r in range(13, 13 + len(QUESTIONS))]
    status = [ws.cell(row=r, column=7).value for r in range(13, 13 + len(QUESTIONS))]
    assert set(ids) == {q.id for q in QUESTIONS} and status == sorted(status, key=lambda s: s != "open")
    opened = open_questions(risk_score(impella, date(2026, 11, 23)).unknown)
    assert set(ids[:len(opened)]) == set(opened)  # the open ones first
    assert "FDA" in str(ws.cell(row=10, column=1).value)  # the published advisory is named
    french = questionnaires([impella], "fr", date(2026, 11, 23))
    assert "Réponse" in [c.value for c in openpyxl.load_workbook(io.BytesIO(next(iter(french.values()))))
                         .worksheets[0][12]]
    filled = fill(data, {"CLP-MDS2": "Yes", "SBOM-1": "No", "CLP-PATCH": "quarterly", "CLP-EOS": "2032-01-13",
                         "CLP-OS": "Windows 10 IoT Enterprise LTSC 2021"},
                  answered_on="2026-12-01", answered_by="J. Doe, product security")
    result = read_mds2(filled, "answers.xlsx", "abiomed_impella_cp_aic", cat)
    assert result.own_form and result.profile.date == date(2026, 12, 1)
    assert "J. Doe" in result.profile.source
    assert result.profile.given() == {"mds2_available": "yes", "os_end_of_support": date(2032, 1, 13),
                                      "os_family": "Windows 10 IoT Enterprise LTSC 2021",
                                      "patch_policy": "quarterly", "sbom_available": "no"}
    with pytest.raises(PlannerInputError, match="not for pie_caas_vffr"):
        read_mds2(filled, "answers.xlsx", "pie_caas_vffr", cat)
    with pytest.raises(PlannerInputError) as err:
        read_mds2(fill(data, {"CLP-PATCH": "weekly"}, answered_on="2026-12-01"), "a.xlsx",
                  "abiomed_impella_cp_aic", cat)
    assert err.value.issues[0].field == "CLP-PATCH" and "must be one of" in err.value.issues[0].message


def test_the_score_counts_known_fields_and_advisories() -> None:
    cat = load_catalog()
    impella = risk_score(cat.devices["abiomed_impella_cp_aic"], date(2026, 11, 23))
    points = {f: p for f, _, p in impella.points}
    assert points["network_connected"] == 3 and points["remote_access"] == 2 and points["advisories"] == 3
    assert impella.score == 8 and impella.known == 2 and impella.known_share == pytest.approx(2 / 7)
    nothing = risk_score(cat.devices["terumo_altaview"], date(2026, 11, 23))
    assert (nothing.score, nothing.known, nothing.connected) == (0, 0, False)
    assert set(nothing.unknown) == set(SCORED_FIELDS)


def run_cli(*args: str) -> int:
    return main(list(args))


def test_cli_questionnaires_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[2]
    scenario = root / "examples" / "general_hospital.yaml"
    out = tmp_path / "q"
    assert run_cli("mds2", str(scenario), "--out", str(out), "--device", "abiomed_impella_cp_aic",
                   "--device", "pie_caas_vffr", "--lang", "en") == 0
    names = sorted(p.name for p in out.iterdir())
    assert "mds2_questionnaires.zip" in names and len(names) == 3
    assert sorted(zipfile.ZipFile(out / "mds2_questionnaires.zip").namelist()) == sorted(set(names) - {
        "mds2_questionnaires.zip"})
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(vendor_form({**HN_ANSWERS, "STCF-1": "Perhaps"}))
    new = tmp_path / "new.yaml"
    assert run_cli("import-mds2", str(bad), "--scenario", str(scenario), "--device", "pie_caas_vffr",
                   "--out", str(new)) == 2
    assert not new.exists() and "STCF-1='Perhaps'" in capsys.readouterr().err
    good = tmp_path / "good.xlsx"
    good.write_bytes(vendor_form(HN_ANSWERS))
    assert run_cli("import-mds2", str(good), "--scenario", str(scenario), "--device", "pie_caas_vffr",
                   "--out", str(new)) == 0
    profile = yaml.safe_load(new.read_text())["security"]["device_profiles"]["pie_caas_vffr"]
    assert profile["date"] == "2026-10-01" and profile["sbom_available"] == "no"
    assert load_scenario(new).security.device_profiles["pie_caas_vffr"].remote_access == "vendor_vpn"


def test_scenario_profiles_are_validated() -> None:
    with pytest.raises(PlannerInputError) as err:
        make_scenario(security={"device_profiles": {"cheap": {"sbom_available": "maybe", "date": "2026-01-01"}}})
    found = {(i.field, i.message.split(":")[0]) for i in err.value.issues}
    assert ("sbom_available", "must be one of yes, no, unknown") in found
    assert ("source", "is required") in found
