"""`python -m bot.bench --quick` runs end to end, says where it is on stderr and prints its figures."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def test_quick_benchmark_reports_progress_on_stderr_and_figures_on_stdout() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.bench", "--quick"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "bench: 1×: run 1 of 1" in result.stderr
    assert "bench: safeguarding check: run 1 of 1" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("engine benchmark:") and "median of 1 runs" in lines[0]
    assert [line.split()[0] for line in lines[2:-1]] == ["1×"]  # the bundled knowledge only
    assert lines[-1].startswith("safeguarding check:")
