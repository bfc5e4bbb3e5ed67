"""The folders are the architecture: imports only run downwards, and channels never import each other.

Each subpackage of `bot/` (and the top-level modules `config` and `wiring`) is a room. A room may import
only the rooms listed for it below; `bot.store.base` / `bot.store.records` (the interface and its records)
are importable where the SQLite implementation is not. Imports inside functions and under TYPE_CHECKING
count too: a type-only import still ties the rooms together.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"
STORE_INTERFACE = {"bot.store.base", "bot.store.records"}
FOUNDATION = {"common", "config"}

# room -> rooms it may import (besides itself). "store-interface" means bot.store.base/records only.
ALLOWED: dict[str, set[str]] = {
    "common": set(),
    "config": {"common"},
    "knowledge": FOUNDATION,
    "matching": FOUNDATION | {"knowledge"},
    "safeguarding": FOUNDATION | {"knowledge"},
    "importing": FOUNDATION,
    "store": {"common"},
    "core": FOUNDATION | {"knowledge", "matching", "safeguarding", "store-interface"},
    "concerns": FOUNDATION | {"knowledge", "core", "store-interface"},
    "insights": FOUNDATION | {"knowledge", "matching", "core", "store-interface"},
    "channels": FOUNDATION | {"knowledge", "core", "concerns", "insights", "store-interface", "wiring"},
    "wiring": FOUNDATION | {"knowledge", "matching", "safeguarding", "core", "concerns", "insights", "store"},
    "cli": {"*"},
    "bench": {"*"},
    "__main__": {"cli"},
    "__init__": set(),
}
# Third-party or standard modules only some rooms may touch.
RESTRICTED = {
    "telegram": {"channels"},
    "aiohttp": {"channels"},
    "sqlite3": {"store"},
    "docx": {"importing"},
    "pypdf": {"importing"},
}


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    rel = path.relative_to(PROJECT_ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1] if len(parts) > 2 else parts
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports (absolute names), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(path: Path, source: str) -> list[str]:
    """What in `path` breaks the rules, reading it as module `source`."""
    bad = []
    here = room(source)
    allowed = ALLOWED[here]
    for line, target in imports_of(path):
        where = f"{source}:{line} imports {target}"
        top = target.split(".")[0]
        if top in RESTRICTED and here not in RESTRICTED[top]:
            bad.append(f"{where} (only {', '.join(sorted(RESTRICTED[top]))} may import {top})")
        if top != "bot" or "*" in allowed:
            continue
        there = room(target)
        if there == here:
            if here == "channels" and source.split(".")[2] != target.split(".")[2]:
                bad.append(f"{where} (channels never import each other)")
            continue
        if target in STORE_INTERFACE and "store-interface" in allowed:
            continue
        if there not in allowed:
            bad.append(f"{where} ({here} may import only {', '.join(sorted(allowed)) or 'nothing'})")
    return bad


def bot_files() -> list[Path]:
    return sorted(BOT.rglob("*.py"))


def test_every_module_belongs_to_a_known_room() -> None:
    assert {room(module_name(p)) for p in bot_files()} <= set(ALLOWED)


def test_imports_run_only_downwards() -> None:
    assert [v for path in bot_files() for v in violations(path, module_name(path))] == []


@pytest.mark.parametrize(
    ("room_file", "line", "why"),
    [
        ("core/engine.py", "from bot.channels.telegram.app import run_telegram", "core may import only"),
        ("core/dialogue.py", "import telegram", "may import telegram"),
        ("knowledge/loading.py", "from bot.core.engine import Engine", "knowledge may import only"),
        ("concerns/flow.py", "from bot.store.sqlite import SqliteStore", "concerns may import only"),
        ("core/dialogue.py", "import sqlite3", "may import sqlite3"),
        ("channels/console.py", "from bot.channels.telegram.format import TelegramTexts", "each other"),
        ("channels/web/chat.py", "from bot.channels.telegram.handlers import asked", "each other"),
        ("channels/telegram/app.py", "from bot.channels.web.app import WebCompanion", "each other"),
        ("insights/recorder.py", "from bot.channels.web.chat import ChatApi", "insights may import only"),
        ("core/dialogue.py", "import aiohttp", "may import aiohttp"),
    ],
)
def test_an_upward_import_is_caught(tmp_path: Path, room_file: str, line: str, why: str) -> None:
    original = BOT / room_file
    copy = tmp_path / "module.py"
    copy.write_text(original.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    found = violations(copy, module_name(original))
    assert any(why in v for v in found), found


def test_importing_the_core_loads_no_channel_and_no_sqlite() -> None:
    code = (
        "import sys, bot.core.dialogue, bot.core.engine, bot.matching.matcher, bot.concerns.flow; "
        "bad = [m for m in sys.modules if m.startswith(('telegram', 'bot.channels', 'sqlite3'))]; "
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_over_four_hundred_lines() -> None:
    long = {
        str(path.relative_to(PROJECT_ROOT)): n
        for path in bot_files()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}, "split these by responsibility"
