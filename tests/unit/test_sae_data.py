"""The bundled SAE file: its layout, the search (accents, case, FINESS) and the FINESS look-up."""

from __future__ import annotations

import pytest

from planner import PlannerInputError
from planner.publicdata import sae


def test_bundled_year_has_every_site_once():
    data = sae.load_year()
    assert sae.available_years()[-1] == data.year == 2024
    assert len(data.sites) == 228
    assert len(data.by_finess()) == 228
    # national total of ACT3 quoted in planner/data/README.md
    assert sum(s.acts_adult_ischaemic_structural or 0 for s in data.sites) == 281_063
    eligible = [s for s in data.sites if s.authorised and (s.acts_adult_ischaemic_structural or 0) >= 100]
    assert len(eligible) == 199


def test_blanks_stay_blank():
    convert = sae.find(["010780195"])[0]
    assert convert.cardiac_surgery_adult_interventions is None
    assert convert.rooms_SALCARTO is None
    assert convert.rooms_cardiology == 2


@pytest.mark.parametrize(("query", "finess"), [
    ("saint-quentin", "020000162"),
    ("St Quentin", "020000162"),
    ("Hôpital de la Timone", "130783293"),
    ("brest cavale", "290004324"),
    ("020000162", "020000162"),
    ("bourg en bresse", "010780195"),
])
def test_search_by_name_commune_or_finess(query, finess):
    assert finess in [s.finess for s in sae.search(query)]


def test_search_puts_an_exact_finess_first_and_finds_nothing_for_nothing():
    assert sae.search("290004324")[0].finess == "290004324"
    assert sae.search("   ") == []
    assert sae.search("zzzz") == []


def test_unknown_finess_is_named():
    with pytest.raises(PlannerInputError) as err:
        sae.find(["020000162", "999999999", "12"])
    assert [i.value for i in err.value.issues] == ["999999999", "12"]


def test_a_bad_file_names_row_and_field():
    header = ",".join(sae.COLUMN_NAMES)
    good = "020000162,CH,020000063,02691,X,02,32,PUB2,1,1,,1,1,1,1,0,1101,0,0,29"
    text = "\n".join([header, good, good.replace(",1101,", ",abc,"), good.replace("020000162", "12", 1)])
    with pytest.raises(PlannerInputError) as err:
        sae.parse_rows(text, 2025, "new.csv")
    found = {(i.source, i.field, i.value) for i in err.value.issues}
    assert ("new.csv, row 3", "acts_adult_ischaemic_structural", "abc") in found
    assert ("new.csv, row 3", "finess", "020000162") in found  # duplicate
    assert ("new.csv, row 4", "finess", "12") in found
