"""The store on real SQLite and real PostgreSQL: versions, diffs, conflicts, roles, audit, plans, items,
archive across backends, migrations from an empty database."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, text

from planner import Plan, Scenario, scenario_from_yaml
from planner.plan import SolverInfo
from planner.scenario import IndicationOverride
from planner.store.api import Store, open_store
from planner.store.audit_xlsx import audit_workbook
from planner.store.engine import check_schema, head_revision, make_engine
from planner.store.errors import LoginFailed, NotFound, PermissionRefused, SchemaMismatch, VersionConflict
from planner.store.records import Actor
from tests.store.conftest import empty_database, with_capex

PASSWORD = "correct horse"


def a_plan(example: Scenario, fingerprint: str) -> Plan:
    """A small plan (no solve needed to store one)."""
    return Plan(example.to_dict(), "optimal", "max_benefit", 0.0, SolverInfo("highs", "1", 0.1),
                catalog_fingerprint=fingerprint)


def test_versions_history_and_diff(store: Store, admin: Actor, example: Scenario) -> None:
    first = store.save_scenario(admin, "ch", example, "first draft")
    second = store.save_scenario(admin, "ch", with_capex(example, 250_000), "tighter capex", expected_version=1)
    assert (first.version, second.version) == (1, 2)
    assert [(c.label, c.kind, c.old, c.new) for c in second.changes] == [
        ("budget.capex_eur", "changed", 300000.0, 250000.0)]
    history = store.history("ch")
    assert [(v.version, v.author, v.comment) for v in history] == [(2, "ada", "tighter capex"),
                                                                   (1, "ada", "first draft")]
    assert scenario_from_yaml(store.version("ch", 1).yaml).budget.capex_eur == 300_000
    assert [c.label for c in store.diff("ch", 1, 2)] == ["budget.capex_eur"]
    restored = store.restore(admin, "ch", 1, expected_version=2)
    assert (restored.version, restored.restored_from, restored.yaml) == (3, 1, first.yaml)
    assert [(s.name, s.latest_version) for s in store.scenarios()] == [("ch", 3)]
    with pytest.raises(NotFound, match="no version 9"):
        store.version("ch", 9)


def test_stale_save_is_refused_with_who_saved_in_between(store: Store, admin: Actor, example: Scenario) -> None:
    store.save_scenario(admin, "ch", example)
    bob = Actor("bob", ("administrator",))
    store.save_scenario(bob, "ch", with_capex(example, 1.0), expected_version=1)
    with pytest.raises(VersionConflict, match=r"version 2 is the latest \(saved by bob") as caught:
        store.save_scenario(admin, "ch", with_capex(example, 2.0), expected_version=1)
    assert (caught.value.expected, caught.value.latest, caught.value.latest_author) == (1, 2, "bob")
    with pytest.raises(VersionConflict, match="already exists"):
        store.save_scenario(admin, "ch", example)  # a "new" scenario with a taken name
    assert store.version("ch").version == 2 and scenario_from_yaml(store.version("ch").yaml).budget.capex_eur == 1.0
    refused = [a for a in store.audit() if a.outcome == "refused"]
    assert [(a.actor, a.action, a.target) for a in refused] == [("ada", "save", "ch"), ("ada", "save", "ch")]


def _accounts(store: Store) -> dict[str, Actor]:
    local = store.local_actor()
    store.add_account(local, "ada", PASSWORD, ["administrator"])
    ada = store.login("ada", PASSWORD)
    for name, role in (("bea", "biomedical_engineer"), ("carl", "cardiologist"), ("bob", "buyer"),
                       ("rita", "reader")):
        store.add_account(ada, name, PASSWORD, [role])
    return {name: store.login(name, PASSWORD) for name in ("ada", "bea", "carl", "bob", "rita")}


@pytest.mark.slow
def test_roles_are_enforced_section_by_section(store: Store, example: Scenario) -> None:
    who = _accounts(store)
    with pytest.raises(LoginFailed):
        store.local_actor()  # accounts exist: no more single-user mode
    with pytest.raises(LoginFailed, match="wrong password"):
        store.login("bea", "nope")
    with pytest.raises(PermissionRefused, match="create scenario"):
        store.save_scenario(who["carl"], "ch", example)
    store.save_scenario(who["bea"], "ch", example)
    budget = with_capex(example, 200_000)
    weights = dataclasses.replace(example, indications={"anoca": IndicationOverride(weight=2.0)})
    site = dataclasses.replace(example.sites[0], roles=("shock_centre",))
    roles = dataclasses.replace(example, sites=(site,))
    prices = dataclasses.replace(example, devices={"shockwave_ivl": {"capex_eur": 1.0}})
    with pytest.raises(PermissionRefused, match=r"indications\.anoca\.weight \(section indications: "
                                                r"administrator, cardiologist\)"):
        store.save_scenario(who["bea"], "ch", weights, expected_version=1)
    assert store.save_scenario(who["carl"], "ch", weights, expected_version=1).version == 2
    with pytest.raises(PermissionRefused, match="budget.capex_eur"):
        store.save_scenario(who["carl"], "ch", dataclasses.replace(budget, indications=weights.indications),
                            expected_version=2)
    assert store.save_scenario(who["carl"], "ch", dataclasses.replace(roles, indications=weights.indications),
                               expected_version=2).version == 3
    with pytest.raises(PermissionRefused, match="devices.shockwave_ivl"):
        store.save_scenario(who["bea"], "ch", dataclasses.replace(prices, indications=weights.indications,
                                                                  sites=roles.sites), expected_version=3)
    with pytest.raises(PermissionRefused, match=r"rita \(reader\)"):
        store.save_scenario(who["rita"], "ch", example, expected_version=3)
    with pytest.raises(PermissionRefused, match="administrator only"):
        store.add_account(who["bea"], "eve", PASSWORD, ["administrator"])
    assert store.version("ch").version == 3
    actions = {(a.actor, a.action, a.outcome) for a in store.audit()}
    assert {("bea", "login", "refused"), ("carl", "save", "refused"), ("rita", "save", "refused"),
            ("bea", "add account", "refused"), ("carl", "save", "ok")} <= actions


def test_plans_items_and_audit_workbook(store: Store, admin: Actor, example: Scenario) -> None:
    store.save_scenario(admin, "ch", example)
    plan = a_plan(example, "abc123")
    saved = store.save_plan(admin, "ch", 1, plan)
    assert (saved.scenario_version, saved.catalog_fingerprint) == (1, "abc123")
    assert Plan.from_json(store.plans("ch")[0].plan_json).catalog_fingerprint == "abc123"
    with pytest.raises(NotFound):
        store.save_plan(admin, "ch", 5, plan)
    info = store.save_item(admin, "price_list", "ugap 2027", "prix.csv", b"id,capex_eur\nx,1\n")
    assert info.version == 1
    store.save_item(admin, "price_list", "ugap 2027", "prix.csv", b"id,capex_eur\nx,2\n", expected_version=1)
    with pytest.raises(VersionConflict):
        store.save_item(admin, "price_list", "ugap 2027", "prix.csv", b"", expected_version=1)
    assert store.item("price_list", "ugap 2027")[1].endswith(b"x,2\n")
    rows = store.audit()
    sheet = openpyxl.load_workbook(io.BytesIO(audit_workbook(rows, "en")))["Audit"]
    assert [c.value for c in sheet[1]] == ["Time (UTC)", "Who", "Action", "Target", "Outcome", "Detail"]
    assert sheet.max_row == len(rows) + 1 and {"save", "save plan", "save price_list"} <= {
        r[2] for r in sheet.iter_rows(min_row=2, values_only=True)}


def _fill(store: Store, example: Scenario) -> None:
    who = _accounts(store)
    store.save_scenario(who["ada"], "ch", example, "v1")
    store.save_scenario(who["bea"], "ch", with_capex(example, 1.5), "v2", expected_version=1)
    store.save_plan(who["ada"], "ch", 2, a_plan(example, "f"))
    store.save_item(who["bob"], "catalog_extension", "local", "ext.xlsx", bytes(range(256)))


def _content(store: Store) -> tuple[object, ...]:
    return (store.accounts(), [(v.version, v.author, v.created_at, v.comment, v.yaml, v.changes)
                               for v in store.history("ch")],
            [(p.scenario_version, p.plan_json, p.created_at) for p in store.plans("ch")],
            store.item("catalog_extension", "local"), store.audit())


@pytest.mark.parametrize(("source", "target"), [("sqlite", "postgresql"), ("postgresql", "sqlite")])
@pytest.mark.slow
def test_export_then_import_across_backends(source: str, target: str, tmp_path: Path, pg_url: str,
                                            example: Scenario, admin: Actor) -> None:
    urls = {"sqlite": f"sqlite:///{tmp_path / 'store.sqlite3'}", "postgresql": pg_url}
    empty_database(pg_url)
    src, dst = open_store(urls[source]), open_store(urls[target])
    _fill(src, example)
    archive = src.export_archive(src.login("ada", PASSWORD))
    before = _content(src)
    dst.import_archive(admin, archive)
    after = _content(dst)
    assert after[:4] == before[:4]
    assert after[4][1:] == src.audit()[1:]  # the trail up to the export, plus the import on top
    assert after[4][0].action == "import"
    assert dst.login("bea", PASSWORD).roles == ("biomedical_engineer",)  # argon2 hashes travel
    with pytest.raises(Exception, match="not empty"):
        dst.import_archive(admin, archive)
    src.engine.dispose()
    dst.engine.dispose()


def test_migrations_from_an_empty_database_and_version_check(store_url: str) -> None:
    engine = make_engine(store_url)
    check_schema(engine)  # empty: the migrations create the schema
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(SchemaMismatch, match="unknown to this program .* newer cathlab-planner"):
        open_store(store_url)
    engine.dispose()
    other = create_engine(store_url)
    with other.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(SchemaMismatch, match="not a store"):
        open_store(store_url)
    other.dispose()
