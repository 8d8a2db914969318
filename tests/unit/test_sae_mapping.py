"""Public SAE data -> scenario sites: row by row on real 2024 sites, with values computed by hand.

Default ratios: pci = 0.9 x ACT3, cag = 2.07 x pci, stemi = 0.18 x pci, rounded half up; rooms = SALCAR, or
ACT3 / 575 (at least 1) when SALCAR is blank or 0; cardiac_surgery when INTADU > 0.
"""

from __future__ import annotations

import pytest

from planner import PlannerInputError
from planner.publicdata import sae
from planner.publicdata.mapping import DEFAULT_VENDOR, default_budget, map_site
from planner.publicdata.ratios import DEFAULT_RATIOS, parse_assignments, with_overrides

# finess: (rooms, cag, pci, stemi, roles), each computed by hand from the row of the 2024 file
EXPECTED = {
    # CLINIQUE CONVERT, SALCAR 2, ACT3 1492, INTADU blank: 1342.8 -> 1343; 2780.01 -> 2780; 241.74 -> 242
    "010780195": (2, 2780, 1343, 242, []),
    # CH SAINT-QUENTIN, SALCAR 1, ACT3 1101, INTADU 0: 990.9 -> 991; 2051.37 -> 2051; 178.38 -> 178
    "020000162": (1, 2051, 991, 178, []),
    # CHRU BREST CAVALE BLANCHE, SALCAR 4, ACT3 1372, INTADU 873: 1234.8 -> 1235; 2556.45 -> 2556; 222.3 -> 222
    "290004324": (4, 2556, 1235, 222, ["cardiac_surgery"]),
    # CHR METZ (MERCY), SALCAR 0, ACT3 2800, INTADU 515: rooms 2800/575 = 4.87 -> 5; pci 2520; 5216.4 -> 5216;
    # 453.6 -> 454
    "570026682": (5, 5216, 2520, 454, ["cardiac_surgery"]),
    # CHU NANTES LAENNEC, SALCAR blank, ACT3 2380, INTADU 2290: rooms 4.14 -> 4; pci 2142; 4433.94 -> 4434;
    # 385.56 -> 386
    "440017598": (4, 4434, 2142, 386, ["cardiac_surgery"]),
    # CH DE FLEYRIAT, SALCAR 1, ACT3 10, INTADU 0: pci 9; 18.63 -> 19; 1.62 -> 2
    "010000024": (1, 19, 9, 2, []),
}


@pytest.mark.parametrize("finess", sorted(EXPECTED))
def test_mapping_row_by_row(finess):
    rooms, cag, pci, stemi, roles = EXPECTED[finess]
    data = map_site(sae.find([finess])[0]).data
    assert data["rooms"] == rooms
    assert data["activity"] == {"cag": cag, "pci": pci, "stemi": stemi}
    assert data.get("roles", []) == roles
    assert data["angio_vendor"] == DEFAULT_VENDOR
    assert data["id"].endswith(f"_{finess}")


def test_every_figure_is_marked_with_how_it_was_made():
    mapped = map_site(sae.find(["020000162"])[0])
    record = mapped.provenance
    assert (record.finess, record.year) == ("020000162", 2024)
    assert "Licence Ouverte" in record.source
    kinds = {f.field: f.kind for f in record.fields}
    assert kinds == {"rooms": "derived", "activity.pci": "derived", "activity.cag": "derived",
                     "activity.stemi": "derived", "angio_vendor": "default", "roles": "derived"}
    assert record.get("activity.pci").how == "0.9 x ACT3 1101 = 991 (pci_per_act3, EST)"
    assert record.get("rooms").how == "SALCAR = 1"


def test_user_values_always_win_and_are_recorded_as_theirs():
    row = sae.find(["290004324"])[0]
    mapped = map_site(row, overrides={"pci": 1500, "rooms": 3, "angio_vendor": "philips", "roles": ("shock_centre",),
                                      "name": "CHU Brest"})
    data = mapped.data
    # cag and stemi follow the user's pci: 2.07 x 1500 = 3105; 0.18 x 1500 = 270
    assert data["activity"] == {"cag": 3105, "pci": 1500, "stemi": 270}
    assert (data["rooms"], data["angio_vendor"], data["roles"], data["name"]) == (3, "philips", ["shock_centre"],
                                                                                   "CHU Brest")
    pci = mapped.provenance.get("activity.pci")
    assert pci.kind == "user" and pci.value == 1500 and "public data gave 1235" in pci.how
    assert mapped.provenance.get("activity.cag").how.startswith("2.07 x PCI (your value) 1500 = 3105")
    # a user's cag wins over the one derived from the user's pci
    assert map_site(row, overrides={"pci": 1500, "cag": 2000}).data["activity"]["cag"] == 2000


def test_ratio_overrides_win_and_say_so():
    ratios = with_overrides({"pci_per_act3": 0.8, "stemi_per_pci": 0.25})
    data = map_site(sae.find(["020000162"])[0], ratios).data
    # 0.8 x 1101 = 880.8 -> 881; 2.07 x 881 = 1823.67 -> 1824; 0.25 x 881 = 220.25 -> 220
    assert data["activity"] == {"cag": 1824, "pci": 881, "stemi": 220}
    assert ratios["pci_per_act3"].user and ratios["pci_per_act3"].source.startswith("your value (default 0.9")
    assert not ratios["cag_per_pci"].user


def test_every_default_ratio_states_a_source_and_whether_it_is_an_estimate():
    assert {r.key for r in DEFAULT_RATIOS} == {"pci_per_act3", "cag_per_pci", "stemi_per_pci", "act3_per_room"}
    for r in DEFAULT_RATIOS:
        assert r.source and r.cite and r.reliability in ("H", "M", "EST", "data")
    assert [r.key for r in DEFAULT_RATIOS if r.is_estimate] == ["pci_per_act3"]


def test_bad_ratios_are_named():
    with pytest.raises(PlannerInputError) as err:
        with_overrides({"pci_per_act3": 3.0, "nope": 1.0})
    text = str(err.value)
    assert "pci_per_act3='3'" in text and "between 0.05 and 2" in text and "nope" in text
    with pytest.raises(PlannerInputError, match="must be key=number"):
        parse_assignments(["pci_per_act3"])


def test_default_budget_scales_the_general_hospital_envelopes():
    sites = [map_site(r) for r in sae.find(["020000162", "290004324"])]
    # rooms 1 + 4 = 5 x 150,000; PCI 991 + 1235 = 2226 x 316 = 703,416 -> 703,000
    assert default_budget(sites) == {"capex_eur": 750_000.0, "opex_eur_per_year": 703_000.0}
