"""`policybot ask --json` is a public contract: exact keys, one object per question, batch mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import EXAMPLE_CONFIG, PROJECT_ROOT, run_cli

KEYS = [
    "question",
    "action",
    "topic",
    "section",
    "confidence",
    "answer",
    "alternatives",
    "offer_forward",
    "policy",
]
ACTIONS = {"answer", "clarify", "fallback", "forward", "smalltalk", "safeguarding"}


def _check_contract(obj: dict) -> None:
    assert list(obj) == KEYS
    assert obj["action"] in ACTIONS
    assert isinstance(obj["confidence"], float | int) and 0 <= obj["confidence"] <= 1
    assert isinstance(obj["answer"], str) and obj["answer"].strip()
    assert isinstance(obj["offer_forward"], bool)
    for alt in obj["alternatives"]:
        assert list(alt) == ["topic", "section", "confidence"]
    if obj["action"] == "answer":
        assert obj["section"]  # topic is null when the answer quotes rules no curated topic covers
    if obj["topic"] is None and obj["action"] != "answer":
        assert obj["section"] is None
    if obj["action"] == "answer":
        assert obj["policy"]


def test_ask_json_answers_a_parent_photo_question_with_the_parents_section() -> None:
    result = run_cli(
        "ask", "can I put pictures of the school nativity on facebook?", "--role", "parent", "--json"
    )
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    _check_contract(obj)
    assert obj["action"] == "answer"
    assert obj["topic"] == "parents_photos"
    assert obj["section"] == "Comments posted by parents/carers on social media sites"
    assert obj["policy"] == "Social Media Policy"
    assert "<" not in obj["answer"] or "<b>" not in obj["answer"]  # plain text, not HTML


def test_ask_batch_mode_reads_one_question_a_line_and_writes_one_object_a_line() -> None:
    questions = [
        "a mum sent me a friend request can i accept",
        "what's for school dinner today",
        "",
        "thanks!",
    ]
    result = run_cli("ask", "--json", "--role", "staff", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    objs = [json.loads(line) for line in lines]
    for question, obj in zip(questions, objs, strict=True):
        _check_contract(obj)
        assert obj["question"] == question
    assert objs[0]["topic"] == "staff_friending_parents"
    assert objs[1]["action"] != "answer"
    assert objs[2]["action"] == "fallback"
    assert objs[3]["action"] == "smalltalk"


def test_ask_without_json_prints_the_plain_answer() -> None:
    result = run_cli("ask", "can i post photos of other kids from sports day on insta")
    assert result.returncode == 0, result.stderr
    assert "Comments posted by parents/carers on social media sites" in result.stdout
    assert "<b>" not in result.stdout


def test_ask_json_reports_safeguarding_for_a_disclosure() -> None:
    result = run_cli(
        "ask", "a man on roblox keeps asking my daughter to send him photos of herself", "--json"
    )
    obj = json.loads(result.stdout)
    _check_contract(obj)
    assert obj["action"] == "safeguarding"
    assert "999" in obj["answer"]


def test_ask_batch_details_from_the_review_are_not_safeguarding_but_a_threat_to_a_child_is() -> None:
    lines = ["tom@example.com", "com", "reception", "Mr Cox", "Dick Turner"]
    disclosure = "a mum at pick-up said she'd beat her kid black and blue when they got home"
    result = run_cli("ask", "--json", stdin="\n".join([*lines, disclosure]) + "\n")
    assert result.returncode == 0, result.stderr
    actions = [json.loads(line)["action"] for line in result.stdout.splitlines()]
    assert "safeguarding" not in actions[:-1], actions
    assert actions[-1] == "safeguarding"


def test_answering_one_question_loads_no_store_outbox_channel_or_model_package() -> None:
    # What a fresh `policybot ask` imports is most of its start-up time: only what answering needs.
    code = (
        "import sys\n"
        "from bot.cli.main import main\n"
        "main(['ask', 'can i post pics of the nativity on fb', '--role', 'parent', '--json'])\n"
        "heavy = ('asyncio', 'sqlite3', 'telegram', 'aiohttp', 'bot.concerns.outbox',"
        " 'wordllama', 'requests')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "POLICYBOT_CONFIG": str(EXAMPLE_CONFIG)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert json.loads(lines[0])["topic"] == "parents_photos"
    assert lines[-1] == "[]"
