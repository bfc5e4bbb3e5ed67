"""The semantic layer: loads the shipped model offline, leaves logging alone, and can be switched off."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Config, load_config
from bot.core.engine import Engine
from bot.matching.matcher import OUT_OF_SCOPE
from bot.matching.semantic import class_texts, load_embedder
from bot.matching.sentences import question_parts


def _python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=60
    )


def test_shipped_model_loads_from_the_package_without_writing_anything(tmp_path: Path) -> None:
    result = _python(
        "import logging\n"
        "from bot.matching.semantic import load_embedder\n"
        "e = load_embedder()\n"
        "assert e is not None\n"
        "print(e.embed(['can i post photos']).shape)\n"
        "root = logging.getLogger()\n"
        "print(len(root.handlers), root.level)\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    # (1, 256) vectors; the root logger is as Python left it (no handler, WARNING) despite the import.
    assert result.stdout.split("\n")[:2] == ["(1, 256)", f"0 {logging.WARNING}"]
    assert list(tmp_path.iterdir()) == []


def test_missing_model_means_words_only_with_a_warning_not_a_crash(tmp_path: Path) -> None:
    result = _python(
        "import sys, logging\n"
        "sys.modules['wordllama'] = None  # as if the package were not installed\n"
        "logging.basicConfig(level=logging.INFO)\n"
        "from bot.config import load_config\n"
        "from bot.core.engine import Engine\n"
        "engine = Engine.load(load_config())\n"
        "assert engine.matcher.semantic is None\n"
        "print(engine.ask('can i post pics of the nativity on fb', 'parent').topic)\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "parents_photos"
    assert "semantic matching unavailable (ModuleNotFoundError); matching on words alone" in result.stderr
    assert "matching: words only (semantic layer off: model unavailable)" in result.stderr


def test_start_up_says_which_matching_is_in_use(
    config: Config, words_only_config_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.core.engine"):
        on = Engine.load(config)
        off = Engine.load(load_config(words_only_config_file))
    assert on.matcher.semantic is not None
    assert off.matcher.semantic is None
    messages = [r.getMessage() for r in caplog.records if r.name == "bot.core.engine"]
    assert any(m.startswith("matching: words and meaning (semantic layer on") for m in messages)
    assert "matching: words only (semantic layer off: switched off in the config)" in messages


def test_meaning_finds_a_topic_that_shares_no_words_with_its_examples(config: Config) -> None:
    assert load_embedder() is not None
    engine = Engine.load(config)
    reply = engine.ask("may i moan about the school on a parenting forum", "parent")
    assert reply.action in ("answer", "clarify")
    # Either rule of the parents' section fits: raise it with the school, and no malicious comments.
    assert (reply.topic or reply.alternatives[0].topic) in (
        "parents_raise_concerns",
        "parents_malicious_comments",
    )


STORY = (
    "We went to the Christmas concert last week and it was lovely. My sister came along and filmed the "
    "whole thing on her phone, with all the children on stage. She wants to put it on Facebook tonight. {}"
)


@pytest.mark.parametrize(
    "question",
    [
        "Is she allowed to post a video with other children in it?",
        "Can she share it if other kids are in the video?",
    ],
)
def test_a_story_with_the_question_at_the_end_matches_like_the_question_alone(
    engine_both_ways: Engine, question: str
) -> None:
    alone = engine_both_ways.ask(question, "parent")
    story = engine_both_ways.ask(STORY.format(question), "parent")
    assert alone.topic == "parents_photos"
    assert (story.action, story.topic) == (alone.action, alone.topic)


def test_question_parts_are_the_asking_sentences_and_the_one_before() -> None:
    text = "My son is in year 5. His teacher sent me a friend request last night. Should I accept it? Thanks."
    assert question_parts(text) == [
        "Should I accept it?",
        "His teacher sent me a friend request last night. Should I accept it?",
    ]
    assert question_parts("can i post photos of the play") == []
    assert question_parts("We had a lovely day. The play was great.") == []


def test_question_parts_look_at_a_bounded_number_of_sentences() -> None:
    story = " ".join(f"Sentence number {i} of a very long story." for i in range(5000))
    parts = question_parts(story + " Can I post the photos?")
    assert parts[0] == "Can I post the photos?"
    assert len(parts[1]) < 200


def test_words_only_config_switch_is_documented_in_the_example_config() -> None:
    text = (PROJECT_ROOT / "config.example.yaml").read_text(encoding="utf-8")
    assert "semantic: true" in text
    assert load_config().matching.semantic is True


def test_loading_the_model_reads_its_files_without_importing_its_download_machinery(tmp_path: Path) -> None:
    result = _python(
        "import sys\n"
        "from bot.matching.semantic import load_embedder\n"
        "assert load_embedder() is not None\n"
        "print(sorted(m for m in ('wordllama', 'requests', 'pydantic', 'toml') if m in sys.modules))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_vectors_are_the_packages_own_to_the_bit(engine: Engine) -> None:
    import numpy as np

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama  # configures the root logger on import: put it back
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    package = Path(wordllama.__file__).parent
    theirs = wordllama.WordLlama.load(cache_dir=package, disable_download=True, dim=256)
    ours = load_embedder()
    assert ours is not None
    texts = [text for texts in class_texts(engine.knowledge, OUT_OF_SCOPE).values() for text in texts]
    texts += ["", "🙂", "x" * 3000, "can i post pics of the nativity on fb", "Mrs O'Neill’s class — año"]
    for batch in (texts, texts[:1], texts[:100], texts[-3:]):
        assert np.array_equal(ours.embed(batch), theirs.embed(batch, norm=False))


def test_meaning_scores_do_not_depend_on_how_many_blas_threads_numpy_uses(tmp_path: Path) -> None:
    # load_embedder asks for one BLAS thread (idle OpenBLAS threads spun a core during start-up); the
    # scores must be those the default would give.
    code = (
        "from bot.config import load_config\n"
        "from bot.core.engine import Engine\n"
        "semantic = Engine.load(load_config()).matcher.semantic\n"
        "questions = ['can i post pics of the nativity on fb', 'a mum sent me a friend request']\n"
        "print([sorted(row.items()) for row in semantic.similarities(questions)])\n"
    )
    runs = []
    for threads in ("1", "2"):
        env = {**os.environ, "OPENBLAS_NUM_THREADS": threads, "PYTHONPATH": str(PROJECT_ROOT)}
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            cwd=PROJECT_ROOT,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        runs.append(result.stdout)
    assert runs[0] == runs[1]
