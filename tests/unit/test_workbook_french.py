"""The French workbooks walked cell by cell (issue 13): the plan workbook of every example (single- and multi-year,
the GHT network), the Robustness sheet and the MDS2 questionnaires hold no English word of the catalogue and no
internal id (device, indication, family or outcome id) in a sheet name, a header or a text cell.

What is not the planner's own text is left out: formulas and numbers, the user's data (scenario, site, device and
vendor names, price sources, URLs, the scenario's notes), the identifier columns ("Identifiant"), the sheets in
the layout the importers read back (price overrides, installed equipment, the scenario file: their headers are
the column codes the user types), and, in the MDS2 questionnaire, the key cells the importer reads (column A of
the key rows, the device id) and the column that gives each question in the other language on purpose. The
price-list template and the audit trail are checked too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from planner import Catalog, Plan, Scenario, load_catalog, load_scenario, make_plan
from planner.i18n import t
from planner.ingest.imports import SCENARIO_SHEET
from planner.ingest.template import price_template_workbook
from planner.mds2 import QUESTIONS
from planner.messages import catalogue
from planner.report.excel import plan_workbook
from planner.report.xlsx_mds2 import HEADER_ROW, questionnaires, sheet_name
from planner.report.xlsx_robust import add_robust_sheet
from planner.robust.backends import Backend
from planner.robust.run import RobustOptions, recommended_plan, run_robustness
from planner.store.audit_xlsx import audit_workbook
from tests.unit.test_cli_french import ENGLISH as CLI_ENGLISH
from tests.unit.test_messages import ENGLISH as MESSAGE_ENGLISH

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TODAY = date(2026, 11, 23)
CATALOG = load_catalog()
#: Internal ids: the catalogue's device, indication, family and outcome ids with an underscore (single words
#: such as "ivus" or "death" are also words of the texts).
IDS = sorted({i for table in (CATALOG.devices, CATALOG.indications, CATALOG.family_table, CATALOG.outcomes)
              for i in table if "_" in i})
ID_PATTERN = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, IDS)) + r")(?![\w./-])")
WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
URL = re.compile(r"\b(?:https?://|www\.)\S+")
Solved = tuple[Catalog, Scenario, Plan]


#: {fields}, column codes (capex_eur) and locations in the scenario file (sites[0].installed.x): codes the user
#: types, not prose.
CODE = re.compile(r"\{[^}]*\}|[\w\[\]]+(?:\.[\w\[\]]+)+|\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
#: French words that English uses too (the catalogue's French texts happen not to).
FRENCH_TOO = frozenset({"index", "export", "tiers"})


def _words(texts: Iterable[str]) -> set[str]:
    """Lower-case words of texts, without codes, acronyms (IVUS) and capitalised names inside a text (a trial
    such as DanGer Shock); a text's first word counts even capitalised (a one-word label)."""
    out = set()
    for text in texts:
        words = WORD.findall(CODE.sub(" ", text))
        out |= {w.lower() for i, w in enumerate(words) if not w.isupper() and (i == 0 or not w[0].isupper())}
    return out


@cache
def english_only() -> frozenset[str]:
    """Words of the catalogue's English texts that no French text of the catalogue uses (``the``, ``per``,
    ``with``...): French output holding one is English."""
    texts = catalogue().values()
    french = _words(e["fr"] for e in texts) | FRENCH_TOO
    return frozenset(w for w in _words(e["en"] for e in texts) - french if len(w) >= 3)


def english(text: str) -> list[str]:
    """The English phrases and words of a text (acronyms such as IVUS or PCI are not words)."""
    phrases = [w for w in (*MESSAGE_ENGLISH, *CLI_ENGLISH) if w in text]
    return phrases + sorted(_words([text]) & english_only())


def user_data(catalog: Catalog, scenario: Scenario, plan: Plan | None = None) -> list[str]:
    """The texts that are the user's or the catalogue's data (names, vendors, sources, notes), longest first
    (removed before a cell is checked)."""
    devices = catalog.devices.values()
    texts = {scenario.name, *(s.name for s in scenario.sites), *(p.source.split(";")[0] for p in catalog.price_index),
             *(s.function_source for s in (plan.specifications if plan else ())),
             *(d.label("fr") for d in devices),  # the product's French name; its English name is a finding
             *(getattr(d, f) for d in devices for f in ("vendor", "source", "notes", "security_source",
                                                         "funding_source", "os_family")),
             *(getattr(a, f) for d in devices for a in d.advisories for f in ("issuer", "reference", "severity",
                                                                              "status"))}
    return sorted((x for x in texts if x and len(x) > 1), key=len, reverse=True)


def own_text(value: str, data: Iterable[str]) -> str:
    """A cell's text without the user's data and URLs."""
    for item in data:
        value = value.replace(item, " ")
    return URL.sub(" ", value)


def text_cells(ws: Worksheet, skip_columns: Iterable[int] = (), skip_cells: Iterable[tuple[int, int]] = ()
               ) -> Iterator[tuple[str, str]]:
    """(coordinate, text) of every text cell of a sheet that is not a formula, outside the skipped columns."""
    columns, cells = set(skip_columns), set(skip_cells)
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.data_type != "f" and not c.value.startswith("=") \
                    and c.column not in columns and (c.row, c.column) not in cells:
                yield c.coordinate, c.value


def id_columns(ws: Worksheet) -> set[int]:
    """Identifier columns ("Identifiant", "Identifiant du site"...): the reference of a line, kept on purpose."""
    headers = {t(k, "fr") for k in ("device_id", "site_id", "indication_id")}
    return {c.column for row in ws.iter_rows() for c in row if c.value in headers}


