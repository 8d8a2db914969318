"""The message catalogue: every code in both languages with the same parameters, rendered without ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner import load_catalog
from planner.messages import (
    CatalogNames,
    CatalogueError,
    Device,
    Indication,
    Msg,
    Site,
    catalogue,
    fields,
    msg,
    render,
)
from planner.messages.catalogue import read_tables

CATALOG = load_catalog()
NAMES = CatalogNames(CATALOG, {"main": "Hôpital Nord"})
#: English words that must not appear in French output.
ENGLISH = ("the plan", " budget by ", "raise the", "lower the", "cases/year", "capex", "must-include", " with ",
           " device ", "floor")


def sample(name: str) -> object:
    """A parameter value for a field name, typed the way the planner passes it."""
    if name in ("device", "other"):
        return Device("acist_hdi_kodama")
    if name == "indication":
        return Indication("complex_pci")
    if name == "site":
        return Site("main")
    return "1"


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_every_code_has_both_languages_with_the_same_parameters(code: str) -> None:
    entry = catalogue()[code]
    assert entry["fr"].strip() and entry["en"].strip()
    assert fields(entry["fr"]) == fields(entry["en"])


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_every_code_renders_in_french_without_ids_or_english(code: str) -> None:
    m = Msg(code, tuple((f, sample(f)) for f in sorted(fields(catalogue()[code]["fr"]))))
    assert not re.search(r"\b(acist_hdi_kodama|complex_pci|main)\b", render(m, "fr", NAMES))
    own_words = render(m, "fr", Neutral())  # the catalogue's words only (product names are English)
    # a file's column codes (capex_eur, vendor...) are shown as the codes the user types: not English prose
    own_words = re.sub(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", "", own_words)
    assert not any(word in own_words for word in ENGLISH), own_words


class Neutral:
    """Names that carry no words of either language."""

    def device(self, device_id: str, lang: str) -> str:  # noqa: ARG002
        """A placeholder."""
        return "DEV"

    def indication(self, indication_id: str, lang: str) -> str:  # noqa: ARG002
        """A placeholder."""
        return "IND"

    def site(self, site_id: str) -> str:  # noqa: ARG002
        """A placeholder."""
        return "SITE"

    def outcome(self, outcome_id: str, lang: str) -> str:  # noqa: ARG002
        """A placeholder."""
        return "OUT"


def test_a_bad_catalogue_line_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('"x" = { en = "{a}", fr = "{b}" }\n"y" = { en = "only english" }\n',
                                     encoding="utf-8")
    (tmp_path / "b.toml").write_text('"x" = { en = "x", fr = "x" }\n', encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        read_tables(tmp_path.glob("*.toml"))
    text = str(err.value)
    assert "a.toml: x: parameters differ" in text and "a.toml: y: missing or empty 'fr' text" in text
    assert "b.toml: x: already defined in a.toml" in text


def test_messages_round_trip_through_json() -> None:
    m = msg("diag.floor_head", site=Site("main"), indication=Indication("complex_pci"), floor=0.5, cases=3)
    assert Msg.from_dict(m.to_dict()) == m
    assert Msg.from_dict("an old plan's text") == msg("text", text="an old plan's text")


def test_devices_and_indications_are_named_by_their_label() -> None:
    m = msg("fix.floor", indication=Indication("complex_pci"), site=Site("main"), current=0.5, relaxed=0.2)
    assert render(m, "fr", NAMES).startswith(
        f"abaisser la couverture minimale de {CATALOG.indications['complex_pci'].name('fr')} à Hôpital Nord")
    assert str(m).startswith("lower the complex_pci minimum coverage at main")  # logs keep the ids
