"""Adding a later SAE year is a data change: ``python -m planner.publicdata.update FILE --year 2025``."""

from __future__ import annotations

from pathlib import Path

from planner.publicdata import sae
from planner.publicdata.update import main

DREES_HEADER = "FI;RS;FI_EJ;COMINSEE;LIBCOM;dep;reg;catr;AUT;SALCAR;SALCARTO;SALHYBCAR;SEJ;ACT;ACT1;ACT2;ACT3;INTADU;" \
               "LIT_CHIRC;LIT_CAR"


def test_a_drees_named_file_becomes_the_new_year(tmp_path: Path, capsys):
    src = tmp_path / "chircar_2025.csv"
    src.write_text(DREES_HEADER + "\n020000162;CH SAINT-QUENTIN;020000063;02691;ST QUENTIN;02;32;PUB2;1;2;;1;1500;"
                   "1800;600;0;1200;0;0;29\n", encoding="latin-1")
    assert main([str(src), "--year", "2025", "--data-dir", str(tmp_path)]) == 0
    written = tmp_path / "sae_chircar_2025_sites.csv"
    data = sae.parse_rows(written.read_text(encoding="utf-8"), 2025, written.name)
    site = data.sites[0]
    assert (site.finess, site.rooms_cardiology, site.acts_adult_ischaemic_structural) == ("020000162", 2, 1200)
    assert written.read_text().splitlines()[0] == ",".join(sae.COLUMN_NAMES)
    # the same year again needs --force
    assert main([str(src), "--year", "2025", "--data-dir", str(tmp_path)]) == 2
    assert "--force" in capsys.readouterr().err


def test_a_bad_file_writes_nothing(tmp_path: Path, capsys):
    src = tmp_path / "bad.csv"
    src.write_text(DREES_HEADER.replace(";ACT3", "") + "\n020000162;CH;0;0;X;02;32;PUB2;1;x;;1;1;1;1;0;0;0;0\n")
    assert main([str(src), "--year", "2025", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "acts_adult_ischaemic_structural" in err and "required column is missing" in err
    assert not (tmp_path / "sae_chircar_2025_sites.csv").exists()
