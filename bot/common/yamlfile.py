"""Load YAML safely and remember the line of every key and list item, for file:line error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

# libyaml's safe loader when PyYAML was built with it (several times faster), else the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """A YAML file could not be read or parsed; the message names the file and line."""


@dataclass
class YamlDoc:
    """Parsed YAML data plus the line number (1-based) of each key path."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, at: Path_) -> int:
        """Line of the nearest known ancestor of a key path (1 when nothing is known)."""
        at = tuple(at)
        while at:
            if at in self.lines:
                return self.lines[at]
            at = at[:-1]
        return self.lines.get((), 1)

    def where(self, at: Path_) -> str:
        """`file:line` for a key path."""
        return f"{self.path}:{self.line(at)}"


def _walk(node: yaml.Node, at: Path_, lines: dict[Path_, int], twice: list[tuple[int, str]]) -> None:
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in seen:  # YAML keeps only the last one: an edit that silently undoes another
                twice.append((key_node.start_mark.line + 1, key))
            seen.add(key)
            child = (*at, key)
            _walk(value_node, child, lines, twice)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*at, index), lines, twice)


def load_yaml(path: str | Path) -> YamlDoc:
    """Read a YAML file; raises YamlError with `file:line: problem` when it cannot be read or parsed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlError(f"{path}: file not found") from None
    except UnicodeDecodeError as err:
        raise YamlError(
            f"{path}: not UTF-8 text ({err.reason} at byte {err.start}) — save it as UTF-8"
        ) from None
    except OSError as err:
        raise YamlError(f"{path}: cannot be read ({err.strerror})") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = err.problem or err.context or "invalid YAML"
        raise YamlError(
            f"{path}:{line}: {problem} — check the indentation and quoting around this line"
        ) from None
    except yaml.YAMLError as err:
        raise YamlError(f"{path}: invalid YAML ({err})") from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    twice: list[tuple[int, str]] = []
    if node is not None:
        _walk(node, (), lines, twice)
    if twice:
        line, key = twice[0]
        raise YamlError(
            f"{path}:{line}: '{key}' is given twice here — YAML keeps only the last one; merge them into one"
        )
    return YamlDoc(path=path, data=data, lines=lines)
