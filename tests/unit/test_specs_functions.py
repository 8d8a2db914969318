"""Functional requirements (``catalog/functions.csv``, :mod:`planner.specs.functions`): every family of the bundled
catalogue has one, in both languages, sourced and dated; bad files are refused with row, field and value."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from planner import PlannerInputError, load_catalog
from planner.specs.functions import FILE_NAME, load_functions, parse_functions

HEADER = "family,requirement_en,requirement_fr,criteria_en,criteria_fr,source,date\n"
ROW = 'ivus,"IVUS, or equivalent","IVUS, ou équivalent",a;b,a;b,test,2026-12\n'


def test_every_family_of_the_bundled_catalogue_has_a_sourced_bilingual_requirement():
    catalog = load_catalog()
    functions = load_functions(catalog)
    assert set(functions) == {d.family for d in catalog.devices.values()} | set(catalog.family_table)
    for fam, fn in functions.items():
        assert not fn.generic, fam
        assert fn.requirement_en.endswith("or equivalent"), fam
        assert fn.requirement_fr.endswith("ou équivalent"), fam
        assert fn.criteria_en and len(fn.criteria_en) == len(fn.criteria_fr), fam
        assert "R2111-7" in fn.source and fn.date, fam
        assert fn.requirement("fr") == fn.requirement_fr and fn.criteria("en") == fn.criteria_en


def test_the_issue_wording_for_ivus():
    fn = load_functions(load_catalog())["ivus"]
    assert fn.requirement_fr == ("Système d'imagerie endocoronaire IVUS, compatible avec l'angiographe de la "
                                 "salle, ou équivalent")
    assert fn.requirement_en == ("Intravascular imaging system, IVUS, compatible with the room's angiography "
                                 "system, or equivalent")


def test_a_catalogue_without_the_table_gets_generic_requirements(tmp_path: Path):
    folder = tmp_path / "cat"
    shutil.copytree(load_catalog().path, folder)
    (folder / FILE_NAME).unlink()
    catalog = load_catalog(folder)
    fn = load_functions(catalog)["ivus"]
    assert fn.generic and fn.requirement_fr == "Échographie endocoronaire (IVUS), ou équivalent"
    assert fn.requirement_en == "Intravascular ultrasound, or equivalent"
    assert load_functions(dataclasses.replace(catalog, path=""))["ivus"].generic


@pytest.mark.parametrize(("text", "where", "field", "why"), [
    (HEADER + ROW.replace("ivus,", "laser_x,", 1), "row 2", "family", "unknown device family"),
    (HEADER + ROW + ROW, "row 3", "family", "duplicate family"),
    (HEADER + ROW.replace('"IVUS, or equivalent"', '""'), "row 2", "requirement_en", "required and empty"),
    (HEADER + ROW.replace("2026-12", "December"), "row 2", "date", "must be a date"),
    (HEADER.replace(",source", ""), "header", "source", "required column is missing"),
    (HEADER.replace("date\n", "date,colour\n") + ROW, "header", "colour", "unknown column"),
])
def test_bad_rows_are_refused_with_row_field_and_reason(text, where, field, why):
    with pytest.raises(PlannerInputError) as exc:
        parse_functions(text, "functions.csv", frozenset({"ivus", "oct"}))
    issue = next(i for i in exc.value.issues if i.field == field)
    assert issue.source == "functions.csv" and issue.location == where and why in issue.message


def test_a_bad_file_in_the_catalogue_folder_stops_the_run_with_its_path(tmp_path: Path):
    folder = tmp_path / "cat"
    shutil.copytree(load_catalog().path, folder)
    (folder / FILE_NAME).write_text(HEADER + ROW.replace("ivus,", "IVUS!,", 1), encoding="utf-8")
    with pytest.raises(PlannerInputError) as exc:
        load_functions(load_catalog(folder))
    assert str(folder / FILE_NAME) in str(exc.value) and "row 2" in str(exc.value)
