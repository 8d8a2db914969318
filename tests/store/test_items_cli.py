"""``cathlab-planner items``: catalogue extensions and price lists as named, versioned files in the store
(real SQLite and real PostgreSQL), and the store's item listing."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.store.api import Store
from planner.store.records import Actor

PRICES = b"id,capex_eur\nshockwave_c2_ivl,1200.5\n"
EXTENSION = (b"id,family,name,vendor,capex_eur,maintenance_eur_per_year,consumable_eur_per_case,lifetime_years,"
             b"capacity_cases_per_year,deployment,requires,compatible_angio,source,price_date,estimate,notes\n"
             b"acme_ivus,ivus,ACME IVUS cart,ACME,90000,8000,600,7,400,shared,,any,quote 2026,2026-10,no,\n")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "prix.csv").write_bytes(PRICES)
    (tmp_path / "prix2.csv").write_bytes(PRICES.replace(b"1200.5", b"999"))
    (tmp_path / "ext.csv").write_bytes(EXTENSION)
    return tmp_path


def _items(store_url: str, *args: str) -> int:
    return main(["items", *args, "--db", store_url])


def test_save_list_history_show(store: Store, store_url: str, files: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CATHLAB_USER", raising=False)
    assert _items(store_url, "save", str(files / "prix.csv"), "--kind", "prices", "--name", "ugap 2027",
                  "--comment", "negotiated") == 0
    assert _items(store_url, "save", str(files / "prix2.csv"), "--kind", "prices", "--name", "ugap 2027",
                  "--expect-version", "1") == 0
    assert _items(store_url, "save", str(files / "ext.csv"), "--kind", "catalog", "--name", "local") == 0
    assert "Saved prices 'ugap 2027' version 2 (prix2.csv)" in capsys.readouterr().out
    assert [(i.kind, i.name, i.version) for i in store.items()] == [("catalog_extension", "local", 1),
                                                                    ("price_list", "ugap 2027", 2)]
    assert [i.version for i in store.item_history("price_list", "ugap 2027")] == [2, 1]
    assert _items(store_url, "list", "--kind", "prices") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].split()[:4] == ["prices", "ugap", "2027", "v2"]
    assert _items(store_url, "history", "ugap 2027") == 0
    history = capsys.readouterr().out.splitlines()
    assert [line.split()[3] for line in history] == ["v2", "v1"] and history[1].endswith("negotiated")
    assert _items(store_url, "show", "ugap 2027", "--version", "1", "--out", str(files / "back.csv")) == 0
    assert (files / "back.csv").read_bytes() == PRICES
    assert _items(store_url, "show", "local") == 0
    assert "bytes: write the file with --out FILE" in capsys.readouterr().out


def test_conflict_bad_file_unknown_item_and_role(store: Store, store_url: str, files: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CATHLAB_USER", raising=False)
    assert _items(store_url, "save", str(files / "prix.csv"), "--kind", "prices", "--name", "ugap") == 0
    capsys.readouterr()
    assert _items(store_url, "save", str(files / "prix2.csv"), "--kind", "prices", "--name", "ugap") == 4
    err = capsys.readouterr().err
    assert "Version conflict: prices 'ugap'" in err and "--expect-version 1" in err and "Nothing was saved" in err
    assert _items(store_url, "save", str(files / "ext.csv"), "--kind", "prices", "--name", "x") == 2  # not prices
    assert "unknown column" in capsys.readouterr().err
    assert _items(store_url, "show", "nope") == 2
    assert "no catalogue extension or price list named 'nope'" in capsys.readouterr().err
    store.save_item(Actor("ada", ("administrator",)), "catalog_extension", "ugap", "ext.csv", EXTENSION)
    assert _items(store_url, "history", "ugap") == 2  # two kinds: --kind needed
    assert "give --kind" in capsys.readouterr().err
    store.add_account(store.local_actor(), "root", "correct horse", ["administrator"])
    store.add_account(store.login("root", "correct horse"), "rita", "correct horse", ["reader"])
    monkeypatch.setenv("CATHLAB_USER", "rita")
    monkeypatch.setenv("CATHLAB_PASSWORD", "correct horse")
    assert _items(store_url, "save", str(files / "prix2.csv"), "--kind", "prices", "--name", "ugap",
                  "--expect-version", "1") == 5
    assert "may not save a price_list" in capsys.readouterr().err
    assert store.item("price_list", "ugap")[0].version == 1
