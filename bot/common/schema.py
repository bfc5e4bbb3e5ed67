"""Build typed dataclasses from YAML data, collecting every problem as `file:line: path: what to fix`."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from bot.common.yamlfile import Path_, YamlDoc

T = TypeVar("T")


class ProblemsError(Exception):
    """Something a person edits has problems; `problems` holds one `file:line: ...` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


class Problems:
    """Collects validation problems with their location."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.items: list[str] = []

    def add(self, at: Path_, message: str) -> None:
        """Record one problem at a key path."""
        self.items.append(f"{self.doc.where(at)}: {dotted(at) or '(top level)'}: {message}")


def dotted(at: Path_) -> str:
    """`topics[3].answer` style rendering of a key path."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is list:
        return "a list"
    if origin is dict:
        return "a mapping"
    if dataclasses.is_dataclass(tp):
        return "a mapping"
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in get_args(tp) if a is not type(None))
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(tp))
    return _TYPE_NAMES.get(tp, getattr(tp, "__name__", str(tp)))


def build(cls: type[T], data: Any, at: Path_, problems: Problems) -> T | None:
    """Turn `data` into an instance of dataclass `cls`; returns None (and records why) when it cannot."""
    return _convert(cls, data, at, problems)


def _convert(tp: Any, value: Any, at: Path_, problems: Problems) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        if len(non_none) == 1:
            return _convert(non_none[0], value, at, problems)
        for arg in non_none:  # first type that accepts it without problems
            trial = Problems(problems.doc)
            result = _convert(arg, value, at, trial)
            if not trial.items:
                return result
        problems.add(at, f"expected {_type_name(tp)}")
        return None
    if origin is typing.Literal:
        if value not in get_args(tp):
            problems.add(at, f"must be {_type_name(tp)}, not {value!r}")
            return None
        return value
    if origin is list:
        if value is None:
            return []
        if not isinstance(value, list):
            problems.add(at, f"expected a list (lines starting with '- '), got {_describe(value)}")
            return []
        (item_tp,) = get_args(tp)
        return [_convert(item_tp, item, (*at, i), problems) for i, item in enumerate(value)]
    if origin is dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.add(at, f"expected a mapping (key: value lines), got {_describe(value)}")
            return {}
        key_tp, value_tp = get_args(tp)
        return {
            _convert(key_tp, k, (*at, k), problems): _convert(value_tp, v, (*at, k), problems)
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(tp):
        return _build_dataclass(tp, value, at, problems)
    if tp is Any:
        return value
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # phone numbers and ids written without quotes
    if tp in (str, int, float, bool):
        if isinstance(value, tp) and not (tp is int and isinstance(value, bool)):
            return value
        problems.add(at, f"expected {_type_name(tp)}, got {_describe(value)}")
        return None
    raise TypeError(f"schema type {tp!r} is not supported")


def _build_dataclass(cls: Any, value: Any, at: Path_, problems: Problems) -> Any:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        problems.add(at, f"expected a mapping (key: value lines), got {_describe(value)}")
        return None
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    kwargs: dict[str, Any] = {}
    ok = True
    for key in value:
        if key not in fields:
            known = ", ".join(sorted(fields))
            problems.add((*at, key), f"unknown key — remove it or use one of: {known}")
            ok = False
    for name, f in fields.items():
        if name in value:
            before = len(problems.items)
            kwargs[name] = _convert(hints[name], value[name], (*at, name), problems)
            ok = ok and len(problems.items) == before
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            problems.add(at, f"'{name}' is required — add it")
            ok = False
    if not ok:
        return None
    try:
        return cls(**kwargs)
    except ValueError as err:  # __post_init__ checks
        problems.add(at, str(err))
        return None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{value!r}".lower()
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return repr(value)
