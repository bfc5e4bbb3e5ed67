"""What `policybot` prints: which config it read, quiet pipes, any terminal encoding, clean text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.store.records import NewConcern, utc_now
from bot.store.sqlite import SqliteStore
from tests.conftest import EXAMPLE_CONFIG, PROJECT_ROOT, run_cli, write_config

ESCAPES = "\x1b[2J\x1b[H\x1b]0;HACKED\x07Deliveries:\r\n  office delivered\x1b[1A\u202e"


def _store_with(tmp_path: Path, text: str, name: str = "Sam") -> Path:
    config = write_config(tmp_path)
    store = SqliteStore(tmp_path / "policybot.sqlite3")
    new = NewConcern(submission_id="1", user_id="telegram:1", text=text, name=name, contact="077")
    store.create_concern(new, ["office-email:office@school.example"], "MM", utc_now())
    store.close()
    return config


def test_concerns_accepts_config_after_the_action_and_names_config_and_database(tmp_path: Path) -> None:
    config = _store_with(tmp_path, "Photos on Facebook")
    after = run_cli("concerns", "list", "--config", str(config))
    before = run_cli("concerns", "--config", str(config), "list")
    assert (after.returncode, before.returncode) == (0, 0), after.stderr + before.stderr
    assert after.stdout == before.stdout and "-0001" in after.stdout
    assert after.stderr == (
        f"policybot: config {config} (--config), database {tmp_path / 'policybot.sqlite3'}\n"
    )


def test_a_config_yaml_in_the_working_folder_is_used_and_named(tmp_path: Path) -> None:
    _store_with(tmp_path, "Photos on Facebook")
    result = run_cli("concerns", "list", cwd=tmp_path, env={"POLICYBOT_CONFIG": ""})
    assert result.returncode == 0, result.stderr
    assert "-0001" in result.stdout
    assert f"config {tmp_path / 'config.yaml'} (found in the current folder)" in result.stderr


def test_without_any_config_the_command_says_it_read_the_bundled_example(tmp_path: Path) -> None:
    result = run_cli("ask", "thanks", cwd=tmp_path, env={"POLICYBOT_CONFIG": ""})
    assert result.returncode == 0, result.stderr
    assert f"config {EXAMPLE_CONFIG} (the bundled example" in result.stderr


def test_ask_json_piped_into_head_ends_quietly() -> None:
    questions = "".join(f"can i post photos on facebook {n}\n" for n in range(400))
    pipeline = subprocess.run(
        f"{sys.executable} -m bot ask --json | head -1",
        shell=True,
        input=questions,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "POLICYBOT_CONFIG": str(EXAMPLE_CONFIG)},
        timeout=60,
    )
    assert len(pipeline.stdout.splitlines()) == 1
    assert "Traceback" not in pipeline.stderr and "BrokenPipe" not in pipeline.stderr, pipeline.stderr


def test_an_ascii_terminal_gets_emoji_escaped_not_a_crash() -> None:
    env = {"PYTHONIOENCODING": "ascii"}
    text = run_cli("ask", "can i post photos on fb 👍😀", env=env)
    assert text.returncode == 0, text.stderr
    as_json = run_cli("ask", "--json", "thanks 🙏", env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert '"question": "thanks \\ud83d\\ude4f"' in as_json.stdout  # valid JSON, ASCII only
    batch = run_cli("ask", stdin="is it ok to post 📸 of sports day\n", env=env)
    assert batch.returncode == 0 and "Traceback" not in batch.stderr, batch.stderr


def test_purge_with_an_absurd_number_of_days_says_what_is_allowed(tmp_path: Path) -> None:
    config = _store_with(tmp_path, "Photos")
    result = run_cli("concerns", "purge", "--older-than", "99999999999999999999", "--config", str(config))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "out of range — give 0 to 36600 days" in result.stderr
    negative = run_cli("concerns", "purge", "--older-than", "-1", "--config", str(config))
    assert negative.returncode == 2 and "out of range" in negative.stderr


def test_concerns_show_list_and_export_never_print_terminal_escape_sequences(tmp_path: Path) -> None:
    config = _store_with(tmp_path, "Please look at this" + ESCAPES, name="Sam\x1b]0;title\x07\nFAKE")
    for command in (["show", "MM-2026-0001"], ["list"], ["export"]):
        result = run_cli("concerns", *command, "--config", str(config))
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\r" not in result.stdout and "\u202e" not in result.stdout
        assert "\x07" not in result.stdout
    shown = run_cli("concerns", "show", "MM-2026-0001", "--config", str(config)).stdout
    assert "    Please look at thisDeliveries:\n      office delivered" in shown  # indented: not a real line
    store = SqliteStore(tmp_path / "policybot.sqlite3")
    concern = store.get_concern("MM-2026-0001")
    store.close()
    assert concern is not None and concern.text == "Please look at this" + ESCAPES  # stored verbatim


def test_chat_with_a_role_does_not_ask_for_the_role(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    result = run_cli("chat", "--role", "parent", "--config", str(config), stdin="/quit\n")
    assert result.returncode == 0, result.stderr
    assert "Are you a parent/carer" not in result.stdout
    assert "answer as if you're a parent" in result.stdout