def problems(wb: Workbook, data: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
    """Every English word or internal id in the sheet names and text cells of a workbook."""
    data = list(data)
    out = []
    for ws in wb.worksheets:
        cells = [("(sheet name)", ws.title)] if ws.title not in skip else []
        if ws.title not in skip:
            cells += list(text_cells(ws, id_columns(ws)))
        for where, value in cells:
            found = (ID_PATTERN.findall(own_text(value, data)) + english(own_text(value, data))
                     + [n for n in ENGLISH_NAMES if n in value and n not in own_text(value, ())])
            if found:
                out.append(f"{ws.title}!{where}: {found}: {value[:160]}")
    return out


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def solved(request: pytest.FixtureRequest) -> Solved:
    scenario = load_scenario(request.param)
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario)


def importable_sheets() -> tuple[str, ...]:
    """The sheets in the importers' layout (column codes and ids on purpose)."""
    return t("sheet_prices", "fr"), t("sheet_installed", "fr"), SCENARIO_SHEET


#: The bundled products' English names that their French name does not hold (``name_fr``).
ENGLISH_NAMES = tuple(d.name for d in load_catalog().devices.values() if d.name not in d.label("fr"))


def test_the_detector_sees_english_and_ids() -> None:
    assert english("Coût annualisé par an") == []
    assert "per" in english("Maintenance per year") and "the" in english("Total of the plan")
    assert english("Athérectomie rotative (IVUS, PCI)") == []
    assert ID_PATTERN.findall("voir rotational_atherectomy et abbott_pressurewire_coroflow") == [
        "rotational_atherectomy", "abbott_pressurewire_coroflow"]


def test_every_example_workbook_in_french(solved: Solved) -> None:
    catalog, scenario, plan = solved
    wb = plan_workbook(plan, catalog, scenario, "fr", TODAY)
    assert not problems(wb, user_data(catalog, scenario, plan), importable_sheets())


def test_a_planted_english_label_is_found(solved: Solved) -> None:
    catalog, scenario, plan = solved
    wb = plan_workbook(plan, catalog, scenario, "fr", TODAY)
    ws = wb.worksheets[0]
    ws.cell(row=ws.max_row + 2, column=1, value="Capital expenditure per year")
    ws.cell(row=ws.max_row + 1, column=2, value="Famille : rotational_atherectomy")
    found = problems(wb, user_data(catalog, scenario, plan), importable_sheets())
    assert len(found) == 2 and "per" in found[0] and "rotational_atherectomy" in found[1]


def test_the_robustness_workbook_in_french() -> None:
    """As ``robust --xlsx --lang fr`` writes it: the recommended plan's workbook and the Robustness sheet."""
    scenario = load_scenario(ROOT / "examples" / "general_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    report = run_robustness(catalog, scenario, RobustOptions(mode="stability", samples=2, seed=3,
                                                             backend=Backend(workers=1)))
    plan = recommended_plan(catalog, scenario, report)
    wb = plan_workbook(plan, catalog, scenario, "fr", TODAY)
    add_robust_sheet(wb, report, "fr", catalog, scenario)
    assert report.stability is not None and report.stability.frequency
    assert not problems(wb, user_data(catalog, scenario, plan), importable_sheets())


def test_the_mds2_questionnaires_in_french() -> None:
    """Every vendor's questionnaire, every device of the catalogue. The answer codes a question lists ("none
    (autonome), dicom (...)") are what the vendor types in the answer cell (a drop-down list): codes, not prose."""
    files = questionnaires(CATALOG.devices.values(), "fr", TODAY)
    data = [*user_data(CATALOG, load_scenario(EXAMPLES[0])), *(f"{c} (" for q in QUESTIONS for c in q.choices)]
    keys = [(row, col) for row in range(2, 9) for col in (1, 2)]  # the importer's keys and their values
    found = []
    for name, content in files.items():
        for ws in load_workbook(BytesIO(content)).worksheets:
            named = any(sheet_name(d.label("fr"), set())[:28] == ws.title[:28] for d in CATALOG.devices.values())
            assert not any(sheet_name(d.name, set())[:28] == ws.title[:28] for d in CATALOG.devices.values()
                           if d.name not in d.label("fr")), ws.title  # named in French, not in English
            cells = [*([] if named else [("(sheet name)", ws.title)]), *text_cells(ws, [4], keys)]  # D: English
            found += [f"{name} {ws.title}!{where}: {value[:120]}" for where, value in cells
                      if ID_PATTERN.findall(own_text(value, data)) or english(own_text(value, data))]
            assert ws.cell(row=HEADER_ROW, column=4).value == "Question (English)"
    assert not found


def test_the_price_template_and_the_audit_trail_in_french() -> None:
    """The price-list template (its Reference column holds the catalogue ids on purpose, and the help lists the
    headers accepted in both languages) and the audit trail's headers."""
    template = price_template_workbook(CATALOG, "fr")
    quote, help_sheet = template.worksheets
    data = user_data(CATALOG, load_scenario(EXAMPLES[0]))
    cells = [*text_cells(quote, [3]), *text_cells(help_sheet, [2]), ("(sheet names)", " ".join(template.sheetnames))]
    audit = load_workbook(BytesIO(audit_workbook([], "fr"))).active
    cells += [("(audit)", " ".join(c.value for c in audit[1])), ("(audit sheet)", audit.title)]
    assert not [(w, v) for w, v in cells if ID_PATTERN.findall(own_text(v, data)) or english(own_text(v, data))]
    assert english(" ".join(c.value for c in load_workbook(BytesIO(audit_workbook([], "en"))).active[1]))
