"""Every page in French, with a plan solved (a single-year plan explained, the decision tools run, an infeasible
multi-year plan): no English sentence and no internal id (device, indication or site id) in what the app shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from streamlit.testing.v1 import AppTest

from planner import load_catalog
from planner.messages import catalogue
from tests.app.conftest import APP, PAGES, goto, optimise, plan

CATALOG = load_catalog()
#: Ids a user never types in French output: catalogue ids with an underscore (single words such as "ivus" or
#: "stemi" are also product words), and the example's site ids.
IDS = sorted({*(d for d in CATALOG.devices if "_" in d), *(k for k in CATALOG.indications if "_" in k)})
ID_PATTERN = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, IDS)) + r")(?![\w./-])")
#: English words of the planner's messages (from the catalogue's English texts) that French text never holds.
ENGLISH = ("no plan", "raise the", "lower the", "cases/year", "must-include", "budget used", "the plan", " capex",
           "weighted events", "per year", "not affordable", "excluded by", "cannot be", "stop requiring",
           "minimum coverage", "operating budget", "capital budget", "to refer")
#: The English names of the products that have a French one (catalogue column ``name_fr``), unless the French
#: name holds the English one (a brand name such as "CAAS Workstation vFFR").
ENGLISH_NAMES = sorted(d.name for d in CATALOG.devices.values() if d.name not in d.label("fr"))
#: Table columns of source material shown as written (citations, the catalogue's working notes, trial populations
#: and guideline quotes, mostly in English): raw column names and their French headers.
SOURCE_COLUMNS = {"source", "notes", "funding_source", "Source", "Notes", "Population"}


def shown(at: AppTest) -> list[str]:
    """Every text the page shows: boxes, markdown, captions, metrics, headers and the tables' text cells."""
    texts = [e.value for kind in ("error", "warning", "info", "success", "markdown", "caption", "subheader",
                                  "header", "title") for e in at.get(kind)]
    texts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    for frame in at.dataframe:
        data = frame.value
        texts += [str(c) for c in data.columns]
        texts += [v for col in data.columns if col not in SOURCE_COLUMNS for v in data[col] if isinstance(v, str)]
    return texts


def problems(texts: Iterable[str]) -> list[str]:
    """The texts holding an internal id or an English phrase."""
    out = []
    for text in texts:
        ids = ID_PATTERN.findall(text)
        english = [w for w in (*ENGLISH, *ENGLISH_NAMES) if w in text]
        if ids or english:
            out.append(f"{ids or english}: {text[:200]}")
    return out


@pytest.fixture(scope="module")
def solved() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    optimise(app)
    assert plan(app) is not None and plan(app).has_solution
    return app


def test_the_products_are_named_in_french() -> None:
    assert all(d.name_fr for d in CATALOG.devices.values())  # every bundled product has its French name
    assert problems(["Analyseur portable i-STAT 1 avec cartouche Kaolin ACT"]) == []
    assert problems(["i-STAT 1 handheld with Kaolin ACT cartridge"])


def test_the_english_markers_are_english_catalogue_words() -> None:
    english = " ".join(e["en"] for e in catalogue().values())
    assert all(w.strip() in english for w in ENGLISH)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_french_with_a_plan(solved: AppTest, page: str) -> None:
    goto(solved, page)
    assert not problems(shown(solved))


def test_the_plan_explained_and_the_decision_tools_in_french(solved: AppTest) -> None:
    goto(solved, "plan")
    solved.button(key="ui.explain").click().run()
    texts = shown(solved)
    goto(solved, "decisions")
    solved.button(key="ui.ladder.run").click().run()
    solved.button(key="ui.sens.run").click().run()
    texts += shown(solved)
    assert not solved.exception
    assert not problems(texts)


def test_an_infeasible_multi_year_plan_in_french() -> None:
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    app.selectbox(key="ui.example").set_value("university_hospital_ppi_2027_2031").run()
    app.button(key="ui.load").click().run()
    app.number_input(key="in.budget.capex").set_value(0).run()
    app.number_input(key="in.budget.opex").set_value(1000).run()
    optimise(app)
    assert plan(app).status == "infeasible"
    texts = shown(app)
    assert any("relever" in t for t in texts)  # the ways out are there, in French
    assert not problems(texts)
