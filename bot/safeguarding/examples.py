"""Reading knowledge/safeguarding_examples.yaml: the labelled messages the similarity layer compares with.

The index itself (similarity.py) knows nothing of files; this module checks the file, gathers the ordinary
examples (its own list and every `examples:` entry of the files `ordinary_from` names) and builds the index.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.common.schema import Problems, build
from bot.common.text import words
from bot.common.yamlfile import YamlError, load_yaml
from bot.safeguarding.meaning import MeaningSettings
from bot.safeguarding.similarity import SimilarityIndex, SimilaritySettings, build_tables

EXAMPLES_FILE = "safeguarding_examples.yaml"


@dataclass(frozen=True)
class MeaningOnly:
    """`meaning_only:` examples that teach the meaning layer and are not compared by the similarity layer
    (whose nearest-neighbour verdict moves with every example added; a model fitted on all of them is
    steadier)."""

    disclosures: dict[str, list[str]] = field(default_factory=dict)
    ordinary: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExamplesSpec:
    """knowledge/safeguarding_examples.yaml."""

    disclosures: dict[str, list[str]]
    ordinary: list[str] = field(default_factory=list)
    ordinary_from: list[str] = field(default_factory=list)
    settings: SimilaritySettings = field(default_factory=SimilaritySettings)
    meaning: MeaningSettings = field(default_factory=MeaningSettings)
    meaning_only: MeaningOnly = field(default_factory=MeaningOnly)


@dataclass(frozen=True)
class ExampleTexts:
    """The examples as texts, for the meaning layer (bot/safeguarding/meaning.py)."""

    disclosures: list[str]
    ordinary: list[str]  # the file's own and those of `ordinary_from`
    meaning: MeaningSettings


def example_texts(path: Path, categories: Mapping[str, Any]) -> ExampleTexts | None:
    """The texts of an examples file the detector has already loaded (None if it cannot be read or has a
    problem: the detector's own load reports which)."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_FAST_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    spec, problems = _check(path, data, categories)
    if spec is None or problems:
        return None
    extra = spec.meaning_only
    disclosures = [
        text for group in (spec.disclosures, extra.disclosures) for texts in group.values() for text in texts
    ]
    return ExampleTexts(disclosures, [*_ordinary(path, spec), *extra.ordinary], spec.meaning)


def load_examples(
    path: Path, categories: Mapping[str, Any], reader: Callable[[str], list[str]]
) -> tuple[SimilarityIndex | None, list[str]]:
    """Read the examples file next to safeguarding.yaml; problems as `file:line: path: what to fix`.

    `reader` turns a message into the words the detector reads (see scanning.read_words).
    """
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_FAST_LOADER)  # a safe loader, the C one if available
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None  # load_yaml below says what is wrong, with the line
    spec, problems = _check(path, data, categories) if data is not None else (None, ["unreadable"])
    if problems:  # only now pay for reading the file again with line numbers
        try:
            doc = load_yaml(path)
        except YamlError as err:
            return None, [str(err)]
        spec, problems = _check(path, doc.data, categories, Problems(doc))
    if spec is None or problems:
        return None, problems
    ordinary = _ordinary(path, spec)
    disclosures = [(category, text) for category, texts in spec.disclosures.items() for text in texts]
    return SimilarityIndex(build_tables(disclosures, ordinary, spec.settings, reader), spec.settings), []


def _ordinary(path: Path, spec: ExamplesSpec) -> list[str]:
    ordinary = list(spec.ordinary)
    for pattern in spec.ordinary_from:
        for other in sorted(path.parent.glob(pattern)):
            ordinary.extend(_examples_in(other))
    return ordinary


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check(
    path: Path, data: Any, categories: Mapping[str, Any], problems: Problems | None = None
) -> tuple[ExamplesSpec | None, list[str]]:
    """Validate the examples; with no Problems (no line numbers yet) only say whether anything is wrong."""
    report = problems or _Silent()
    spec = build(ExamplesSpec, data, (), report)  # type: ignore[arg-type]
    if spec is None:
        return None, report.items or ["invalid"]
    for at, group in (
        (("disclosures",), spec.disclosures),
        (("meaning_only", "disclosures"), spec.meaning_only.disclosures),
    ):
        for category, texts in group.items():
            if category not in categories:
                known = ", ".join(categories)
                report.add((*at, category), f"unknown category '{category}' — use one of: {known}")
            for i, text in enumerate(texts):
                if not isinstance(text, str) or not words(text):
                    report.add((*at, category, i), "empty example — write the message as sent")
    for at, texts in (
        (("ordinary",), spec.ordinary),
        (("meaning_only", "ordinary"), spec.meaning_only.ordinary),
    ):
        for i, text in enumerate(texts):
            if not isinstance(text, str) or not words(text):
                report.add((*at, i), "empty example — write the message as sent")
    for i, pattern in enumerate(spec.ordinary_from):
        if not pattern or Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            report.add(("ordinary_from", i), "give a file or pattern inside the knowledge folder")
        elif not any(path.parent.glob(pattern)):
            report.add(("ordinary_from", i), f"no file matches '{pattern}' next to {path.name}")
    settings = spec.settings
    if settings.k < 1:
        report.add(("settings", "k"), "must be 1 or more (3 is usual)")
    if settings.min_words < 1:
        report.add(("settings", "min_words"), "must be 1 or more (4 is usual)")
    if not 0 <= settings.min_similarity <= 1 or not -1 <= settings.margin <= 1:
        report.add(("settings",), "min_similarity must be between 0 and 1 and margin between -1 and 1")
    if settings.short_words < 0:
        report.add(("settings", "short_words"), "must be 0 or more (0: every message needs `margin`)")
    if not -1 <= settings.short_margin <= 1:
        report.add(("settings", "short_margin"), "must be between -1 and 1")
    if settings.long_words < 0 or (settings.long_words and settings.long_words <= settings.short_words):
        why = "must be 0 (every long message needs `margin`) or more than `short_words`"
        report.add(("settings", "long_words"), why)
    if not -1 <= settings.long_margin <= 1:
        report.add(("settings", "long_margin"), "must be between -1 and 1")
    if not 0 < spec.meaning.threshold < 1:
        report.add(("meaning", "threshold"), "must be between 0 and 1 (0.85 is usual; higher: fewer alerts)")
    if not (0 < spec.meaning.offer <= spec.meaning.threshold or spec.meaning.offer == 1):
        why = "must be above 0 and at most `threshold` (0.4 is usual), or 1 (no offer)"
        report.add(("meaning", "offer"), why)
    if spec.meaning.min_words < 1:
        report.add(("meaning", "min_words"), "must be 1 or more (20 is usual)")
    return spec, report.items


class _Silent:
    """Collects problems without line numbers (the first, fast pass over a file that is usually clean)."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, at: Any, message: str) -> None:
        self.items.append(message)


def _examples_in(path: Path) -> list[str]:
    """Every string under an `examples:` key anywhere in a knowledge file (topics, intents)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FAST_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # the knowledge checker reports a broken topic file; safeguarding must still load
    found: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "examples" and isinstance(value, list):
                    found.extend(v for v in value if isinstance(v, str))
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found
