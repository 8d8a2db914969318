"""Add a later SAE year: ``python -m planner.publicdata.update SAE_FILE --year 2025``.

``SAE_FILE`` is one CSV row per geographical establishment, with either the bundled column names or the DREES
variable names they come from (``FI, RS, FI_EJ, COMINSEE, LIBCOM, dep, reg, catr, AUT, SALCAR, ...``: the CHIRCAR
form joined with the ID form's commune; ``,`` or ``;`` separated, UTF-8 or Latin-1). The file is checked row by
row (every problem named with its row and column, nothing written on any), then written as
``planner/data/sae_chircar_<year>_sites.csv``; :func:`planner.publicdata.sae.available_years` finds it and the
CLI and the app use the latest year by default. No code changes. Exit codes: 0 written, 2 input error.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from planner.errors import Issue, PlannerInputError
from planner.io import write_atomic
from planner.messages import msg
from planner.publicdata.sae import COLUMN_NAMES, COLUMNS, DATA_DIR, parse_rows


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def to_bundled_layout(text: str) -> str:
    """The CSV text with the bundled column names (DREES names renamed), comma-separated, columns in order.

    Columns missing from the file are left out here and reported by :func:`~planner.publicdata.sae.parse_rows`.
    """
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    rename = {c.source: c.name for c in COLUMNS} | {c.name: c.name for c in COLUMNS}
    fields = [rename.get(f.strip(), f.strip()) for f in reader.fieldnames or []]
    out = io.StringIO()
    keep = [c for c in COLUMN_NAMES if c in fields]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keep)
    for row in reader:
        values = dict(zip(fields, row.values(), strict=False))
        writer.writerow([str(values.get(c) or "").strip() for c in keep])
    return out.getvalue()


def add_year(source: Path, year: int, data_dir: Path = DATA_DIR, force: bool = False) -> Path:
    """Check ``source`` and write it as the bundled file of ``year``; return the path written."""
    if not source.is_file():
        raise PlannerInputError([Issue(str(source), "", "file", str(source), msg("cli.file_not_found"))])
    if not 2000 <= year <= 2200:
        raise PlannerInputError([Issue(msg("src.command_line"), "--year", "year", str(year), msg("in.year"))])
    target = data_dir / f"sae_chircar_{year}_sites.csv"
    if target.exists() and not force:
        raise PlannerInputError([Issue(msg("src.command_line"), "--year", "year", str(year),
                                       msg("sae.exists", file=target.name))])
    text = to_bundled_layout(_decode(source.read_bytes()))
    parse_rows(text, year, source.name)  # raises with every bad row and field
    write_atomic(target, text)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Run the update command; return the exit code."""
    p = argparse.ArgumentParser(prog="python -m planner.publicdata.update", description=__doc__.split("\n\n")[0])
    p.add_argument("file", help="SAE CSV (bundled column names or DREES variable names)")
    p.add_argument("--year", type=int, required=True, help="survey year of the file")
    p.add_argument("--force", action="store_true", help="replace the bundled file of that year")
    p.add_argument("--data-dir", default=str(DATA_DIR), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    try:
        path = add_year(Path(args.file), args.year, Path(args.data_dir), args.force)
    except PlannerInputError as exc:
        print(f"Input error: {len(exc.issues)} problem(s)", file=sys.stderr)
        for issue in exc.issues:
            print(f"  - {issue}", file=sys.stderr)
        return 2
    print(f"SAE {args.year} written to {path}; `cathlab-planner sites search` now uses it by default. Update "
          "planner/data/README.md (source, date read) and commit the file.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
