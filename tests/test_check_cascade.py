"""`policybot check` names the cause first and does not bury it under errors that only echo it."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import EXAMPLE_CONFIG
from tests.conftest import run_cli

TOPICS = Path("topics") / "social-media.yaml"
POLICY = Path("policies") / "social-media.yaml"


def _errors(knowledge: Path) -> list[str]:
    # A config with somewhere to send concerns, so only the knowledge's own errors are counted.
    config = knowledge.parent / "config.yaml"
    config.write_text(
        EXAMPLE_CONFIG.read_text(encoding="utf-8").replace(
            "  telegram_chat_ids: []", "  telegram_chat_ids: [-1001234567890]", 1
        ),
        encoding="utf-8",
    )
    result = run_cli("check", "--config", str(config), "--knowledge", str(knowledge))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("error: ")]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_wrong_audience_gives_one_error_not_one_per_rule(knowledge_copy: Path) -> None:
    _edit(knowledge_copy / TOPICS, "audience: [parent]", "audience: [parents]")
    errors = _errors(knowledge_copy)
    assert len(errors) == 1, "\n".join(errors)
    assert "audience[0]: must be one of 'parent', 'staff', 'pupil', 'any', not 'parents'" in errors[0]


def test_one_bad_yaml_line_in_the_topics_gives_one_error_with_its_line(knowledge_copy: Path) -> None:
    _edit(knowledge_copy / TOPICS, "\n  - id: ", "\n  - id: [unclosed\n  - id: ")
    errors = _errors(knowledge_copy)
    assert len(errors) == 1, "\n".join(errors)
    assert re.search(r"social-media\.yaml:\d+: .* check the indentation", errors[0])


def test_one_bad_yaml_line_in_a_policy_gives_one_error(knowledge_copy: Path) -> None:
    _edit(knowledge_copy / POLICY, "\nsections:", "\nsections: [unclosed\n")
    errors = _errors(knowledge_copy)
    assert len(errors) == 1, "\n".join(errors)


def test_a_misspelt_template_variable_suggests_the_right_one_and_lists_them_all(knowledge_copy: Path) -> None:
    _edit(knowledge_copy / TOPICS, "{{ school.office_phone }}", "{{ school.ofice_phone }}")
    errors = _errors(knowledge_copy)
    assert len(errors) == 1, "\n".join(errors)
    assert "unknown variable 'school.ofice_phone' — did you mean school.office_phone?" in errors[0]
    assert "school.name, school.office_email, school.office_phone" in errors[0]


def test_a_misspelt_variable_in_a_message_is_caught_too(knowledge_copy: Path) -> None:
    messages = next(
        p for p in (knowledge_copy / "messages").glob("*.yaml") if "school.office_phone" in p.read_text()
    )
    _edit(messages, "school.office_phone", "school.office_phon")
    errors = _errors(knowledge_copy)
    assert errors and "did you mean school.office_phone?" in errors[0]


def test_a_misspelt_top_level_name_lists_the_variables(knowledge_copy: Path) -> None:
    _edit(knowledge_copy / TOPICS, "{{ school.office_phone }}", "{{ scool.office_phone }}")
    errors = _errors(knowledge_copy)
    assert len(errors) == 1 and "unknown variable 'scool'" in errors[0], "\n".join(errors)
    assert "Templates may use: school.name" in errors[0]
