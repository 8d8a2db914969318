"""Every command of ``cathlab-planner`` in French (issue 13): each subcommand of the parser is run (the store on
SQLite in a temporary folder, ``robust`` with a few futures in this process), once with ``--lang fr`` and once
with ``LANG=fr_FR.UTF-8``, and everything it prints or writes to stderr must hold no English sentence and no
internal id (device, indication, outcome ids, family slugs).

What is left out of the check, on purpose: the names of things (device and vendor names are the makers'
product names, scenario, site and item names are the user's), file paths, commands and options quoted for the
user to type (`...`, --option), the settings' YAML paths and column codes (``budget.capex_eur``), and the
values the user typed, quoted « ... ». ``scenarios show`` without ``--out`` prints the scenario's YAML itself
and ``catalog --ids`` asks for the ids: their text is not checked for ids.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario
from planner.catalog import Catalog
from planner.cli import _parser, main
from tests.unit.test_mds2 import HN_ANSWERS, vendor_form

ROOT = Path(__file__).resolve().parents[2]
GH = ROOT / "examples" / "general_hospital.yaml"
WHY = ROOT / "tests" / "data" / "catalog_decision" / "why_not.yaml"
INFEASIBLE = ROOT / "tests" / "data" / "catalog_decision" / "shock_floor_infeasible.yaml"
PASSWORD = "cheval correct agrafe"
SITE_NAME = "Plateau principal"  # the test scenarios' site has none: shown by its id otherwise
PRICES = "id,capex_eur\nshockwave_c2_ivl,1200.5\n"
INSTALLED = "site_id,device_id,units\nmain,opsens_optowire_optomonitor,1\n"
EXTENSION = ("id,family,name,vendor,capex_eur,maintenance_eur_per_year,consumable_eur_per_case,lifetime_years,"
             "capacity_cases_per_year,deployment,requires,compatible_angio,source,price_date,estimate,notes\n"
             "acme_ivus,ivus,ACME IVUS cart,ACME,90000,8000,600,7,400,shared,,any,devis 2026,2026-10,no,\n")

#: Words of English prose that no French sentence of the planner uses (whole words, any case).
ENGLISH_WORDS = frozenset((  # noqa: SIM905 (one word list a reader can scan)
    "the of and with written to is are not saved from for by which this that yes no at must per each year years cases "
    "devices device found unknown error errors warning rooms room futures nothing was has been into only file files "
    "name than store value cost events avoided weighted running exceeded held selection frequency mean out sample "
    "deterministic robust gap seed workers process done could cancelled report workbook account created roles role "
    "login refused conflict latest changes change restored imported exported schema trail rows bytes write kind "
    "prices establishment matches derived surg scenario shared idle new installed capex opex consumables funding "
    "estimate estimated coverage served demand floor floors referrals alerts status solver time limit why binding "
    "path steps step tier tiers ladder benefit greedy entering frontier lost buy answers read sheet profile form open "
    "known fields field none please run see give"
    ).split())
#: English phrases of the existing French tests (tests/unit/test_cli_french.py), kept.
ENGLISH_PHRASES = ("Scenario:", "Status:", "Solver:", "No plan", "Acquisitions (new", "Capex:", "Coverage (",
                   "raise the", "lower the", "cases/year", "error(s)", "Input error", "must be", "unknown key")


def catalogue_ids(*catalogs: Catalog, scenarios: tuple[Path, ...] = ()) -> list[str]:
    """Device, indication and outcome ids and family slugs of the catalogues; site ids of the scenarios."""
    sites = {x.id for path in scenarios for x in load_scenario(path).sites}
    return sorted({i for c in catalogs for i in (*c.devices, *c.indications, *c.outcomes, *c.families())} | sites)


def proper_names(*catalogs: Catalog, scenarios: tuple[Path, ...] = ()) -> list[str]:
    """Names the check leaves as they are, longest first: devices (by their French name: an English product name
    is a finding), vendors, scenarios and their sites."""
    found = {n for c in catalogs for d in c.devices.values() for n in (d.label("fr"), d.vendor)}
    for path in scenarios:
        s = load_scenario(path)
        found |= {s.name, *(x.name for x in s.sites if x.name and x.name != x.id)}
    return sorted(found | {"ACME IVUS cart", SITE_NAME}, key=len, reverse=True)


CATALOGS = (load_catalog(), load_catalog(load_scenario(WHY).catalog_path()))
IDS = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, catalogue_ids(*CATALOGS, scenarios=(GH, WHY))))
                 + r")(?![\w/-])")
NAMES = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, proper_names(*CATALOGS, scenarios=(GH, WHY, INFEASIBLE))))
                   + r")(?!\w)")  # whole names, never a part of a YAML path (sites.main.rooms)
SKIPPED = (re.compile(r"`[^`]*`"), re.compile(r"«[^»]*»"), re.compile(r"\S*[/\\]\S*"),  # commands, values, paths
           re.compile(r"clés possibles : [^)]*"),  # the keys a scenario YAML may have, as the user types them
           re.compile(r"\b\w+ = '[^']*'"),  # a problem's YAML field and the value found there
           re.compile(r"(?m)^\s+[+~-] \S+"),  # a change's setting (its YAML path)
           re.compile(r"(?<!\w)--[\w-]+"),  # options
           re.compile(r"\b\w+(?:\[\d+\])?(?:[._]\w+(?:\[\d+\])?)+\b"))  # codes and YAML paths (sites[0].rooms)


def unnamed(text: str) -> str:
    """The text without the names of things (a test device may be named after another's id)."""
    return NAMES.sub(" ", text)


def prose(text: str) -> str:
    """The text without the names, paths, commands, codes and typed values the check leaves out."""
    text = unnamed(text)
    for pattern in SKIPPED:
        text = pattern.sub(" ", text)
    return text


def english(text: str) -> list[str]:
    """The English words and phrases of a text (after :func:`prose`)."""
    left = prose(text)
    words = {w for w in re.findall(r"[^\W\d_]+", left) if w.lower() in ENGLISH_WORDS}
    return sorted(words | {p for p in ENGLISH_PHRASES if p in left})


def ids_in(text: str) -> list[str]:
    """The catalogue ids a text shows (outside names, commands and values to type, file and YAML paths)."""
    return IDS.findall(SKIPPED[0].sub(" ", unnamed(text)))


@dataclass
class Walk:
    """Runs commands in French, keeps what each printed."""

    tmp: Path
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    flag: bool  # True: --lang fr on the line; False: the locale
    texts: list[tuple[str, str, bool]] = field(default_factory=list)  # (command line, output, check ids)
    ran: set[tuple[str, ...]] = field(default_factory=set)

    def __call__(self, code: int, *argv: str | Path, ids: bool = True, checked: bool = True) -> str:
        """Run one command line; check its exit code; keep its output (``checked``: for the French check;
        ``ids``: for the ids)."""
        args = [str(a) for a in argv]
        line = [*args[:1], "--lang", "fr", *args[1:]] if self.flag else args
        assert main(line) == code, (line, self.capsys.readouterr())
        out = self.capsys.readouterr()
        if checked:
            self.texts.append((" ".join(args), out.out + out.err, ids))
        self.ran.add(tuple(a for a in args[:2] if not a.startswith("-") and "/" not in a))
        return out.out + out.err

    def named(self, scenario: Path) -> Path:
        """A copy of a test scenario whose site has a name (its catalogue folder kept)."""
        text = scenario.read_text(encoding="utf-8").replace("catalog: .", f"catalog: {scenario.parent}")
        return self.file(scenario.name, text.replace("  - id: main\n", f"  - id: main\n    name: {SITE_NAME}\n"))

    def file(self, name: str, text: str | bytes) -> Path:
        """A file of the tmp folder."""
        path = self.tmp / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path


def parser_commands() -> set[tuple[str, ...]]:
    """Every command of the parser: ``(name,)`` or ``(name, subcommand)``."""
    out: set[tuple[str, ...]] = set()
    top = next(a for a in _parser()._actions if a.dest == "command")  # noqa: SLF001 (argparse has no public walk)
    for name, sub in top.choices.items():  # type: ignore[union-attr]
        inner = [a for a in sub._actions if a.choices and a.dest.endswith("_command")]  # noqa: SLF001
        out |= {(name, s) for s in inner[0].choices} if inner else {(name,)}  # type: ignore[union-attr]
    return out


def plain_commands(w: Walk) -> None:
    """The commands without the store."""
    w(0, "validate", GH)
    bad = w.file("mauvais.yaml", GH.read_text(encoding="utf-8").replace("rooms: 2", "rooms: -2") + "\nbogus: 1\n")
    w(2, "validate", bad)
    w(0, "catalog")
    w(0, "catalog", "--family", "ivus")
    w(0, "catalog", "--family", "ivus", "--ids", ids=False)
    w(2, "catalog", "--family", "grille-pain")
    w(0, "price-template", w.tmp / "modele.xlsx")
    w(0, "import-prices", w.file("prix.csv", PRICES), "--scenario", GH, "--out", w.tmp / "avec_prix.yaml")
    w(0, "import-installed", w.file("parc.csv", INSTALLED), "--scenario", GH, "--out", w.tmp / "avec_parc.yaml")
    w(0, "import-catalog", w.file("ext.csv", EXTENSION), "--out", w.tmp / "catalogue")
    w(0, "sites", "search", "saint", "quentin")
    w(0, "sites", "search", "zzzz")
    w(0, "sites", "scenario", "020000162", "010000024", "--set", "020000162:roles=shock_centre", "--out",
      w.tmp / "sae.yaml")
    w(0, "import-mds2", w.file("formulaire.xlsx", vendor_form(HN_ANSWERS)), "--scenario", GH, "--device",
      "pie_caas_vffr", "--out", w.tmp / "avec_mds2.yaml")
    w(0, "mds2", GH, "--out", w.tmp / "q1", "--device", "pie_caas_vffr")


def solving_commands(w: Walk) -> None:
    """The commands that solve."""
    w(0, "solve", GH, "--json", w.tmp / "plan.json", "--xlsx", w.tmp / "plan.xlsx", "--pdf", w.tmp / "plan.pdf",
      "--path-steps", "0")
    why, infeasible = w.named(WHY), w.named(INFEASIBLE)
    w(1, "solve", infeasible)
    w(0, "ladder", why, "--steps", "3")
    w(0, "ladder", why, "--steps", "3", "--frontier")
    w(0, "explain", why, "--json", w.tmp / "pourquoi.json")
    w(0, "compare", GH, w.file("deux.yaml", GH.read_text(encoding="utf-8").replace("rooms: 2", "rooms: 3")))
    w(0, "mds2", GH, "--out", w.tmp / "q2")
    w(0, "robust", GH, "--samples", "4", "--mode", "stability", "--workers", "1", "--json", w.tmp / "r.json",
      "--xlsx", w.tmp / "r.xlsx")
    w(0, "robust", GH, "--samples", "2", "--fit-samples", "2", "--mode", "robust", "--workers", "1")
    w(1, "robust", infeasible, "--samples", "2", "--workers", "1")


def store_commands(w: Walk) -> None:
    """Every store command, its refusals and conflicts, on a new SQLite store."""
    db = ("--db", f"sqlite:///{w.tmp / 'base.sqlite3'}")
    name = "Centre hospitalier 2027"
    two = w.file("g2.yaml", GH.read_text(encoding="utf-8").replace("rooms: 2", "rooms: 3"))
    w(0, "db", "upgrade", *db)
    w(0, "scenarios", "save", GH, "--comment", "premier essai", *db)
    w(0, "scenarios", "save", two, "--name", name, "--expect-version", "1", *db)
    w(4, "scenarios", "save", two, "--name", name, "--expect-version", "1", *db)
    w(0, "scenarios", "restore", name, "1", "--expect-version", "2", *db)
    w(0, "scenarios", "list", *db)
    w(0, "scenarios", "history", name, *db)
    w(0, "scenarios", "diff", name, "1", "2", *db)
    w(0, "scenarios", "show", name, "--version", "1", *db, checked=False)  # the YAML itself
    w(0, "scenarios", "show", name, "--out", w.tmp / "v3.yaml", *db)
    w(2, "scenarios", "show", "inconnu", *db)
    w(0, "solve", "--from-store", name, "--save", *db)
    prices = w.file("prix_store.csv", PRICES)
    w(0, "items", "save", prices, "--kind", "prices", "--name", "ugap", "--comment", "négocié", *db)
    w(4, "items", "save", prices, "--kind", "prices", "--name", "ugap", *db)
    w(0, "items", "list", *db)
    w(0, "items", "history", "ugap", *db)
    w(0, "items", "show", "ugap", *db)
    w(0, "items", "show", "ugap", "--out", w.tmp / "retour.csv", *db)
    w(2, "items", "show", "inconnu", *db)
    w.monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    w(0, "users", "add", "ada", "--role", "administrator", "--role", "buyer", *db)
    w(0, "users", "list", *db)
    w(5, "items", "save", prices, "--kind", "prices", "--name", "autre", *db)  # accounts exist: log in
    w.monkeypatch.setenv("CATHLAB_USER", "ada")
    w.monkeypatch.setenv("CATHLAB_PASSWORD", "faux mot de passe")
    w(5, "scenarios", "save", two, "--name", name, "--expect-version", "3", *db)
    w.monkeypatch.setenv("CATHLAB_PASSWORD", PASSWORD)
    w(0, "db", "audit", *db)
    w(0, "db", "audit", "--xlsx", w.tmp / "audit.xlsx", *db)
    w(0, "db", "export", w.tmp / "archive.json", *db)
    w.monkeypatch.delenv("CATHLAB_USER")
    w(0, "db", "import", w.tmp / "archive.json", "--db", f"sqlite:///{w.tmp / 'copie.sqlite3'}")
    w.monkeypatch.setenv("CATHLAB_USER", "ada")  # the copy has ada's account now; and it is not empty
    w(2, "db", "import", w.tmp / "archive.json", "--db", f"sqlite:///{w.tmp / 'copie.sqlite3'}")


@pytest.fixture(params=["--lang fr", "LANG=fr_FR.UTF-8"])
def walk(request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> Iterator[Walk]:
    """A walk in French, by the flag or by the locale."""
    for var in ("LC_ALL", "LC_MESSAGES", "CATHLAB_USER", "CATHLAB_PASSWORD", "CATHLAB_DB_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8" if request.param.startswith("LANG") else "C.UTF-8")
    yield Walk(tmp_path, capsys, monkeypatch, flag=request.param == "--lang fr")


def problems(w: Walk) -> list[str]:
    """Each command line whose output has an English word or an id, with what was found."""
    out = []
    for line, text, check_ids in w.texts:
        found = english(text) + (ids_in(text) if check_ids else [])
        if found:
            out.append(f"{line}: {found}\n{text[:600]}")
    return out


def test_the_commands_without_solving_speak_french(walk: Walk) -> None:
    plain_commands(walk)
    assert not problems(walk), "\n\n".join(problems(walk))


def test_the_store_commands_speak_french(walk: Walk) -> None:
    store_commands(walk)
    assert not problems(walk), "\n\n".join(problems(walk))


@pytest.mark.slow  # 3.5 to 4.5 s for each way of asking for French
def test_the_commands_that_solve_speak_french(walk: Walk) -> None:
    solving_commands(walk)
    assert not problems(walk), "\n\n".join(problems(walk))


def test_the_walk_runs_every_command() -> None:
    """A new command (or subcommand) of the parser must join the walk."""
    class Recorder(Walk):
        def __call__(self, code: int, *argv: str | Path, ids: bool = True, checked: bool = True) -> str:  # noqa: ARG002
            args = [str(a) for a in argv]
            self.ran.add(tuple(a for a in args[:2] if not a.startswith("-") and "/" not in a))
            return ""

    with pytest.MonkeyPatch.context() as mp:
        w = Recorder(Path("/nonexistent"), None, mp, flag=True)  # type: ignore[arg-type]
        w.file = lambda name, text: Path(name)  # type: ignore[method-assign]  # noqa: ARG005
        w.named = lambda scenario: Path(scenario.name)  # type: ignore[method-assign]
        plain_commands(w)
        solving_commands(w)
        store_commands(w)
    ran = {c if c[0] in {p[0] for p in parser_commands() if len(p) == 2} else c[:1] for c in w.ran}
    assert parser_commands() <= ran, sorted(parser_commands() - ran)


def test_the_check_finds_english_and_ids() -> None:
    """The detector fails on a planted English sentence and an id, and passes names, paths and codes."""
    assert english("Rapport JSON written to /tmp/r.json") == ["to", "written"]
    assert english("Plan déterministe : valeur 6,35 ; coût 275 238 €") == []
    assert english("Système IVUS haute définition HDi avec cathéter Kodama (ACIST Medical) : 75 %") == []
    assert english("HDi high-definition IVUS system with Kodama catheter (ACIST Medical) : 75 %")  # English name
    assert english("réglage `cathlab-planner items history x --kind prices` ; budget.capex_eur") == []
    assert ids_in("Centre : acist_hdi_kodama, ivus") == ["acist_hdi_kodama", "ivus"]
    assert ids_in("  main : Analyseur de temps de coagulation") == ["main"]  # a site by its id, not its name
    assert ids_in("sites.main.installed.opsens_optowire_optomonitor : - -> 1 ; /tmp/complex_pci/x") == []
