"""The committee PDF from the Plan page: built when clicked, in the interface language, with the purchase path
of the nested purchase path when the Decisions page computed one for this scenario."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.app.conftest import goto, optimise
from tests.app.test_plan_extras import downloaded, media  # noqa: F401  (fixture)


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_committee_pdf_downloads_in_the_interface_language(media, at):  # noqa: F811
    optimise(at)
    button = at.download_button(key="ui.plan.pdf")
    assert button.label == "Télécharger le dossier du comité (PDF)"
    name, data = downloaded(at, "ui.plan.pdf")
    assert name == "dossier_comite_centre_hospitalier_2027.pdf" and data.startswith(b"%PDF")
    text = _text(data)
    assert "1. Synthèse" in text and "5. Clauses de sécurité" in text
    assert "Le parcours d'achat n'a pas été calculé" in text  # no ladder asked for yet

    at.radio(key="ui.lang").set_value("en").run()
    name, data = downloaded(at, "ui.plan.pdf")
    assert name == "committee_document_centre_hospitalier_2027.pdf"
    assert "1. Summary" in _text(data)


def test_the_pdf_carries_the_ladder_of_the_decisions_page(media, at):  # noqa: F811
    goto(at, "decisions")
    at.button(key="ui.ladder.run").click().run()
    assert not at.exception, at.exception
    optimise(at)
    _, data = downloaded(at, "ui.plan.pdf")
    text = _text(data)
    assert "Quoi acheter d'abord" in text and "Niveaux de la configuration finale" in text
