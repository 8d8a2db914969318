"""Move labels from a Python label table into the message catalogue (``planner/messages/*.toml``).

The old conventions are ``KEY: {"fr": ..., "en": ...}`` (``ui/labels*.py``) and ``KEY: (English, French)``
(``planner/i18n.py``). This tool moves the entries whose key matches a prefix into a TOML file, one line per
message, and deletes them from the Python table::

    python tools/move_labels.py ui/labels/decision.py DECISION_LABELS --prefix why. bind. \\
        --to planner/messages/decision.toml

``--all`` moves every entry; ``--code-prefix wb.`` names each message ``wb.<key>`` (the workbook's labels keep
their short keys in the code and find them under the prefix). It refuses a code the catalogue already
has. Entries whose text is built at run time (not a literal) stay where they are and are listed.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.messages.catalogue import FOLDER, read_tables  # noqa: E402


def _texts(node: ast.expr) -> dict[str, str] | None:
    """{"fr": ..., "en": ...} of a label value, or None when it is not literal."""
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    if isinstance(value, dict) and set(value) == {"fr", "en"}:
        return {"en": value["en"], "fr": value["fr"]}
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(x, str) for x in value):
        return {"en": value[0], "fr": value[1]}
    return None


def toml_line(code: str, texts: dict[str, str]) -> str:
    """One catalogue line (TOML basic strings are JSON strings)."""
    return (f"{json.dumps(code, ensure_ascii=False)} = {{ en = {json.dumps(texts['en'], ensure_ascii=False)}, "
            f"fr = {json.dumps(texts['fr'], ensure_ascii=False)} }}")


def move(src: Path, table: str, prefixes: tuple[str, ...], dest: Path, code_prefix: str = ""
         ) -> tuple[list[str], list[str]]:
    """Move the matching entries (code: ``code_prefix`` + key); return (moved codes, keys left because they are
    not literal)."""
    source = src.read_text(encoding="utf-8")
    tree = ast.parse(source)
    known = set(read_tables(FOLDER.glob("*.toml")))
    moved, left, lines_out, drop = [], [], [], set()
    for node in ast.walk(tree):
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if not (isinstance(target, ast.Name) and target.id == table and isinstance(node.value, ast.Dict)):
            continue
        for key, val in zip(node.value.keys, node.value.values, strict=True):
            if not isinstance(key, ast.Constant) or not str(key.value).startswith(prefixes):
                continue
            texts = _texts(val)
            if texts is None:
                left.append(str(key.value))
                continue
            code = code_prefix + str(key.value)
            if code in known:
                msg = f"{code} is already in the catalogue"
                raise SystemExit(msg)
            moved.append(code)
            lines_out.append(toml_line(code, texts))
            drop.update(range(key.lineno, (val.end_lineno or val.lineno) + 1))
    kept = [line for i, line in enumerate(source.splitlines(keepends=True), start=1) if i not in drop]
    src.write_text("".join(kept), encoding="utf-8")
    with dest.open("a", encoding="utf-8") as out:
        out.writelines(line + "\n" for line in lines_out)
    return moved, left


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("src", type=Path)
    p.add_argument("table", help="name of the dict in SRC")
    p.add_argument("--prefix", nargs="*", default=[])
    p.add_argument("--all", action="store_true")
    p.add_argument("--code-prefix", default="", help="prefix of the new codes (e.g. wb.)")
    p.add_argument("--to", type=Path, required=True, help="a planner/messages/*.toml file")
    a = p.parse_args(argv)
    moved, left = move(a.src, a.table, ("",) if a.all else tuple(a.prefix), a.to, a.code_prefix)
    read_tables(FOLDER.glob("*.toml"))  # the catalogue still reads and checks
    print(f"moved {len(moved)} message(s) to {a.to}")
    if left:
        print("not literal, left in place: " + ", ".join(left))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
