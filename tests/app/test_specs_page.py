"""Plan page: each purchase line stated as a function first, then the reference product and its equivalents
(issue 14), in French and English; the Compare page's "equivalent product" rows."""

from __future__ import annotations

from planner import load_catalog
from tests.app.conftest import optimise, plan
from ui.i18n import Translator
from ui.views.specs_view import signed, specs_frame


def _page_text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def test_plan_page_states_the_function_before_the_reference_product(at):
    optimise(at)
    p = plan(at)
    catalog = load_catalog()
    assert p.specifications, "the general hospital buys devices"
    text = _page_text(at)
    assert "Quoi acheter : fonctions à spécifier" in [h.value for h in at.subheader]
    assert "art. R2111-7" in text
    ivus = next(s for s in p.specifications if s.family == "ivus")
    card = next(m.value for m in at.markdown if ivus.requirement_fr in m.value)
    assert card.index(ivus.requirement_fr) < card.index(catalog.devices[ivus.device_id].label("fr"))
    assert "Système d'imagerie endocoronaire IVUS, compatible avec l'angiographe de la salle, ou équivalent" in card
    for e in ivus.equivalents:  # the other IVUS carts with the same figures, named as equivalents
        assert catalog.devices[e.device_id].label("fr") in card
    assert "identique pour le modèle" in card


def test_plan_page_functions_in_english(at):
    optimise(at)
    at.radio(key="ui.lang").set_value("en").run()
    assert not at.exception
    text = _page_text(at)
    assert "What to buy: functions to specify" in [h.value for h in at.subheader]
    assert "Intravascular imaging system, IVUS, compatible with the room's angiography system, or equivalent" in text
    assert "Reference product (priced):" in text and "Equivalents within ±5%:" in text


def test_specs_frame_has_one_row_per_purchase_line(at):
    optimise(at)
    p = plan(at)
    t = Translator("en")
    frame = specs_frame(p, load_catalog(), t)
    assert list(frame.columns) == ["function", "reference", "new", "equivalents"]
    assert len(frame) == len(p.specifications) == len({(a.site_id, a.device_id) for a in p.acquisitions
                                                       if a.units_new})
    assert frame["new"].sum() == sum(a.units_new for a in p.acquisitions)


def test_signed_distances():
    t = Translator("en")
    assert signed(t, 0.0) == "0%"
    assert signed(t, 0.031) == "+3.1%"
    assert signed(t, -0.2) == "-20%"
