"""What PolicyBot works out from its knowledge files, kept between runs so a fresh start need not redo it.

Only things derived from the knowledge and the code are kept, never anything a person wrote. An entry is
named for a hash of everything it was worked out from (`fingerprint`), so after any edit it is simply not
found, and the oldest entries of each kind are removed. Entries are plain data (dicts, lists, tuples,
strings and numbers) written with `marshal`, as Python's own `__pycache__` files are; nothing read back is
ever run, and the folder is private to the user. Any problem — no usable folder, a read-only disk, a damaged
or foreign file — means the caller works things out afresh; it is never an error.

The folder is `$POLICYBOT_CACHE_DIR`, else `$XDG_CACHE_HOME/policybot`, else `~/.cache/policybot`;
`POLICYBOT_CACHE_DIR=off` keeps nothing.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ENVIRONMENT = "POLICYBOT_CACHE_DIR"
KEEP = 6
"""Entries kept of each kind (several knowledge folders, or the tests' own, each have one)."""
_SUFFIX = ".cache"

log = logging.getLogger(__name__)


def cache_folder() -> Path | None:
    """Where entries are kept, or None when caching is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off") else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policybot"


def fingerprint(label: str, *sources: Path | str) -> str:
    """A hash of a label, the names and bytes of these files, and of every file in these folders.

    Folders are read recursively, following links (each real folder once); hidden files and folders and
    `__pycache__` are left out. A missing source counts as empty.
    """
    digest = hashlib.sha256(f"{sys.version}\0{label}\0".encode())  # marshal's format may change with Python
    for source in map(Path, sources):
        files = sorted(_files(source)) if source.is_dir() else [(source.name, source)]
        for name, path in files:
            try:
                content = path.read_bytes()
            except OSError:
                content = b"\0missing"
            digest.update(f"{name}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


def _files(folder: Path) -> list[tuple[str, Path]]:
    found, seen = [], set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in names:
            if not name.startswith("."):
                path = Path(root, name)
                found.append((path.relative_to(folder).as_posix(), path))
    return found


def load(kind: str, key: str) -> Any | None:
    """The entry of this kind saved under this key, or None (not saved, caching off, or unreadable)."""
    folder = cache_folder()
    if folder is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # an entry is many small containers: collecting while they are made only costs time
    try:
        data = marshal.loads((folder / f"{kind}-{key}{_SUFFIX}").read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as err:
        log.debug("cache: %s entry unreadable (%s); working it out afresh", kind, type(err).__name__)
        return None
    finally:
        if collecting:
            gc.enable()
    # An entry carries its own kind and key: a file renamed or copied over another is not used.
    if not (isinstance(data, tuple) and len(data) == 3 and data[:2] == (kind, key)):
        return None
    return data[2]


def save(kind: str, key: str, data: Any) -> None:
    """Keep an entry (plain data only); any problem writing it is ignored."""
    folder = cache_folder()
    if folder is None:
        return
    temporary = None
    try:
        payload = marshal.dumps((kind, key, data))
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, folder / f"{kind}-{key}{_SUFFIX}")  # readers see the whole entry or none
        temporary = None
        _prune(folder, kind)
    except (OSError, ValueError) as err:  # ValueError: data that marshal cannot write
        log.debug("cache: could not keep a %s entry (%s)", kind, type(err).__name__)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path, kind: str) -> None:
    """Remove all but the newest KEEP entries of a kind."""
    entries = []
    for path in folder.glob(f"{kind}-*{_SUFFIX}"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)
