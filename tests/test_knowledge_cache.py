"""What a fresh start reads back from the cache instead of working it out is what it would have worked out.

The compiled safeguarding files (bot/safeguarding/stored.py) and the example texts' vectors
(bot/matching/semantic.py) are kept in the cache folder (bot/common/cache.py) under a hash of what they come
from and of the code. Any edit means working them out afresh; a damaged, unwritable or switched-off cache
only means working them out every time. Nothing people write is kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.common import cache
from bot.config import BUNDLED_KNOWLEDGE, Config
from bot.core.engine import Engine, meaning_layer
from bot.knowledge.loading import KnowledgeError
from bot.matching.matcher import OUT_OF_SCOPE
from bot.matching.semantic import _TokenMeans, class_texts, load_embedder
from bot.safeguarding import stored
from bot.safeguarding.detector import SafeguardingDetector, _compile
from tests.test_safeguarding_shortcuts import SETS, _texts

ODD = "purple elephants dance on tuesdays"  # nothing in the shipped files flags this


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENVIRONMENT, str(folder))
    return folder


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BUNDLED_KNOWLEDGE, tmp_path / "knowledge"))


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("safeguarding-*")) if folder.exists() else []


def test_what_is_read_back_is_what_was_compiled(cache_dir: Path, knowledge: Path) -> None:
    rules = knowledge / "safeguarding.yaml"
    SafeguardingDetector.from_file(rules)
    assert len(_entries(cache_dir)) == 1
    compiled, problems = _compile(rules)
    assert problems == [] and compiled is not None
    assert stored.load(rules) == compiled
    fresh, kept = SafeguardingDetector(compiled), SafeguardingDetector.from_file(rules)
    texts = [text for name in sorted(SETS) for text in _texts(name)]
    differ = [text for text in texts if fresh.detect(text) != kept.detect(text)]
    assert differ == []


def test_an_edit_anywhere_in_the_knowledge_folder_means_compiling_afresh(
    cache_dir: Path, knowledge: Path
) -> None:
    rules = knowledge / "safeguarding.yaml"
    assert SafeguardingDetector.from_file(rules).detect(ODD) is None
    text = rules.read_text(encoding="utf-8")
    rules.write_text(
        text.replace(
            "\ncategories:\n",
            '\ncategories:\n  - id: elephants\n    route: dsl\n    rules: ["purple elephants dance"]\n',
            1,
        ),
        encoding="utf-8",
    )
    found = SafeguardingDetector.from_file(rules).detect(ODD)
    assert found is not None and found.category == "elephants"
    before = stored.key(rules)
    topic_file = next((knowledge / "topics").glob("*.yaml"))  # read for the ordinary examples
    topic_file.write_text(topic_file.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert stored.key(rules) != before


def test_a_damaged_entry_is_compiled_again_and_replaced(cache_dir: Path, knowledge: Path) -> None:
    rules = knowledge / "safeguarding.yaml"
    SafeguardingDetector.from_file(rules)
    [entry] = _entries(cache_dir)
    for damage in (b"", b"not marshal data", entry.read_bytes()[:1000]):
        entry.write_bytes(damage)
        assert SafeguardingDetector.from_file(rules).detect("my dad hits me") is not None
        assert stored.load(rules) is not None  # written again, whole


def test_an_entry_saved_for_other_files_is_not_used(cache_dir: Path, knowledge: Path) -> None:
    rules = knowledge / "safeguarding.yaml"
    SafeguardingDetector.from_file(rules)
    [entry] = _entries(cache_dir)
    impostor = cache_dir / entry.name.replace(stored.key(rules), "0" * 64)
    shutil.copy(entry, impostor)  # the right layout under the wrong name
    assert cache.load(stored.KIND, "0" * 64) is None


def test_a_broken_file_is_never_kept(cache_dir: Path, knowledge: Path) -> None:
    rules = knowledge / "safeguarding.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8") + "\n  - id: broken\n    route: police\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeError):
        SafeguardingDetector.from_file(rules)
    assert _entries(cache_dir) == []


def test_an_unusable_cache_folder_only_means_compiling_each_time(
    tmp_path: Path, knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker / "cache"))
    assert (
        SafeguardingDetector.from_file(knowledge / "safeguarding.yaml").detect("my dad hits me") is not None
    )


def test_cache_off_keeps_nothing(tmp_path: Path, knowledge: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert (
        SafeguardingDetector.from_file(knowledge / "safeguarding.yaml").detect("my dad hits me") is not None
    )
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_only_the_newest_entries_are_kept(cache_dir: Path, knowledge: Path) -> None:
    for i in range(cache.KEEP + 2):
        cache.save(stored.KIND, f"{i:064d}", ("entry", i))
    assert len(_entries(cache_dir)) == cache.KEEP
    assert cache.load(stored.KIND, f"{cache.KEEP + 1:064d}") == ("entry", cache.KEEP + 1)


def test_the_cache_folder_is_private(cache_dir: Path) -> None:
    cache.save(stored.KIND, "0" * 64, ("entry",))
    assert cache_dir.stat().st_mode & 0o077 == 0
    assert all(entry.stat().st_mode & 0o077 == 0 for entry in _entries(cache_dir))


# ---- the example vectors (bot/matching/semantic.py) -------------------------------------------------------


def test_example_vectors_read_back_are_the_ones_computed(cache_dir: Path, engine: Engine) -> None:
    embedder = load_embedder()
    assert isinstance(embedder, _TokenMeans)
    texts = [text for texts in class_texts(engine.knowledge, OUT_OF_SCOPE).values() for text in texts]
    computed = embedder.embed_examples(texts)
    assert len(list(cache_dir.glob("example-vectors-*"))) == 1
    read_back = embedder.embed_examples(texts)
    assert np.array_equal(read_back, computed) and np.array_equal(computed, embedder.embed(texts))
    edited = embedder.embed_examples([*texts[:-1], texts[-1] + " (edited)"])
    assert len(list(cache_dir.glob("example-vectors-*"))) == 2
    assert not np.array_equal(edited[-1], computed[-1])


def test_what_people_ask_is_never_kept(cache_dir: Path, config: Config) -> None:
    engine = Engine.load(config)
    kept = sorted(cache_dir.iterdir())
    kinds = [p.name.rsplit("-", 1)[0] for p in kept]
    assert kinds == ["example-vectors", "safeguarding", "safeguarding-meaning"]
    for question in ("my dad hits me", "can i post pics of the nativity on fb", "x " * 500):
        engine.ask(question, "parent")
    assert sorted(cache_dir.iterdir()) == kept


# ---- the safeguarding check's meaning layer (bot/safeguarding/meaning.py) ---------------------------------


def test_meaning_weights_read_back_are_the_ones_fitted_and_an_edit_fits_again(
    cache_dir: Path, knowledge: Path
) -> None:
    embedder = load_embedder()
    assert embedder is not None
    detector = SafeguardingDetector.from_file(knowledge / "safeguarding.yaml")
    story = "Since his mum's boyfriend moved in he hides in the toilets at home time and won't say why."
    fitted = meaning_layer(knowledge, embedder, detector.by_id)
    read_back = meaning_layer(knowledge, embedder, detector.by_id)
    assert fitted is not None and read_back is not None
    assert len(list(cache_dir.glob("safeguarding-meaning-*"))) == 1
    assert read_back.probability(story) == fitted.probability(story)
    assert read_back.settings == fitted.settings
    examples = knowledge / "safeguarding_examples.yaml"
    examples.write_text(examples.read_text(encoding="utf-8").replace("threshold: 0.85", "threshold: 0.9"))
    edited = meaning_layer(knowledge, embedder, detector.by_id)
    assert edited is not None and edited.settings.threshold == 0.9
    assert len(list(cache_dir.glob("safeguarding-meaning-*"))) == 2
