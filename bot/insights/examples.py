"""Add an unanswered question to a topic's examples in the knowledge YAML, then check the knowledge.

The line is inserted after the topic's last example, so comments and layout stay as the school wrote them.
If the knowledge no longer loads afterwards, the file is put back and the problems are raised.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.common.schema import ProblemsError
from bot.knowledge.loading import Knowledge

MAX_EXAMPLE = 300


class ExampleError(ProblemsError):
    """The example could not be added; the problems say why (the file is unchanged)."""


def _last_example_end(text: str, topic_id: str) -> tuple[int, str] | None:
    """(line index after the topic's last example, its indentation), from the YAML's node positions."""
    root = yaml.compose(text)
    topics = _child(root, "topics")
    if not isinstance(topics, yaml.SequenceNode):
        return None
    for node in topics.value:
        ident = _child(node, "id")
        if isinstance(ident, yaml.ScalarNode) and ident.value == topic_id:
            examples = _child(node, "examples")
            if not isinstance(examples, yaml.SequenceNode) or not examples.value or examples.flow_style:
                return None
            last = examples.value[-1]
            line = last.start_mark.line
            indent = text.splitlines()[line][: last.start_mark.column - 2]
            end = last.end_mark.line + (1 if last.end_mark.column > 0 else 0)
            return max(end, line + 1), indent
    return None


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value
    return None


def add_example(knowledge: Knowledge, topic_id: str, question: str, check: Callable[[Path], object]) -> Path:
    """Append `question` to the topic's examples; `check(folder)` must load the knowledge or raise.

    Returns the file written. Raises ExampleError (file unchanged) when the topic is unknown, the question
    is empty or already there, or the knowledge fails its check afterwards.
    """
    question = " ".join(question.split())[:MAX_EXAMPLE]
    topic = knowledge.topics.get(topic_id)
    if topic is None or not question:
        raise ExampleError([f"no topic '{topic_id}' (or an empty question) — choose a topic from the list"])
    if question.casefold() in (e.casefold() for e in topic.examples):
        raise ExampleError([f"'{question}' is already an example of {topic_id}"])
    path = Path(topic.file)
    original = path.read_text(encoding="utf-8")
    found = _last_example_end(original, topic_id)
    if found is None:
        raise ExampleError([f"{path}: cannot find the examples list of {topic_id} — add it by hand"])
    at, indent = found
    lines = original.splitlines(keepends=True)
    lines.insert(at, f"{indent}- {json.dumps(question, ensure_ascii=False)}\n")
    path.write_text("".join(lines), encoding="utf-8")
    try:
        check(knowledge.folder)
    except ProblemsError as err:
        path.write_text(original, encoding="utf-8")
        raise ExampleError(err.problems) from None
    return path
