"""The input problems migrated to the catalogue render in French: a supplier's quote, a bad ``functions.csv``,
a bad funding column and bad purchase-path weights, with names instead of ids and no English word."""

from __future__ import annotations

import dataclasses
import re

import pytest

from planner import PlannerInputError
from planner.errors import Issue
from planner.ingest.imports import import_price_list
from planner.specs.functions import parse_functions
from tests.unit.test_cli_french import ENGLISH as CLI_ENGLISH
from tests.unit.test_cli_french import ID_PATTERN
from tests.unit.test_imports_quotes import _xlsx
from tests.unit.test_messages import CATALOG, ENGLISH, NAMES
from tests.unit.test_prices import _build
from tests.unit.test_specs_functions import HEADER, ROW

#: English words of the migrated messages (places, causes) that French text never holds.
MIGRATED = ("sheet", "row ", "column", "unknown", "needs", "quote", "reference", "is not", "is no ", "ambiguous",
            "duplicate", "required", "funding", "weights", "purchase path", "budget step", "device", " or ", " and ")


def french(issues: tuple[Issue, ...]) -> list[str]:
    """Each issue in French; fail on an id of the catalogue, or an English word outside the file's own column
    names and values (``capex_eur = '1,500'`` is the file's text, as the columns an unknown one could be)."""
    lines = [i.render("fr", NAMES) for i in issues]
    assert not ID_PATTERN.findall("\n".join(lines)), ID_PATTERN.findall("\n".join(lines))
    said = "\n".join(dataclasses.replace(i, source=i.origin or "", field="", value="").render("fr", NAMES)
                     for i in issues)
    said = re.sub(r"possibles\u00a0: [^()]*?, ou leurs", "possibles : …, ou leurs", said)  # the column names
    english = [w for w in (*ENGLISH, *CLI_ENGLISH, *MIGRATED) if w in said]
    assert not english, (english, said)
    return lines


def test_a_french_supplier_quote_with_errors_is_reported_in_french() -> None:
    quote = [["DEVIS N° 2026-0412"], [], ["Fournisseur", "Désignation", "Réf. fournisseur", "Prix unitaire HT",
                                         "Date du devis"],
             ["Abbott", "Gadget inconnu", "XYZ-1", "1 500,00 €", "15/03/2026"]]
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(_xlsx(quote), "devis.xlsx", CATALOG)
    assert french(exc.value.issues) == [
        "devis.xlsx, feuille «\u00a0Devis\u00a0», ligne 4, colonne B : id = 'Abbott / Gadget inconnu' : la référence "
        "«\u00a0XYZ-1\u00a0» n'est pas un identifiant du catalogue, et aucun équipement du catalogue n'a ce "
        "fournisseur et cette désignation"]
    quote[2].append("Couleur")
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(_xlsx(quote), "devis.xlsx", CATALOG)
    text = "\n".join(french(exc.value.issues))
    assert "feuille «\u00a0Devis\u00a0», ligne 3, colonne F : Couleur = 'Couleur' : colonne inconnue" in text


def test_ambiguous_numbers_and_bad_dates_are_reported_in_french() -> None:
    data = _xlsx([["Référence", "Prix unitaire HT", "Date"], ["abbott_istat_act", "1,500", "31/02/2026"]])
    with pytest.raises(PlannerInputError) as exc:
        import_price_list(data, "devis.xlsx", CATALOG)
    text = "\n".join(french(exc.value.issues))
    assert "est ambigu (1,500 peut vouloir dire 1500 ou 1.500)\u00a0: utilisez une cellule numérique" in text
    assert "n'est pas une date" in text and "ligne 2, colonne C" in text


@pytest.mark.parametrize("text", [HEADER + ROW.replace("ivus,", "laser_x,", 1), HEADER + ROW + ROW,
                                  HEADER.replace("date\n", "date,colour\n") + ROW, HEADER.replace(",source", "")])
def test_a_bad_functions_table_is_reported_in_french(text: str) -> None:
    with pytest.raises(PlannerInputError) as exc:
        parse_functions(text, "functions.csv", frozenset({"ivus", "oct"}))
    assert any(w in line for line in french(exc.value.issues)
               for w in ("famille", "colonne inconnue", "colonne obligatoire absente"))


@pytest.mark.parametrize("row", [
    {"funding": "liste_en_sus", "funding_source": "x", "lpp_tariff_eur": 900},
    {"funding": "intra_ghs", "funding_source": "x", "lpp_tariff_eur": 900},
    {"funding": "intra_ghs"},
    {"capex_currency": "USD", "capex_year": 2009, "capex_source_amount": 150000, "capex_eur": 138000},
])
def test_a_bad_funding_or_dated_price_is_reported_in_french(row: dict[str, object]) -> None:
    with pytest.raises(PlannerInputError) as exc:
        _build(**row)
    lines = french(exc.value.issues)
    assert any("équipement" in line or "ne correspond pas" in line for line in lines), lines


def test_bad_purchase_path_weights_are_reported_in_french() -> None:
    from planner.decision.nested import step_weights  # noqa: PLC0415

    with pytest.raises(PlannerInputError) as exc:
        step_weights(3, [1.0, 0.0, 1.0])
    assert french(exc.value.issues) == [
        "parcours d'achat : weights = '[1.0, 0.0, 1.0]' : il faut 3\u00a0poids positifs et finis, "
        "un par palier de budget"]
