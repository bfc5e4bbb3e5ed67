"""Storage failures: one line naming the database file and what to do, exit status 2, no traceback."""

from __future__ import annotations

import ctypes
import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.store.records import NewConcern, utc_now
from bot.store.sqlite import SqliteStore
from tests.conftest import EXAMPLE_CONFIG, PROJECT_ROOT, run_cli, write_config

WELL_FORMED_TOKEN = "123456789:AAEabcdefghijklmnopqrstuvwxyz012345"
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _fails_cleanly(result: subprocess.CompletedProcess[str], path: Path, *words: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output, output
    problem = result.stderr.strip().splitlines()[-1]
    assert problem.startswith("policybot: ") and str(path) in problem, result.stderr
    for word in words:
        assert word in problem, problem


def _database_with_a_concern(path: Path) -> None:
    store = SqliteStore(path)
    store.create_concern(
        NewConcern(submission_id="1", user_id="telegram:1", text="Photos"), [], "MM", utc_now()
    )
    store.close()


@pytest.mark.parametrize("command", [["concerns", "list"], ["concerns", "export"], ["chat"], ["run"]])
def test_a_store_path_that_is_a_folder_is_named_with_what_to_do(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "db").mkdir()
    config = write_config(tmp_path, "db")
    token = {"TELEGRAM_BOT_TOKEN": WELL_FORMED_TOKEN}  # `run` stops at the store, before any network
    result = run_cli(*command, "--config", str(config), stdin="/quit\n", env=token)
    _fails_cleanly(result, tmp_path / "db", "is a folder", "store.path")


@pytest.mark.parametrize("command", [["concerns", "list"], ["chat"]])
def test_a_store_path_under_a_file_is_named_with_what_to_do(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "afile").write_text("x")
    config = write_config(tmp_path, "afile/policybot.sqlite3")
    result = run_cli(*command, "--config", str(config), stdin="/quit\n")
    _fails_cleanly(result, tmp_path / "afile" / "policybot.sqlite3", "is a file, not a folder")


def test_office_commands_do_not_create_a_database_where_none_is(tmp_path: Path) -> None:
    config = write_config(tmp_path, "missing/policybot.sqlite3")
    result = run_cli("concerns", "list", "--config", str(config))
    _fails_cleanly(result, tmp_path / "missing" / "policybot.sqlite3", "no database here", "--config")
    assert not (tmp_path / "missing").exists()


def test_the_bot_creates_a_missing_folder_for_its_database(tmp_path: Path) -> None:
    config = write_config(tmp_path, "missing/policybot.sqlite3")
    result = run_cli("chat", "--role", "parent", "--config", str(config), stdin="/quit\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "missing" / "policybot.sqlite3").stat().st_size > 0


@pytest.mark.parametrize("command", [["concerns", "list"], ["concerns", "show", "MM-2026-0001"], ["chat"]])
def test_a_corrupt_database_is_named_with_what_to_do(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "policybot.sqlite3"
    path.write_bytes(bytes(range(256)) * 40)
    result = run_cli(*command, "--config", str(write_config(tmp_path)), stdin="/quit\n")
    _fails_cleanly(result, path, "not a PolicyBot database", "backup")


@pytest.mark.parametrize("command", [["concerns", "list"], ["chat"]])
def test_a_database_from_a_newer_policybot_is_named_with_what_to_do(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "policybot.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = run_cli(*command, "--config", str(write_config(tmp_path)), stdin="/quit\n")
    _fails_cleanly(result, path, "newer than this PolicyBot", "upgrade PolicyBot")


@pytest.mark.parametrize("command", [["concerns", "list"], ["chat"]])
def test_an_emptied_database_file_is_refused_instead_of_restarting_references(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "policybot.sqlite3"
    _database_with_a_concern(path)
    path.write_bytes(b"")  # e.g. truncated by a full disk or a bad copy
    result = run_cli(*command, "--config", str(write_config(tmp_path)), stdin="/quit\n")
    _fails_cleanly(result, path, "empty (0 bytes)", "backup")
    assert path.stat().st_size == 0  # left as found for the admin to look at


def _without_root_override() -> dict[str, object]:
    """Root may write any file; run the command without that power so file permissions apply to it too."""
    if os.geteuid() != 0:
        return {}
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)

    return {"preexec_fn": drop}


@pytest.mark.parametrize("command", [["concerns", "list"], ["concerns", "close", "MM-2026-0001"], ["chat"]])
def test_a_database_the_user_cannot_write_is_named_with_what_to_do(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "policybot.sqlite3"
    _database_with_a_concern(path)
    path.chmod(0o444)
    probe = subprocess.run(
        [sys.executable, "-c", f"open({str(path)!r}, 'r+b')"], capture_output=True, **_without_root_override()
    )
    if probe.returncode == 0:
        pytest.skip("this machine lets the test user write a read-only file (root with its override kept)")
    result = run_cli(
        *command, "--config", str(write_config(tmp_path)), stdin="/quit\n", **_without_root_override()
    )
    _fails_cleanly(result, path, "permission denied", "the user that owns it")


def _reader(stream: object, into: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)


def _wait_for(lines: queue.Queue[str], seen: list[str], text: str, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while not any(text in line for line in seen):
        seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))


def test_console_chat_waits_out_a_locked_database_and_keeps_what_was_typed(tmp_path: Path) -> None:
    path = tmp_path / "policybot.sqlite3"
    config = write_config(tmp_path)
    SqliteStore(path).close()
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--role", "parent", "--config", str(config)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        env={**os.environ, "POLICYBOT_CONFIG": str(EXAMPLE_CONFIG)},
    )
    assert chat.stdin is not None and chat.stdout is not None and chat.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    seen: list[str] = []
    threading.Thread(target=_reader, args=(chat.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, seen, "answer as if you're a parent")
        chat.stdin.write("/concern\n")
        chat.stdin.flush()
        _wait_for(lines, seen, "What would you like to tell the school office?")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock through both attempts
        chat.stdin.write("The gate was left open at pick-up\n")
        chat.stdin.flush()
        _wait_for(lines, seen, "The database is busy")
        _wait_for(lines, seen, "Your message is kept")
        other.execute("COMMIT")
        other.close()
        chat.stdin.write("\n")  # Enter alone tries the kept message again
        chat.stdin.flush()
        _wait_for(lines, seen, "Send more, or tap Done")
        chat.stdin.write("/quit\n")
        chat.stdin.close()
        assert chat.wait(timeout=30) == 0
    finally:
        chat.kill()
        chat.wait()
    stderr = chat.stderr.read()
    chat.stdout.close()
    chat.stderr.close()
    assert "Traceback" not in stderr, stderr
    store = SqliteStore(path)
    state = store.get_state("console:local")
    store.close()
    assert state is not None and "The gate was left open at pick-up" in str(state)
