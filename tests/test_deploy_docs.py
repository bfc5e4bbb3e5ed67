"""The install steps and the README agree with what the code and the unit file really do."""

from __future__ import annotations

import dataclasses
import re
import stat

from bot.config import MatchingConfig
from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
UNIT = (PROJECT_ROOT / "deploy" / "policybot.service").read_text(encoding="utf-8")
STEPS = [line.lstrip("# ").strip() for line in UNIT.splitlines() if line.startswith("#   ")]


def _install(target: str) -> tuple[int, str]:
    """(mode, group) that the install steps give `target`."""
    line = next(
        step for step in STEPS if step.startswith("install ") and step.split("#")[0].split()[-1] == target
    )
    mode = int(re.search(r"-m (\d+)", line).group(1), 8)  # type: ignore[union-attr]
    group = re.search(r"-g (\S+)", line)
    return mode, group.group(1) if group else "root"


def test_the_service_user_can_read_its_config_folder_and_file_but_not_change_them() -> None:
    folder_mode, folder_group = _install("/etc/policybot")
    file_mode, file_group = _install("/etc/policybot/config.yaml")
    assert (folder_group, file_group) == ("policybot", "policybot")
    assert folder_mode & stat.S_IRGRP and folder_mode & stat.S_IXGRP and not folder_mode & stat.S_IWGRP
    assert file_mode & stat.S_IRGRP and not file_mode & stat.S_IWGRP and not file_mode & stat.S_IROTH
    assert "--config /etc/policybot/config.yaml" in UNIT.split("ExecStart=")[1].splitlines()[0]


def test_the_token_file_stays_readable_by_root_only() -> None:
    mode, group = _install("/etc/policybot/env")
    assert (mode, group) == (0o600, "root")


def test_office_commands_are_documented_with_the_config_and_the_service_user() -> None:
    command = "sudo -u policybot /opt/policybot/venv/bin/policybot concerns list"
    command += " --config /etc/policybot/config.yaml"
    assert command in UNIT and command in README


def test_readme_matching_defaults_are_the_codes_defaults() -> None:
    documented = dict(re.findall(r"`matching\.(\w+)` \|[^|]*\(default ([\d.]+|true|false)\)", README))
    defaults = {f.name: f.default for f in dataclasses.fields(MatchingConfig)}
    assert set(documented) == set(defaults)
    flags = {"true": True, "false": False}
    values = {name: flags[v] if v in flags else float(v) for name, v in documented.items()}
    assert values == defaults


def test_readme_says_how_knowledge_edits_are_loaded_and_how_the_config_is_found() -> None:
    assert "loads edited knowledge **without a restart**" in README and "systemctl reload policybot" in README
    assert "ExecReload=/bin/kill -HUP $MAINPID" in UNIT
    assert "`config.yaml` in the current folder" in README and "POLICYBOT_CONFIG" in README
