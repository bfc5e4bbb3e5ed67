"""House rules that are cheap to check: ruff is clean and the README's commands are the ones CI runs."""

from __future__ import annotations

import re
import subprocess
import sys

from bot.cli.main import _parser
from bot.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_ruff_check_is_clean() -> None:
    folders = [f for f in ("bot", "tests", "bench") if (PROJECT_ROOT / f).exists()]
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *folders], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command in README


def test_every_cli_command_is_documented_in_the_readme() -> None:
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert re.search(rf"policybot {name}\b", README), f"`policybot {name}` is not in the README"
