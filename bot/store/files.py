"""The database file: checks before SQLite opens it, and its errors explained in one line."""

from __future__ import annotations

import os
from pathlib import Path

from bot.store.base import StoreError


def create_private_file(path: Path) -> None:
    """Create the file readable by its owner only (it holds concerns and contact details)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)  # also tightens a file created by hand with wider permissions


def check_file(path: Path, create: bool) -> None:
    """Refuse a path that cannot be the database before SQLite quietly makes a new, empty one there."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder — set store.path to a file in it, e.g. {path / 'policybot.sqlite3'}"
        )
    blocker = next((parent for parent in path.parents if parent.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise StoreError(f"{path}: {blocker} is a file, not a folder — set store.path to a file in a folder")
    if not path.exists():
        if not create:
            raise StoreError(
                f"{path}: no database here — check store.path in the config (and --config); "
                "the bot creates the file when it first runs"
            )
        return
    if path.stat().st_size == 0 and not _has_content(Path(f"{path}-wal")):
        # An empty file would silently become a new database whose references restart at 0001.
        raise StoreError(
            f"{path} is empty (0 bytes), so its concerns are missing — restore it from a backup; "
            "if this is a new installation, delete the empty file and start again"
        )


def _has_content(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def explain(path: Path, err: BaseException) -> str:
    """One line naming the database file, what went wrong and what to do."""
    text = str(err)
    if isinstance(err, PermissionError) or "readonly" in text or "unable to open" in text:
        return (
            f"{path}: cannot write to the database (permission denied) — run as the user that owns it "
            "(e.g. sudo -u policybot …) or fix the permissions of the file and its folder"
        )
    if isinstance(err, (NotADirectoryError, FileExistsError)):
        return f"{path}: a part of this path is a file, not a folder — set store.path to a file in a folder"
    if isinstance(err, IsADirectoryError):
        return f"{path} is a folder — set store.path to a file in it"
    if isinstance(err, OSError):
        return f"{path}: cannot create the database ({err.strerror}) — check store.path and the folder"
    if "locked" in text or "busy" in text:
        return f"{path}: the database is busy (another PolicyBot is writing to it) — try again in a moment"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            f"{path}: not a PolicyBot database, or damaged ({text}) — check store.path, "
            "or restore the file from a backup"
        )
    return f"{path}: {text}"
