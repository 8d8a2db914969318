"""Safe file output: write to a temporary file next to the target, then rename (never half-written)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically; the previous file stays intact if anything fails."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder_atomic(path: str | os.PathLike[str], files: dict[str, bytes | str]) -> None:
    """Create the folder ``path`` holding ``files`` (name -> content) all at once: written in a temporary folder
    next to it, then renamed. ``path`` must not exist, or be an empty folder; nothing is left behind on failure.
    """
    target = Path(path)
    tmp = Path(tempfile.mkdtemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp"))
    try:
        for name, data in files.items():
            (tmp / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if target.is_dir():
            target.rmdir()  # empty, else this fails and nothing is replaced
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
