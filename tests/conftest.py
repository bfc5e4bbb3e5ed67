"""Shared fixtures: the bundled config and engine, and a helper to run the real `policybot` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from bot.common.cache import ENVIRONMENT as CACHE_ENVIRONMENT
from bot.config import BUNDLED_KNOWLEDGE, EXAMPLE_CONFIG, PROJECT_ROOT, Config, load_config
from bot.core.engine import Engine
from bot.core.replies import Reply

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")
# The tests keep what they compile in a cache of their own (also for the programs they start), never in
# the user's: a cache someone left behind must not decide a result.
_CACHE = tempfile.TemporaryDirectory(prefix="policybot-test-cache-")
os.environ[CACHE_ENVIRONMENT] = _CACHE.name


@pytest.fixture(scope="session")
def config() -> Config:
    """The bundled example config."""
    return load_config()


@pytest.fixture(scope="session")
def engine(config: Config) -> Engine:
    """The engine on the bundled knowledge."""
    return Engine.load(config)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled knowledge folder."""
    return Path(shutil.copytree(BUNDLED_KNOWLEDGE, tmp_path / "knowledge"))


def leading_topic(reply: Reply) -> str | None:
    """The section a reply answers with, or else the first it offers ("Did you mean…"), or None."""
    return reply.topic or (reply.alternatives[0].topic if reply.alternatives else None)


def run_cli(
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    cwd: Path = PROJECT_ROOT,
    **popen: Any,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` as a real process.

    Without --config it reads the bundled example (POLICYBOT_CONFIG), never a config.yaml someone left in
    the project folder; pass env={"POLICYBOT_CONFIG": ""} to test the search for one.
    """
    base = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    full_env = {**base, "PYTHONIOENCODING": "utf-8", "POLICYBOT_CONFIG": str(EXAMPLE_CONFIG), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        **popen,
    )


@pytest.fixture(scope="session")
def words_only_config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example config with the semantic layer switched off (matching on words alone)."""
    text = (PROJECT_ROOT / "config.example.yaml").read_text(encoding="utf-8")
    assert "  semantic: true" in text
    path = tmp_path_factory.mktemp("words-only") / "config.yaml"
    path.write_text(text.replace("  semantic: true", "  semantic: false"), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def words_only_engine(words_only_config_file: Path) -> Engine:
    """The bundled engine matching on words alone (`matching.semantic: false`)."""
    return Engine.load(load_config(words_only_config_file))


@pytest.fixture(scope="session", params=["semantic", "words-only"])
def engine_both_ways(request: pytest.FixtureRequest, config: Config, words_only_config_file: Path) -> Engine:
    """The bundled engine with the semantic layer on, then off."""
    if request.param == "semantic":
        return Engine.load(config)
    return Engine.load(load_config(words_only_config_file))


def write_config(
    folder: Path, store_path: str | Path = "policybot.sqlite3", name: str = "config.yaml"
) -> Path:
    """The example config with `store.path` replaced, written into `folder`."""
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    text = text.replace("path: policybot.sqlite3", f"path: '{store_path}'")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
